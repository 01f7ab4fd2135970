use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum StoreError {
    #[error("missing")]
    #[status(404)]
    Missing,
}

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error(transparent)]
    #[status(500)]
    #[api_error(inner_format)]
    Store(StoreError),
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum StoreError {
    #[error("missing")]
    #[status(404)]
    Missing,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(inner_format)]
enum CaseError {
    #[error(transparent)]
    #[api_error(transparent)]
    Store(StoreError),
}

fn main() {}

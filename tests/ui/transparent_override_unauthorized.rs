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
    #[api_error(transparent)]
    #[status(401)]
    Store(StoreError),
}

fn main() {}

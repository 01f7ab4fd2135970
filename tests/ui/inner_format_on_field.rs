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
    Store(#[api_error(inner_format)] StoreError),
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {0} not found")]
    #[status(404)]
    NotFound(#[api_error(expose)] u64),
}

fn main() {}

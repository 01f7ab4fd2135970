use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(header("X-Case" = "{id}"))]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    NotFound { id: u64 },
}

fn main() {}

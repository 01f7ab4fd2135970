use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {0} not found")]
    #[status(404)]
    #[api_error(header("Content-Type" = "text/plain"))]
    NotFound(u64),
}

fn main() {}

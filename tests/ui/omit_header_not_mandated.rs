use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {0} not found")]
    #[status(404)]
    #[api_error(omit_header("WWW-Authenticate"))]
    NotFound(u64),
}

fn main() {}

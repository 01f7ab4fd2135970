use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case not found")]
    #[status(404)]
    #[api_error(format)]
    NotFound,
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = "json api")]
enum CaseError {
    #[error("case not found")]
    #[status(404)]
    NotFound,
}

fn main() {}

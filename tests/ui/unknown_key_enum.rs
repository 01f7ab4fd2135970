use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename = "kebab-case")]
enum CaseError {
    #[error("case not found")]
    #[status(404)]
    NotFound,
}

fn main() {}

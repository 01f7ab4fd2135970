use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "kebab")]
enum CaseError {
    #[error("case not found")]
    #[status(404)]
    NotFound,
}

fn main() {}

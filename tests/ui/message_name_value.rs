use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case not found")]
    #[status(404)]
    #[message = "The case was not found."]
    NotFound,
}

fn main() {}

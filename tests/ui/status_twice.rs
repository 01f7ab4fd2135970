use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case not found")]
    #[status(404)]
    #[status(410)]
    NotFound,
}

fn main() {}

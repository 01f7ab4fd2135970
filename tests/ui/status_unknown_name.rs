use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case not found")]
    #[status(NOT_FUOND)]
    NotFound,
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(404)]
enum CaseError {
    #[error("case not found")]
    NotFound,
}

fn main() {}

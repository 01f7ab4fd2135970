use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case not found")]
    #[stauts(404)]
    NotFound,
}

fn main() {}

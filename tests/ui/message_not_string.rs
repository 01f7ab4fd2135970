use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case not found")]
    #[status(404)]
    #[message(42)]
    NotFound,
}

fn main() {}

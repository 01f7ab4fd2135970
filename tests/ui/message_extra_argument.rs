use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    #[message("Case {} was not found.", id)]
    NotFound { id: u64 },
}

fn main() {}

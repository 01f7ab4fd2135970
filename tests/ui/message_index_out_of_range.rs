use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {0} not found")]
    #[status(404)]
    #[message("Case {3} was not found.")]
    NotFound(u64),
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {case_id} not found")]
    #[status(404)]
    #[message("Case {case_di} was not found.")]
    NotFound { case_id: u64 },
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {0} not found")]
    #[status(404)]
    #[message("No such case.")]
    #[api_error(no_message)]
    NotFound(u64),
}

fn main() {}

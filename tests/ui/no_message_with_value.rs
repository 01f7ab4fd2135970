use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(no_message = true)]
enum CaseError {
    #[error("case {0} not found")]
    #[status(404)]
    NotFound(u64),
}

fn main() {}

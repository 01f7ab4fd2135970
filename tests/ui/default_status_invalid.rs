use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(status = 200)]
enum CaseError {
    #[error("case not found")]
    #[status(404)]
    NotFound,

    #[error("case store failed")]
    Store,
}

fn main() {}

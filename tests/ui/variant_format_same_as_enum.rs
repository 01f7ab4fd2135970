use apifault::{ApiError, JsonApi};

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi)]
enum CaseError {
    #[error("case not found")]
    #[status(404)]
    #[api_error(format = apifault::JsonApi)]
    NotFound,
}

fn main() {}

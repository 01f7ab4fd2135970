use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("unauthorized")]
    #[api_error(transparent)]
    Auth,
}

fn main() {}

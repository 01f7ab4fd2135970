use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error(transparent)]
    #[api_error(transparent)]
    Io(#[from] Box<std::io::Error>),

    #[error(transparent)]
    #[api_error(transparent)]
    Shared(std::sync::Arc<std::io::Error>),
}

fn main() {}

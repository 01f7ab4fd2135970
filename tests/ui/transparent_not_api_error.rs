use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error(transparent)]
    #[api_error(transparent)]
    Io(#[from] std::io::Error),
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum AuthError {
    #[error("expired")]
    #[status(403)]
    Expired,
}

#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    #[error(transparent)]
    #[api_error(transparent, no_message)]
    Auth(#[from] AuthError),
}

fn main() {}

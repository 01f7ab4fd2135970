use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = apifault::JsonApi)]
enum AuthError {
    #[error("expired")]
    #[status(403)]
    Expired,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = apifault::JsonApi)]
enum AppError {
    #[error(transparent)]
    #[api_error(transparent, id = "auth")]
    Auth(#[from] AuthError),
}

fn main() {}

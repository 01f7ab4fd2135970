use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("token expired")]
#[status(401)]
#[api_error(header("WWW-Authenticate" = "Bearer"))]
struct TokenExpired;

#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    #[error(transparent)]
    #[api_error(transparent, member("category" = "auth"))]
    Auth(TokenExpired),
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("session expired")]
#[status(401)]
#[api_error(header("WWW-Authenticate" = "Bearer"))]
pub struct AuthError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error(transparent)]
    #[message("access denied")]
    #[api_error(transparent)]
    Auth(#[from] AuthError),
}

fn main() {}

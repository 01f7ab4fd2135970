use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(no_body)]
enum OAuthError {
    #[error("no token")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Bearer"))]
    NoToken,
}

fn main() {}

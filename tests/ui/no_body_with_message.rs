use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum OAuthError {
    #[error("no token")]
    #[status(401)]
    #[message("A bearer token is required.")]
    #[api_error(no_body, header("WWW-Authenticate" = "Bearer"))]
    NoToken,
}

fn main() {}

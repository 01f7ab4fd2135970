use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum OAuthError {
    #[error("no token")]
    #[status(401)]
    #[api_error(no_body, header("WWW-Authenticate" = "Bearer"))]
    NoToken {
        #[api_error(expose)]
        realm: String,
    },
}

fn main() {}

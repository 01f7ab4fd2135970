use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum AuthError {
    #[error("sign in")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Basic"), omit_header("WWW-Authenticate"))]
    SignIn,
}

fn main() {}

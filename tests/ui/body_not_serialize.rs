use apifault::ApiError;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, thiserror::Error, ApiError)]
enum OAuthError {
    #[error("refused")]
    #[status(400)]
    Refused(#[api_error(body)] Opaque),
}

fn main() {}

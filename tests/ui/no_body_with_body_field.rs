use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum OAuthError {
    #[error("refused")]
    #[status(400)]
    #[api_error(no_body)]
    Refused(#[api_error(body)] serde_json::Value),
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum OAuthError {
    #[error("refused")]
    #[status(400)]
    Refused(#[api_error(body)] serde_json::Value, #[api_error(body)] serde_json::Value),
}

fn main() {}

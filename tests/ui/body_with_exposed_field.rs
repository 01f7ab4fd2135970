use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum OAuthError {
    #[error("refused")]
    #[status(400)]
    Refused {
        #[api_error(body)]
        body: serde_json::Value,
        #[api_error(expose)]
        hint: String,
    },
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(member("help" = "https://docs.example.com/indexes/{index}"))]
enum SearchError {
    #[error("index {index} not found")]
    #[status(404)]
    IndexNotFound { index: String },

    #[error("invalid API key")]
    #[status(403)]
    InvalidApiKey,
}

fn main() {}

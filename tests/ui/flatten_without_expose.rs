use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum MatrixError {
    #[error("limited")]
    #[status(429)]
    #[api_error(header("Retry-After" = "2"))]
    Limited {
        #[api_error(flatten)]
        payload: serde_json::Value,
    },
}

fn main() {}

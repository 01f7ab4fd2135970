use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum MatrixError {
    #[error("unknown")]
    #[status(400)]
    Unknown {
        #[api_error(expose(flaten))]
        payload: serde_json::Value,
    },
}

fn main() {}

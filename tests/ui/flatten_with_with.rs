use apifault::ApiError;

mod as_text {
    pub fn serialize<S: serde::Serializer>(value: &serde_json::Value, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
enum MatrixError {
    #[error("unknown")]
    #[status(400)]
    Unknown {
        #[api_error(expose(flatten, with = as_text))]
        payload: serde_json::Value,
    },
}

fn main() {}

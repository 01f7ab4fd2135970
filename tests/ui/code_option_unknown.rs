use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum RequestError {
    #[error("malformed JSON")]
    #[status(400)]
    #[code("BAD_REQUEST", share)]
    MalformedJson,
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum RequestError {
    #[error("malformed JSON")]
    #[status(400)]
    #[code("BAD_REQUEST", shared)]
    MalformedJson,

    #[error("missing parameter")]
    #[status(400)]
    #[code("BAD_REQUEST")]
    MissingParameter,
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum RequestError {
    #[error("malformed JSON")]
    #[status(400)]
    #[code("BAD_REQUEST", shared)]
    MalformedJson,

    #[error("missing parameter")]
    #[status(422)]
    #[code("BAD_REQUEST", shared)]
    MissingParameter,
}

fn main() {}

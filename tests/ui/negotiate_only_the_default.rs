use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = apifault::Boom, negotiate(apifault::Boom))]
enum ObjectError {
    #[error("no such key")]
    #[status(404)]
    NoSuchKey,
}

fn main() {}

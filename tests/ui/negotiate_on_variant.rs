use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum ObjectError {
    #[error("no such key")]
    #[status(404)]
    #[api_error(negotiate(apifault::Problem, apifault::Boom))]
    NoSuchKey,
}

fn main() {}

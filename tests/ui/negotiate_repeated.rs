use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(negotiate(apifault::Problem, apifault::Boom, apifault::Problem))]
enum ObjectError {
    #[error("no such key")]
    #[status(404)]
    NoSuchKey,
}

fn main() {}

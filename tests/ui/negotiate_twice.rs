use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(negotiate(apifault::Problem, apifault::Boom), negotiate(apifault::JsonApi, apifault::Boom))]
enum ObjectError {
    #[error("no such key")]
    #[status(404)]
    NoSuchKey,
}

fn main() {}

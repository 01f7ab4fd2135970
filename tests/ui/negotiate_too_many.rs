use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(negotiate(apifault::Problem, apifault::Boom, apifault::JsonApi, a::A, a::B, a::C, a::D, a::E, a::F))]
enum ObjectError {
    #[error("no such key")]
    #[status(404)]
    NoSuchKey,
}

fn main() {}

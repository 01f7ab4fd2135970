use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("inner")]
#[status(400)]
struct Inner;

#[derive(Debug, thiserror::Error, ApiError)]
enum Outer {
    #[error(transparent)]
    #[api_error(transparent)]
    Inner(#[api_error(status)] Inner),
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum RangeError {
    #[error("bad range")]
    #[status(416)]
    #[api_error(code)]
    Invalid { kind: &'static str },
}

fn main() {}

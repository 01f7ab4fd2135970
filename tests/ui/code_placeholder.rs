use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum RangeError {
    #[error("bad range")]
    #[status(416)]
    #[code("{kind}")]
    Invalid { kind: &'static str },
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("no such order")]
struct NoOrder {
    id: u64,
}

fn main() {}

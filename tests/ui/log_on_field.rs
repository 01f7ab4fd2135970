use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum StorageError {
    #[error("bucket {0} not found")]
    #[status(404)]
    NoSuchBucket(#[api_error(log = "info")] String),
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum StorageError {
    #[error("bucket not found")]
    #[status(404)]
    #[api_error(log = false, log = "info")]
    NoSuchBucket,
}

fn main() {}

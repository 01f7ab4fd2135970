use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum StorageError {
    #[error("bucket not found")]
    #[status(404)]
    #[api_error(log = tracing::Level::INFO)]
    NoSuchBucket,
}

fn main() {}

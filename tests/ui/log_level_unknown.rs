use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum StorageError {
    #[error("bucket not found")]
    #[status(404)]
    #[api_error(log = "inf")]
    NoSuchBucket,
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(log = "off")]
enum StorageError {
    #[error("bucket not found")]
    #[status(404)]
    NoSuchBucket,
}

fn main() {}

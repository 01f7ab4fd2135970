use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code_header = "x error code")]
enum StorageError {
    #[error("the container was not found")]
    #[status(404)]
    ContainerNotFound,
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum StorageError {
    #[error("the container was not found")]
    #[status(404)]
    #[api_error(code_header = "x-ms-error-code")]
    ContainerNotFound,
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code_header = "Content-Type")]
enum StorageError {
    #[error("the container was not found")]
    #[status(404)]
    ContainerNotFound,
}

fn main() {}

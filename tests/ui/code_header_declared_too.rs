use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code_header = "x-ms-error-code")]
enum StorageError {
    #[error("the container was not found")]
    #[status(404)]
    #[api_error(header("X-MS-Error-Code" = "ContainerNotFound"))]
    ContainerNotFound,
}

fn main() {}

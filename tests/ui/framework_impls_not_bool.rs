use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(framework_impls = "no")]
enum AppError {
    #[error("case not found")]
    #[status(404)]
    NotFound,
}

fn main() {}

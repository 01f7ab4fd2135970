use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("gone")]
#[status(410)]
struct Gone;

#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    #[error(transparent)]
    #[api_error(transparent, no_body)]
    Gone(Gone),
}

fn main() {}

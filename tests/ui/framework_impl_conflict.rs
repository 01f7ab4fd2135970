use apifault::ApiError;
use axum::response::{IntoResponse, Response};

#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    #[error("case not found")]
    #[status(404)]
    NotFound,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        apifault::axum::into_response::<<Self as ApiError>::Format, Self>(&self)
    }
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum MatrixError {
    #[error("matrix error {0}")]
    #[status(400)]
    #[api_error(codes("M_UNKNOWN", "not_found"))]
    Matrix(#[api_error(code)] String),

    #[error("not found")]
    #[status(404)]
    NotFound,
}

fn main() {}

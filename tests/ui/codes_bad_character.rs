use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum MatrixError {
    #[error("matrix error {0}")]
    #[status(400)]
    #[api_error(codes("M_UNKNOWN", "M FORBIDDEN"))]
    Matrix(#[api_error(code)] String),
}

fn main() {}

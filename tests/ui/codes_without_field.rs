use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum MatrixError {
    #[error("matrix error")]
    #[status(400)]
    #[api_error(codes("M_UNKNOWN"))]
    Matrix,
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("read-only")]
    #[status(405)]
    #[api_error(header("Allow" = ""))]
    ReadOnly,
}

fn main() {}

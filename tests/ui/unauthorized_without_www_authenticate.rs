use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("sign in first")]
    #[status(401)]
    Unauthorized,
}

fn main() {}

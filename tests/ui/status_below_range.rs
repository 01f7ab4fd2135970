use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case created")]
    #[status(200)]
    Created,
}

fn main() {}

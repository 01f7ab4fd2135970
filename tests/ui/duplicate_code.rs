use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case not found")]
    #[status(404)]
    #[code("missing")]
    NotFound,

    #[error("attachment not found")]
    #[status(404)]
    #[code("missing")]
    NoAttachment,
}

fn main() {}

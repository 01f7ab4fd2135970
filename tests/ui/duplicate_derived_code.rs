use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "kebab-case")]
enum CaseError {
    #[error("case not found")]
    #[status(404)]
    NotFound,

    #[error("attachment not found")]
    #[status(404)]
    #[code("not-found")]
    NoAttachment,
}

fn main() {}

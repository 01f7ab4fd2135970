use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case moved")]
    #[status(410)]
    #[api_error(header("Link" = "</cases/new>\r\nSet-Cookie: x=1"))]
    Moved,
}

fn main() {}

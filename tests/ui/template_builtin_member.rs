use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum ImportError {
    #[error("files rejected")]
    #[status(400)]
    #[api_error(link = "https://docs.example.com/errors/{code.len}")]
    Files(Vec<String>),
}

fn main() {}

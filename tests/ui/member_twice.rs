use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum SearchError {
    #[error("index not found")]
    #[status(404)]
    #[api_error(member("link" = "https://docs.example.com/a"), member("link" = "https://docs.example.com/b"))]
    IndexNotFound,
}

fn main() {}

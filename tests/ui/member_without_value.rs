use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum SearchError {
    #[error("index not found")]
    #[status(404)]
    #[api_error(member("category"))]
    IndexNotFound,
}

fn main() {}

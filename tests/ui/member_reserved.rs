use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(member("type" = "invalid_request"))]
enum SearchError {
    #[error("index not found")]
    #[status(404)]
    IndexNotFound,
}

fn main() {}

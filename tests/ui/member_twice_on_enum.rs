use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(member("category" = "search"), member("category" = "index"))]
enum SearchError {
    #[error("index not found")]
    #[status(404)]
    IndexNotFound,
}

fn main() {}

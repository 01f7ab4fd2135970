use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum SearchError {
    #[error("index {index} not found")]
    #[status(404)]
    IndexNotFound {
        #[api_error(member("category" = "search"))]
        index: String,
    },
}

fn main() {}

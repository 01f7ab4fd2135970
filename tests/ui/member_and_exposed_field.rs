use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(member("index" = "default"))]
enum SearchError {
    #[error("index {index} not found")]
    #[status(404)]
    IndexNotFound {
        #[api_error(expose)]
        index: String,
    },
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = apifault::JsonApi)]
enum ArticleError {
    #[error("unknown sort field")]
    #[status(400)]
    #[api_error(source(paramter = "sort"))]
    BadSort,
}

fn main() {}

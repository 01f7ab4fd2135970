use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = apifault::JsonApi)]
enum ArticleError {
    #[error("invalid {field}")]
    #[status(422)]
    #[api_error(source(pointer = "/data/attributes/{feild}"))]
    Invalid { field: String },
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = apifault::JsonApi)]
enum ArticleError {
    #[error("the title is missing")]
    #[status(422)]
    #[api_error(source(pointer = "data/attributes/title"))]
    MissingTitle,
}

fn main() {}

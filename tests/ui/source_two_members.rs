use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = apifault::JsonApi)]
enum ArticleError {
    #[error("stale")]
    #[status(412)]
    #[api_error(source(header = "If-Match", parameter = "version"))]
    Stale,
}

fn main() {}

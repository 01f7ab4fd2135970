use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum UpstreamError {
    #[error("upstream answered {0}")]
    #[status(502)]
    Relayed(#[api_error(status)] i32),
}

fn main() {}

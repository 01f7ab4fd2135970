use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum UpstreamError {
    #[error("upstream answered {0}")]
    #[status(502)]
    Relayed(#[api_error(status)] u16, #[api_error(status)] u16),
}

fn main() {}

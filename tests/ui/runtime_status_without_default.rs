use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum UpstreamError {
    #[error("upstream answered {0}")]
    Relayed(#[api_error(status)] u16),
}

fn main() {}

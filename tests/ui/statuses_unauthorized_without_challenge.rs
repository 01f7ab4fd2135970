use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum UpstreamError {
    #[error("upstream answered {0}")]
    #[status(502)]
    #[api_error(statuses(401, 503))]
    Relayed(#[api_error(status)] u16),
}

fn main() {}

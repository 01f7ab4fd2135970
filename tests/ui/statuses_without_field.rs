use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum UpstreamError {
    #[error("upstream failed")]
    #[status(502)]
    #[api_error(statuses(503, 504))]
    Relayed,
}

fn main() {}

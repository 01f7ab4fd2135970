use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum UpstreamError {
    #[error("upstream answered {errcode}")]
    #[status(502)]
    Relayed {
        #[api_error(code)]
        errcode: u32,
    },
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum ImportError {
    #[error("pair rejected")]
    #[status(409)]
    #[message("Row {0.} was rejected.")]
    Pair((u32, String)),
}

fn main() {}

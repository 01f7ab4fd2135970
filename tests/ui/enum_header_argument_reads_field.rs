use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(header("X-Files" = "{}", .0.len()))]
enum ImportError {
    #[error("files rejected")]
    #[status(400)]
    Files(Vec<String>),
}

fn main() {}

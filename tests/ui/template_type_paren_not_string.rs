use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum ImportError {
    #[error("files rejected")]
    #[status(400)]
    #[api_error(type(files, .0.len()))]
    Files(Vec<String>),
}

fn main() {}

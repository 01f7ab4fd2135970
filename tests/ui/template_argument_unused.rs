use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum ImportError {
    #[error("files rejected")]
    #[status(400)]
    #[message("Files were rejected.", .0.len())]
    Files(Vec<String>),
}

fn main() {}

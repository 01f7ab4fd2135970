use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum ImportError {
    #[error("files rejected")]
    #[status(400)]
    #[message("{first.len} files were rejected.", first = .0.first())]
    Files(Vec<String>),
}

fn main() {}

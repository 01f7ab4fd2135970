use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum ImportError {
    #[error("rows rejected")]
    #[status(422)]
    #[message("Rows {rang.start} to {range.end} were rejected.")]
    RowsRejected { range: std::ops::Range<u32> },
}

fn main() {}

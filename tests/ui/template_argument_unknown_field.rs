use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum ImportError {
    #[error("rows rejected")]
    #[status(422)]
    #[message("{} rows were rejected.", .rang.len())]
    RowsRejected { range: std::ops::Range<u32> },
}

fn main() {}

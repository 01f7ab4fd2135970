use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case store failed")]
    #[status(600)]
    Store,
}

fn main() {}

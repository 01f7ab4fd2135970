use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("cases cannot be deleted")]
    #[status(METHOD_NOT_ALLOWED)]
    CannotDelete,
}

fn main() {}

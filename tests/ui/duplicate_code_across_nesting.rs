use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum StoreError {
    #[error("the record changed meanwhile")]
    #[status(500)]
    #[code("conflict")]
    Conflict,
}

#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    #[error("the name is taken")]
    #[status(409)]
    #[code("conflict")]
    NameTaken,

    #[error(transparent)]
    #[api_error(transparent)]
    Store(Box<StoreError>),
}

fn main() {}

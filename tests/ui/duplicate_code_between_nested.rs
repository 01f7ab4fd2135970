use std::sync::Arc;

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum StoreError {
    #[error("the record changed meanwhile")]
    #[status(500)]
    #[code("conflict")]
    Conflict,
}

#[derive(Debug, thiserror::Error, ApiError)]
enum AccountError {
    #[error("the name is taken")]
    #[status(409)]
    #[code("conflict")]
    NameTaken,
}

/// `AccountError` two levels down, behind a transparent struct and an `Arc`.
#[derive(Debug, thiserror::Error, ApiError)]
#[error(transparent)]
#[api_error(transparent)]
struct Accounts(Arc<AccountError>);

#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    #[error(transparent)]
    #[api_error(transparent)]
    Store(StoreError),

    #[error(transparent)]
    #[api_error(transparent)]
    Accounts(Box<Accounts>),
}

fn main() {}

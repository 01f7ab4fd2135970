use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError<E: ApiError> {
    #[error(transparent)]
    #[api_error(transparent)]
    #[status(404)]
    Inner(E),
}

fn main() {}

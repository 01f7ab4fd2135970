use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    NotFound {
        #[api_error(format = apifault::JsonApi)]
        id: u64,
    },
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    NotFound {
        #[api_error(code_in_body = false)]
        id: u64,
    },
}

fn main() {}

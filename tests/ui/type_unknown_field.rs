use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    #[api_error(type = "https://docs.example.com/errors/{kind}")]
    NotFound { id: u64 },
}

fn main() {}

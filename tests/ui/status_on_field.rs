use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {id} not found")]
    NotFound {
        #[status(404)]
        id: u64,
    },
}

fn main() {}

use apifault::ApiError;

#[derive(Debug)]
pub struct CaseId(u64);

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {id:?} not found")]
    #[status(404)]
    NotFound {
        #[api_error(expose)]
        id: CaseId,
    },
}

fn main() {}

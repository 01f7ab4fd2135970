use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case is {state}")]
    #[status(409)]
    WrongState {
        #[api_error(expose = "status")]
        state: String,
    },
}

fn main() {}

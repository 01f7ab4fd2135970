use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("invalid case")]
    #[status(422)]
    Invalid {
        #[api_error(violations)]
        errors: Vec<String>,
    },
}

fn main() {}

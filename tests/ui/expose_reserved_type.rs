use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("no such case type")]
    #[status(404)]
    NotFound {
        #[api_error(expose)]
        r#type: String,
    },
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("a case of this name exists")]
    #[status(409)]
    #[api_error(grpc_code(409 = ALREADY_EXISTS))]
    Duplicate,
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("a case of this name exists")]
    #[status(409)]
    #[api_error(grpc_code = ALREADY_EXIST)]
    Duplicate,
}

fn main() {}

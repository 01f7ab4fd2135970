use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(grpc_code = ALREADY_EXISTS)]
enum CaseError {
    #[error("a case of this name exists")]
    #[status(409)]
    Duplicate,
}

fn main() {}

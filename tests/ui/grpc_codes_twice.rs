use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(grpc_codes(409 = ALREADY_EXISTS, 400 = OUT_OF_RANGE, 409 = ABORTED))]
enum CaseError {
    #[error("a case of this name exists")]
    #[status(409)]
    Duplicate,
}

fn main() {}

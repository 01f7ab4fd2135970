use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("no user")]
#[status(404)]
struct NoUser;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error(transparent)]
    #[api_error(transparent, grpc_code = FAILED_PRECONDITION)]
    User(NoUser),
}

fn main() {}

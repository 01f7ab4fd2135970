use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(grpc_domain = "cases.example.com", grpc_domain = "example.com")]
enum CaseError {
    #[error("a case of this name exists")]
    #[status(409)]
    Duplicate,
}

fn main() {}

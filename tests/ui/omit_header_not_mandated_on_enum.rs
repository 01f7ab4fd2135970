use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(omit_header("Retry-After"))]
enum CaseError {
    #[error("slow down")]
    #[status(429)]
    Limited,
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("slow down")]
    #[status(429)]
    #[api_error(header)]
    RateLimited,
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("slow down")]
    #[status(429)]
    #[api_error(header("Retry-After" = "two minutes"))]
    RateLimited,
}

fn main() {}

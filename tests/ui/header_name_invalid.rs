use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("slow down")]
    #[status(429)]
    #[api_error(header("Retry After" = "120"))]
    RateLimited,
}

fn main() {}

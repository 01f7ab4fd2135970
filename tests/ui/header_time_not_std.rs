use apifault::ApiError;

/// A house duration in minutes, not `std::time::Duration`.
#[derive(Debug)]
struct Duration(u64);

#[derive(Debug, thiserror::Error, ApiError)]
enum LimitError {
    #[error("slow down")]
    #[status(429)]
    #[api_error(header("Retry-After" = "{wait}"))]
    RateLimited { wait: Duration },
}

fn main() {}

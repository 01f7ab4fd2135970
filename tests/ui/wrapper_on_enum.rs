use apifault::ApiError;

#[derive(Debug, ApiError)]
#[api_error(wrapper)]
enum AppError {
    #[status(500)]
    Any(Box<dyn std::error::Error + Send + Sync>),
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, ApiError)]
#[api_error(wrapper)]
#[status(500)]
struct AppError(Box<dyn std::error::Error + Send + Sync>, u32);

fn main() {}

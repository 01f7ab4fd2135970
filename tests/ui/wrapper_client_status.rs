use apifault::ApiError;

#[derive(Debug, ApiError)]
#[api_error(wrapper)]
#[status(404)]
struct AppError(Box<dyn std::error::Error + Send + Sync>);

fn main() {}

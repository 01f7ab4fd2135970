use apifault::ApiError;

#[derive(Debug, ApiError)]
#[api_error(wrapper(search(NotFound)))]
#[status(500)]
struct AppError(Box<dyn std::error::Error + Send + Sync>);

fn main() {}

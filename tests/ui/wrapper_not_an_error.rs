use apifault::ApiError;

#[derive(Debug, ApiError)]
#[api_error(wrapper)]
#[status(500)]
struct AppError(String);

fn main() {}

use apifault::ApiError;

#[derive(Debug, ApiError)]
enum CaseError {
    #[status(404)]
    #[code("")]
    NotFound,
}

fn main() {}

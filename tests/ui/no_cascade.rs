use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(status = 500, rename_all = "kebab-case")]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    NotFound { id: u64 },

    #[error("case is locked")]
    #[status(LOKED)]
    Locked,
}

fn respond<E: ApiError>(error: &E) -> u16 {
    error.status().as_u16()
}

fn main() {
    let error = CaseError::NotFound { id: 7 };
    let _: String = error.to_string();
    let _ = error.status();
    let _ = error.code();
    let _ = error.to_response();
    let _ = respond(&error);
    let _: Box<dyn std::error::Error> = Box::new(CaseError::Locked);
}

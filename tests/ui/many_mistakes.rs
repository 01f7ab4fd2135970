use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "kebab-case")]
enum CaseError {
    #[error("case {id} not found")]
    #[status(NOT_FUOND)]
    NotFound { id: u64 },

    #[error("case is locked")]
    Locked,

    #[error("case {id} is closed")]
    #[status(409)]
    #[message("Case {idd} is closed.")]
    Closed { id: u64 },

    #[error("note too long")]
    #[status(422)]
    #[code("note too long")]
    NoteTooLong,

    #[error("slow down")]
    #[status(429)]
    #[api_error(header("Retry-After" = "later"))]
    RateLimited,

    #[error("database failed")]
    #[status(500)]
    #[api_error(transparant)]
    Database,
}

fn main() {}

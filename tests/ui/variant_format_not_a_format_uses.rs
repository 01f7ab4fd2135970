use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum StoreError {
    #[error("gone")]
    #[status(410)]
    Gone,
}

// Each path is one error, however many places the expansion uses the format in: the
// entry, the catalogue of a transparent variant, the response, the exposed-member check.
#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error(transparent)]
    #[api_error(transparent, format = String)]
    Store(StoreError),

    #[error("case {id} is locked")]
    #[status(423)]
    #[api_error(format = u8)]
    Locked {
        #[api_error(expose)]
        id: u64,
    },

    #[error("case {id} is archived")]
    #[status(410)]
    #[api_error(format = u8)]
    Archived {
        #[api_error(expose)]
        id: u64,
    },
}

fn main() {}

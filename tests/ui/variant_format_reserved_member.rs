use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    // `message` is free in the enum's `Problem`, but Boom, the variant's format, writes it.
    #[error("case is locked")]
    #[status(423)]
    #[api_error(format = apifault::Boom)]
    Locked {
        #[api_error(expose)]
        message: String,
    },
}

fn main() {}

use apifault::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = apifault::Boom)]
enum StepError {
    #[error("step {status} is locked")]
    #[status(423)]
    Locked {
        #[api_error(expose = "statusCode")]
        status: u16,
    },
}

fn main() {}

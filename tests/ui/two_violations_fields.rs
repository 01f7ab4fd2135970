use apifault::{ApiError, FieldViolation};

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("invalid case")]
    #[status(422)]
    Invalid {
        #[api_error(violations)]
        fields: Vec<FieldViolation>,
        #[api_error(violations)]
        notes: Vec<FieldViolation>,
    },
}

fn main() {}

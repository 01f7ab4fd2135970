use apifault::{ApiError, FieldViolation};

mod as_count {
    pub fn serialize<S: serde::Serializer>(value: &[apifault::FieldViolation], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(value.len() as u64)
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
enum FormError {
    #[error("invalid")]
    #[status(400)]
    Invalid {
        #[api_error(violations, expose(with = as_count))]
        errors: Vec<FieldViolation>,
    },
}

fn main() {}

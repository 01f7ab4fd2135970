use apifault::ApiError;

mod a {
    pub fn serialize<S: serde::Serializer>(_: &u8, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("conflict")]
    #[status(409)]
    Conflict {
        #[api_error(expose(with = a, serialize_with = a::serialize))]
        version: u8,
    },
}

fn main() {}

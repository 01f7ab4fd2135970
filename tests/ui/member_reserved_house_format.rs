use apifault::{ApiError, Context, Format, RenderError};

struct Meilisearch;

impl Format for Meilisearch {
    const CONTENT_TYPE: &'static str = "application/json";
    const RESERVED_MEMBERS: &'static [&'static str] = &["message", "code"];

    fn write_body<E: ApiError>(_: &E, _: &Context<'_>, _: &mut Vec<u8>) -> Result<(), RenderError> {
        Ok(())
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Meilisearch)]
enum SearchError {
    #[error("index not found")]
    #[status(404)]
    #[api_error(member("code" = "index_not_found"))]
    IndexNotFound,
}

fn main() {}

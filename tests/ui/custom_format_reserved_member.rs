use apifault::{ApiError, Context, Format, RenderError};

/// `{"code": "...", "message": "..."}`
pub struct House;

impl Format for House {
    const CONTENT_TYPE: &'static str = "application/json";
    const RESERVED_MEMBERS: &'static [&'static str] = &["code", "message"];

    fn write_body<E: ApiError>(_: &E, _: &Context<'_>, _: &mut Vec<u8>) -> Result<(), RenderError> {
        Ok(())
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = House)]
enum CaseError {
    #[error("case is locked: {message}")]
    #[status(423)]
    Locked {
        #[api_error(expose)]
        message: String,
    },
}

fn main() {}

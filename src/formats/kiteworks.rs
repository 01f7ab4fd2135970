//! Kiteworks's error body, a house format written against apifault's public API only.
//!
//! ```json
//! {"code": "ERR_INVALID_PARAMETER", "field": "email", "message": "…"}
//! ```
//!
//! `field` appears only when the error concerns one: the variant's
//! `#[api_error(source(parameter = "email"))]`, else the first violation's path
//! (`profile.email`), whose message then is the `message` too, so the two agree. Exposed
//! fields follow as extra members. Non-standard statuses such as 490 work as any other.

use apifault::{ApiError, Context, Format, Part, RenderError, Text, phrase};
use serde::ser::{SerializeMap, Serializer};

/// Kiteworks's `{code, field?, message}`, `application/json`.
pub struct Kiteworks;

impl Format for Kiteworks {
    const CONTENT_TYPE: &'static str = "application/json";
    const RESERVED_MEMBERS: &'static [&'static str] = &["code", "field", "message"];

    fn write_body<E: ApiError>(
        error: &E,
        _: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let violations = error.violations();
        let first = violations.iter().next();
        let mut serializer = serde_json::Serializer::new(out);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", error.code())?;
        match (Text::of(error, Part::SourceParameter), first) {
            (Some(parameter), _) => map.serialize_entry("field", &parameter)?,
            (None, Some(violation)) => map.serialize_entry("field", &violation.path().dotted())?,
            (None, None) => {}
        }
        match (first, error.message()) {
            (Some(violation), _) => map.serialize_entry("message", violation.message())?,
            (None, Some(message)) => map.serialize_entry("message", &message)?,
            (None, None) => map.serialize_entry(
                "message",
                error
                    .title()
                    .or(phrase::rfc9110(error.status()))
                    .unwrap_or(""),
            )?,
        }
        error.serialize_members(&mut map, Self::RESERVED_MEMBERS)?;
        map.end()?;
        Ok(())
    }
}

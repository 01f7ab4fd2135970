//! awork's error object, a house format written against apifault's public API only.
//!
//! ```json
//! {"code": "validation-failed", "description": "…", "link": "", "details": ["…"],
//!  "validationErrors": [{"property": "Name", "message": "'Name' should not be empty."}]}
//! ```
//!
//! All five members are always present: `link` is `""` without `#[api_error(link)]`,
//! `details` is `[]` unless the variant exposes a field named `details` (a list of hints),
//! `validationErrors` is `[]` without violations. `description` is the public message, or
//! for a 5xx without one the title or status phrase. No other field reaches the body.

use apifault::{ApiError, Context, Format, Members, RenderError, Violation, phrase};
use serde::ser::{SerializeMap, Serializer};

/// awork's `{code, description, link, details, validationErrors}`, `application/json`.
pub struct Awork;

impl Format for Awork {
    const CONTENT_TYPE: &'static str = "application/json";
    const RESERVED_MEMBERS: &'static [&'static str] =
        &["code", "description", "link", "validationErrors"];

    fn write_body<E: ApiError>(
        error: &E,
        _: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let mut serializer = serde_json::Serializer::new(out);
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("code", error.code())?;
        match error.message() {
            Some(message) => map.serialize_entry("description", &message)?,
            None => map.serialize_entry(
                "description",
                error
                    .title()
                    .or(phrase::rfc9110(error.status()))
                    .unwrap_or(""),
            )?,
        }
        match error.link() {
            Some(link) => map.serialize_entry("link", &link)?,
            None => map.serialize_entry("link", "")?,
        }
        match Members::of(error).get("details") {
            Some(details) => map.serialize_entry("details", &details)?,
            None => map.serialize_entry("details", &[] as &[&str])?,
        }
        let items = error
            .violations()
            .serialize_each(|v: &dyn Violation| ValidationError {
                property: v.path().dotted(),
                message: v.message(),
            });
        map.serialize_entry("validationErrors", &items)?;
        map.end()?;
        Ok(())
    }
}

/// One `validationErrors` item: the field as awork names it (`Name`, `Tasks[0].Name`).
#[derive(serde::Serialize)]
struct ValidationError<'a, P> {
    property: P,
    message: &'a str,
}

use serde::Serializer;
use serde::ser::SerializeMap;

use crate::__private::Fmt;
use crate::{ApiError, Context, Format, RenderError, Violation, phrase};

/// RFC 9457 problem details, `application/problem+json`: the default format.
///
/// Members, in order: `type` (`about:blank` unless declared), `title` (declared, else the
/// RFC 9110 status phrase), `status` (always the HTTP status), `detail` (the public
/// message, absent for a 5xx without `#[message]`), `instance` (declared, else the request
/// path when known), then the extension members `code` (unless `code_in_body = false`),
/// `request_id` (when known), the exposed fields in declaration order, and `errors`, one
/// `{"detail", "pointer"}` object per violation with the pointer as a URI fragment
/// (`#/profile/color`), as RFC 9457 §3 shows.
///
/// ```
/// use apifault::ApiError;
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum AccountError {
///     #[error("no account {0}")]
///     #[status(404)]
///     NotFound(u64),
/// }
///
/// let body = AccountError::NotFound(12345).to_response().into_body();
/// assert_eq!(
///     String::from_utf8(body).unwrap(),
///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no account 12345","code":"not_found"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Problem;

impl Format for Problem {
    const CONTENT_TYPE: &'static str = "application/problem+json";
    const RESERVED_MEMBERS: &'static [&'static str] = &[
        "type",
        "title",
        "status",
        "detail",
        "instance",
        "code",
        "request_id",
        "errors",
    ];

    fn write_body<E: ApiError>(
        error: &E,
        context: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let status = error.status();
        let mut serializer = serde_json::Serializer::new(out);
        let mut map = serializer.serialize_map(None)?;
        match error.type_uri() {
            Some(type_uri) => map.serialize_entry("type", &type_uri)?,
            None => map.serialize_entry("type", "about:blank")?,
        }
        if let Some(title) = error.title().or_else(|| phrase::rfc9110(status)) {
            map.serialize_entry("title", title)?;
        }
        map.serialize_entry("status", &status.as_u16())?;
        if let Some(message) = error.message() {
            map.serialize_entry("detail", &message)?;
        }
        match error.instance() {
            Some(instance) => map.serialize_entry("instance", &instance)?,
            None => {
                if let Some(instance) = context.instance {
                    map.serialize_entry("instance", instance)?;
                }
            }
        }
        if error.code_in_body() {
            map.serialize_entry("code", error.code())?;
        }
        if let Some(request_id) = context.request_id {
            map.serialize_entry("request_id", request_id)?;
        }
        error.serialize_members(&mut map)?;
        let violations = error.violations();
        if !violations.is_empty() {
            map.serialize_entry("errors", &violations.serialize_each(ProblemViolation))?;
        }
        map.end()?;
        Ok(())
    }

    fn size_hint<E: ApiError>(error: &E, context: &Context<'_>) -> usize {
        let entry = error.entry();
        let mut size =
            96 + entry.code.len() + entry.title.map_or(32, str::len) + entry.members.len() * 48;
        if entry.public_message {
            size += 128;
        }
        size += context.instance.map_or(0, str::len) + context.request_id.map_or(0, str::len);
        let violations = error.violations();
        for violation in violations.iter() {
            size += 40 + violation.message().len() + violation.path().segments().len() * 16;
        }
        size
    }
}

struct ProblemViolation<'a>(&'a dyn Violation);

impl serde::Serialize for ProblemViolation<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let violation = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("detail", violation.message())?;
        let pointer = violation.path().pointer();
        map.serialize_entry("pointer", &Fmt::str(|f| write!(f, "#{pointer}")))?;
        if let Some(code) = violation.code() {
            map.serialize_entry("code", code)?;
        }
        map.end()
    }
}

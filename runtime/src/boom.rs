use http::StatusCode;
use serde::ser::{SerializeMap, Serializer};

use crate::{ApiError, Context, Format, RenderError, Violation, phrase};

/// hapi's Boom payload, `application/json`, as Node.js services built on hapi answer.
///
/// Members, in order:
///
/// | member | from |
/// |---|---|
/// | `statusCode` | the HTTP status, as a number |
/// | `error` | the Node.js status phrase (`"Payload Too Large"`, `"Unprocessable Entity"`, `"I'm a Teapot"`), `"Unknown"` for codes Node.js does not name (see [`phrase::nodejs`]) |
/// | `message` | the public message; the status phrase when there is none (a 5xx without `#[message]`); a 500's is always `"An internal server error occurred"`, declared or not, as hapi masks it |
/// | exposed fields | in declaration order, as extra payload members (hapi's `output.payload` decorations) |
/// | `errors` | only when there are violations: Joi-style `{"message", "path", "type"}` items, `path` as an array of keys and indices (`["steps", 0, "title"]`), `type` the violation's code, else the error's |
///
/// Boom's payload has no machine code member, so the error's code is not written
/// (expose a field if clients need one). Reserved member names: `statusCode`, `error`,
/// `message`, and `errors` on variants with violations.
///
/// ```
/// use apifault::{ApiError, Boom, FieldViolation, PathSegment};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api_error(format = Boom)]
/// enum CaseError {
///     #[error("invalid case")]
///     #[status(400)]
///     #[message("A human-readable description of the error")]
///     Invalid {
///         #[api_error(violations)]
///         errors: Vec<FieldViolation>,
///     },
/// }
///
/// let error = CaseError::Invalid {
///     errors: vec![FieldViolation::new(
///         [PathSegment::from("steps"), PathSegment::from(0), PathSegment::from("title")],
///         "is required",
///     )
///     .with_code("any.required")],
/// };
/// assert_eq!(
///     String::from_utf8(error.to_response().into_body()).unwrap(),
///     r#"{"statusCode":400,"error":"Bad Request","message":"A human-readable description of the error","errors":[{"message":"is required","path":["steps",0,"title"],"type":"any.required"}]}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Boom;

/// What hapi sends as every 500's message.
const MASKED: &str = "An internal server error occurred";

impl Format for Boom {
    const CONTENT_TYPE: &'static str = "application/json";
    const RESERVED_MEMBERS: &'static [&'static str] = &["statusCode", "error", "message", "errors"];

    fn write_body<E: ApiError>(
        error: &E,
        _: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let status = error.status();
        let phrase = phrase::nodejs(status).unwrap_or("Unknown");
        let mut serializer = serde_json::Serializer::new(out);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("statusCode", &status.as_u16())?;
        map.serialize_entry("error", phrase)?;
        match error.message() {
            _ if status == StatusCode::INTERNAL_SERVER_ERROR => {
                map.serialize_entry("message", MASKED)?;
            }
            Some(message) => map.serialize_entry("message", &message)?,
            None => map.serialize_entry("message", phrase)?,
        }
        error.serialize_members(&mut map)?;
        let violations = error.violations();
        if !violations.is_empty() {
            let code = error.code();
            map.serialize_entry(
                "errors",
                &violations.serialize_each(move |violation| JoiItem { violation, code }),
            )?;
        }
        map.end()?;
        Ok(())
    }

    #[cfg(feature = "utoipa")]
    fn body_schema() -> Option<::utoipa::openapi::RefOr<::utoipa::openapi::schema::Schema>> {
        Some(<Self as ::utoipa::PartialSchema>::schema())
    }

    fn size_hint<E: ApiError>(error: &E, _: &Context<'_>) -> usize {
        let entry = error.entry();
        let status = error.status();
        let phrase = phrase::nodejs(status).map_or(7, str::len);
        // `{"statusCode":404,"error":"…","message":"…"}` is 42 bytes around the two texts;
        // an interpolated message is estimated as a typical sentence.
        let message = if status == StatusCode::INTERNAL_SERVER_ERROR {
            MASKED.len()
        } else if entry.public_message {
            96
        } else {
            phrase
        };
        let mut size = 48 + phrase + message + entry.members.len() * 40;
        for violation in error.violations().iter() {
            size += 40 + violation.message().len() + violation.path().segments().len() * 16;
            size += violation.code().map_or(entry.code.len(), str::len);
        }
        size
    }
}

/// One Joi `ValidationError.details` item, without `context`.
struct JoiItem<'a> {
    violation: &'a dyn Violation,
    code: &'a str,
}

impl serde::Serialize for JoiItem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("message", self.violation.message())?;
        map.serialize_entry("path", &self.violation.path())?;
        map.serialize_entry("type", self.violation.code().unwrap_or(self.code))?;
        map.end()
    }
}

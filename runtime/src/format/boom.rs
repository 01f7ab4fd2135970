use http::StatusCode;

use crate::format::json::Json;
use crate::{ApiError, Context, Format, PathSegment, RenderError, phrase};

#[doc = include_str!("boom.md")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Boom;

/// What hapi sends as every 500's message.
const MASKED: &str = "An internal server error occurred";

impl Format for Boom {
    const CONTENT_TYPE: &'static str = "application/json";
    const RESERVED_MEMBERS: &'static [&'static str] = &["statusCode", "error", "message", "errors"];

    fn write_body<E: ApiError>(
        error: &E,
        context: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        // Written straight into `out` (see `json.rs`): the member names and constants as
        // they are, the texts escaped as they are written, the exposed fields by serde.
        let status = error.status();
        let phrase = phrase::nodejs(status).unwrap_or("Unknown");
        let mut json = Json::new(out);
        // A `StatusCode` is three digits.
        json.raw(b"{\"statusCode\":");
        json.raw(status.as_str().as_bytes());
        json.raw(b",\"error\":");
        json.str(phrase);
        json.raw(b",\"message\":");
        match error.message() {
            _ if status == StatusCode::INTERNAL_SERVER_ERROR => json.str(MASKED),
            Some(message) => json.display(&message)?,
            None => json.str(phrase),
        }
        if context.has_values() {
            json.context_members(error, context, Self::RESERVED_MEMBERS, false)?;
        }
        let violations = error.violations();
        // An exposed field never repeats a member this body has (see `Problem`): `errors`,
        // the last reserved member, only when it is written.
        let reserved = if violations.is_empty() {
            &Self::RESERVED_MEMBERS[..3]
        } else {
            Self::RESERVED_MEMBERS
        };
        json.members(error, reserved)?;
        if !violations.is_empty() {
            // Joi `ValidationError.details` items, without `context`.
            let code = error.code();
            json.raw(b",\"errors\":[");
            for (i, violation) in violations.iter().enumerate() {
                json.raw(if i == 0 {
                    b"{\"message\":"
                } else {
                    b",{\"message\":"
                });
                json.str(violation.message());
                json.raw(b",\"path\":[");
                for (j, segment) in violation.path().segments().iter().enumerate() {
                    if j > 0 {
                        json.raw(b",");
                    }
                    match segment {
                        PathSegment::Key(key) => json.str(key),
                        PathSegment::Index(index) => json.usize(*index),
                    }
                }
                json.raw(b"],\"type\":");
                json.str(violation.code().unwrap_or(code));
                json.raw(b"}");
            }
            json.raw(b"]");
        }
        json.raw(b"}");
        Ok(())
    }

    #[cfg(feature = "aide")]
    #[cfg_attr(docsrs, doc(cfg(feature = "aide")))]
    fn json_schema(generator: &mut ::schemars::SchemaGenerator) -> Option<::schemars::Schema> {
        Some(generator.subschema_for::<Self>())
    }

    #[cfg(feature = "utoipa")]
    #[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
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

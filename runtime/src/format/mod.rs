use std::fmt;

use crate::ApiError;

mod boom;
mod json;
mod jsonapi;
mod own_body;
pub mod phrase;
mod problem;
mod response;

pub use self::boom::Boom;
pub use self::jsonapi::JsonApi;
pub use self::own_body::{OwnBody, WholeBody, whole_body};
pub use self::problem::Problem;
pub use self::response::response;

/// What is known of the request an error answers, for formats that show it.
///
/// Integrations fill it from the request; without one, every field is `None` and the
/// body is still complete.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Context<'a> {
    /// The request path, used as the occurrence URI when the error declares none.
    pub instance: Option<&'a str>,
    /// An identifier of the request, for support and log correlation.
    pub request_id: Option<&'a str>,
}

impl<'a> Context<'a> {
    /// An empty context.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            instance: None,
            request_id: None,
        }
    }

    /// With the request path as the occurrence URI.
    #[must_use]
    pub const fn with_instance(mut self, instance: &'a str) -> Self {
        self.instance = Some(instance);
        self
    }

    /// With a request identifier.
    #[must_use]
    pub const fn with_request_id(mut self, request_id: &'a str) -> Self {
        self.request_id = Some(request_id);
        self
    }
}

#[doc = include_str!("house_formats.md")]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `Format`",
    label = "not a wire format",
    note = "name a built-in format (`apifault::Problem`, `apifault::JsonApi`, `apifault::Boom`) or a type implementing `apifault::Format`"
)]
pub trait Format {
    /// The `Content-Type` of the body. Checked when the response is built at compile time.
    const CONTENT_TYPE: &'static str;

    /// Reserved body members an error may not expose a field as (checked at compile time).
    const RESERVED_MEMBERS: &'static [&'static str] = &[];

    /// Appends the body of `error` to `out`.
    ///
    /// # Errors
    ///
    /// When an exposed field's `Serialize` implementation fails.
    fn write_body<E: ApiError>(
        error: &E,
        context: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError>;

    /// A cheap estimate of the body size, used to size the buffer once.
    fn size_hint<E: ApiError>(error: &E, context: &Context<'_>) -> usize {
        let _ = (error, context);
        256
    }

    /// The body of `error` in a buffer allocated once from [`size_hint`](Format::size_hint).
    ///
    /// # Errors
    ///
    /// As [`write_body`](Format::write_body).
    fn render<E: ApiError>(error: &E, context: &Context<'_>) -> Result<Vec<u8>, RenderError> {
        let mut out = Vec::with_capacity(Self::size_hint(error, context));
        Self::write_body(error, context, &mut out)?;
        Ok(out)
    }

    /// The JSON Schema of the body, for the OpenAPI responses of every type in this format
    /// (feature `utoipa`). `None`, the default, documents the responses by their examples
    /// alone.
    #[cfg(feature = "utoipa")]
    #[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
    #[must_use]
    fn body_schema() -> Option<::utoipa::openapi::RefOr<::utoipa::openapi::schema::Schema>> {
        None
    }
}

/// Why a body could not be rendered: an exposed field's `Serialize` failed.
///
/// [`response`](crate::response) never returns it: it answers with the error's status,
/// code and title only.
#[derive(Debug)]
pub struct RenderError(serde_json::Error);

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not render the error body: {}", self.0)
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

impl From<serde_json::Error> for RenderError {
    fn from(error: serde_json::Error) -> Self {
        Self(error)
    }
}

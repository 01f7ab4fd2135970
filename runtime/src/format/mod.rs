use std::fmt;

use crate::ApiError;

mod boom;
mod embed;
pub mod escape;
mod json;
mod jsonapi;
pub mod negotiate;
mod own_body;
pub mod phrase;
mod problem;
mod response;
mod values;

pub use self::boom::Boom;
pub use self::embed::Embedded;
pub use self::jsonapi::JsonApi;
pub use self::own_body::{OwnBody, WholeBody, whole_body};
pub use self::problem::Problem;
pub use self::response::response;
pub use self::values::ContextValues;
use self::values::Values;

/// What is known of the request an error answers, for formats that show it.
///
/// Integrations fill it from the request; without one, every field is `None` and the
/// body is still complete. Beside the path and the request id it refers to the
/// [`ContextValues`] the service supplies (per request and app-wide): typed values a house
/// format reads with [`get`](Context::get), and members the built-in formats write. It is
/// built per error response and copies as a few pointers: no allocation when nothing is
/// supplied.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Context<'a> {
    /// The request path, used as the occurrence URI when the error declares none.
    pub instance: Option<&'a str>,
    /// An identifier of the request, for support and log correlation.
    pub request_id: Option<&'a str>,
    /// The request's `Accept` header, which a type declaring `negotiate(…)` answers by
    /// ([`negotiate`](crate::negotiate)); other types ignore it.
    pub accept: Option<&'a str>,
    /// What the service supplied.
    values: Values<'a>,
    /// The language the texts are rendered in (feature `i18n`).
    #[cfg(feature = "i18n")]
    locale: Option<crate::i18n::Locale>,
}

impl<'a> Context<'a> {
    /// An empty context.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            instance: None,
            request_id: None,
            accept: None,
            values: Values::NONE,
            #[cfg(feature = "i18n")]
            locale: None,
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

    /// With the request's `Accept` header value.
    #[must_use]
    pub const fn with_accept(mut self, accept: &'a str) -> Self {
        self.accept = Some(accept);
        self
    }

    /// In `locale` (feature `i18n`): the response's messages, titles and violation
    /// messages are its localizer's translations, and it carries `Content-Language` and
    /// `Vary: Accept-Language`. For a service outside axum, actix-web and tonic, whose
    /// layers set it from the request's `Accept-Language`.
    ///
    /// ```
    /// # #[cfg(feature = "fluent")] {
    /// use std::sync::LazyLock;
    /// use apifault::{ApiError, Context};
    /// use apifault::i18n::{FluentLocalizer, Locale};
    ///
    /// #[derive(Debug, thiserror::Error, ApiError)]
    /// #[api_error(rename_all = "kebab-case")]
    /// enum CaseError {
    ///     #[error("case {id} not found")]
    ///     #[status(404)]
    ///     #[message("case {id} not found")]
    ///     NotFound { id: u64 },
    /// }
    ///
    /// static LOCALIZER: LazyLock<FluentLocalizer> = LazyLock::new(|| {
    ///     FluentLocalizer::builder()
    ///         .locale("en", "not-found = Case { $id } not found.")
    ///         .locale("de", "not-found = Fall { $id } nicht gefunden.")
    ///         .build()
    ///         .unwrap()
    /// });
    ///
    /// let locale = Locale::negotiate(&*LOCALIZER, "de-CH, en;q=0.5").unwrap();
    /// let response = CaseError::NotFound { id: 7 }.to_response_with(&Context::new().with_locale(locale));
    /// assert_eq!(response.headers()["content-language"], "de");
    /// assert!(String::from_utf8(response.into_body()).unwrap().contains(r#""detail":"Fall 7 nicht gefunden.""#));
    /// # }
    /// ```
    #[cfg(feature = "i18n")]
    #[cfg_attr(docsrs, doc(cfg(feature = "i18n")))]
    #[must_use]
    pub const fn with_locale(mut self, locale: crate::i18n::Locale) -> Self {
        self.locale = Some(locale);
        self
    }

    /// The language the texts are rendered in, when one was set (feature `i18n`).
    #[cfg(feature = "i18n")]
    #[cfg_attr(docsrs, doc(cfg(feature = "i18n")))]
    #[must_use]
    pub const fn locale(&self) -> Option<crate::i18n::Locale> {
        self.locale
    }

    /// With the values the service supplied for this request: they come before the app's
    /// ([`with_app_values`](Context::with_app_values)) of the same type or name.
    #[must_use]
    pub const fn with_values(mut self, values: &'a ContextValues) -> Self {
        self.values.request = Some(values);
        self
    }

    /// With the values the service supplies to every request (configuration).
    #[must_use]
    pub const fn with_app_values(mut self, values: &'a ContextValues) -> Self {
        self.values.app = Some(values);
        self
    }

    /// The typed value of type `T` the service supplied: the request's, else the app's.
    ///
    /// ```
    /// use apifault::{Context, ContextValues};
    ///
    /// #[derive(Clone)]
    /// struct Region(&'static str);
    ///
    /// let mut app = ContextValues::new();
    /// app.insert(Region("eu-west-1"));
    /// let context = Context::new().with_app_values(&app);
    /// assert_eq!(context.get::<Region>().map(|r| r.0), Some("eu-west-1"));
    /// assert!(Context::new().get::<Region>().is_none());
    /// ```
    #[must_use]
    pub fn get<T: Send + Sync + 'static>(&self) -> Option<&'a T> {
        self.values.get::<T>()
    }

    /// The members the service supplied for the built-in formats to write: the request's,
    /// then the app's of other names, each in the order added.
    pub fn members(&self) -> impl Iterator<Item = (&'a str, &'a serde_json::Value)> + use<'a> {
        self.values.members()
    }

    /// Whether the service supplied any values (members or typed ones): a format skips
    /// [`members`](Context::members) on the plain path, where it did not.
    #[must_use]
    #[inline]
    pub fn has_values(&self) -> bool {
        self.values.any()
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
    /// In the context's locale (feature `i18n`), the error's texts are its translations:
    /// [`write_body`](Format::write_body) is given a view of the error whose `message()`,
    /// `title()` and `violations()` answer in that language.
    ///
    /// # Errors
    ///
    /// As [`write_body`](Format::write_body).
    fn render<E: ApiError>(error: &E, context: &Context<'_>) -> Result<Vec<u8>, RenderError> {
        #[cfg(feature = "i18n")]
        if let Some(locale) = context.locale() {
            let localized = crate::i18n::Localized::new(error, locale);
            let mut out = Vec::with_capacity(Self::size_hint(&localized, context));
            Self::write_body(&localized, context, &mut out)?;
            return Ok(out);
        }
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

    /// The JSON Schema of the body, for aide's OperationOutput of every type in this
    /// format (feature `aide`): usually `generator.subschema_for::<YourBody>()`. `None`,
    /// the default, documents the responses by their examples alone.
    #[cfg(feature = "aide")]
    #[cfg_attr(docsrs, doc(cfg(feature = "aide")))]
    #[must_use]
    fn json_schema(generator: &mut ::schemars::SchemaGenerator) -> Option<::schemars::Schema> {
        let _ = generator;
        None
    }
}

/// Why a body could not be rendered: an exposed field's `Serialize` failed, a `Display`
/// implementation returned an error, or a house format met something it cannot write.
///
/// [`response`](crate::response) never returns it: it answers with the error's status,
/// code and title only.
///
/// A house format returns its own cause with [`RenderError::new`] (or `?` on a
/// `serde_json::Error`, a `fmt::Error` or an `io::Error`):
///
/// ```
/// use apifault::RenderError;
///
/// let error = RenderError::new("the XML writer refused a name");
/// assert_eq!(error.to_string(), "could not render the error body: the XML writer refused a name");
/// ```
#[derive(Debug)]
pub struct RenderError(Box<dyn std::error::Error + Send + Sync>);

impl RenderError {
    /// A render error with `cause`: an error value or a message.
    pub fn new(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self(cause.into())
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not render the error body: {}", self.0)
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.0)
    }
}

impl From<serde_json::Error> for RenderError {
    fn from(error: serde_json::Error) -> Self {
        Self(Box::new(error))
    }
}

impl From<fmt::Error> for RenderError {
    fn from(_: fmt::Error) -> Self {
        Self::new("a `Display` implementation returned an error")
    }
}

impl From<std::io::Error> for RenderError {
    fn from(error: std::io::Error) -> Self {
        Self(Box::new(error))
    }
}

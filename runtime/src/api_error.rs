use core::fmt;

use http::{HeaderMap, StatusCode};
use serde_core::ser::SerializeMap;

use crate::{Catalogue, Context, Entry, Format, GrpcCode, LogLevel, Part, Text, Violations};

/// An error that knows how to answer an HTTP request.
///
/// Derive it with `#[derive(ApiError)]` beside `thiserror::Error`, or on a wrapper around
/// `anyhow::Error` with `#[api_error(wrapper)]` (a type that cannot be a
/// `std::error::Error`, hence the `Debug + Display` supertraits). Implementing it by hand
/// is possible (only [`entry`](ApiError::entry) and the [`Format`](ApiError::Format) are
/// required), but the derive also checks the declaration at compile time.
///
/// Reading the status, code and title never allocates. The public texts are written
/// straight into the output by the format through [`Text`].
///
#[doc = include_str!("integrations/tracing.md")]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `ApiError`",
    label = "not an `ApiError`",
    note = "derive `ApiError` on an error type of your own (a transparent field may be a `Box` or `Arc` of one); a type from another crate is kept instead as the `#[source]` of a variant with its own `#[status]`: `#[error(\"storage failed\")] #[status(500)] Storage(#[source] TheirError)`"
)]
pub trait ApiError: fmt::Debug + fmt::Display {
    /// The wire format `to_response` renders the body in: every variant's, except those
    /// that declare their own (`#[api_error(format = …)]` on the variant).
    type Format: Format;

    /// Every entry this type can answer with, inner types of transparent variants
    /// included. Empty unless derived (or given by hand).
    const CATALOGUE: &'static Catalogue = &Catalogue::EMPTY;

    /// The response header that repeats the machine code, lowercase (the derive's
    /// `#[api_error(code_header = "x-ms-error-code")]`): every response of the type then
    /// carries it, equal to [`code`](ApiError::code), whatever the format, Boom's (whose body
    /// has no code) included. `None` by default. A hand-written impl must name a valid,
    /// lowercase header name: another fails to compile where the type is rendered.
    ///
    /// A transparent variant sends this type's code header, not its inner type's; one with
    /// `inner_format`, and a wrapper that finds a listed type in its chain, answer entirely
    /// as the inner or found error does, its code header included.
    const CODE_HEADER: Option<&'static str> = None;

    /// Whether a response logs its one `tracing` event (feature `tracing`). The derive
    /// sets it to `false` under `#[api_error(log = false)]`, for a service that logs its
    /// errors itself; apifault's warnings about its own faults (a dropped header, a body
    /// that could not be rendered) are logged all the same.
    const LOG: bool = true;

    /// The level of the one `tracing` event a response of this value logs (feature
    /// `tracing`), or `None` for no event. By default [`LogLevel::for_status`] (5xx at
    /// error, 4xx at debug), none under `LOG = false`. The derive overrides it when the enum
    /// or a variant sets `#[api_error(log = "info")]` (or `log = false`), and for transparent
    /// variants, which log as their inner error unless the enum or the variant sets a level.
    fn log_level(&self) -> Option<LogLevel> {
        if Self::LOG {
            Some(LogLevel::for_status(self.status()))
        } else {
            None
        }
    }

    /// The first cause the log prints after the error's own `Display` text (feature
    /// `tracing`), followed by its sources in turn.
    ///
    /// The derive returns the error's `std::error::Error::source`, and a wrapper's the
    /// wrapped error's source (for `anyhow`, its context chain). A hand-written impl on a
    /// `std::error::Error` type returns `std::error::Error::source(self)` to log its chain.
    fn log_source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }

    /// The compile-time facts about the variant this value is.
    fn entry(&self) -> &'static Entry;

    /// The HTTP status: the variant's declared one, or the value of its
    /// `#[api_error(status)]` field when that is an error status (400..=599).
    fn status(&self) -> StatusCode {
        self.entry().status
    }

    /// The stable machine code: the variant's declared one, or the value of its
    /// `#[api_error(code)]` field when that is a valid code (`A-Z a-z 0-9 - _ .`).
    fn code(&self) -> &str {
        self.entry().code
    }

    /// The gRPC code (feature `tonic`): the variant's declared one
    /// (`#[api_error(grpc_code = …)]`, the enum's `grpc_codes(…)`), else Google's mapping
    /// of [`status`](ApiError::status) ([`GrpcCode::for_status`]).
    fn grpc_code(&self) -> GrpcCode {
        self.entry()
            .grpc_code
            .unwrap_or_else(|| GrpcCode::for_status(self.status()))
    }

    /// The declared short summary, if any (formats fall back to the status phrase).
    fn title(&self) -> Option<&'static str> {
        self.entry().title
    }

    /// Whether this value carries `part`.
    fn has_part(&self, part: Part) -> bool {
        let _ = part;
        false
    }

    /// Writes `part` into `f`; writes nothing when the value does not carry it.
    ///
    /// # Errors
    ///
    /// Only those of the formatter.
    fn fmt_part(&self, part: Part, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = (part, f);
        Ok(())
    }

    /// The public human message. A 5xx error without a declared `#[message]` has none:
    /// its `Display` text is for logs, never for the wire. Neither has a variant declared
    /// `#[api_error(no_message)]` (or under an enum that declares it), 4xx included.
    fn message(&self) -> Option<Text<'_, Self>> {
        Text::of(self, Part::Message)
    }

    /// The problem type URI, if declared.
    fn type_uri(&self) -> Option<Text<'_, Self>> {
        Text::of(self, Part::Type)
    }

    /// The occurrence URI, if declared.
    fn instance(&self) -> Option<Text<'_, Self>> {
        Text::of(self, Part::Instance)
    }

    /// The documentation link, if declared.
    fn link(&self) -> Option<Text<'_, Self>> {
        Text::of(self, Part::Link)
    }

    /// Serializes the variant's declared members (`member("name" = "…")`, the enum's
    /// first), then its exposed fields in declaration order, as entries of `map`, leaving
    /// out those named in `reserved`: the members the rendering format writes itself. An
    /// exposed `None` is left out (unless `expose(null)`); a flattened field writes its own
    /// members in its place, each name the body already has left out with a warning.
    ///
    /// The derive rejects, at compile time, an exposed name the type's own format reserves;
    /// `reserved` also protects a body rendered in another format (`to_response_in`), so a
    /// member never appears twice and an exposed `status` never contradicts the real one.
    ///
    /// # Errors
    ///
    /// Those of the fields' `Serialize` implementations.
    fn serialize_members<M: SerializeMap>(
        &self,
        map: &mut M,
        reserved: &[&str],
    ) -> Result<(), M::Error>
    where
        Self: Sized,
    {
        let _ = (map, reserved);
        Ok(())
    }

    /// The per-field problems of a validation error (empty for others).
    fn violations(&self) -> Violations<'_> {
        Violations::none()
    }

    /// Appends the declared response headers. A header whose interpolated value is not a
    /// valid header value (CR, LF or other control characters) is left out, never split.
    fn headers(&self, headers: &mut HeaderMap) {
        let _ = headers;
    }

    /// Whether formats that can carry the machine code in the body do so
    /// (`#[api_error(code_in_body = false)]` turns it off).
    fn code_in_body(&self) -> bool {
        self.entry().code_in_body
    }

    /// Whether the body is the format's (every variant's, unless it says otherwise), none
    /// at all (`#[api_error(no_body)]`) or a field's value taken whole
    /// (`#[api_error(body)]`). The derive implements it for types with such variants, and
    /// for transparent variants, which answer as their inner error does.
    #[doc(hidden)]
    #[inline]
    fn __own_body(&self) -> crate::format::OwnBody<'_> {
        crate::format::OwnBody::Format
    }

    /// The argument names each code of this type offers its translations (feature
    /// `i18n`), for the catalogue check; the derive writes them.
    #[cfg(feature = "i18n")]
    #[doc(hidden)]
    const __I18N_SIGNATURES: &'static [crate::i18n::Signature] = &[];

    /// Adds the arguments this value's translations may read (feature `i18n`): the
    /// fields its `#[message]` interpolates, as formatted there, and its exposed fields;
    /// the derive writes it. None by default.
    #[cfg(feature = "i18n")]
    #[doc(hidden)]
    fn __i18n_arguments(&self, arguments: &mut crate::i18n::Arguments) {
        let _ = arguments;
    }

    /// The translated title, when this is an error seen in a locale (feature `i18n`): what
    /// a format that otherwise writes the status phrase (RFC 9457's `about:blank`) writes.
    #[cfg(feature = "i18n")]
    #[doc(hidden)]
    #[inline]
    fn __localized_title(&self) -> Option<&'static str> {
        None
    }

    /// Logs (feature `tracing`) each runtime status or code of this value that was refused
    /// and replaced by the variant's declared one. Called once per response; the derive
    /// implements it for types with `#[api_error(status)]` or `#[api_error(code)]` fields.
    #[doc(hidden)]
    fn __warn_refused(&self) {}

    /// The whole response in the value's own format: status, content type, declared
    /// headers and body.
    fn to_response(&self) -> http::Response<Vec<u8>>
    where
        Self: Sized,
    {
        self.to_response_with(&Context::default())
    }

    /// The whole response in the value's own format, with what is known of the request:
    /// what [`to_response`](ApiError::to_response) and the axum and actix-web impls
    /// answer with.
    ///
    /// The value's own format is [`Format`](ApiError::Format), unless its variant declares
    /// another with `#[api_error(format = …)]`: the derive then overrides this method
    /// with a `match` choosing each variant's format.
    fn to_response_with(&self, context: &Context<'_>) -> http::Response<Vec<u8>>
    where
        Self: Sized,
    {
        crate::response::<Self::Format, Self>(self, context)
    }

    /// The whole response in format `F`, whatever the value's own format, with what is
    /// known of the request.
    fn to_response_in<F: Format>(&self, context: &Context<'_>) -> http::Response<Vec<u8>>
    where
        Self: Sized,
    {
        crate::response::<F, Self>(self, context)
    }

    /// The whole response in the value's own format, as the request's `Accept` header
    /// chooses it when the type declares `negotiate(…)` ([`negotiate`](crate::negotiate)):
    /// [`to_response_with`](ApiError::to_response_with) with `accept` in the context, for
    /// a service outside axum and actix-web. A type without `negotiate(…)` ignores
    /// `accept`.
    fn to_response_for(&self, accept: &str, context: &Context<'_>) -> http::Response<Vec<u8>>
    where
        Self: Sized,
    {
        self.to_response_with(&context.with_accept(accept))
    }

    /// The body [`to_response_with`](ApiError::to_response_with) answers with, as a value
    /// another serde structure can carry (a batch response's items, a task's `error`).
    fn to_embedded(&self, context: &Context<'_>) -> crate::Embedded
    where
        Self: Sized,
    {
        crate::Embedded::from_response(self.to_response_with(context))
    }
}

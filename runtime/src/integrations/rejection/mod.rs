//! The request rejections both frameworks share: one [`Rejection`] type, one table of
//! codes and statuses, and what each kind says in the body, so axum and actix-web answer
//! the same malformed request with the same body.

use core::fmt;
use std::borrow::Cow;

use http::StatusCode;

use crate::__private::{CatalogueItem, status};
use crate::{ApiError, Catalogue, Entry, FieldViolation, Part, Problem, Violations};

mod deserialize;
mod panic;

#[cfg(feature = "actix-web")]
pub(crate) use self::deserialize::json_error;
pub(crate) use self::deserialize::parameter_violation;
#[cfg(feature = "actix-web")]
pub(crate) use self::deserialize::urlencoded_error;
pub use self::deserialize::{from_form, from_json, from_query};
use self::panic::panic_message;

/// Declares every rejection once, in catalogue order: the [`Kind`] a [`Rejection`] holds,
/// its [`Entry`] and its row in the table of `Rejection`'s docs, so the three cannot
/// disagree.
macro_rules! rejections {
    [
        $(#[$before:meta])*
        @table
        $(#[$after:meta])*
        pub struct Rejection $body:tt
        $(($kind:ident, $status:literal, $code:literal, $description:literal)),* $(,)?
    ] => {
        $(#[$before])*
        #[doc = "| code | status | when |"]
        #[doc = "|---|---|---|"]
        $(#[doc = concat!("| `", $code, "` | ", $status, " | ", $description, " |")])*
        $(#[$after])*
        pub struct Rejection $body

        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Kind {
            $($kind,)*
        }

        /// One entry per [`Kind`], at the kind's index: the catalogue of [`Rejection`].
        static ENTRIES: &[Entry] = &[$(entry(stringify!($kind), $status, $code, $description),)*];
    };
}

rejections![
    /// A request the service could not take, as an [`ApiError`]: one of the framework's
    /// extractor rejections (bad JSON, a missing field, a wrong content type, an unparsable
    /// path or query, a body over the limit), or a response the framework or a middleware
    /// made without a body (no route, a wrong method, a timeout, load shedding, a panic),
    /// so a service answers those in the same format as everything else.
    ///
    /// The body never repeats what the client sent: `detail` is the kind's text below (for
    /// `invalid_json`, the parser's position of the syntax error), and a body, path, query
    /// or form that parses but does not fit names the member at fault in one violation,
    /// with its JSON pointer (`#/priority`) and a code:
    ///
    /// | violation code | when |
    /// |---|---|
    /// | `invalid_type` | the member has another JSON type than expected (`"expected i64"`) |
    /// | `invalid_value` | the member has the right type but a value not accepted |
    /// | `invalid_length` | an array or tuple of another length than expected |
    /// | `unknown_variant` | a string naming none of an enum's variants |
    /// | `missing_field` | a required member is absent (the pointer names it) |
    /// | `unknown_field` | a member the type does not accept (`deny_unknown_fields`) |
    /// | `duplicate_field` | a member given twice |
    ///
    /// The whole framework text, values included, goes to the log only ([`Rejection::text`]
    /// and `Display`). Codes and statuses:
    ///
    @table
    ///
    /// By itself it answers in RFC 9457. To answer in the service's own format and through
    /// its own error type, make it a transparent variant: it then takes the enum's format,
    /// `type_base` and `code_in_body`, and its entries are in the enum's catalogue.
    ///
    /// ```
    /// use apifault::ApiError;
    ///
    /// #[derive(Debug, thiserror::Error, ApiError)]
    /// #[api_error(format = apifault::JsonApi, type_base = "https://example.com/errors/")]
    /// enum AppError {
    ///     #[error(transparent)]
    ///     #[api_error(transparent)]
    ///     Rejected(#[from] apifault::Rejection),
    /// }
    /// ```
    #[derive(Debug)]
    pub struct Rejection {
        kind: Kind,
        status: StatusCode,
        text: Cow<'static, str>,
        public: Option<String>,
        violations: Vec<FieldViolation>,
    }
    (InvalidJson, 400, "invalid_json", "The request body is not valid JSON."),
    (InvalidBody, 422, "invalid_body", "The request body does not have the expected shape."),
    (
        UnsupportedMediaType,
        415,
        "unsupported_media_type",
        "The request body's `Content-Type` is not the one expected."
    ),
    (PayloadTooLarge, 413, "payload_too_large", "The request body exceeds the size limit."),
    (UnreadableBody, 400, "unreadable_body", "The request body could not be read."),
    (InvalidPath, 400, "invalid_path", "A path parameter does not parse."),
    (InvalidQuery, 400, "invalid_query", "The query string does not parse."),
    (InvalidForm, 400, "invalid_form", "The form does not parse."),
    (UnknownRoute, 404, "unknown_route", "No route matches the request's path."),
    (
        MethodNotAllowed,
        405,
        "method_not_allowed",
        "The route does not answer this method; `Allow` lists those it does."
    ),
    (RequestTimeout, 408, "request_timeout", "The request took longer than the service allows."),
    (ClientError, 400, "client_error", "Another client error the framework answered without a body."),
    (
        Internal,
        500,
        "extractor_failed",
        "The route and its extractors disagree: a bug of the service."
    ),
    (Panicked, 500, "internal_error", "The handler panicked (the message is in the log only)."),
    (
        ServiceUnavailable,
        503,
        "service_unavailable",
        "The service sheds load or is not ready; retry later."
    ),
    (GatewayTimeout, 504, "gateway_timeout", "An upstream took too long to answer."),
    (ServerError, 500, "server_error", "Another server error the framework answered without a body."),
];

impl Kind {
    /// The kind for a rejection a framework answers with `status`; `fallback` for a plain
    /// 400.
    #[cfg(feature = "axum")]
    pub(crate) fn by_status(status: StatusCode, fallback: Self) -> Self {
        match status {
            StatusCode::PAYLOAD_TOO_LARGE => Self::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::UnsupportedMediaType,
            StatusCode::UNPROCESSABLE_ENTITY => Self::InvalidBody,
            status if status.is_server_error() => Self::Internal,
            _ => fallback,
        }
    }

    /// The kind of a response made without a body with `status`.
    fn bare(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => Self::UnknownRoute,
            StatusCode::METHOD_NOT_ALLOWED => Self::MethodNotAllowed,
            StatusCode::REQUEST_TIMEOUT => Self::RequestTimeout,
            StatusCode::PAYLOAD_TOO_LARGE => Self::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::UnsupportedMediaType,
            StatusCode::SERVICE_UNAVAILABLE => Self::ServiceUnavailable,
            StatusCode::GATEWAY_TIMEOUT => Self::GatewayTimeout,
            status if status.is_server_error() => Self::ServerError,
            _ => Self::ClientError,
        }
    }

    fn entry(self) -> &'static Entry {
        &ENTRIES[self as usize]
    }
}

const fn entry(
    name: &'static str,
    code: u16,
    machine_code: &'static str,
    description: &'static str,
) -> Entry {
    let entry = Entry::__new(
        name,
        status(code),
        machine_code,
        false,
        None,
        description,
        code < 500,
        &[],
        None,
        true,
        // The public text, but for the 5xx.
        if code < 500 { Part::Message.bit() } else { 0 },
    );
    // The catch-all's kinds for statuses without one of their own keep the bare
    // response's status.
    let runtime = matches!(machine_code.as_bytes(), b"client_error" | b"server_error");
    entry.__runtime(runtime, &[], false, &[])
}

impl Rejection {
    /// A rejection of `kind`, `text` being the framework's whole text (for the log).
    pub(crate) fn new(kind: Kind, text: impl Into<Cow<'static, str>>) -> Self {
        Self {
            kind,
            status: kind.entry().status,
            text: text.into(),
            public: None,
            violations: Vec::new(),
        }
    }

    /// With `public` as the body's text instead of the kind's description.
    pub(crate) fn with_public(mut self, public: String) -> Self {
        self.public = Some(public);
        self
    }

    /// With one violation naming the member or parameter at fault.
    pub(crate) fn with_violation(mut self, violation: Option<FieldViolation>) -> Self {
        self.violations.extend(violation);
        self
    }

    /// The rejection for a response a framework or a middleware made with `status` and no
    /// body: `unknown_route` for a 404, `method_not_allowed` for a 405, `request_timeout`,
    /// `payload_too_large`, `service_unavailable`, `gateway_timeout`, and `client_error` or
    /// `server_error` with the status kept for the others. What the catch-all layers
    /// answer with.
    #[must_use]
    pub fn bare(status: StatusCode) -> Self {
        let kind = Kind::bare(status);
        let mut rejection = Self::new(
            kind,
            format!(
                "{} answered without a body",
                status.canonical_reason().unwrap_or("an error status")
            ),
        );
        if status.is_client_error() || status.is_server_error() {
            rejection.status = status;
        }
        rejection
    }

    /// A panic of the handler, `payload` what it was raised with (`catch_unwind`'s
    /// error): a 500 whose body says nothing of it; its message goes to the log.
    #[must_use]
    pub fn panicked(payload: &(dyn core::any::Any + Send)) -> Self {
        Self::new(
            Kind::Panicked,
            format!("the handler panicked: {}", panic_message(payload)),
        )
    }

    /// The framework's whole text for the rejection, for the log: it may quote what the
    /// client sent, so the body never carries it.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::error::Error for Rejection {}

impl ApiError for Rejection {
    type Format = Problem;

    const CATALOGUE: &'static Catalogue = &Catalogue {
        __items: &[CatalogueItem::Entries(ENTRIES)],
    };

    fn entry(&self) -> &'static Entry {
        self.kind.entry()
    }

    fn status(&self) -> StatusCode {
        self.status
    }

    fn has_part(&self, part: Part) -> bool {
        self.kind.entry().has_part(part)
    }

    fn fmt_part(&self, part: Part, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.has_part(part) {
            f.write_str(
                self.public
                    .as_deref()
                    .unwrap_or(self.kind.entry().description),
            )?;
        }
        Ok(())
    }

    fn violations(&self) -> Violations<'_> {
        Violations::new(&self.violations)
    }
}

/// Declares an extractor newtype whose second field carries its rejection type: the
/// axum and actix-web extractors (`Json`, `Path`, `Query`) are all shaped so.
macro_rules! extractor {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// The second field only carries `R`: match it with `_`.
        pub struct $name<T, R = $crate::Rejection>(pub T, pub ::core::marker::PhantomData<fn() -> R>);

        impl<T, R> $name<T, R> {
            /// The extracted value.
            pub fn into_inner(self) -> T {
                self.0
            }
        }

        impl<T, R> ::core::ops::Deref for $name<T, R> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T, R> ::core::ops::DerefMut for $name<T, R> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }

        impl<T: ::core::fmt::Debug, R> ::core::fmt::Debug for $name<T, R> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.0).finish()
            }
        }

        impl<T: Clone, R> Clone for $name<T, R> {
            fn clone(&self) -> Self {
                Self(self.0.clone(), ::core::marker::PhantomData)
            }
        }
    };
}

pub(crate) use extractor;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_statuses_keep_theirs() {
        for (status, code) in [
            (404, "unknown_route"),
            (405, "method_not_allowed"),
            (408, "request_timeout"),
            (413, "payload_too_large"),
            (503, "service_unavailable"),
            (504, "gateway_timeout"),
            (429, "client_error"),
            (502, "server_error"),
        ] {
            let rejection = Rejection::bare(StatusCode::from_u16(status).unwrap());
            assert_eq!(rejection.status().as_u16(), status);
            assert_eq!(rejection.code(), code);
        }
    }

    #[test]
    fn a_panic_is_masked() {
        let payload: Box<dyn core::any::Any + Send> = Box::new("secret 42");
        let rejection = Rejection::panicked(&*payload);
        assert!(rejection.text().contains("secret 42"));
        assert_eq!(rejection.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(rejection.message().is_none());
        let body = String::from_utf8(rejection.to_response().into_body()).unwrap();
        assert!(!body.contains("secret"), "{body}");
    }
}

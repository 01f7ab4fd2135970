//! The object-safe view of [`ApiError`], for errors kept behind `dyn`.

use core::fmt;

use http::{HeaderMap, Response, StatusCode};

use crate::{ApiError, Context, Entry, Part, Violations};

/// [`ApiError`] as a trait object: `Box<dyn DynApiError + Send + Sync>` holds derived
/// errors of different types (and formats) side by side, and each still answers in its own
/// format, with its own headers and its own logging.
///
/// `ApiError` itself cannot be a trait object (its format is an associated type and
/// [`serialize_members`](ApiError::serialize_members) is generic), so, as `erased-serde`
/// does for `Serialize`, this trait erases it: every `ApiError` implements it through a
/// blanket impl, and its methods carry an `erased_` prefix so they never make a call on a
/// concrete type ambiguous when both traits are in scope. Call the inherent methods of the
/// trait object instead ([`status`](#method.status), [`code`](#method.code),
/// [`to_response`](#method.to_response), [`to_response_with`](#method.to_response_with)),
/// as `dyn Error` users call `downcast_ref`.
///
/// With the `axum` feature, `Box<dyn DynApiError + Send + Sync>` implements `IntoResponse`
/// (with the request context of [`ContextLayer`](crate::axum::ContextLayer)); with
/// `actix-web`, `Box<dyn DynApiError>` and `Box<dyn DynApiError + Send + Sync>` implement
/// `ResponseError`. One `tracing` event is logged per response, as for the concrete type.
///
/// ```
/// use apifault::{ApiError, Boom, DynApiError};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum CrateError {
///     #[error("crate `{0}` does not exist")]
///     #[status(404)]
///     NotFound(String),
/// }
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api_error(format = Boom)]
/// enum StorageError {
///     #[error("the index is unreachable")]
///     #[status(503)]
///     Unreachable,
/// }
///
/// let errors: Vec<Box<dyn DynApiError + Send + Sync>> = vec![
///     Box::new(CrateError::NotFound("serde".into())),
///     Box::new(StorageError::Unreachable),
/// ];
/// let content_types: Vec<_> = errors
///     .iter()
///     .map(|error| error.to_response().headers()["content-type"].clone())
///     .collect();
/// assert_eq!(content_types, ["application/problem+json", "application/json"]);
/// ```
pub trait DynApiError: fmt::Debug + fmt::Display {
    /// [`ApiError::entry`].
    fn erased_entry(&self) -> &'static Entry;

    /// [`ApiError::status`].
    fn erased_status(&self) -> StatusCode;

    /// [`ApiError::code`].
    fn erased_code(&self) -> &str;

    /// [`ApiError::has_part`].
    fn erased_has_part(&self, part: Part) -> bool;

    /// [`ApiError::fmt_part`].
    ///
    /// # Errors
    ///
    /// Only those of the formatter.
    fn erased_fmt_part(&self, part: Part, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// [`ApiError::violations`].
    fn erased_violations(&self) -> Violations<'_>;

    /// [`ApiError::code_in_body`].
    fn erased_code_in_body(&self) -> bool;

    /// [`ApiError::headers`]: appends the declared response headers.
    fn erased_headers(&self, headers: &mut HeaderMap);

    /// The whole response in the value's own format, with what is known of the request;
    /// logged as [`ApiError::to_response`] is.
    fn erased_response(&self, context: &Context<'_>) -> Response<Vec<u8>>;
}

impl<E: ApiError> DynApiError for E {
    fn erased_entry(&self) -> &'static Entry {
        self.entry()
    }

    fn erased_status(&self) -> StatusCode {
        self.status()
    }

    fn erased_code(&self) -> &str {
        self.code()
    }

    fn erased_has_part(&self, part: Part) -> bool {
        self.has_part(part)
    }

    fn erased_fmt_part(&self, part: Part, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_part(part, f)
    }

    fn erased_violations(&self) -> Violations<'_> {
        self.violations()
    }

    fn erased_code_in_body(&self) -> bool {
        self.code_in_body()
    }

    fn erased_headers(&self, headers: &mut HeaderMap) {
        self.headers(headers);
    }

    fn erased_response(&self, context: &Context<'_>) -> Response<Vec<u8>> {
        self.to_response_with(context)
    }
}

/// The inherent methods of each trait object, so a call never needs the trait in scope.
macro_rules! dyn_methods {
    ($($object:ty),*) => {$(
        impl $object {
            /// The HTTP status.
            #[must_use]
            pub fn status(&self) -> StatusCode {
                self.erased_status()
            }

            /// The stable machine code.
            #[must_use]
            pub fn code(&self) -> &str {
                self.erased_code()
            }

            /// The whole response in the value's own format: status, content type, declared
            /// headers and body.
            #[must_use]
            pub fn to_response(&self) -> Response<Vec<u8>> {
                self.erased_response(&Context::default())
            }

            /// The whole response in the value's own format, with what is known of the
            /// request.
            #[must_use]
            pub fn to_response_with(&self, context: &Context<'_>) -> Response<Vec<u8>> {
                self.erased_response(context)
            }
        }
    )*};
}

dyn_methods!(
    dyn DynApiError,
    dyn DynApiError + Send,
    dyn DynApiError + Send + Sync
);

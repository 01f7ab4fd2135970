//! axum integration (feature `axum`).
//!
//! - Every derived type implements [`IntoResponse`]: a handler returns
//!   `Result<T, MyError>` and the error answers in its format, with its status and declared
//!   headers.
//! - [`ContextLayer`] fills what only the request knows: the `instance` (the request path,
//!   when the variant declares none) and a request id (the `x-request-id` header when the
//!   client sent a usable one, a fresh one otherwise), in the body as the format prescribes
//!   and in the response's `x-request-id` header. Without it, responses are complete all the
//!   same.
//! - [`Json`] is axum's JSON extractor with a [`Rejection`] that answers in the same wire
//!   format as every other error; `From` impls turn axum's `Query`, `Path` and `Form`
//!   rejections into one too.
//! - [`InFormat`] answers with an error in a format other than its type's own.
//!
//! ```
//! use apifault::ApiError;
//! use apifault::axum::ContextLayer;
//! use axum::{Router, extract::Path, routing::get};
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! enum CaseError {
//!     #[error("case {id} not found")]
//!     #[status(404)]
//!     NotFound { #[api_error(expose)] id: u64 },
//! }
//!
//! async fn case(Path(id): Path<u64>) -> Result<String, CaseError> {
//!     Err(CaseError::NotFound { id })
//! }
//!
//! let app: Router = Router::new().route("/cases/{id}", get(case)).layer(ContextLayer::new());
//! ```

use core::fmt;
use core::marker::PhantomData;

use ::axum::body::Body;
use ::axum::response::{IntoResponse, Response};

use crate::{ApiError, Format};

mod context;
mod extract;

pub use self::context::{ContextFuture, ContextLayer, ContextService, RequestId, with_context};
pub use self::extract::{Json, Rejection};

/// The response for `error` in format `F`, with the request context of [`ContextLayer`]
/// when called inside it: what every derived type's `IntoResponse` does, in its own format.
pub fn into_response<F: Format, E: ApiError>(error: &E) -> Response {
    with_context(|context| crate::response::<F, E>(error, context)).map(Body::from)
}

/// An error answered in format `F` rather than its type's own: the same enum can serve
/// RFC 9457 on one route prefix and JSON:API on another.
///
/// `?` converts the error into it, so a handler only changes its return type:
///
/// ```
/// use apifault::axum::InFormat;
/// use apifault::{ApiError, JsonApi};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum CaseError {
///     #[error("case not found")]
///     #[status(404)]
///     NotFound,
/// }
///
/// fn find() -> Result<String, CaseError> {
///     Err(CaseError::NotFound)
/// }
///
/// async fn handler() -> Result<String, InFormat<JsonApi, CaseError>> {
///     Ok(find()?)
/// }
/// ```
pub struct InFormat<F, E> {
    error: E,
    format: PhantomData<fn() -> F>,
}

impl<F, E> InFormat<F, E> {
    /// `error`, to be answered in format `F`.
    pub const fn new(error: E) -> Self {
        Self {
            error,
            format: PhantomData,
        }
    }

    /// The error.
    pub const fn get(&self) -> &E {
        &self.error
    }

    /// The error, unwrapped.
    pub fn into_inner(self) -> E {
        self.error
    }
}

impl<F, E> From<E> for InFormat<F, E> {
    fn from(error: E) -> Self {
        Self::new(error)
    }
}

impl<F, E: fmt::Debug> fmt::Debug for InFormat<F, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("InFormat").field(&self.error).finish()
    }
}

impl<F, E: fmt::Display> fmt::Display for InFormat<F, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl<F: Format, E: ApiError> IntoResponse for InFormat<F, E> {
    fn into_response(self) -> Response {
        into_response::<F, E>(&self.error)
    }
}

#![doc = include_str!("axum.md")]

use core::fmt;
use core::marker::PhantomData;

use ::axum::body::Body;
use ::axum::response::{IntoResponse, Response};

use crate::{ApiError, DynApiError, Format};

mod catch_all;
mod docs;
mod extract;

pub use self::catch_all::{CatchAllFuture, CatchAllLayer, CatchAllService, panic_response};
pub use self::docs::catalogue_router;
pub use self::extract::{Form, Json, Path, Query};
pub use crate::integrations::context::{ContextFuture, ContextLayer, ContextService};
pub use crate::integrations::context::{RequestFacts, RequestId, with_context};
pub use crate::integrations::rejection::Rejection;

/// The response for `error` in its own format ([`ApiError::to_response_with`]), with the
/// request context of [`ContextLayer`] when called inside it: what every derived type's
/// `IntoResponse` does.
pub fn respond<E: ApiError>(error: &E) -> Response {
    with_context(|context| error.to_response_with(context)).map(Body::from)
}

/// The response for `error` in format `F`, whatever its own, with the request context of
/// [`ContextLayer`] when called inside it: what [`InFormat`] does.
pub fn into_response<F: Format, E: ApiError>(error: &E) -> Response {
    with_context(|context| crate::response::<F, E>(error, context)).map(Body::from)
}

/// A boxed error of any derived type answers in its own format, with the request context
/// of [`ContextLayer`] when it runs.
impl IntoResponse for Box<dyn DynApiError + Send + Sync> {
    fn into_response(self) -> Response {
        with_context(|context| self.erased_response(context)).map(Body::from)
    }
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

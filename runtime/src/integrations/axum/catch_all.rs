//! The catch-all layer: responses the router or a middleware made without a body, in the
//! service's format; and the answer to a handler's panic for tower-http's
//! `CatchPanicLayer`.

use core::any::Any;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context as TaskContext, Poll};

use ::axum::body::HttpBody as _;
use ::axum::response::{IntoResponse, Response};
use http::Request;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};

use crate::integrations::rejection::Rejection;

/// A tower layer that answers every 4xx or 5xx response made without a body (the router's
/// 404 and 405, a `TimeoutLayer`'s 408, a load shedder's 503, …) in the service's format,
/// through `R`: a type built from [`Rejection`] (the service's error enum with a transparent
/// `Rejection` variant, `Rejection` itself, or any conversion given to
/// [`map`](CatchAllLayer::map)). The bare response's headers are kept (`Allow` on a 405,
/// `Retry-After` on a 503).
///
/// A response with a body or a `Content-Type` passes untouched, and so does every 1xx,
/// 2xx and 3xx.
///
/// ```
/// use axum::{Router, routing::post};
/// use apifault::axum::{CatchAllLayer, ContextLayer, Rejection};
///
/// let app: Router = Router::new()
///     .route("/cases", post(|| async { "created" }))
///     .layer(CatchAllLayer::<Rejection>::new())
///     .layer(ContextLayer::new());
/// ```
///
/// Add it with `Router::layer` after (outside) the layers whose bare responses it should
/// answer, and inside [`ContextLayer`](super::ContextLayer), so the answer has the
/// request's `instance` and id.
#[derive(Debug)]
pub struct CatchAllLayer<R> {
    convert: fn(Rejection) -> R,
}

impl<R> Clone for CatchAllLayer<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for CatchAllLayer<R> {}

impl<R: From<Rejection>> CatchAllLayer<R> {
    /// The layer answering through `R::from`.
    #[must_use]
    pub fn new() -> Self {
        Self { convert: R::from }
    }
}

impl<R: From<Rejection>> Default for CatchAllLayer<R> {
    fn default() -> Self {
        Self::new()
    }
}

impl<R> CatchAllLayer<R> {
    /// The layer answering through `convert` (a rejection wrapped in the service's enum and
    /// in [`InFormat`](super::InFormat), say).
    #[must_use]
    pub const fn map(convert: fn(Rejection) -> R) -> Self {
        Self { convert }
    }
}

impl<S, R> tower_layer::Layer<S> for CatchAllLayer<R> {
    type Service = CatchAllService<S, R>;

    fn layer(&self, inner: S) -> Self::Service {
        CatchAllService {
            inner,
            convert: self.convert,
        }
    }
}

/// The service [`CatchAllLayer`] wraps around the inner one.
#[derive(Debug)]
pub struct CatchAllService<S, R> {
    inner: S,
    convert: fn(Rejection) -> R,
}

impl<S: Clone, R> Clone for CatchAllService<S, R> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            convert: self.convert,
        }
    }
}

impl<S, B, R> tower_service::Service<Request<B>> for CatchAllService<S, R>
where
    S: tower_service::Service<Request<B>, Response = Response>,
    R: IntoResponse,
{
    type Response = Response;
    type Error = S::Error;
    type Future = CatchAllFuture<S::Future, R>;

    fn poll_ready(&mut self, cx: &mut TaskContext<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        CatchAllFuture {
            inner: self.inner.call(request),
            convert: self.convert,
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`CatchAllService`].
    pub struct CatchAllFuture<F, R> {
        #[pin]
        inner: F,
        convert: fn(Rejection) -> R,
    }
}

impl<F, E, R> Future for CatchAllFuture<F, R>
where
    F: Future<Output = Result<Response, E>>,
    R: IntoResponse,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let response = match this.inner.poll(cx) {
            Poll::Ready(Ok(response)) => response,
            other => return other,
        };
        if !is_bare(&response) {
            return Poll::Ready(Ok(response));
        }
        let (parts, _) = response.into_parts();
        let mut answer = (this.convert)(Rejection::bare(parts.status)).into_response();
        keep_headers(&parts.headers, answer.headers_mut());
        Poll::Ready(Ok(answer))
    }
}

/// Whether `response` is an error status made without a body or a content type.
fn is_bare(response: &Response) -> bool {
    let status = response.status();
    (status.is_client_error() || status.is_server_error())
        && !response.headers().contains_key(CONTENT_TYPE)
        && response.body().size_hint().exact() == Some(0)
}

/// Copies the bare response's headers the answer does not set itself (`Allow`,
/// `Retry-After`), but its length.
fn keep_headers(bare: &http::HeaderMap, answer: &mut http::HeaderMap) {
    for name in bare.keys() {
        if name != CONTENT_LENGTH && !answer.contains_key(name) {
            for value in bare.get_all(name) {
                answer.append(name.clone(), value.clone());
            }
        }
    }
}

/// The answer to a handler's panic for tower-http's `CatchPanicLayer`: a 500 through `R`
/// (`internal_error`, no message), the panic's message in the log only (feature
/// `tracing`).
///
/// ```ignore
/// use tower_http::catch_panic::CatchPanicLayer;
///
/// let app = app.layer(CatchPanicLayer::custom(apifault::axum::panic_response::<AppError>));
/// ```
pub fn panic_response<R: From<Rejection> + IntoResponse>(
    payload: Box<dyn Any + Send + 'static>,
) -> Response {
    R::from(Rejection::panicked(&*payload)).into_response()
}

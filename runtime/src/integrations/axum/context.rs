//! The request context layer: the request path and id, and what the service supplies, set
//! for the time the inner service handles the request, where an error's `IntoResponse`
//! finds them (see `integrations::context` for the scope both frameworks share).

use core::future::Future;
use core::pin::Pin;
use core::task::{Context as TaskContext, Poll};
use std::sync::Arc;

use ::axum::extract::OriginalUri;
use http::{HeaderName, HeaderValue, Request, Response};
use tokio::task::futures::TaskLocalFuture;

use crate::integrations::context::{
    Config, RequestAccept, RequestFacts, RequestId, RequestPath, Scope, context_builder, in_scope,
};

/// A tower layer that gives error responses the request's context: the request path as
/// `instance` when the variant declares none, and a request id (the client's `x-request-id`
/// when it is 1 to 128 visible ASCII characters, a fresh unique one otherwise) in the body
/// as the format prescribes (RFC 9457 `request_id`, JSON:API `id`) and in the response's
/// `x-request-id` header.
///
/// ```
/// # use axum::{Router, routing::get};
/// use apifault::axum::ContextLayer;
///
/// let app: Router = Router::new()
///     .route("/", get(|| async { "hello" }))
///     .layer(ContextLayer::new());
/// ```
///
/// Add it with `Router::layer` on the outermost router, so every route and the fallback
/// are inside it. Only the path is used, never the query string, which may carry secrets.
#[derive(Debug, Clone, Default)]
pub struct ContextLayer {
    /// `None` for the defaults: no reference count per request.
    config: Option<Arc<Config>>,
}

impl ContextLayer {
    /// The layer.
    #[must_use]
    pub const fn new() -> Self {
        Self { config: None }
    }

    context_builder!();
}

impl<S> tower_layer::Layer<S> for ContextLayer {
    type Service = ContextService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ContextService {
            inner,
            config: self.config.clone(),
        }
    }
}

/// The service [`ContextLayer`] wraps around the inner one.
#[derive(Debug, Clone)]
pub struct ContextService<S> {
    inner: S,
    config: Option<Arc<Config>>,
}

impl<S, B, ResponseBody> tower_service::Service<Request<B>> for ContextService<S>
where
    S: tower_service::Service<Request<B>, Response = Response<ResponseBody>>,
{
    type Response = Response<ResponseBody>;
    type Error = S::Error;
    type Future = ContextFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut TaskContext<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let config = self.config.as_deref();
        let header = Config::header(config);
        let id = Config::request_id(
            config,
            request.headers().get(&header).map(HeaderValue::as_bytes),
        );
        // Nested routers see the path without their prefix; the original one is the
        // occurrence the client asked for.
        let uri = match request.extensions().get::<OriginalUri>() {
            Some(OriginalUri(uri)) => uri.clone(),
            None => request.uri().clone(),
        };
        request.extensions_mut().insert(RequestId(id.clone()));
        let scope = Scope::new(
            RequestPath::Http(uri),
            id.clone(),
            request
                .headers()
                .get(http::header::ACCEPT)
                .cloned()
                .map(RequestAccept::Http),
            Config::started(config),
            self.config.clone(),
        );
        ContextFuture {
            inner: in_scope(scope, self.inner.call(request)),
            id: Some((header, id)),
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`ContextService`]: the inner one, run with the request's
    /// context in scope, then given the `x-request-id` header.
    pub struct ContextFuture<F> {
        #[pin]
        inner: TaskLocalFuture<Scope, F>,
        id: Option<(HeaderName, HeaderValue)>,
    }
}

impl<F, ResponseBody, E> Future for ContextFuture<F>
where
    F: Future<Output = Result<Response<ResponseBody>, E>>,
{
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let mut response = match this.inner.poll(cx) {
            Poll::Ready(Ok(response)) => response,
            other => return other,
        };
        if let Some((header, id)) = this.id.take() {
            // A handler that set its own id keeps it.
            response.headers_mut().entry(header).or_insert(id);
        }
        Poll::Ready(Ok(response))
    }
}

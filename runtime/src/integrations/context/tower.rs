//! The request-context layer for services on the `http` crate's types: axum's router and
//! tonic's server take the same tower layer. It sets the request's path, id and `Accept`
//! for the time the inner service handles the request, where an error's `IntoResponse` or
//! its conversion into a `tonic::Status` finds them, and echoes the id in the response's
//! headers (gRPC metadata travels in them too).

use core::future::Future;
use core::pin::Pin;
use core::task::{Context as TaskContext, Poll};
use std::sync::Arc;

use http::{HeaderName, HeaderValue, Request, Response};
use tokio::task::futures::TaskLocalFuture;

use crate::integrations::context::{
    Config, RequestAccept, RequestFacts, RequestId, RequestPath, Scope, context_builder, in_scope,
};

/// A tower layer that gives error responses the request's context: the request path as
/// `instance` when the variant declares none, and a request id (the client's `x-request-id`
/// when it is 1 to 128 visible ASCII characters, a fresh unique one otherwise) in the body
/// as the format prescribes (RFC 9457 `request_id`, JSON:API `id`, gRPC `RequestInfo`) and
/// in the response's `x-request-id` header (gRPC metadata).
///
/// The same type is `apifault::axum::ContextLayer` and `apifault::tonic::ContextLayer`.
///
/// ```
/// # #[cfg(feature = "axum")] {
/// # use axum::{Router, routing::get};
/// use apifault::axum::ContextLayer;
///
/// let app: Router = Router::new()
///     .route("/", get(|| async { "hello" }))
///     .layer(ContextLayer::new());
/// # }
/// ```
///
/// With axum, add it with `Router::layer` on the outermost router, so every route and the
/// fallback are inside it; with tonic, `Server::builder().layer(ContextLayer::new())`, or
/// around one service with [`service`](ContextLayer::service). Only the path is used, never
/// the query string, which may carry secrets. The builder methods take another id header,
/// an id source, values and a hook ([`RequestFacts`]); the id is also in the request's
/// extensions as a [`RequestId`].
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

    /// `inner` inside the layer: for a router that takes one named service at a time
    /// (tonic's `Routes::add_service`, serving gRPC beside axum routes on one port). The
    /// wrapped service keeps `inner`'s gRPC service name.
    #[must_use]
    pub fn service<S>(&self, inner: S) -> ContextService<S> {
        tower_layer::Layer::layer(self, inner)
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
        let uri = original_uri(&request).clone();
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
        #[cfg(feature = "i18n")]
        let scope = scope.with_accept_language(
            Config::localizes(config)
                .then(|| {
                    request
                        .headers()
                        .get(http::header::ACCEPT_LANGUAGE)
                        .cloned()
                })
                .flatten()
                .map(RequestAccept::Http),
        );
        ContextFuture {
            inner: in_scope(scope, self.inner.call(request)),
            id: Some((header, id)),
        }
    }
}

/// The URI the client asked for: axum's nested routers see the path without their prefix,
/// and keep the original one in an extension.
fn original_uri<B>(request: &Request<B>) -> &http::Uri {
    #[cfg(feature = "axum")]
    if let Some(::axum::extract::OriginalUri(uri)) = request.extensions().get() {
        return uri;
    }
    request.uri()
}

/// Routed by the name of the service it wraps.
#[cfg(feature = "tonic")]
impl<S: ::tonic::server::NamedService> ::tonic::server::NamedService for ContextService<S> {
    const NAME: &'static str = S::NAME;
}

pin_project_lite::pin_project! {
    /// The response future of [`ContextService`]: the inner one, run with the request's
    /// context in scope, then given the request id header.
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
            // A handler that set its own id keeps it. A trailers-only gRPC error response
            // carries its metadata in these headers too.
            response.headers_mut().entry(header).or_insert(id);
        }
        Poll::Ready(Ok(response))
    }
}

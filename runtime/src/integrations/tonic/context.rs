//! The request context layer for tonic: the request id (from the `x-request-id` metadata,
//! else fresh) and the method path, set for the time the service handles the request, where
//! the conversion of an error into a `Status` finds them; the id is echoed in the response
//! metadata. The rules and the scope are those of axum's and actix-web's layers
//! (`integrations::context`).

use core::future::Future;
use core::pin::Pin;
use core::task::{Context as TaskContext, Poll};
use std::sync::Arc;

use http::{HeaderName, HeaderValue, Request, Response};
use tokio::task::futures::TaskLocalFuture;

use crate::integrations::context::{
    Config, RequestAccept, RequestFacts, RequestId, RequestPath, Scope, context_builder, in_scope,
};

/// A tower layer that gives the `Status` of every error converted while a tonic service
/// handles a request the request's context: a request id (the client's `x-request-id`
/// metadata when it is 1 to 128 visible ASCII characters, a fresh unique one otherwise) in
/// the `RequestInfo` detail and the response's `x-request-id` metadata, and the method
/// path in the log.
///
/// ```
/// use apifault::tonic::ContextLayer;
///
/// // tonic::transport::Server::builder().layer(ContextLayer::new()).add_service(…)
/// let layer = ContextLayer::new().request_id_header("x-acme-opid");
/// # let _ = layer;
/// ```
///
/// The same builder methods as axum's layer: another id header, an id source, values and
/// a hook ([`RequestFacts`]). The id is also in the request's extensions as a [`RequestId`]
/// (`request.extensions().get::<RequestId>()` in a tonic handler).
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
        request.extensions_mut().insert(RequestId(id.clone()));
        // The scope keeps `Accept` as over HTTP; a `Status` has one representation.
        let scope = Scope::new(
            RequestPath::Http(request.uri().clone()),
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

/// Routed by the name of the service it wraps.
impl<S: ::tonic::server::NamedService> ::tonic::server::NamedService for ContextService<S> {
    const NAME: &'static str = S::NAME;
}

pin_project_lite::pin_project! {
    /// The response future of [`ContextService`]: the inner one, run with the request's
    /// context in scope, then given the `x-request-id` metadata.
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
            // A handler that set its own id keeps it. A trailers-only error response (the
            // usual for a `Status`) carries its metadata in these headers too.
            response.headers_mut().entry(header).or_insert(id);
        }
        Poll::Ready(Ok(response))
    }
}

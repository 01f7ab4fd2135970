//! The request context middleware: actix-web's counterpart of axum's `ContextLayer`, on
//! the scope both share (`integrations::context`).

use core::future::{Future, Ready, ready};
use core::pin::Pin;
use core::task::{Context as TaskContext, Poll};
use std::sync::Arc;

use ::actix_web::HttpMessage as _;
use ::actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use ::actix_web::http::header;
use http::{HeaderName, HeaderValue};
use tokio::task::futures::TaskLocalFuture;

use crate::integrations::context::{
    Config, RequestAccept, RequestFacts, RequestId, RequestPath, Scope, context_builder, in_scope,
};

/// An actix-web middleware that gives error responses the request's context: the request
/// path as `instance` when the variant declares none, and a request id (the client's
/// `x-request-id` when it is 1 to 128 visible ASCII characters, a fresh unique one
/// otherwise) in the body as the format prescribes (RFC 9457 `request_id`, JSON:API `id`)
/// and in the response's `x-request-id` header. The same rules, options and hook as axum's
/// `ContextLayer`.
///
/// ```
/// use actix_web::{App, web};
/// use apifault::actix_web::ContextMiddleware;
///
/// let app = App::new()
///     .wrap(ContextMiddleware::new())
///     .route("/", web::get().to(|| async { "hello" }));
/// ```
///
/// Wrap the whole `App` with it (the last `wrap`, so it runs first), so every route and
/// the default service are inside it. Only the path is used, never the query string,
/// which may carry secrets. Errors a handler or an extractor returns render inside it; an
/// error another middleware returns as `Err` is rendered by actix-web after every
/// middleware has finished, without the context.
#[derive(Debug, Clone, Default)]
pub struct ContextMiddleware {
    /// `None` for the defaults: no reference count per request.
    config: Option<Arc<Config>>,
}

impl ContextMiddleware {
    /// The middleware.
    #[must_use]
    pub const fn new() -> Self {
        Self { config: None }
    }

    context_builder!();
}

impl<S, B> Transform<S, ServiceRequest> for ContextMiddleware
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>>,
{
    type Response = ServiceResponse<B>;
    type Error = S::Error;
    type Transform = ContextService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ContextService {
            service,
            config: self.config.clone(),
        }))
    }
}

/// The service [`ContextMiddleware`] wraps around the inner one.
#[derive(Debug)]
pub struct ContextService<S> {
    service: S,
    config: Option<Arc<Config>>,
}

impl<S, B> Service<ServiceRequest> for ContextService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>>,
{
    type Response = ServiceResponse<B>;
    type Error = S::Error;
    type Future = ContextFuture<S::Future>;

    ::actix_web::dev::forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let config = self.config.as_deref();
        let header = Config::header(config);
        let id = Config::request_id(
            config,
            request
                .headers()
                .get(header.as_str())
                .map(header::HeaderValue::as_bytes),
        );
        request.extensions_mut().insert(RequestId(id.clone()));
        let scope = Scope::new(
            RequestPath::Actix(request.uri().clone()),
            id.clone(),
            request
                .headers()
                .get(header::ACCEPT)
                .cloned()
                .map(RequestAccept::Actix),
            Config::started(config),
            self.config.clone(),
        );
        #[cfg(feature = "i18n")]
        let scope = scope.with_accept_language(
            Config::localizes(config)
                .then(|| request.headers().get(header::ACCEPT_LANGUAGE).cloned())
                .flatten()
                .map(RequestAccept::Actix),
        );
        ContextFuture {
            inner: in_scope(scope, self.service.call(request)),
            id: Some((header, id)),
        }
    }
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

impl<F, B, E> Future for ContextFuture<F>
where
    F: Future<Output = Result<ServiceResponse<B>, E>>,
{
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let mut response = match this.inner.poll(cx) {
            Poll::Ready(Ok(response)) => response,
            other => return other,
        };
        if let Some((name, id)) = this.id.take() {
            let headers = response.headers_mut();
            // A handler that set its own id keeps it. actix-web 4 is on `http` 0.2: the
            // same validated bytes, so neither conversion fails.
            if !headers.contains_key(name.as_str())
                && let (Ok(name), Ok(id)) = (
                    header::HeaderName::from_bytes(name.as_str().as_bytes()),
                    header::HeaderValue::from_bytes(id.as_bytes()),
                )
            {
                headers.insert(name, id);
            }
        }
        Poll::Ready(Ok(response))
    }
}

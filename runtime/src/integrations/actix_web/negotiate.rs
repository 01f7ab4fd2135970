//! The request's `Accept`, in scope while actix-web answers it, for types that negotiate
//! their format.
//!
//! `ResponseError::error_response` sees the error only, never the request. A handler's
//! `Err`, and an extractor's, becomes a response inside the handler service's future, so a
//! middleware that runs that future inside a tokio task-local (actix-web runs on tokio)
//! hands the header to the derived impl, as the axum `ContextLayer` does.

use core::future::Future;
use core::pin::Pin;
use core::task::{Context as TaskContext, Poll};
use std::rc::Rc;

use ::actix_web::Error;
use ::actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use ::actix_web::http::header::{ACCEPT, HeaderValue};
use tokio::task::futures::TaskLocalFuture;

tokio::task_local! {
    static ACCEPT_HEADER: Option<HeaderValue>;
}

/// Calls `f` with the `Accept` header of the request being answered inside [`Negotiate`],
/// `None` outside it or when the request sent none (or one that is not text).
pub(crate) fn with_accept<R>(f: impl Fn(Option<&str>) -> R) -> R {
    ACCEPT_HEADER
        .try_with(|accept| f(accept.as_ref().and_then(|value| value.to_str().ok())))
        .unwrap_or_else(|_| f(None))
}

/// actix-web middleware that lets the derived `ResponseError` of a type declaring
/// `negotiate(…)` answer in the format the request's `Accept` prefers.
///
/// ```
/// use actix_web::{App, HttpResponse, web};
/// use apifault::actix_web::Negotiate;
///
/// # async fn handler() -> HttpResponse { HttpResponse::Ok().finish() }
/// let app = App::new()
///     .wrap(Negotiate::new())
///     .route("/objects/{key}", web::get().to(handler));
/// ```
///
/// Errors returned by handlers and extractors are answered inside it. An error a
/// middleware outside it returns is answered after it, in the type's default format: wrap
/// `Negotiate` last (outermost).
#[derive(Debug, Clone, Copy, Default)]
pub struct Negotiate {
    _private: (),
}

impl Negotiate {
    /// The middleware.
    #[must_use]
    pub const fn new() -> Self {
        Self { _private: () }
    }
}

impl<S, B> Transform<S, ServiceRequest> for Negotiate
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
{
    type Response = ServiceResponse<B>;
    type Error = Error;
    type Transform = NegotiateService<S>;
    type InitError = ();
    type Future = core::future::Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        core::future::ready(Ok(NegotiateService {
            service: Rc::new(service),
        }))
    }
}

/// The service [`Negotiate`] wraps around the inner one.
#[derive(Debug)]
pub struct NegotiateService<S> {
    service: Rc<S>,
}

impl<S, B> Service<ServiceRequest> for NegotiateService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
{
    type Response = ServiceResponse<B>;
    type Error = Error;
    type Future = NegotiateFuture<S::Future>;

    fn poll_ready(&self, cx: &mut TaskContext<'_>) -> Poll<Result<(), Self::Error>> {
        self.service.poll_ready(cx)
    }

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let accept = request.headers().get(ACCEPT).cloned();
        NegotiateFuture {
            inner: ACCEPT_HEADER.scope(accept, self.service.call(request)),
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`NegotiateService`]: the inner one, run with the request's
    /// `Accept` in scope.
    pub struct NegotiateFuture<F> {
        #[pin]
        inner: TaskLocalFuture<Option<HeaderValue>, F>,
    }
}

impl<F: Future> Future for NegotiateFuture<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        self.project().inner.poll(cx)
    }
}

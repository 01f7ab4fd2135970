//! The catch-all middleware: responses actix-web or a middleware made without a body, and
//! a handler's panic, in the service's format.

use core::future::{Future, Ready, ready};
use core::pin::Pin;
use core::task::{Context as TaskContext, Poll};
use std::panic::{AssertUnwindSafe, catch_unwind};

use ::actix_web::body::{BodySize, EitherBody, MessageBody};
use ::actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use ::actix_web::error::InternalError;
use ::actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use ::actix_web::{Error, HttpResponse, ResponseError};

use crate::integrations::context::scoped_id;
use crate::integrations::rejection::Rejection;

/// An actix-web middleware that answers every 4xx or 5xx response made without a body
/// (a resource's 405, a `default_service` left to actix-web, a timeout, …) in the
/// service's format, through `R`: a type built from [`Rejection`] (the service's error
/// enum with a transparent `Rejection` variant, or `Rejection` itself). The bare
/// response's headers are kept (`Allow` on a 405). A panic of a handler answers a 500
/// (`internal_error`, no message), rendered inside the request context, its message in
/// the log only (feature `tracing`); so does an inner middleware's `Err` whose response
/// is bare.
///
/// A response with a body or a `Content-Type` passes untouched, and so does every 1xx,
/// 2xx and 3xx.
///
/// ```
/// use actix_web::{App, web};
/// use apifault::actix_web::{CatchAll, ContextMiddleware, Rejection};
///
/// let app = App::new()
///     .route("/", web::get().to(|| async { "hello" }))
///     .wrap(CatchAll::<Rejection>::new())
///     .wrap(ContextMiddleware::new());
/// ```
///
/// Wrap it after (outside) the middlewares whose bare responses it should answer, and
/// before [`ContextMiddleware`](super::ContextMiddleware), so the answer has the
/// request's `instance` and id.
#[derive(Debug)]
pub struct CatchAll<R> {
    convert: fn(Rejection) -> R,
}

impl<R> Clone for CatchAll<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for CatchAll<R> {}

impl<R: From<Rejection>> CatchAll<R> {
    /// The middleware answering through `R::from`.
    #[must_use]
    pub fn new() -> Self {
        Self { convert: R::from }
    }
}

impl<R: From<Rejection>> Default for CatchAll<R> {
    fn default() -> Self {
        Self::new()
    }
}

impl<R> CatchAll<R> {
    /// The middleware answering through `convert`.
    #[must_use]
    pub const fn map(convert: fn(Rejection) -> R) -> Self {
        Self { convert }
    }
}

impl<S, B, R> Transform<S, ServiceRequest> for CatchAll<R>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
    R: ResponseError,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = CatchAllService<S, R>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(CatchAllService {
            service,
            convert: self.convert,
        }))
    }
}

/// The service [`CatchAll`] wraps around the inner one.
#[derive(Debug)]
pub struct CatchAllService<S, R> {
    service: S,
    convert: fn(Rejection) -> R,
}

impl<S, B, R> Service<ServiceRequest> for CatchAllService<S, R>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
    R: ResponseError,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = CatchAllFuture<S::Future, R>;

    ::actix_web::dev::forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        // A handler may panic before its future exists (a synchronous part of `call`).
        let inner = catch_unwind(AssertUnwindSafe(|| self.service.call(request)));
        let (inner, panicked) = match inner {
            Ok(inner) => (Some(inner), None),
            Err(payload) => (None, Some(payload)),
        };
        CatchAllFuture {
            inner,
            panicked,
            convert: self.convert,
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`CatchAllService`].
    pub struct CatchAllFuture<F, R> {
        #[pin]
        inner: Option<F>,
        panicked: Option<Box<dyn core::any::Any + Send>>,
        convert: fn(Rejection) -> R,
    }
}

impl<F, B, R> Future for CatchAllFuture<F, R>
where
    F: Future<Output = Result<ServiceResponse<B>, Error>>,
    B: MessageBody,
    R: ResponseError,
{
    type Output = Result<ServiceResponse<EitherBody<B>>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let outcome = match (this.inner.as_mut().as_pin_mut(), this.panicked.take()) {
            (Some(inner), None) => match catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
                Ok(Poll::Pending) => return Poll::Pending,
                Ok(Poll::Ready(outcome)) => Ok(outcome),
                Err(payload) => Err(payload),
            },
            (_, Some(payload)) => Err(payload),
            (None, None) => unreachable!("a future without its inner one is one that panicked"),
        };
        let response = match outcome {
            Ok(Ok(response)) => response,
            // Rendered here, where the request context still holds; actix-web sends it.
            Ok(Err(error)) => {
                let response = error.error_response();
                return Poll::Ready(Err(match answer_bare(response, *this.convert) {
                    Ok(answer) => prepared(error.to_string(), answer),
                    Err(_) => error,
                }));
            }
            // The request went down with the handler: the answer goes back as an error
            // carrying its finished response.
            Err(payload) => {
                let rejection = Rejection::panicked(&*payload);
                let text = rejection.text().to_owned();
                let answer = (this.convert)(rejection).error_response();
                return Poll::Ready(Err(prepared(text, answer)));
            }
        };
        let (request, response) = response.into_parts();
        Poll::Ready(Ok(match answer_bare(response, *this.convert) {
            Ok(answer) => ServiceResponse::new(request, answer.map_into_right_body()),
            Err(response) => ServiceResponse::new(request, response.map_into_left_body()),
        }))
    }
}

/// An actix-web error whose response is `response`, already rendered (with the request
/// id header of the context, which the context middleware adds to `Ok` responses only).
fn prepared(text: String, mut response: HttpResponse) -> Error {
    if let Some((name, id)) = scoped_id()
        && let (Ok(name), Ok(id)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(id.as_bytes()),
        )
        && !response.headers().contains_key(&name)
    {
        response.headers_mut().insert(name, id);
    }
    InternalError::from_response(text, response).into()
}

/// The answer through `convert` when `response` is bare, else `response` back.
fn answer_bare<B: MessageBody, R: ResponseError>(
    response: HttpResponse<B>,
    convert: fn(Rejection) -> R,
) -> Result<HttpResponse, HttpResponse<B>> {
    if !is_bare(&response) {
        return Err(response);
    }
    // actix-web 4 is on `http` 0.2: the status is carried over by number.
    let status = http::StatusCode::from_u16(response.status().as_u16())
        .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let mut answer = convert(Rejection::bare(status)).error_response();
    keep_headers(response.headers(), answer.headers_mut());
    Ok(answer)
}

/// Whether `response` is an error status made without a body or a content type.
fn is_bare<B: MessageBody>(response: &HttpResponse<B>) -> bool {
    let status = response.status();
    (status.is_client_error() || status.is_server_error())
        && !response.headers().contains_key(CONTENT_TYPE)
        && matches!(response.body().size(), BodySize::None | BodySize::Sized(0))
}

/// Copies the bare response's headers the answer does not set itself (`Allow`), but its
/// length.
fn keep_headers(bare: &HeaderMap, answer: &mut HeaderMap) {
    for (name, value) in bare {
        if name != CONTENT_LENGTH && !answer.contains_key(name) {
            answer.append(name.clone(), value.clone());
        }
    }
}

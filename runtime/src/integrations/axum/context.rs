//! The request context layer: the request path and id, set for the time the inner service
//! handles the request, where an error's `IntoResponse` finds them.
//!
//! Why a task-local rather than a request extension: `IntoResponse::into_response` sees the
//! error only, never the request. The handler's future, and with it the conversion of its
//! `Err` into a response, is polled inside the layer's future, so a tokio task-local scoped
//! to that future is exactly "the request being answered". Nothing is re-rendered or
//! parsed afterwards, and without the layer the scope is simply absent.

use core::future::Future;
use core::pin::Pin;
use core::sync::atomic::{AtomicU64, Ordering};
use core::task::{Context as TaskContext, Poll};
use std::hash::{BuildHasher, RandomState};
use std::sync::OnceLock;

use ::axum::extract::OriginalUri;
use http::{HeaderName, HeaderValue, Request, Response, Uri};
use tokio::task::futures::TaskLocalFuture;

use crate::Context;

/// The request header a client's request id is read from and the response header it is
/// echoed in.
const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The longest client-sent request id used as is; a longer one is replaced.
const MAX_ID_LEN: usize = 128;

tokio::task_local! {
    static REQUEST: Scope;
}

/// What the layer knows of the request being handled. (Public only because the future
/// type names it; the module is private.)
#[derive(Debug)]
pub struct Scope {
    uri: Uri,
    id: HeaderValue,
    /// The request's `Accept`, for types that negotiate their format.
    accept: Option<HeaderValue>,
}

impl Scope {
    fn context(&self) -> Context<'_> {
        let mut context = Context::new().with_instance(self.uri.path());
        if let Ok(id) = self.id.to_str() {
            context = context.with_request_id(id);
        }
        match self.accept() {
            Some(accept) => context.with_accept(accept),
            None => context,
        }
    }

    /// The request's `Accept` header, when it is text.
    fn accept(&self) -> Option<&str> {
        self.accept.as_ref()?.to_str().ok()
    }
}

/// Calls `f` with what is known of the request being handled: its path and request id
/// inside [`ContextLayer`], nothing outside it.
///
/// The derived `IntoResponse` renders through this; a hand-written response type can too.
pub fn with_context<R>(f: impl Fn(&Context<'_>) -> R) -> R {
    REQUEST
        .try_with(|scope| f(&scope.context()))
        .unwrap_or_else(|_| f(&Context::new()))
}

/// The request id [`ContextLayer`] gave the request, also put in its extensions so a
/// handler or a logging layer can read it (`Extension<RequestId>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(HeaderValue);

impl RequestId {
    /// The id as text: visible ASCII only, at most 128 bytes.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.0.to_str().unwrap_or_default()
    }
}

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
#[derive(Debug, Clone, Copy, Default)]
pub struct ContextLayer {
    _private: (),
}

impl ContextLayer {
    /// The layer.
    #[must_use]
    pub const fn new() -> Self {
        Self { _private: () }
    }
}

impl<S> tower_layer::Layer<S> for ContextLayer {
    type Service = ContextService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ContextService { inner }
    }
}

/// The service [`ContextLayer`] wraps around the inner one.
#[derive(Debug, Clone)]
pub struct ContextService<S> {
    inner: S,
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
        let id = request
            .headers()
            .get(&X_REQUEST_ID)
            .filter(|id| usable_id(id))
            .cloned()
            .unwrap_or_else(generate_id);
        // Nested routers see the path without their prefix; the original one is the
        // occurrence the client asked for.
        let uri = match request.extensions().get::<OriginalUri>() {
            Some(OriginalUri(uri)) => uri.clone(),
            None => request.uri().clone(),
        };
        request.extensions_mut().insert(RequestId(id.clone()));
        let scope = Scope {
            uri,
            id: id.clone(),
            accept: request.headers().get(http::header::ACCEPT).cloned(),
        };
        ContextFuture {
            inner: REQUEST.scope(scope, self.inner.call(request)),
            id: Some(id),
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`ContextService`]: the inner one, run with the request's
    /// context in scope, then given the `x-request-id` header.
    pub struct ContextFuture<F> {
        #[pin]
        inner: TaskLocalFuture<Scope, F>,
        id: Option<HeaderValue>,
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
        if let Some(id) = this.id.take() {
            // A handler that set its own id keeps it.
            response.headers_mut().entry(X_REQUEST_ID).or_insert(id);
        }
        Poll::Ready(Ok(response))
    }
}

/// A client-sent id is echoed only when it is short and plain: 1 to 128 visible ASCII
/// characters (no spaces, no control characters).
fn usable_id(id: &HeaderValue) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty() && bytes.len() <= MAX_ID_LEN && bytes.iter().all(u8::is_ascii_graphic)
}

/// A fresh request id: 32 lowercase hex digits, unique within the process (the low half
/// is a bijective mix of a counter) and unlikely to repeat across processes (both halves
/// start from a random per-process seed). No external crate, no system call per id.
fn generate_id() -> HeaderValue {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static SEED: OnceLock<(u64, u64)> = OnceLock::new();
    let (high_seed, low_seed) = *SEED.get_or_init(|| {
        // `RandomState` keys come from the operating system's randomness.
        let state = RandomState::new();
        let now = std::time::SystemTime::now();
        (
            state.hash_one((now, std::process::id(), 0_u8)),
            state.hash_one((now, std::process::id(), 1_u8)),
        )
    });
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let low = mix(low_seed.wrapping_add(count));
    let high = mix(high_seed ^ count.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut text = [0_u8; 32];
    for (i, byte) in text.iter_mut().enumerate() {
        let word = if i < 16 { high } else { low };
        let shift = 60 - 4 * (i % 16);
        *byte = b"0123456789abcdef"[usize::try_from((word >> shift) & 0xF).unwrap_or(0)];
    }
    HeaderValue::from_bytes(&text).unwrap_or_else(|_| HeaderValue::from_static("0"))
}

/// The splitmix64 finalizer: a bijection on `u64` that scatters consecutive inputs.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_unique_hex() {
        let ids: std::collections::HashSet<HeaderValue> =
            (0..10_000).map(|_| generate_id()).collect();
        assert_eq!(ids.len(), 10_000);
        for id in ids.iter().take(10) {
            assert_eq!(id.len(), 32);
            assert!(
                id.as_bytes()
                    .iter()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
            );
        }
    }

    #[test]
    fn only_plain_client_ids_are_used() {
        assert!(usable_id(&HeaderValue::from_static("abc-123")));
        assert!(!usable_id(&HeaderValue::from_static("")));
        assert!(!usable_id(&HeaderValue::from_static("has space")));
        assert!(!usable_id(
            &HeaderValue::from_str(&"a".repeat(129)).unwrap()
        ));
        assert!(usable_id(&HeaderValue::from_str(&"a".repeat(128)).unwrap()));
    }
}

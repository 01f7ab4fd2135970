//! actix-web integration (feature `actix-web`): every derived type implements
//! [`ResponseError`](::actix_web::ResponseError), so a handler returns `Result<T, MyError>`
//! and the error answers with its status, declared headers, content type and body.
//!
//! ```
//! use actix_web::{App, HttpResponse, web};
//! use apifault::ApiError;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! enum CaseError {
//!     #[error("case {id} not found")]
//!     #[status(404)]
//!     NotFound { #[api_error(expose)] id: u64 },
//! }
//!
//! async fn case(id: web::Path<u64>) -> Result<HttpResponse, CaseError> {
//!     Err(CaseError::NotFound { id: id.into_inner() })
//! }
//!
//! let app = App::new().route("/cases/{id}", web::get().to(case));
//! ```
//!
//! actix-web's own extractor errors become yours through apifault's ready-made configs:
//! each answers with the shared [`Rejection`] (the same codes and statuses as axum's), built
//! into your type through a transparent variant, so they answer in your format too:
//!
//! ```
//! use actix_web::App;
//! use apifault::ApiError;
//! use apifault::actix_web::{Rejection, json_config, path_config};
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! enum CaseError {
//!     #[error(transparent)]
//!     #[api_error(transparent)]
//!     Rejected(#[from] Rejection),
//! }
//!
//! let app = App::new()
//!     .app_data(json_config::<CaseError>())
//!     .app_data(path_config::<CaseError>());
//! ```
//!
//! [`CatchAll`] answers what actix-web or a middleware sends without a body (a resource's
//! 405, a timeout) and a handler's panic the same way.
//!
//! [`ContextMiddleware`] gives error responses what only the request knows, with the same
//! rules as axum's `ContextLayer`: `instance` (the request path, never the query string)
//! and a request id (the client's `x-request-id` when it is 1 to 128 visible ASCII
//! characters, else a fresh one) in the body and the response's `x-request-id` header, the
//! id also in the request's extensions as [`RequestId`]. Its builder takes the same values,
//! members, hook and request-id header and source (see the axum module's "What the service
//! adds to the context"):
//!
//! ```
//! use actix_web::{App, web};
//! use apifault::ContextValues;
//! use apifault::actix_web::{ContextMiddleware, RequestFacts};
//!
//! fn fill(facts: &RequestFacts<'_>, values: &mut ContextValues) {
//!     values.member("elapsed_ms", facts.elapsed().as_millis() as u64);
//! }
//!
//! let app = App::new()
//!     .route("/", web::get().to(|| async { "hello" }))
//!     .wrap(
//!         ContextMiddleware::new()
//!             .member("region", "eu-west-1")
//!             .hook(fill)
//!             .request_id_header("X-Acme-OPID"),
//!     );
//! ```
//!
//! Wrap the whole `App` with it, last (so it runs first). Errors returned by handlers and
//! extractors render inside it, through the derived `ResponseError`; an error another
//! middleware returns as `Err` is rendered by actix-web after every middleware, without it.
//!
//! Inside it, a type that declares `negotiate(…)` answers in the format the request's
//! `Accept` prefers; a handler that builds its own response outside it passes the request
//! to [`respond_to`].
//!
//! actix-web 4 is built on `http` 0.2; the response is converted header by header.

use ::actix_web::http::StatusCode;
use ::actix_web::http::header::{ACCEPT, HeaderName, HeaderValue};
use ::actix_web::{HttpRequest, HttpResponse};

use crate::{ApiError, DynApiError, Format};

mod catch_all;
mod context;
mod docs;
mod extract;

pub use self::catch_all::{CatchAll, CatchAllFuture, CatchAllService};
pub use self::context::{ContextFuture, ContextMiddleware, ContextService};
pub use self::docs::catalogue_scope;
pub use self::extract::{Form, Json, Query, form_config, json_config, path_config, query_config};
pub use crate::integrations::context::{RequestFacts, RequestId, with_context};
pub use crate::integrations::rejection::Rejection;

/// The actix-web status of `error`.
pub fn status_code<E: ApiError>(error: &E) -> StatusCode {
    // Every status the derive accepts (400..=599) is valid in both `http` versions.
    StatusCode::from_u16(error.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The whole actix-web response for `error` in its own format
/// ([`ApiError::to_response_with`]), with the request context of [`ContextMiddleware`]
/// (path, request id, `Accept` for a type that negotiates its format) when called inside
/// it: what every derived type's `ResponseError::error_response` returns.
pub fn respond<E: ApiError>(error: &E) -> HttpResponse {
    with_context(|context| from_http(error.to_response_with(context)))
}

/// The whole actix-web response for `error` in its own format, the one `request`'s
/// `Accept` prefers when the type declares `negotiate(…)`: for a handler that answers an
/// error itself, also outside [`ContextMiddleware`].
///
/// ```
/// use actix_web::{HttpRequest, HttpResponse};
/// use apifault::ApiError;
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api_error(negotiate(apifault::Problem, apifault::Boom))]
/// enum ObjectError {
///     #[error("no such key")]
///     #[status(404)]
///     NoSuchKey,
/// }
///
/// async fn object(request: HttpRequest) -> HttpResponse {
///     apifault::actix_web::respond_to(&ObjectError::NoSuchKey, &request)
/// }
/// ```
pub fn respond_to<E: ApiError>(error: &E, request: &HttpRequest) -> HttpResponse {
    let accept = request
        .headers()
        .get(ACCEPT)
        .and_then(|value| value.to_str().ok());
    with_context(|context| {
        let context = match (context.accept, accept) {
            (None, Some(accept)) => context.with_accept(accept),
            _ => *context,
        };
        from_http(error.to_response_with(&context))
    })
}

/// The whole actix-web response for `error` in format `F`, whatever its own, with the
/// request context of [`ContextMiddleware`] when called inside it.
pub fn error_response<F: Format, E: ApiError>(error: &E) -> HttpResponse {
    with_context(|context| from_http(crate::response::<F, E>(error, context)))
}

/// The actix-web response of an `http` one.
fn from_http(response: http::Response<Vec<u8>>) -> HttpResponse {
    let (parts, body) = response.into_parts();
    // Every status the derive accepts (400..=599) is valid in both `http` versions.
    let status =
        StatusCode::from_u16(parts.status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = HttpResponse::with_body(status, body);
    let headers = response.headers_mut();
    for (name, value) in &parts.headers {
        // Both sides hold the same validated bytes, so neither conversion fails.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            headers.append(name, value);
        }
    }
    response.map_into_boxed_body()
}

/// A boxed error of any derived type answers in its own format, with the request context
/// of [`ContextMiddleware`] when it runs.
impl ::actix_web::ResponseError for Box<dyn DynApiError> {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        with_context(|context| from_http(self.erased_response(context)))
    }
}

/// A boxed error of any derived type answers in its own format, with the request context
/// of [`ContextMiddleware`] when it runs.
impl ::actix_web::ResponseError for Box<dyn DynApiError + Send + Sync> {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        with_context(|context| from_http(self.erased_response(context)))
    }
}

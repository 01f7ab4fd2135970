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
//! actix-web's own extractor errors become yours through its configs, each mapped to a
//! variant of your error type, so they answer in your format too:
//!
//! ```
//! use actix_web::{App, web};
//! use apifault::ApiError;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! enum CaseError {
//!     #[error("malformed request: {0}")]
//!     #[status(400)]
//!     Malformed(String),
//! }
//!
//! let app = App::new().app_data(
//!     web::JsonConfig::default()
//!         .error_handler(|error, _| CaseError::Malformed(error.to_string()).into()),
//! );
//! ```
//!
//! A type that declares `negotiate(…)` answers in the format the request's `Accept`
//! prefers under the [`Negotiate`] middleware (`App::new().wrap(Negotiate::new())`); a
//! handler that builds its own response passes the request to [`respond_to`].
//!
//! actix-web 4 is built on `http` 0.2; the response is converted header by header.

use ::actix_web::http::StatusCode;
use ::actix_web::http::header::{ACCEPT, HeaderName, HeaderValue};
use ::actix_web::{HttpRequest, HttpResponse};

use crate::{ApiError, Context, DynApiError, Format};

mod negotiate;

pub use self::negotiate::{Negotiate, NegotiateFuture, NegotiateService};

/// The actix-web status of `error`.
pub fn status_code<E: ApiError>(error: &E) -> StatusCode {
    // Every status the derive accepts (400..=599) is valid in both `http` versions.
    StatusCode::from_u16(error.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The whole actix-web response for `error` in its own format
/// ([`ApiError::to_response_with`]): what every derived type's
/// `ResponseError::error_response` returns.
///
/// Inside [`Negotiate`], the context carries the request's `Accept`.
pub fn respond<E: ApiError>(error: &E) -> HttpResponse {
    negotiate::with_accept(|accept| from_http(error.to_response_with(&context(accept))))
}

/// The whole actix-web response for `error` in its own format, the one `request`'s
/// `Accept` prefers when the type declares `negotiate(…)`: for a handler that answers an
/// error itself, without the [`Negotiate`] middleware.
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
    from_http(error.to_response_with(&context(accept)))
}

/// The context of a request with this `Accept` header.
fn context(accept: Option<&str>) -> Context<'_> {
    match accept {
        Some(accept) => Context::new().with_accept(accept),
        None => Context::new(),
    }
}

/// The whole actix-web response for `error` in format `F`, whatever its own.
pub fn error_response<F: Format, E: ApiError>(error: &E) -> HttpResponse {
    from_http(crate::response::<F, E>(error, &Context::new()))
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

/// A boxed error of any derived type answers in its own format.
impl ::actix_web::ResponseError for Box<dyn DynApiError> {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        negotiate::with_accept(|accept| from_http(self.erased_response(&context(accept))))
    }
}

/// A boxed error of any derived type answers in its own format.
impl ::actix_web::ResponseError for Box<dyn DynApiError + Send + Sync> {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        negotiate::with_accept(|accept| from_http(self.erased_response(&context(accept))))
    }
}

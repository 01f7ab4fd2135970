//! actix-web's extractor errors as the shared [`Rejection`]: ready-made configs whose
//! error handlers answer through the service's error type, and the extractors that name
//! the member or parameter at fault.

use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;

use ::actix_web::dev::Payload;
use ::actix_web::error::{
    JsonPayloadError, PathError, PayloadError, QueryPayloadError, UrlencodedError,
};
use ::actix_web::http::StatusCode;
use ::actix_web::{FromRequest, HttpRequest, ResponseError, web};
use serde_core::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::Location;
use crate::integrations::rejection::{
    Kind, Rejection, extractor, from_form, from_json, from_query, json_error, parameter_violation,
    urlencoded_error,
};

/// The rejection answers in RFC 9457, with the request context of
/// [`ContextMiddleware`](super::ContextMiddleware) when it runs.
impl ResponseError for Rejection {
    fn status_code(&self) -> StatusCode {
        super::status_code(self)
    }

    fn error_response(&self) -> ::actix_web::HttpResponse {
        super::respond(self)
    }
}

impl From<JsonPayloadError> for Rejection {
    fn from(error: JsonPayloadError) -> Self {
        let text = error.to_string();
        match error {
            JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
                Self::new(Kind::PayloadTooLarge, text)
            }
            JsonPayloadError::ContentType => Self::new(Kind::UnsupportedMediaType, text)
                .with_public("Expected request with `Content-Type: application/json`".into()),
            JsonPayloadError::Deserialize(error) => json_error(&error, Vec::new()),
            JsonPayloadError::Payload(error) => payload_error(&error, text),
            _ => Self::new(Kind::Internal, text),
        }
    }
}

impl From<UrlencodedError> for Rejection {
    fn from(error: UrlencodedError) -> Self {
        let text = error.to_string();
        match error {
            UrlencodedError::Overflow { .. } => Self::new(Kind::PayloadTooLarge, text),
            UrlencodedError::ContentType => Self::new(Kind::UnsupportedMediaType, text),
            // actix-web's `Form` tracks no path: the field is named when serde's message
            // names it (missing, unknown); apifault's `Form` names it always.
            UrlencodedError::Parse(error) => {
                urlencoded_error(&error, Vec::new(), Kind::InvalidForm, Location::Body)
            }
            UrlencodedError::Encoding => Self::new(Kind::InvalidForm, text),
            UrlencodedError::Payload(error) => payload_error(&error, text),
            _ => Self::new(Kind::UnreadableBody, text),
        }
    }
}

impl From<QueryPayloadError> for Rejection {
    fn from(error: QueryPayloadError) -> Self {
        match error {
            // actix-web's `Query` tracks no path: the parameter is named when serde's
            // message names it (missing, unknown); apifault's `Query` names it always.
            QueryPayloadError::Deserialize(error) => {
                urlencoded_error(&error, Vec::new(), Kind::InvalidQuery, Location::Query)
            }
            _ => Self::new(Kind::InvalidQuery, error.to_string()),
        }
    }
}

impl From<PathError> for Rejection {
    fn from(error: PathError) -> Self {
        path_rejection(&error, None)
    }
}

/// A body that could not be read: over the limit, or broken.
fn payload_error(error: &PayloadError, text: String) -> Rejection {
    match error {
        PayloadError::Overflow => Rejection::new(Kind::PayloadTooLarge, text),
        _ => Rejection::new(Kind::UnreadableBody, text),
    }
}

/// The rejection of a path that does not parse, naming `parameter` when the route has
/// only one. actix-web's text (`can not parse "abc" to a u64`) gives the expected type.
fn path_rejection(error: &PathError, parameter: Option<&str>) -> Rejection {
    let text = error.to_string();
    let expected = text.rfind(" to a ").map(|at| &text[at + 6..]);
    let violation = expected.and_then(|expected| parameter_violation(parameter, expected));
    Rejection::new(Kind::InvalidPath, text.clone()).with_violation(violation)
}

/// The name of the route's only path parameter.
fn only_parameter(request: &HttpRequest) -> Option<String> {
    let mut names = request.match_info().iter().map(|(name, _)| name);
    match (names.next(), names.next()) {
        (Some(name), None) => Some(name.to_owned()),
        _ => None,
    }
}

/// actix-web's error for `R`, built from `rejection`.
fn into_error<R: From<Rejection> + ResponseError + 'static>(
    rejection: Rejection,
) -> ::actix_web::Error {
    ::actix_web::Error::from(R::from(rejection))
}

/// A `JsonConfig` whose errors (a body over the limit, a wrong content type, bad JSON, a
/// shape that does not fit) answer through `R`, a type built from [`Rejection`]: the
/// service's error enum with a transparent `Rejection` variant, or `Rejection` itself.
///
/// ```
/// use actix_web::App;
/// use apifault::actix_web::{Rejection, json_config};
///
/// let app = App::new().app_data(json_config::<Rejection>().limit(64 * 1024));
/// ```
#[must_use]
pub fn json_config<R: From<Rejection> + ResponseError + 'static>() -> web::JsonConfig {
    web::JsonConfig::default().error_handler(|error, _| into_error::<R>(Rejection::from(error)))
}

/// A `PathConfig` whose errors answer through `R`, naming the route's parameter when it
/// has only one.
#[must_use]
pub fn path_config<R: From<Rejection> + ResponseError + 'static>() -> web::PathConfig {
    web::PathConfig::default().error_handler(|error, request| {
        into_error::<R>(path_rejection(&error, only_parameter(request).as_deref()))
    })
}

/// A `QueryConfig` whose errors answer through `R`, with a violation whose code says
/// what failed. actix-web's own `Query` does not track which parameter failed to parse,
/// so only a missing or unknown one is named: take [`Query`] to have every failure name
/// its parameter, as axum's `apifault::axum::Query` does.
#[must_use]
pub fn query_config<R: From<Rejection> + ResponseError + 'static>() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|error, _| into_error::<R>(Rejection::from(error)))
}

/// A `FormConfig` whose errors (a body over the limit, a wrong content type, a form that
/// does not fit) answer through `R`; as for [`query_config`], take [`Form`] to have every
/// failure name its field.
#[must_use]
pub fn form_config<R: From<Rejection> + ResponseError + 'static>() -> web::FormConfig {
    web::FormConfig::default().error_handler(|error, _| into_error::<R>(Rejection::from(error)))
}

extractor! {
    /// actix-web's `web::Json` whose body, once read and parsed under the app's
    /// `JsonConfig` (use [`json_config`] for its errors), is deserialized into `T` here: a
    /// shape that does not fit answers through `R` with a violation at the failing member
    /// (`#/priority`, code `invalid_type`), as axum's `apifault::axum::Json` does.
    Json
}

extractor! {
    /// actix-web's `web::Query` whose failure answers through `R`, naming the parameter
    /// that does not parse (`#/limit`, code `invalid_type`; JSON:API's
    /// `source.parameter`), as axum's `apifault::axum::Query` does.
    Query
}

extractor! {
    /// actix-web's `web::Form` whose body, once read under the app's `FormConfig` (content
    /// type, limit; use [`form_config`] for its errors), is deserialized into `T` here: a
    /// form that does not fit answers through `R` naming the field at fault, as axum's
    /// `apifault::axum::Form` does.
    Form
}

impl<T, R> FromRequest for Json<T, R>
where
    T: DeserializeOwned + 'static,
    R: From<Rejection> + ResponseError + 'static,
{
    type Error = ::actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let raw = web::Json::<Box<RawValue>>::from_request(request, payload);
        Box::pin(async move {
            let raw = raw.await?;
            from_json(raw.get())
                .map(|value| Self(value, PhantomData))
                .map_err(into_error::<R>)
        })
    }
}

impl<T, R> FromRequest for Query<T, R>
where
    T: DeserializeOwned,
    R: From<Rejection> + ResponseError + 'static,
{
    type Error = ::actix_web::Error;
    type Future = core::future::Ready<Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        core::future::ready(
            from_query(request.query_string())
                .map(|value| Self(value, PhantomData))
                .map_err(into_error::<R>),
        )
    }
}

impl<T, R> FromRequest for Form<T, R>
where
    T: DeserializeOwned + 'static,
    R: From<Rejection> + ResponseError + 'static,
{
    type Error = ::actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // actix-web reads the pairs; they are encoded again and deserialized here, where
        // the failing field's name is known.
        let pairs = web::Form::<Vec<(String, String)>>::from_request(request, payload);
        Box::pin(async move {
            let pairs = pairs.await?.into_inner();
            let encoded = serde_urlencoded::to_string(&pairs).unwrap_or_default();
            from_form(encoded.as_bytes())
                .map(|value| Self(value, PhantomData))
                .map_err(into_error::<R>)
        })
    }
}

//! axum's extractor rejections as the shared [`Rejection`], and the extractors that give
//! it the member or parameter at fault.

use core::marker::PhantomData;

use ::axum::extract::rejection::{FormRejection, JsonRejection, PathRejection, QueryRejection};
use ::axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use ::axum::response::{IntoResponse, Response};
use http::request::Parts;
use serde_core::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::Problem;
use crate::integrations::rejection::{
    Kind, Rejection, extractor, from_form, from_json, from_query, parameter_violation,
};

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        super::into_response::<Problem, Self>(&self)
    }
}

/// axum's text goes to the log; the body says the kind only, since axum's text may quote
/// what the client sent.
impl From<JsonRejection> for Rejection {
    fn from(rejection: JsonRejection) -> Self {
        let text = rejection.body_text();
        match &rejection {
            // A syntax error's text is its position only.
            JsonRejection::JsonSyntaxError(_) => {
                let public = text.clone();
                Self::new(Kind::InvalidJson, text).with_public(public)
            }
            JsonRejection::MissingJsonContentType(_) => Self::new(Kind::UnsupportedMediaType, text)
                .with_public("Expected request with `Content-Type: application/json`".into()),
            JsonRejection::BytesRejection(_) => Self::new(
                Kind::by_status(rejection.status(), Kind::UnreadableBody),
                text,
            ),
            _ => Self::new(Kind::by_status(rejection.status(), Kind::InvalidJson), text),
        }
    }
}

impl From<QueryRejection> for Rejection {
    fn from(rejection: QueryRejection) -> Self {
        Self::new(
            Kind::by_status(rejection.status(), Kind::InvalidQuery),
            rejection.body_text(),
        )
    }
}

impl From<PathRejection> for Rejection {
    fn from(rejection: PathRejection) -> Self {
        path_rejection(rejection, &[])
    }
}

impl From<FormRejection> for Rejection {
    fn from(rejection: FormRejection) -> Self {
        let text = rejection.body_text();
        match &rejection {
            FormRejection::BytesRejection(_) => Self::new(
                Kind::by_status(rejection.status(), Kind::UnreadableBody),
                text,
            ),
            _ => Self::new(Kind::by_status(rejection.status(), Kind::InvalidForm), text),
        }
    }
}

/// The rejection of a path that does not parse, naming the parameter: axum's key, else
/// the route's only parameter among `names`.
fn path_rejection(rejection: PathRejection, names: &[String]) -> Rejection {
    use ::axum::extract::path::ErrorKind;
    let text = rejection.body_text();
    let kind = Kind::by_status(rejection.status(), Kind::InvalidPath);
    let PathRejection::FailedToDeserializePathParams(error) = &rejection else {
        return Rejection::new(kind, text);
    };
    let only = (names.len() == 1).then(|| names[0].as_str());
    let violation = match error.kind() {
        ErrorKind::ParseErrorAtKey {
            key, expected_type, ..
        } => parameter_violation(Some(key), expected_type),
        ErrorKind::ParseErrorAtIndex {
            index,
            expected_type,
            ..
        } => parameter_violation(names.get(*index).map(String::as_str), expected_type),
        ErrorKind::ParseError { expected_type, .. } => parameter_violation(only, expected_type),
        _ => None,
    };
    Rejection::new(kind, text).with_violation(violation)
}

extractor! {
    /// axum's `Json` extractor whose rejection is an [`ApiError`](crate::ApiError):
    /// [`Rejection`] by default, or any type `R` built from one (an error enum with a
    /// transparent `Rejection` variant, or [`InFormat<F, Rejection>`](super::InFormat) for
    /// another format). A body that parses but does not fit `T` is named in a violation
    /// at the failing member (`#/priority`, code `invalid_type`).
    Json
}

extractor! {
    /// axum's `Path` extractor whose rejection is an [`ApiError`](crate::ApiError) naming
    /// the parameter that does not parse (code `invalid_type`).
    Path
}

extractor! {
    /// axum's `Query` extractor whose rejection is an [`ApiError`](crate::ApiError) naming
    /// the parameter that does not parse (`#/limit`, code `invalid_type`; JSON:API's
    /// `source.parameter`).
    Query
}

extractor! {
    /// axum's `Form` extractor whose rejection is an [`ApiError`](crate::ApiError): axum
    /// checks the content type and the size limit (and reads a `GET`'s query string), and
    /// a form that does not fit `T` names the field at fault (`#/limit`, code
    /// `invalid_type`).
    Form
}

impl<S, T, R> FromRequest<S> for Json<T, R>
where
    T: DeserializeOwned,
    S: Send + Sync,
    R: From<Rejection> + IntoResponse,
{
    type Rejection = R;

    async fn from_request(request: Request, state: &S) -> Result<Self, R> {
        // axum checks the content type, the size limit and the syntax; the shape is
        // checked here, where the failing member's path is known.
        match ::axum::Json::<Box<RawValue>>::from_request(request, state).await {
            Ok(::axum::Json(raw)) => match from_json(raw.get()) {
                Ok(value) => Ok(Self(value, PhantomData)),
                Err(rejection) => Err(R::from(rejection)),
            },
            Err(rejection) => Err(R::from(Rejection::from(rejection))),
        }
    }
}

impl<S, T, R> FromRequestParts<S> for Path<T, R>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
    R: From<Rejection> + IntoResponse,
{
    type Rejection = R;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, R> {
        match ::axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Path(value)) => Ok(Self(value, PhantomData)),
            Err(rejection) => {
                let names: Vec<String> = RawPathParams::from_request_parts(parts, state)
                    .await
                    .map(|params| params.iter().map(|(name, _)| name.to_owned()).collect())
                    .unwrap_or_default();
                Err(R::from(path_rejection(rejection, &names)))
            }
        }
    }
}

impl<S, T, R> FromRequestParts<S> for Query<T, R>
where
    T: DeserializeOwned,
    S: Send + Sync,
    R: From<Rejection> + IntoResponse,
{
    type Rejection = R;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, R> {
        match from_query(parts.uri.query().unwrap_or_default()) {
            Ok(value) => Ok(Self(value, PhantomData)),
            Err(rejection) => Err(R::from(rejection)),
        }
    }
}

impl<S, T, R> FromRequest<S> for Form<T, R>
where
    T: DeserializeOwned,
    S: Send + Sync,
    R: From<Rejection> + IntoResponse,
{
    type Rejection = R;

    async fn from_request(request: Request, state: &S) -> Result<Self, R> {
        // axum reads the pairs (content type, limit, `GET`'s query string); they are
        // encoded again and deserialized here, where the failing field's name is known.
        match ::axum::Form::<Vec<(String, String)>>::from_request(request, state).await {
            Ok(::axum::Form(pairs)) => {
                let encoded = serde_urlencoded::to_string(&pairs).unwrap_or_default();
                match from_form(encoded.as_bytes()) {
                    Ok(value) => Ok(Self(value, PhantomData)),
                    Err(rejection) => Err(R::from(rejection)),
                }
            }
            Err(rejection) => Err(R::from(Rejection::from(rejection))),
        }
    }
}

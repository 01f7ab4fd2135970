use http::header::CONTENT_TYPE;
use http::{HeaderValue, Response, StatusCode};
use serde_core::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::format::negotiate::is_json;

/// An error's body, rendered once, as a value another serde structure can carry: per-item
/// errors in a `200` batch or `_bulk` response, a task record's `error` member.
///
/// It holds the very body [`to_response`](crate::ApiError::to_response) sends
/// ([`ApiError::to_embedded`](crate::ApiError::to_embedded): the value's own format, or
/// the negotiated one; [`Embedded::new`]: a format of your choice). What a serializer
/// receives:
///
/// - A JSON body (`application/json`, `application/…+json`) is a
///   [`serde_json::value::RawValue`]: serde_json's `to_vec`, `to_string`, `to_writer` and
///   `Serializer` splice the bytes in as they are, with no re-parsing and no tree built
///   (the bytes are scanned once, when the value is made, to be sure they are one JSON
///   value), and `serde_json::to_value` turns them into the equivalent `Value`.
/// - A body in another format (XML, HTML, text) is its text, as a string.
///
/// A serializer other than serde_json does not know `RawValue` (it would see serde_json's
/// private marker struct): give it [`to_value`](Self::to_value), the body parsed into a
/// `serde_json::Value` (a structure any serializer writes), or [`as_str`](Self::as_str).
///
/// ```
/// use apifault::{ApiError, Context, Embedded};
/// use serde::Serialize;
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum IndexError {
///     #[error("index {0} not found")]
///     #[status(404)]
///     NotFound(String),
/// }
///
/// #[derive(Serialize)]
/// struct Task {
///     uid: u64,
///     status: &'static str,
///     error: Embedded,
/// }
///
/// let error = IndexError::NotFound("movies".into());
/// let task = Task { uid: 7, status: "failed", error: error.to_embedded(&Context::new()) };
/// assert_eq!(
///     serde_json::to_string(&task).unwrap(),
///     format!(r#"{{"uid":7,"status":"failed","error":{}}}"#,
///         String::from_utf8(error.to_response().into_body()).unwrap()),
/// );
/// ```
#[derive(Debug, Clone)]
pub struct Embedded {
    status: StatusCode,
    content_type: Option<HeaderValue>,
    body: Body,
}

#[derive(Debug, Clone)]
enum Body {
    Json(Box<RawValue>),
    Text(String),
}

impl Embedded {
    /// `error`'s body in format `F`, as [`response`](crate::response) renders it.
    pub fn new<F: crate::Format, E: crate::ApiError>(
        error: &E,
        context: &crate::Context<'_>,
    ) -> Self {
        Self::from_response(crate::response::<F, E>(error, context))
    }

    /// The body of a response rendered for an error, read as its `Content-Type` says.
    #[must_use]
    pub fn from_response(response: Response<Vec<u8>>) -> Self {
        let (mut parts, body) = response.into_parts();
        let content_type = parts.headers.remove(CONTENT_TYPE);
        let json = content_type
            .as_ref()
            .and_then(|value| value.to_str().ok())
            .is_some_and(is_json);
        let text = match String::from_utf8(body) {
            Ok(text) => text,
            Err(bytes) => String::from_utf8_lossy(bytes.as_bytes()).into_owned(),
        };
        let body = if json {
            // A house format that wrote invalid JSON is embedded as text, never spliced in
            // to break the document around it.
            let raw = serde_json::from_str::<&RawValue>(&text)
                .ok()
                .map(ToOwned::to_owned);
            match raw {
                Some(raw) => Body::Json(raw),
                None => Body::Text(text),
            }
        } else {
            Body::Text(text)
        };
        Self {
            status: parts.status,
            content_type,
            body,
        }
    }

    /// The status the error answers with.
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The content type of the body, if the response had a readable one.
    #[must_use]
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_ref()?.to_str().ok()
    }

    /// The body, as sent.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.body {
            Body::Json(raw) => raw.get(),
            Body::Text(text) => text,
        }
    }

    /// The body as a `serde_json::Value`: a JSON body parsed, another one as a string. For
    /// serializers other than serde_json.
    #[must_use]
    pub fn to_value(&self) -> serde_json::Value {
        match &self.body {
            Body::Json(raw) => serde_json::from_str(raw.get()).unwrap_or_default(),
            Body::Text(text) => serde_json::Value::String(text.clone()),
        }
    }
}

impl Serialize for Embedded {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.body {
            Body::Json(raw) => raw.serialize(serializer),
            Body::Text(text) => serializer.serialize_str(text),
        }
    }
}

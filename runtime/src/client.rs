//! The error bodies of the built-in formats as an API client receives them.
//!
//! Each type implements [`serde::Deserialize`](serde_core::Deserialize), so
//! `serde_json::from_slice` (or an HTTP client's `.json()`) decodes a response body into
//! it: [`ProblemBody`] (RFC 9457, its extension members kept), [`JsonApiDocument`] of
//! [`JsonApiError`]s, and [`BoomBody`] (hapi, its extra members kept). The received code
//! maps back to its meaning through the catalogue of the server's error type, when the
//! client shares it:
//!
//! ```
//! use apifault::ApiError;
//! use apifault::client::ProblemBody;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! enum CaseError {
//!     /// No case has this id.
//!     #[error("case {id} not found")]
//!     #[status(404)]
//!     NotFound {
//!         #[api_error(expose)]
//!         id: u64,
//!     },
//! }
//!
//! // What the server sent.
//! let body = CaseError::NotFound { id: 42 }.to_response().into_body();
//!
//! let problem: ProblemBody = serde_json::from_slice(&body).unwrap();
//! assert_eq!(problem.status, Some(404));
//! assert_eq!(problem.extensions["id"], 42);
//! let entry = problem.entry_in(CaseError::CATALOGUE).unwrap();
//! assert_eq!(entry.name, "NotFound");
//! assert_eq!(entry.description, "No case has this id.");
//! ```
//!
//! The module is behind the `client` feature: a service that only answers errors does not
//! compile it. The decoders are written by hand over [`serde_json::Map`] rather than
//! derived, so it needs no `serde_derive`, and decoding can be as lenient as RFC 9457 asks.
//!
//! Decoding follows RFC 9457 §3.1: a standard member of the wrong type is ignored, not an
//! error, and `type` defaults to `about:blank`. A JSON:API document needs its `errors`
//! array and a Boom payload its `statusCode`, `error` and `message`.
//!
//! ## Whatever the format: [`Decoded`]
//!
//! A proxy, or a service that relays the errors of another, needs the parts every format
//! carries rather than one format's members: [`Decode`] turns a body of a built-in format
//! (`Problem::decode`, `JsonApi::decode`, `Boom::decode`, or [`decode`] by content type),
//! or of a house format that implements it, into a [`Decoded`]: status, code, message,
//! members and violations. A `Decoded` is itself an [`ApiError`](crate::ApiError): set the
//! status your mapping chooses and answer with it in your own format, the code kept.

mod decoded;

pub use self::decoded::{Decode, DecodeError, Decoded, decode};

use serde_core::de::{Deserialize, Deserializer, Error as _};
use serde_json::{Map, Value};

use crate::{Catalogue, Entry};

/// An RFC 9457 problem details object (`application/problem+json`), the body of
/// [`Problem`](crate::Problem).
///
/// As RFC 9457 §3.1 requires of a consumer, a standard member of the wrong type is
/// ignored (read as absent) rather than failing the whole body, and `type` defaults to
/// `about:blank`. Every other member, `code` and `request_id` included, is an extension
/// member in [`extensions`](Self::extensions), in the order received.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemBody {
    /// `type`: the problem type URI, `about:blank` when absent.
    pub type_uri: String,
    /// `title`: a short summary of the problem type.
    pub title: Option<String>,
    /// `status`: the HTTP status the server stated (advisory: the response's own status
    /// is authoritative).
    pub status: Option<u16>,
    /// `detail`: the human explanation of this occurrence.
    pub detail: Option<String>,
    /// `instance`: the URI of this occurrence.
    pub instance: Option<String>,
    /// Every other member, by name.
    pub extensions: Map<String, Value>,
}

impl ProblemBody {
    /// The extension member `code`, apifault's machine code, when it is a string.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.extensions.get("code").and_then(Value::as_str)
    }

    /// The extension member `request_id`, when it is a string.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.extensions.get("request_id").and_then(Value::as_str)
    }

    /// The catalogue entry of the received [`code`](Self::code): its variant, status,
    /// title and description.
    #[must_use]
    pub fn entry_in(&self, catalogue: &'static Catalogue) -> Option<&'static Entry> {
        catalogue.lookup(self.code()?)
    }
}

impl<'de> Deserialize<'de> for ProblemBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut members = Map::deserialize(deserializer)?;
        Ok(Self {
            type_uri: take_string(&mut members, "type").unwrap_or_else(|| "about:blank".into()),
            title: take_string(&mut members, "title"),
            status: match members.remove("status") {
                Some(Value::Number(status)) => status
                    .as_u64()
                    .and_then(|status| u16::try_from(status).ok())
                    .filter(|status| (100..=599).contains(status)),
                _ => None,
            },
            detail: take_string(&mut members, "detail"),
            instance: take_string(&mut members, "instance"),
            extensions: members,
        })
    }
}

/// A JSON:API error document (`application/vnd.api+json`), the body of
/// [`JsonApi`](crate::JsonApi): `{"errors": [...]}`.
///
/// Decoding fails only when the body is not an error document (no `errors` array of
/// objects); within an error object, a member of the wrong type is read as absent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JsonApiDocument {
    /// `errors`: one object per problem, in the order received.
    pub errors: Vec<JsonApiError>,
    /// The top-level `meta` object (empty when absent).
    pub meta: Map<String, Value>,
}

impl<'de> Deserialize<'de> for JsonApiDocument {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut members = Map::deserialize(deserializer)?;
        let errors = match members.remove("errors") {
            Some(Value::Array(errors)) => errors,
            Some(_) => return Err(D::Error::custom("`errors` is not an array")),
            None => return Err(D::Error::missing_field("errors")),
        };
        let errors = errors
            .into_iter()
            .map(|error| match error {
                Value::Object(object) => Ok(JsonApiError::from_members(object)),
                _ => Err(D::Error::custom("an item of `errors` is not an object")),
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            errors,
            meta: take_object(&mut members, "meta"),
        })
    }
}

/// One JSON:API error object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JsonApiError {
    /// `id`: an identifier of this occurrence.
    pub id: Option<String>,
    /// `links.about`: a link to details of this occurrence or its documentation.
    pub about: Option<String>,
    /// `links.type`: a link to the error type (JSON:API 1.1).
    pub type_uri: Option<String>,
    /// `status`: the HTTP status, as JSON:API writes it, a string (`"404"`).
    pub status: Option<String>,
    /// `code`: the application-specific error code.
    pub code: Option<String>,
    /// `title`: a short summary of the problem.
    pub title: Option<String>,
    /// `detail`: the human explanation of this occurrence.
    pub detail: Option<String>,
    /// `source.pointer`: the JSON Pointer to the request member at fault.
    pub pointer: Option<String>,
    /// `source.parameter`: the query parameter at fault.
    pub parameter: Option<String>,
    /// `source.header`: the request header at fault.
    pub header: Option<String>,
    /// `meta`: non-standard members, apifault's exposed fields (empty when absent).
    pub meta: Map<String, Value>,
}

impl JsonApiError {
    /// `status` as a number, when it is one.
    #[must_use]
    pub fn status_code(&self) -> Option<u16> {
        self.status.as_deref()?.parse().ok()
    }

    /// The catalogue entry of the received `code`.
    #[must_use]
    pub fn entry_in(&self, catalogue: &'static Catalogue) -> Option<&'static Entry> {
        catalogue.lookup(self.code.as_deref()?)
    }

    fn from_members(mut members: Map<String, Value>) -> Self {
        let mut links = take_object(&mut members, "links");
        let mut source = take_object(&mut members, "source");
        Self {
            id: take_string(&mut members, "id"),
            about: take_link(&mut links, "about"),
            type_uri: take_link(&mut links, "type"),
            status: match members.remove("status") {
                Some(Value::String(status)) => Some(status),
                // Not what JSON:API allows, but unambiguous.
                Some(Value::Number(status)) => Some(status.to_string()),
                _ => None,
            },
            code: take_string(&mut members, "code"),
            title: take_string(&mut members, "title"),
            detail: take_string(&mut members, "detail"),
            pointer: take_string(&mut source, "pointer"),
            parameter: take_string(&mut source, "parameter"),
            header: take_string(&mut source, "header"),
            meta: take_object(&mut members, "meta"),
        }
    }
}

/// A hapi Boom payload (`application/json`), the body of [`Boom`](crate::Boom).
///
/// `statusCode`, `error` and `message` are required: without them the body is not a Boom
/// payload. Every other member (exposed fields, Joi's `errors`) is kept in
/// [`extensions`](Self::extensions). Boom carries no machine code: branch on the status.
#[derive(Debug, Clone, PartialEq)]
pub struct BoomBody {
    /// `statusCode`: the HTTP status.
    pub status_code: u16,
    /// `error`: the status phrase.
    pub error: String,
    /// `message`: the human explanation (a 500's is always hapi's masked text).
    pub message: String,
    /// Every other member, by name.
    pub extensions: Map<String, Value>,
}

impl<'de> Deserialize<'de> for BoomBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut members = Map::deserialize(deserializer)?;
        let status_code = match members.remove("statusCode") {
            Some(Value::Number(status)) => status
                .as_u64()
                .and_then(|status| u16::try_from(status).ok())
                .ok_or_else(|| D::Error::custom("`statusCode` is not a status"))?,
            Some(_) => return Err(D::Error::custom("`statusCode` is not a number")),
            None => return Err(D::Error::missing_field("statusCode")),
        };
        let mut required = |name: &'static str| match members.remove(name) {
            Some(Value::String(text)) => Ok(text),
            Some(_) => Err(D::Error::custom(format_args!("`{name}` is not a string"))),
            None => Err(D::Error::missing_field(name)),
        };
        let error = required("error")?;
        let message = required("message")?;
        Ok(Self {
            status_code,
            error,
            message,
            extensions: members,
        })
    }
}

/// The member `name` when it is a string; removed either way.
fn take_string(members: &mut Map<String, Value>, name: &str) -> Option<String> {
    match members.remove(name)? {
        Value::String(text) => Some(text),
        _ => None,
    }
}

/// The member `name` when it is an object, else an empty one; removed either way.
fn take_object(members: &mut Map<String, Value>, name: &str) -> Map<String, Value> {
    match members.remove(name) {
        Some(Value::Object(object)) => object,
        _ => Map::new(),
    }
}

/// A JSON:API link: a string, or a link object's `href`.
fn take_link(links: &mut Map<String, Value>, name: &str) -> Option<String> {
    match links.remove(name)? {
        Value::String(href) => Some(href),
        Value::Object(mut object) => take_string(&mut object, "href"),
        _ => None,
    }
}

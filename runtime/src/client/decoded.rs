//! Any error body decoded into the same parts ([`Decoded`]), by the built-in formats' and a
//! house format's [`Decode`], so a proxy can relay it in its own format.

use core::fmt;
use std::borrow::Cow;

use http::{HeaderMap, StatusCode};
use serde_core::ser::SerializeMap;
use serde_json::{Map, Value};

use super::{BoomBody, JsonApiDocument, JsonApiError, ProblemBody};
use crate::{
    ApiError, Boom, Entry, FieldViolation, Format as _, JsonApi, Part, PathSegment, Problem,
    Violations,
};

/// An error body of any format, decoded into what every format carries: status, code,
/// message, members and violations.
///
/// It is itself an [`ApiError`], so a proxy answers with it in its own format (its
/// `to_response_in`, or as the error of a handler), with the status it chooses: set
/// [`status`](Self::status) first. The code is kept; the title is the status phrase
/// (a title summarises a problem type of the upstream API, not of the relay).
///
/// ```
/// use apifault::client::{Decode, Decoded};
/// use apifault::{ApiError, Context, JsonApi, Problem};
///
/// // What the upstream service answered.
/// let upstream = br#"{"errors":[{"status":"404","code":"index_not_found","title":"Not Found","detail":"Index `movies` not found."}]}"#;
///
/// let mut relayed = JsonApi::decode(upstream).unwrap();
/// assert_eq!(relayed.code.as_deref(), Some("index_not_found"));
/// // The proxy's own mapping: an upstream 404 is a 502 here.
/// relayed.status = Some(502);
/// let response = relayed.to_response_in::<Problem>(&Context::new());
/// assert_eq!(response.status(), 502);
/// assert_eq!(
///     std::str::from_utf8(response.body()).unwrap(),
///     r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Index `movies` not found.","code":"index_not_found"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decoded {
    /// The status the body states; as an [`ApiError`] it answers with it when it is an
    /// error status (400..=599), else with 502 Bad Gateway.
    pub status: Option<u16>,
    /// The machine code (RFC 9457 `code`, JSON:API `code`); Boom carries none.
    pub code: Option<String>,
    /// The public message (RFC 9457 `detail`, JSON:API `detail`, Boom `message`).
    pub message: Option<String>,
    /// The problem type URI (RFC 9457 `type` but `about:blank`, JSON:API `links.type`).
    pub type_uri: Option<String>,
    /// The occurrence URI (RFC 9457 `instance`).
    pub instance: Option<String>,
    /// The request id (RFC 9457 `request_id`, JSON:API `id`).
    pub request_id: Option<String>,
    /// The other members: RFC 9457 extension members, JSON:API `meta`, Boom's extra
    /// members.
    pub members: Map<String, Value>,
    /// The per-field problems, their paths decoded from the format's pointers.
    pub violations: Vec<FieldViolation>,
}

/// A format whose bodies decode into [`Decoded`]: the built-in ones, and a house format
/// that implements it.
///
/// ```
/// use apifault::client::{Decode, DecodeError, Decoded};
///
/// /// A house format: `{"error": {"code": "...", "message": "..."}}`.
/// struct Envelope;
///
/// impl Decode for Envelope {
///     fn decode(body: &[u8]) -> Result<Decoded, DecodeError> {
///         let value: serde_json::Value = serde_json::from_slice(body)?;
///         let error = value.get("error").ok_or_else(|| DecodeError::new("no `error` member"))?;
///         let text = |name: &str| error.get(name).and_then(|v| v.as_str()).map(str::to_owned);
///         Ok(Decoded { code: text("code"), message: text("message"), ..Decoded::default() })
///     }
/// }
///
/// let decoded = Envelope::decode(br#"{"error":{"code":"quota","message":"Over quota."}}"#).unwrap();
/// assert_eq!(decoded.code.as_deref(), Some("quota"));
/// ```
pub trait Decode {
    /// Decodes one error body of this format.
    ///
    /// # Errors
    ///
    /// When `body` is not an error body of this format.
    fn decode(body: &[u8]) -> Result<Decoded, DecodeError>;
}

/// Why a body could not be decoded.
#[derive(Debug)]
pub struct DecodeError(Box<dyn std::error::Error + Send + Sync>);

impl DecodeError {
    /// A decode error with `cause`: an error value or a message.
    pub fn new(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self(cause.into())
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not decode the error body: {}", self.0)
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.0)
    }
}

impl From<serde_json::Error> for DecodeError {
    fn from(error: serde_json::Error) -> Self {
        Self(Box::new(error))
    }
}

/// Decodes `body` by its `content_type` with a built-in format: `application/problem+json`
/// as [`Problem`], `application/vnd.api+json` as [`JsonApi`], `application/json` as
/// [`Boom`] when it has Boom's members, else as [`Problem`]. A house format's body is
/// decoded by its own [`Decode`].
///
/// # Errors
///
/// When the body is not an error body of that format, or the content type is not JSON.
pub fn decode(content_type: &str, body: &[u8]) -> Result<Decoded, DecodeError> {
    let essence = content_type
        .split_once(';')
        .map_or(content_type, |(essence, _)| essence)
        .trim();
    if essence.eq_ignore_ascii_case(Problem::CONTENT_TYPE) {
        Problem::decode(body)
    } else if essence.eq_ignore_ascii_case(JsonApi::CONTENT_TYPE) {
        JsonApi::decode(body)
    } else if essence.eq_ignore_ascii_case("application/json") {
        Boom::decode(body).or_else(|_| Problem::decode(body))
    } else {
        Err(DecodeError::new(format!(
            "`{essence}` is not the content type of a built-in format"
        )))
    }
}

impl Decode for Problem {
    fn decode(body: &[u8]) -> Result<Decoded, DecodeError> {
        Ok(serde_json::from_slice::<ProblemBody>(body)?.into())
    }
}

impl Decode for JsonApi {
    fn decode(body: &[u8]) -> Result<Decoded, DecodeError> {
        Ok(serde_json::from_slice::<JsonApiDocument>(body)?.into())
    }
}

impl Decode for Boom {
    fn decode(body: &[u8]) -> Result<Decoded, DecodeError> {
        Ok(serde_json::from_slice::<BoomBody>(body)?.into())
    }
}

impl From<ProblemBody> for Decoded {
    fn from(body: ProblemBody) -> Self {
        let mut members = body.extensions;
        let text = |members: &mut Map<String, Value>, name| match members.remove(name) {
            Some(Value::String(text)) => Some(text),
            _ => None,
        };
        let code = text(&mut members, "code");
        let request_id = text(&mut members, "request_id");
        let violations = match members.remove("errors") {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|item| {
                    let pointer = item.get("pointer")?.as_str()?;
                    let path = fragment_path(pointer)?;
                    violation(path, item.get("detail"), item.get("code"))
                })
                .collect(),
            Some(other) => {
                // Not apifault's `errors`: an extension member like any other.
                members.insert("errors".into(), other);
                Vec::new()
            }
            None => Vec::new(),
        };
        Self {
            status: body.status,
            code,
            message: body.detail,
            type_uri: Some(body.type_uri).filter(|uri| uri != "about:blank"),
            instance: body.instance,
            request_id,
            members,
            violations,
        }
    }
}

impl From<JsonApiDocument> for Decoded {
    /// JSON:API writes one error object per violation, each with its `source.pointer`: the
    /// objects with a pointer become the violations (a violation's code when it differs
    /// from the first object's), the first object gives the rest.
    fn from(document: JsonApiDocument) -> Self {
        let mut errors = document.errors.into_iter();
        let Some(first) = errors.next() else {
            return Self::default();
        };
        let code = first.code.clone();
        let objects = core::iter::once(first.clone()).chain(errors);
        let mut violations = Vec::new();
        for object in objects {
            let Some(path) = object.pointer.as_deref().and_then(pointer_path) else {
                continue;
            };
            let own_code = object.code.filter(|own| Some(own) != code.as_ref());
            let mut violation = FieldViolation::new(path, object.detail.unwrap_or_default());
            if let Some(own_code) = own_code {
                violation = violation.with_code(own_code);
            }
            violations.push(violation);
        }
        let JsonApiError {
            id,
            type_uri,
            detail,
            meta,
            ..
        } = first.clone();
        Self {
            status: first.status_code(),
            code,
            message: if violations.is_empty() { detail } else { None },
            type_uri,
            instance: None,
            request_id: id,
            members: meta,
            violations,
        }
    }
}

impl From<BoomBody> for Decoded {
    fn from(body: BoomBody) -> Self {
        let mut members = body.extensions;
        let violations = match members.remove("errors") {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|item| {
                    let path = item
                        .get("path")?
                        .as_array()?
                        .iter()
                        .map(|segment| match segment {
                            Value::String(key) => Some(PathSegment::Key(Cow::Owned(key.clone()))),
                            Value::Number(index) => index
                                .as_u64()
                                .and_then(|index| usize::try_from(index).ok())
                                .map(PathSegment::Index),
                            _ => None,
                        })
                        .collect::<Option<Vec<_>>>()?;
                    violation(path, item.get("message"), item.get("type"))
                })
                .collect(),
            Some(other) => {
                members.insert("errors".into(), other);
                Vec::new()
            }
            None => Vec::new(),
        };
        Self {
            status: Some(body.status_code),
            code: None,
            message: Some(body.message),
            type_uri: None,
            instance: None,
            request_id: None,
            members,
            violations,
        }
    }
}

/// A violation from its decoded path and its message and code members.
fn violation(
    path: Vec<PathSegment>,
    message: Option<&Value>,
    code: Option<&Value>,
) -> Option<FieldViolation> {
    let message = message?.as_str()?.to_owned();
    let violation = FieldViolation::new(path, message);
    Some(match code.and_then(Value::as_str) {
        Some(code) => violation.with_code(code.to_owned()),
        None => violation,
    })
}

/// The path of an RFC 9457 pointer written as a URI fragment (`#/profile/color`):
/// percent-decoded, then as a JSON Pointer.
fn fragment_path(fragment: &str) -> Option<Vec<PathSegment>> {
    let pointer = fragment.strip_prefix('#')?;
    let bytes = pointer.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = pointer.get(i + 1..i + 3)?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    pointer_path(&String::from_utf8(decoded).ok()?)
}

/// The path of a JSON Pointer (`/profile/color`, `/items/0`): `~1` is `/`, `~0` is `~`,
/// and a segment of digits (without a leading zero) an index.
fn pointer_path(pointer: &str) -> Option<Vec<PathSegment>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|segment| {
                let index = segment
                    .parse::<usize>()
                    .ok()
                    .filter(|_| segment == "0" || !segment.starts_with('0'));
                match index {
                    Some(index) => PathSegment::Index(index),
                    None => {
                        PathSegment::Key(Cow::Owned(segment.replace("~1", "/").replace("~0", "~")))
                    }
                }
            })
            .collect(),
    )
}

/// The entry of every decoded error: its code and status are the body's.
static DECODED: Entry = Entry::__new(
    "Decoded",
    StatusCode::BAD_GATEWAY,
    "upstream_error",
    false,
    None,
    "An error decoded from another service's body.",
    true,
    &[],
    None,
    true,
    0,
);

impl fmt::Display for Decoded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Decoded {}

impl ApiError for Decoded {
    type Format = Problem;

    fn entry(&self) -> &'static Entry {
        &DECODED
    }

    fn status(&self) -> StatusCode {
        self.status
            .filter(|status| (400..=599).contains(status))
            .and_then(|status| StatusCode::from_u16(status).ok())
            .unwrap_or(StatusCode::BAD_GATEWAY)
    }

    fn code(&self) -> &str {
        self.code.as_deref().unwrap_or(DECODED.code)
    }

    fn title(&self) -> Option<&'static str> {
        None
    }

    fn has_part(&self, part: Part) -> bool {
        self.text(part).is_some()
    }

    fn fmt_part(&self, part: Part, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.text(part) {
            Some(text) => f.write_str(text),
            None => Ok(()),
        }
    }

    fn serialize_members<M: SerializeMap>(
        &self,
        map: &mut M,
        reserved: &[&str],
    ) -> Result<(), M::Error> {
        for (name, value) in &self.members {
            if !reserved.contains(&name.as_str()) {
                map.serialize_entry(name, value)?;
            }
        }
        Ok(())
    }

    fn violations(&self) -> Violations<'_> {
        Violations::new(&self.violations)
    }

    fn headers(&self, _: &mut HeaderMap) {}
}

impl Decoded {
    /// The text of `part`, when the body had it.
    fn text(&self, part: Part) -> Option<&str> {
        match part {
            Part::Message => self.message.as_deref(),
            Part::Type => self.type_uri.as_deref(),
            Part::Instance => self.instance.as_deref(),
            _ => None,
        }
    }
}

//! What every fuzz target shares: an error built from arbitrary bytes (every string it
//! carries, its violations, its request context and which variant it is) and the
//! invariants checked on its rendering in one format.
//!
//! Invariants, for every input:
//!
//! - rendering does not panic, and the response is built;
//! - the body is exactly one JSON value, with no member name given twice in an object;
//! - the status the body states (where the format states one) equals the HTTP status;
//! - no header value holds a byte `http` refuses (CR, LF, NUL, other controls, DEL), and
//!   no header is there but the content type and the declared ones;
//! - a 4xx error's public message (no violations) appears unchanged as a body string;
//! - a 5xx error's `Display` text, source and unexposed field never reach the body or
//!   a header;
//! - the status is 400..=599 and the code in the code alphabet, whatever runtime status
//!   and code the fuzzer gives `Relayed`: its own when valid, else the declared ones.

use std::fmt;

use apifault::{ApiError, Context, FieldViolation, Format, PathSegment};
pub use apifault::{Boom, JsonApi, Problem};
pub use apifault_suite::formats::{awork, kiteworks, pax8};
use arbitrary::Arbitrary;
use serde_json::Value;

/// Marks what must never reach the wire; the fuzzer's strings follow it.
const SECRET: &str = "\u{1f512}internal-only\u{1f512}";

/// Everything the fuzzer chooses.
#[derive(Debug, Arbitrary)]
pub struct Input {
    variant: u8,
    message: String,
    type_uri: String,
    instance: String,
    link: String,
    id: String,
    parameter: String,
    header: String,
    note: String,
    notes: Vec<String>,
    secret: String,
    violations: Vec<(Vec<Segment>, String, Option<String>)>,
    context_instance: Option<String>,
    request_id: Option<String>,
    /// The runtime status and code of `Fuzzed::Relayed`, hostile or not.
    runtime_status: u16,
    runtime_code: String,
}

#[derive(Debug, Arbitrary)]
enum Segment {
    Key(String),
    Index(usize),
}

/// A lower-level failure, whose text must stay in the logs.
#[derive(Debug)]
pub struct Cause(String);

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{SECRET}{}", self.0)
    }
}

impl std::error::Error for Cause {}

#[derive(Debug, thiserror::Error, apifault::ApiError)]
#[api_error(rename_all = "kebab-case")]
pub enum Fuzzed {
    #[error("declared")]
    #[status(422)]
    #[message("{message}")]
    #[api_error(
        type = "{type_uri}",
        instance = "{instance}",
        link = "{link}",
        id = "{id}",
        source(parameter = "{parameter}"),
        header("X-Note" = "{header}")
    )]
    Declared {
        message: String,
        type_uri: String,
        instance: String,
        link: String,
        id: String,
        parameter: String,
        header: String,
        #[api_error(expose)]
        note: String,
        #[api_error(expose = "noteList")]
        notes: Vec<String>,
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("{message}")]
    #[status(400)]
    #[api_error(source(pointer = "/data/attributes/{key}"))]
    Pointed {
        message: String,
        key: String,
        #[api_error(expose)]
        note: String,
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("{0}")]
    #[status(490)]
    #[api_error(source(header = "{1}"))]
    Blocked(String, String),

    #[error("database failed for {secret}: {cause}")]
    #[status(500)]
    Internal {
        secret: String,
        #[api_error(expose)]
        note: String,
        #[source]
        cause: Cause,
    },

    #[error("unavailable: {secret}")]
    #[status(503)]
    #[message("{message}")]
    #[api_error(header("Retry-After" = "{retry}"))]
    Unavailable {
        message: String,
        retry: String,
        secret: String,
    },

    #[error("relayed {status} {code}: {secret}")]
    #[status(502)]
    #[code("relayed")]
    #[message("{message}")]
    #[api_error(statuses(503, 404), codes("M_UNKNOWN"))]
    Relayed {
        message: String,
        #[api_error(status)]
        status: u16,
        #[api_error(code)]
        code: String,
        secret: String,
    },
}

impl Input {
    /// The error the input describes.
    pub fn error(&self) -> Fuzzed {
        let errors = self
            .violations
            .iter()
            .map(|(path, message, code)| {
                let path = path.iter().map(|segment| match segment {
                    Segment::Key(key) => PathSegment::from(key.clone()),
                    Segment::Index(index) => PathSegment::from(*index),
                });
                let violation = FieldViolation::new(path, message.clone());
                match code {
                    Some(code) => violation.with_code(code.clone()),
                    None => violation,
                }
            })
            .collect();
        let secret = format!("{SECRET}{}", self.secret);
        match self.variant % 6 {
            0 => Fuzzed::Declared {
                message: self.message.clone(),
                type_uri: self.type_uri.clone(),
                instance: self.instance.clone(),
                link: self.link.clone(),
                id: self.id.clone(),
                parameter: self.parameter.clone(),
                header: self.header.clone(),
                note: self.note.clone(),
                notes: self.notes.clone(),
                errors,
            },
            1 => Fuzzed::Pointed {
                message: self.message.clone(),
                key: self.parameter.clone(),
                note: self.note.clone(),
                errors,
            },
            2 => Fuzzed::Blocked(self.message.clone(), self.parameter.clone()),
            3 => Fuzzed::Internal {
                secret,
                note: self.note.clone(),
                cause: Cause(self.secret.clone()),
            },
            4 => Fuzzed::Unavailable {
                message: self.message.clone(),
                retry: self.header.clone(),
                secret,
            },
            _ => Fuzzed::Relayed {
                message: self.message.clone(),
                status: self.runtime_status,
                code: self.runtime_code.clone(),
                secret,
            },
        }
    }

    /// Whether a string the error shows on purpose (message, exposed field, context)
    /// holds the marker itself: the fuzzer can type it too, and then its presence in
    /// the body is no leak.
    fn public_mentions_secret(&self) -> bool {
        let mut public = [
            &self.message,
            &self.type_uri,
            &self.instance,
            &self.link,
            &self.id,
            &self.parameter,
            &self.header,
            &self.note,
        ]
        .into_iter()
        .chain(&self.notes)
        .chain(self.context_instance.iter())
        .chain(self.request_id.iter())
        .chain(self.violations.iter().flat_map(|(path, message, code)| {
            let keys = path.iter().filter_map(|segment| match segment {
                Segment::Key(key) => Some(key),
                Segment::Index(_) => None,
            });
            keys.chain([message]).chain(code.iter())
        }));
        public.any(|text| text.contains(SECRET))
    }

    /// The request context the input describes.
    pub fn context(&self) -> Context<'_> {
        let mut context = Context::new();
        if let Some(instance) = &self.context_instance {
            context = context.with_instance(instance);
        }
        if let Some(request_id) = &self.request_id {
            context = context.with_request_id(request_id);
        }
        context
    }
}

/// Where a format states the status in its body.
#[derive(Clone, Copy)]
pub enum Checks {
    /// `status`, a number.
    Problem,
    /// `errors[*].status`, a string.
    Jsonapi,
    /// `statusCode`, a number.
    Boom,
    /// No status member.
    Awork,
    /// No status member.
    Kiteworks,
    /// `status`, a number.
    Pax8,
}

/// Renders the input's error in `F` and panics (a crash, for the fuzzer) on any broken
/// invariant.
pub fn check<F: Format>(input: &Input, checks: Checks) {
    let error = input.error();
    let context = input.context();
    let response = error.to_response_in::<F>(&context);
    let status = error.status();
    assert_eq!(response.status(), status);
    // A runtime status or code reaches the wire only when it is one; else the declared.
    assert!((400..=599).contains(&status.as_u16()), "{status}");
    assert!(is_code(error.code()), "{:?}", error.code());
    if let Fuzzed::Relayed {
        status: runtime_status,
        code: runtime_code,
        ..
    } = &error
    {
        let expected = if (400..=599).contains(runtime_status) {
            *runtime_status
        } else {
            502
        };
        assert_eq!(status.as_u16(), expected);
        let expected = if is_code(runtime_code) {
            runtime_code.as_str()
        } else {
            "relayed"
        };
        assert_eq!(error.code(), expected);
    }

    let body = parse_strict(response.body()).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {:?}",
            String::from_utf8_lossy(response.body())
        )
    });
    let number = Value::from(status.as_u16());
    match checks {
        Checks::Problem | Checks::Pax8 => assert_eq!(body.get("status"), Some(&number)),
        Checks::Boom => assert_eq!(body.get("statusCode"), Some(&number)),
        Checks::Jsonapi => {
            let objects = body["errors"].as_array().expect("an errors array");
            assert!(!objects.is_empty());
            for object in objects {
                assert_eq!(object["status"], Value::from(status.as_str()));
            }
        }
        Checks::Awork | Checks::Kiteworks => {}
    }

    for (name, value) in response.headers() {
        assert!(
            ["content-type", "x-note", "retry-after"].contains(&name.as_str()),
            "unexpected header {name}"
        );
        assert!(
            value
                .as_bytes()
                .iter()
                .all(|&b| b == b'\t' || (b >= 0x20 && b != 0x7f)),
            "{name}: {value:?}"
        );
    }

    let text = String::from_utf8_lossy(response.body());
    if status.is_server_error() && !input.public_mentions_secret() {
        assert!(!text.contains(SECRET), "a 5xx body leaks: {text}");
        let marker = serde_json::to_string(SECRET).unwrap();
        assert!(!text.contains(marker.trim_matches('"')));
        for value in response.headers().values() {
            assert!(!String::from_utf8_lossy(value.as_bytes()).contains(SECRET));
        }
    } else if !status.is_server_error() && error.violations().is_empty() {
        let message = match &error {
            Fuzzed::Declared { message, .. } | Fuzzed::Pointed { message, .. } => message,
            Fuzzed::Blocked(message, _) | Fuzzed::Relayed { message, .. } => message,
            Fuzzed::Internal { .. } | Fuzzed::Unavailable { .. } => unreachable!(),
        };
        assert!(
            strings(&body).any(|s| s == message),
            "the message {message:?} is not in {body}"
        );
    }
}

/// A code: not empty, and only `A-Z a-z 0-9 - _ .`.
fn is_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Every string value in `value`, depth first.
fn strings(value: &Value) -> Box<dyn Iterator<Item = &str> + '_> {
    match value {
        Value::String(s) => Box::new(std::iter::once(s.as_str())),
        Value::Array(items) => Box::new(items.iter().flat_map(strings)),
        Value::Object(members) => Box::new(members.values().flat_map(strings)),
        _ => Box::new(std::iter::empty()),
    }
}

/// `serde_json` parsing that also fails on a member name given twice in one object.
fn parse_strict(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    struct Strict(Value);

    impl<'de> serde::Deserialize<'de> for Strict {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(Visitor).map(Strict)
        }
    }

    struct Visitor;

    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Value;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut items = Vec::new();
            while let Some(Strict(item)) = seq.next_element()? {
                items.push(item);
            }
            Ok(Value::Array(items))
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut members = serde_json::Map::new();
            while let Some((name, Strict(value))) = map.next_entry::<String, Strict>()? {
                if members.contains_key(&name) {
                    return Err(serde::de::Error::custom(format!("{name:?} given twice")));
                }
                members.insert(name, value);
            }
            Ok(Value::Object(members))
        }
    }

    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    // Bodies nest a few levels at most; no recursion limit is hit.
    let Strict(value) = serde::Deserialize::deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

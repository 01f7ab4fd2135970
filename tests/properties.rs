//! Property tests: arbitrary Unicode (quotes, backslashes, control characters, U+2028/2029,
//! lone surrogates' replacement, emoji, and 1 MB strings in a separate test) in every
//! string an error carries (the interpolated message, type, instance, link, id and
//! sources, exposed members, violation paths, messages and codes, header values) and in
//! the request context, rendered in every built-in format and the house formats of
//! `apifault_suite::formats`. For each rendering:
//!
//! - it does not panic, and the body is one JSON value with no member given twice;
//! - every string appears exactly, unchanged, where the format puts it;
//! - the status in the body equals the HTTP status;
//! - a header whose value is not a valid field value (CR, LF, NUL, DEL, other controls)
//!   is left out, never split, and the other headers are exactly the declared ones;
//! - with URI-shaped strings in the URI members, the body is valid against the official
//!   schemas of `../shared/schemas` (when present);
//! - a flattened `serde_json::Value` with hostile keys (any string, and every name the
//!   body already has) never repeats or replaces a member, and a 5xx's unexposed field
//!   stays off the wire whatever is flattened beside it.

use std::collections::BTreeSet;

use apifault::{
    ApiError, Boom, Context, FieldViolation, Format, JsonApi, PathSegment, Problem, Violation,
};
use apifault_suite::formats::{awork, kiteworks, pax8};
use http::header::CONTENT_TYPE;
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// The error under test: one variant per way a string reaches the output

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "kebab-case")]
enum Wild {
    /// Every interpolated part declared; JSON:API's source is a query parameter.
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

    /// A 4xx whose message is its `Display`; instance and id come from the context; the
    /// JSON:API source is a pointer with an interpolated token.
    #[error("{message}")]
    #[status(400)]
    #[api_error(source(pointer = "/data/attributes/{key}"), header("X-Key" = "{key}"))]
    Pointed {
        message: String,
        key: String,
        #[api_error(expose)]
        note: String,
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    /// A non-standard 4xx status, tuple fields, a header as the source.
    #[error("{0}")]
    #[status(490)]
    #[api_error(source(header = "{1}"))]
    Blocked(String, String),

    /// A 500 with a declared public message (Boom masks every 500's).
    #[error("internal")]
    #[status(500)]
    #[message("{message}")]
    Internal {
        message: String,
        #[api_error(expose)]
        note: String,
    },

    /// A 503 with a header interpolated from a field.
    #[error("unavailable")]
    #[status(503)]
    #[message("{message}")]
    #[api_error(header("Retry-After" = "{retry}"))]
    Unavailable { message: String, retry: String },
}

/// awork's `details` member (a list of hints), rendered in awork's format only: Pax8
/// reserves the name.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = awork::Awork)]
#[error("{description}")]
#[status(400)]
struct Hinted {
    description: String,
    #[api_error(expose)]
    details: Vec<String>,
}

// ---------------------------------------------------------------------------------------
// Strategies

/// Characters that break naive JSON, header and URI writers.
const NASTY: &[char] = &[
    '"',
    '\\',
    '/',
    '~',
    '#',
    '%',
    '{',
    '}',
    '[',
    ']',
    ':',
    '?',
    '&',
    '=',
    '+',
    ' ',
    '\n',
    '\r',
    '\t',
    '\0',
    '\u{1}',
    '\u{8}',
    '\u{c}',
    '\u{1b}',
    '\u{1f}',
    '\u{7f}',
    '\u{80}',
    '\u{85}',
    '\u{a0}',
    '\u{ad}',
    '\u{200b}',
    '\u{200d}',
    '\u{2028}',
    '\u{2029}',
    '\u{202e}',
    '\u{feff}',
    '\u{fffd}',
    '\u{ffff}',
    '\u{10ffff}',
    'é',
    'ß',
    'ı',
    '中',
    '😀',
    '👩',
    '\u{1f3fd}',
];

fn wild_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(NASTY),
        2 => any::<char>(),
        2 => (0x20u8..0x7f).prop_map(char::from),
    ]
}

/// Any Unicode string, weighted towards the characters above.
fn wild() -> BoxedStrategy<String> {
    prop::collection::vec(wild_char(), 0..40)
        .prop_map(String::from_iter)
        .boxed()
}

/// Visible ASCII and spaces: what a header value may hold.
fn visible() -> impl Strategy<Value = String> {
    prop::collection::vec((0x20u8..0x7f).prop_map(char::from), 0..24).prop_map(String::from_iter)
}

/// Header values: arbitrary, valid, and attempts at splitting the response.
fn header_value() -> BoxedStrategy<String> {
    prop_oneof![
        wild(),
        visible(),
        (
            visible(),
            prop::sample::select(&["\r\n", "\n", "\r", "\0", "\u{7f}", "\u{b}"][..]),
            visible()
        )
            .prop_map(|(a, cut, b)| format!("{a}{cut}Set-Cookie: {b}")),
    ]
    .boxed()
}

/// An absolute URI whose path and query hold any `pchar`, escaped or not: what the URI
/// members must hold for the schemas' `uri` and `uri-reference` formats to pass.
fn uri() -> BoxedStrategy<String> {
    const UNRESERVED: &str = "abcXYZ019-._~!$&'()*+,;=:@/";
    let piece = prop_oneof![
        prop::sample::select(UNRESERVED.chars().collect::<Vec<_>>()).prop_map(String::from),
        any::<u8>().prop_map(|b| format!("%{b:02X}")),
    ];
    (prop::collection::vec(piece, 0..24), any::<bool>())
        .prop_map(|(pieces, query)| {
            let tail = pieces.concat();
            if query {
                format!("https://api.example.com/errors?q={tail}")
            } else {
                format!("https://api.example.com/errors/{tail}")
            }
        })
        .boxed()
}

fn segment() -> impl Strategy<Value = PathSegment> {
    prop_oneof![
        3 => wild().prop_map(PathSegment::from),
        1 => (0usize..100).prop_map(PathSegment::from),
        1 => any::<usize>().prop_map(PathSegment::from),
    ]
}

fn violations() -> impl Strategy<Value = Vec<FieldViolation>> {
    let violation = (
        prop::collection::vec(segment(), 0..4),
        wild(),
        prop::option::of(wild()),
    )
        .prop_map(|(path, message, code)| {
            let violation = FieldViolation::new(path, message);
            match code {
                Some(code) => violation.with_code(code),
                None => violation,
            }
        });
    prop::collection::vec(violation, 0..4)
}

/// A `Wild` value whose URI members come from `uri_member` and texts from `wild()`.
fn wild_error(uri_member: fn() -> BoxedStrategy<String>) -> impl Strategy<Value = Wild> {
    let declared = (
        (wild(), uri_member(), uri_member(), uri_member()),
        (wild(), wild(), header_value(), wild()),
        prop::collection::vec(wild(), 0..3),
        violations(),
    )
        .prop_map(
            |(
                (message, type_uri, instance, link),
                (id, parameter, header, note),
                notes,
                errors,
            )| {
                Wild::Declared {
                    message,
                    type_uri,
                    instance,
                    link,
                    id,
                    parameter,
                    header,
                    note,
                    notes,
                    errors,
                }
            },
        );
    let pointed =
        (wild(), header_value(), wild(), violations()).prop_map(|(message, key, note, errors)| {
            Wild::Pointed {
                message,
                key,
                note,
                errors,
            }
        });
    prop_oneof![
        3 => declared,
        2 => pointed,
        1 => (wild(), wild()).prop_map(|(a, b)| Wild::Blocked(a, b)),
        1 => (wild(), wild()).prop_map(|(message, note)| Wild::Internal { message, note }),
        1 => (wild(), header_value()).prop_map(|(message, retry)| Wild::Unavailable { message, retry }),
    ]
}

/// The request context's instance and request id.
fn context_parts(
    instance: fn() -> BoxedStrategy<String>,
) -> impl Strategy<Value = (Option<String>, Option<String>)> {
    (prop::option::of(instance()), prop::option::of(wild()))
}

fn context<'a>((instance, request_id): &'a (Option<String>, Option<String>)) -> Context<'a> {
    let mut context = Context::new();
    if let Some(instance) = instance {
        context = context.with_instance(instance);
    }
    if let Some(request_id) = request_id {
        context = context.with_request_id(request_id);
    }
    context
}

fn config() -> Config {
    Config {
        cases: 96,
        // Failures print the shrunk case; nothing is written into the source tree.
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------------------
// What each format must show

/// RFC 6901: `~` as `~0`, `/` as `~1`.
fn token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn pointer(path: &[PathSegment]) -> String {
    path.iter()
        .map(|segment| match segment {
            PathSegment::Key(key) => format!("/{}", token(key)),
            PathSegment::Index(index) => format!("/{index}"),
        })
        .collect()
}

/// `steps[0].title`, as awork and Kiteworks name fields.
fn dotted(path: &[PathSegment]) -> String {
    let mut out = String::new();
    for (i, segment) in path.iter().enumerate() {
        match segment {
            PathSegment::Key(key) if i == 0 => out.push_str(key),
            PathSegment::Key(key) => {
                out.push('.');
                out.push_str(key);
            }
            PathSegment::Index(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

fn segments_json(path: &[PathSegment]) -> Value {
    path.iter()
        .map(|segment| match segment {
            PathSegment::Key(key) => json!(key),
            PathSegment::Index(index) => json!(index),
        })
        .collect()
}

/// Undoes the percent-encoding of a URI fragment (RFC 3986 §2.1).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("two hex digits");
            out.push(u8::from_str_radix(hex, 16).expect("hex"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("the fragment decodes to UTF-8")
}

/// (JSON Pointer into the body, the value that must be there). An RFC 6901 token for
/// member names is not needed: the names below are plain.
type Expected = Vec<(String, Value)>;

struct Parts<'a> {
    message: &'a str,
    type_uri: Option<&'a str>,
    instance: Option<&'a str>,
    link: Option<&'a str>,
    id: Option<&'a str>,
    /// JSON:API `source` member and its value.
    source: Option<(&'static str, String)>,
    /// Kiteworks's `field`: the query parameter source only.
    parameter: Option<&'a str>,
    members: Vec<(&'static str, Value)>,
    violations: Vec<&'a dyn Violation>,
    /// What a violation's `source.pointer` starts with.
    pointer_prefix: String,
}

fn parts(error: &Wild) -> Parts<'_> {
    let violations = error.violations().iter().collect();
    let empty = Parts {
        message: "",
        type_uri: None,
        instance: None,
        link: None,
        id: None,
        source: None,
        parameter: None,
        members: Vec::new(),
        violations,
        pointer_prefix: String::new(),
    };
    match error {
        Wild::Declared {
            message,
            type_uri,
            instance,
            link,
            id,
            parameter,
            note,
            notes,
            ..
        } => Parts {
            message,
            type_uri: Some(type_uri),
            instance: Some(instance),
            link: Some(link),
            id: Some(id),
            source: Some(("parameter", parameter.clone())),
            parameter: Some(parameter),
            members: vec![("note", json!(note)), ("noteList", json!(notes))],
            ..empty
        },
        Wild::Pointed {
            message, key, note, ..
        } => {
            let declared = format!("/data/attributes/{}", token(key));
            Parts {
                message,
                source: Some(("pointer", declared.clone())),
                members: vec![("note", json!(note))],
                pointer_prefix: declared,
                ..empty
            }
        }
        Wild::Blocked(message, header) => Parts {
            message,
            source: Some(("header", header.clone())),
            ..empty
        },
        Wild::Internal { message, note } => Parts {
            message,
            members: vec![("note", json!(note))],
            ..empty
        },
        Wild::Unavailable { message, .. } => Parts { message, ..empty },
    }
}

fn expect_problem(error: &Wild, context: &Context<'_>) -> Expected {
    let p = parts(error);
    let mut out: Expected = vec![
        ("/type".into(), json!(p.type_uri.unwrap_or("about:blank"))),
        ("/status".into(), json!(error.status().as_u16())),
        ("/detail".into(), json!(p.message)),
        ("/code".into(), json!(error.code())),
    ];
    if let Some(instance) = p.instance.or(context.instance) {
        out.push(("/instance".into(), json!(instance)));
    }
    if let Some(request_id) = context.request_id {
        out.push(("/request_id".into(), json!(request_id)));
    }
    for (name, value) in p.members {
        out.push((format!("/{name}"), value));
    }
    for (i, violation) in p.violations.iter().enumerate() {
        out.push((format!("/errors/{i}/detail"), json!(violation.message())));
        if let Some(code) = violation.code() {
            out.push((format!("/errors/{i}/code"), json!(code)));
        }
    }
    out
}

fn expect_jsonapi(error: &Wild, context: &Context<'_>) -> Expected {
    let mut p = parts(error);
    // `JsonApi` renders a violation equal to an earlier one once (unique error objects).
    let mut distinct: Vec<&dyn Violation> = Vec::new();
    for violation in p.violations {
        let repeat = distinct.iter().any(|earlier| {
            earlier.message() == violation.message()
                && earlier.code() == violation.code()
                && earlier.path().segments() == violation.path().segments()
        });
        if !repeat {
            distinct.push(violation);
        }
    }
    p.violations = distinct;
    let mut out = Expected::new();
    let objects = p.violations.len().max(1);
    for k in 0..objects {
        let at = |member: &str| format!("/errors/{k}/{member}");
        out.push((at("status"), json!(error.status().as_str())));
        if let Some(id) = p.id.or(context.request_id) {
            out.push((at("id"), json!(id)));
        }
        if let Some(link) = p.link {
            out.push((at("links/about"), json!(link)));
        }
        if let Some(type_uri) = p.type_uri {
            out.push((at("links/type"), json!(type_uri)));
        }
        for (name, value) in &p.members {
            out.push((at(&format!("meta/{name}")), value.clone()));
        }
        match p.violations.get(k) {
            None => {
                out.push((at("detail"), json!(p.message)));
                out.push((at("code"), json!(error.code())));
                if let Some((member, value)) = &p.source {
                    out.push((at(&format!("source/{member}")), json!(value)));
                }
            }
            Some(violation) => {
                out.push((at("detail"), json!(violation.message())));
                out.push((at("code"), json!(violation.code().unwrap_or(error.code()))));
                let path = pointer(violation.path().segments());
                if !p.pointer_prefix.is_empty() || !path.is_empty() {
                    let full = format!("{}{path}", p.pointer_prefix);
                    out.push((at("source/pointer"), json!(full)));
                }
            }
        }
    }
    out
}

fn expect_boom(error: &Wild) -> Expected {
    let p = parts(error);
    let status = error.status();
    let message = if status.as_u16() == 500 {
        "An internal server error occurred"
    } else {
        p.message
    };
    let mut out: Expected = vec![
        ("/statusCode".into(), json!(status.as_u16())),
        ("/message".into(), json!(message)),
    ];
    for (name, value) in p.members {
        out.push((format!("/{name}"), value));
    }
    for (i, violation) in p.violations.iter().enumerate() {
        out.push((format!("/errors/{i}/message"), json!(violation.message())));
        out.push((
            format!("/errors/{i}/path"),
            segments_json(violation.path().segments()),
        ));
        out.push((
            format!("/errors/{i}/type"),
            json!(violation.code().unwrap_or(error.code())),
        ));
    }
    out
}

fn expect_awork(error: &Wild) -> Expected {
    let p = parts(error);
    let mut out: Expected = vec![
        ("/code".into(), json!(error.code())),
        ("/description".into(), json!(p.message)),
        ("/link".into(), json!(p.link.unwrap_or(""))),
        ("/details".into(), json!([])),
    ];
    let items: Vec<Value> = p
        .violations
        .iter()
        .map(|v| json!({"property": dotted(v.path().segments()), "message": v.message()}))
        .collect();
    out.push(("/validationErrors".into(), Value::Array(items)));
    out
}

fn expect_kiteworks(error: &Wild) -> Expected {
    let p = parts(error);
    let first = p.violations.first();
    let mut out: Expected = vec![("/code".into(), json!(error.code()))];
    match (p.parameter, first) {
        (Some(parameter), _) => out.push(("/field".into(), json!(parameter))),
        (None, Some(v)) => out.push(("/field".into(), json!(dotted(v.path().segments())))),
        (None, None) => {}
    }
    let message = first.map_or(p.message, |v| v.message());
    out.push(("/message".into(), json!(message)));
    for (name, value) in p.members {
        out.push((format!("/{name}"), value));
    }
    out
}

fn expect_pax8(error: &Wild, context: &Context<'_>) -> Expected {
    let p = parts(error);
    let status = error.status().as_u16();
    let mut out: Expected = vec![
        ("/type".into(), json!(error.code())),
        ("/message".into(), json!(p.message)),
        (
            "/instance".into(),
            json!(p.instance.or(context.instance).unwrap_or("")),
        ),
        ("/status".into(), json!(status)),
    ];
    let mut details: Vec<Value> = p
        .violations
        .iter()
        .map(|v| {
            let mut item = json!({
                "type": v.code().unwrap_or(error.code()),
                "status": status,
                "message": v.message(),
            });
            if let Some(instance) = context.instance {
                item["instance"] = json!(instance);
            }
            item
        })
        .collect();
    if let Some(request_id) = context.request_id {
        details.push(json!({ "supportId": request_id }));
    }
    out.push(("/details".into(), Value::Array(details)));
    for (name, value) in p.members {
        out.push((format!("/{name}"), value));
    }
    out
}

/// The declared headers, by lowercase name, and their interpolated values.
fn declared_headers(error: &Wild) -> Vec<(&'static str, &str)> {
    match error {
        Wild::Declared { header, .. } => vec![("x-note", header)],
        Wild::Pointed { key, .. } => vec![("x-key", key)],
        Wild::Unavailable { retry, .. } => vec![("retry-after", retry)],
        Wild::Blocked(..) | Wild::Internal { .. } => Vec::new(),
    }
}

/// RFC 9110 §5.5 `field-value` as the `http` crate admits it: visible ASCII, space, tab
/// and `obs-text` (bytes from 0x80, so UTF-8 passes as is). CR, LF, NUL, the other
/// controls and DEL are not.
fn is_field_value(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b == b'\t' || (0x20..0x7f).contains(&b) || b >= 0x80)
}

// ---------------------------------------------------------------------------------------
// Checking a response

/// Parses `bytes` as exactly one JSON value, failing on a member name given twice in one
/// object (which `serde_json::Value` would silently keep the last of).
fn parse_strict(bytes: &[u8]) -> Result<Value, String> {
    struct Strict(Value);

    impl<'de> serde::Deserialize<'de> for Strict {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(StrictVisitor).map(Strict)
        }
    }

    struct StrictVisitor;

    impl<'de> serde::de::Visitor<'de> for StrictVisitor {
        type Value = Value;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(json!(v))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(json!(v))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(json!(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
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
                if members.insert(name.clone(), value).is_some() {
                    return Err(serde::de::Error::custom(format!(
                        "member {name:?} given twice"
                    )));
                }
            }
            Ok(Value::Object(members))
        }
    }

    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    // Deep violation paths are short here; the default recursion limit stays on.
    let Strict(value) =
        serde::Deserialize::deserialize(&mut deserializer).map_err(|e| e.to_string())?;
    deserializer.end().map_err(|e| e.to_string())?;
    Ok(value)
}

/// Renders `error` in `F` (never panicking: a panic fails the property) and checks the
/// status, content type, headers, JSON well-formedness and every expected value.
fn check<F: Format>(
    error: &Wild,
    context: &Context<'_>,
    content_type: &str,
    expected: &Expected,
) -> Result<Value, TestCaseError> {
    let response = error.to_response_in::<F>(context);
    prop_assert_eq!(response.status(), error.status());
    prop_assert_eq!(&response.headers()[CONTENT_TYPE], content_type);
    check_headers(error, response.headers())?;
    let body = parse_strict(response.body()).map_err(|e| {
        TestCaseError::fail(format!(
            "{content_type}: not JSON ({e}): {:?}",
            String::from_utf8_lossy(response.body())
        ))
    })?;
    for (pointer, value) in expected {
        prop_assert_eq!(
            body.pointer(pointer),
            Some(value),
            "{} at {} in {}",
            content_type,
            pointer,
            body
        );
    }
    Ok(body)
}

fn check_headers(error: &Wild, headers: &http::HeaderMap) -> Result<(), TestCaseError> {
    let mut names = BTreeSet::from(["content-type"]);
    for (name, value) in declared_headers(error) {
        let sent: Vec<_> = headers.get_all(name).iter().collect();
        if is_field_value(value) {
            prop_assert_eq!(sent.len(), 1, "{} = {:?} is sent once", name, value);
            prop_assert_eq!(sent[0].as_bytes(), value.as_bytes());
            names.insert(name);
        } else {
            prop_assert!(sent.is_empty(), "{} = {:?} must be dropped", name, value);
        }
    }
    let sent: BTreeSet<&str> = headers.keys().map(http::HeaderName::as_str).collect();
    prop_assert_eq!(sent, names, "no header but the declared ones, none split");
    Ok(())
}

/// Problem's violation pointers are URI fragments: `#` and the percent-encoded pointer.
fn check_problem_pointers(error: &Wild, body: &Value) -> Result<(), TestCaseError> {
    for (i, violation) in error.violations().iter().enumerate() {
        let fragment = body["errors"][i]["pointer"].as_str().unwrap_or_default();
        prop_assert!(fragment.starts_with('#'), "{}", fragment);
        prop_assert!(
            fragment.bytes().all(|b| b.is_ascii_graphic()),
            "a fragment is encoded ASCII: {}",
            fragment
        );
        prop_assert_eq!(
            percent_decode(&fragment[1..]),
            pointer(violation.path().segments())
        );
    }
    Ok(())
}

fn check_every_format(error: &Wild, context: &Context<'_>) -> Result<(), TestCaseError> {
    let body = check::<Problem>(
        error,
        context,
        "application/problem+json",
        &expect_problem(error, context),
    )?;
    check_problem_pointers(error, &body)?;
    check::<JsonApi>(
        error,
        context,
        "application/vnd.api+json",
        &expect_jsonapi(error, context),
    )?;
    check::<Boom>(error, context, "application/json", &expect_boom(error))?;
    check::<awork::Awork>(error, context, "application/json", &expect_awork(error))?;
    check::<kiteworks::Kiteworks>(error, context, "application/json", &expect_kiteworks(error))?;
    check::<pax8::Pax8>(
        error,
        context,
        "application/json",
        &expect_pax8(error, context),
    )?;
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_string_round_trips_in_every_format(
        error in wild_error(wild),
        context_parts in context_parts(wild),
    ) {
        check_every_format(&error, &context(&context_parts))?;
    }

    #[test]
    fn awork_details_round_trip(description in wild(), details in prop::collection::vec(wild(), 0..4)) {
        let error = Hinted { description, details };
        let response = error.to_response();
        let body = parse_strict(response.body()).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&body["description"], &json!(error.description));
        prop_assert_eq!(&body["details"], &json!(error.details));
    }

    #[test]
    fn bodies_stay_valid_against_the_schemas(
        error in wild_error(uri),
        context_parts in context_parts(uri),
    ) {
        let Some(schemas) = schemas() else { return Ok(()) };
        let context = context(&context_parts);
        check_every_format(&error, &context)?;
        schemas.check(&error, &context)?;
    }
}

// ---------------------------------------------------------------------------------------
// Schemas

struct Schemas {
    problem: jsonschema::Validator,
    jsonapi_1_0: jsonschema::Validator,
    jsonapi_1_1: jsonschema::Validator,
    pax8: jsonschema::Validator,
}

/// Compiled once for all cases; `None` without `../shared`.
fn schemas() -> Option<&'static Schemas> {
    static SCHEMAS: std::sync::OnceLock<Option<Schemas>> = std::sync::OnceLock::new();
    SCHEMAS
        .get_or_init(|| {
            let compile = |schema: &Value| {
                jsonschema::options()
                    .should_validate_formats(true)
                    .build(schema)
                    .expect("the schema compiles")
            };
            let pax8 = apifault_suite::shared_schema("pax8-error.openapi-components.json")?;
            Some(Schemas {
                problem: compile(&apifault_suite::shared_schema(
                    "rfc9457-problem-details.schema.json",
                )?),
                jsonapi_1_0: compile(&apifault_suite::shared_schema("jsonapi-1.0.schema.json")?),
                jsonapi_1_1: compile(&apifault_suite::shared_schema(
                    "jsonapi-1.1-draft-pr1603.schema.json",
                )?),
                // OpenAPI components: wrapped into a document so the `$ref`s resolve.
                pax8: compile(&json!({
                    "allOf": [{"$ref": "#/components/schemas/Error"}],
                    "components": pax8["partner-endpoints"]["components"],
                })),
            })
        })
        .as_ref()
}

impl Schemas {
    fn check(&self, error: &Wild, context: &Context<'_>) -> Result<(), TestCaseError> {
        let body = |response: http::Response<Vec<u8>>| -> Value {
            serde_json::from_slice(response.body()).expect("checked above")
        };
        let problem = body(error.to_response_in::<Problem>(context));
        valid(&self.problem, &problem, "RFC 9457")?;
        let jsonapi = body(error.to_response_in::<JsonApi>(context));
        valid(&self.jsonapi_1_1, &jsonapi, "JSON:API 1.1")?;
        // `links.type` is a 1.1 member; 1.0's error links allow `about` only.
        if jsonapi.pointer("/errors/0/links/type").is_none() {
            valid(&self.jsonapi_1_0, &jsonapi, "JSON:API 1.0")?;
        }
        let pax8 = body(error.to_response_in::<pax8::Pax8>(context));
        valid(&self.pax8, &pax8, "Pax8 partner Error")?;
        Ok(())
    }
}

fn valid(validator: &jsonschema::Validator, body: &Value, what: &str) -> Result<(), TestCaseError> {
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    prop_assert!(errors.is_empty(), "{}: {}\n{:#?}", what, body, errors);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Deterministic cases: 1 MB strings, and the characters one by one

/// About 1 MiB of every nasty character in turn.
fn huge(seed: usize) -> String {
    let mut text = String::with_capacity(1 << 20);
    let mut i = seed;
    while text.len() < 1 << 20 {
        text.push(NASTY[i % NASTY.len()]);
        i += 1;
    }
    text
}

#[test]
fn megabyte_strings_round_trip_in_every_format() {
    let path = vec![PathSegment::from(huge(8)), PathSegment::from(3)];
    let errors = vec![
        Wild::Declared {
            message: huge(0),
            type_uri: huge(1),
            instance: huge(2),
            link: huge(3),
            id: huge(4),
            parameter: huge(5),
            header: huge(6),
            note: huge(7),
            notes: vec![huge(9)],
            errors: vec![FieldViolation::new(path.clone(), huge(10)).with_code(huge(11))],
        },
        Wild::Pointed {
            message: huge(12),
            key: "k".repeat(1 << 20),
            note: huge(13),
            errors: vec![FieldViolation::new(path, huge(14))],
        },
        Wild::Unavailable {
            message: huge(15),
            retry: "9".repeat(1 << 20),
        },
    ];
    let (instance, request_id) = (huge(16), huge(17));
    let context = Context::new()
        .with_instance(&instance)
        .with_request_id(&request_id);
    for error in &errors {
        check_every_format(error, &context).unwrap();
        check_every_format(error, &Context::new()).unwrap();
    }
}

#[test]
fn every_nasty_character_alone_round_trips() {
    for &c in NASTY {
        let text = c.to_string();
        let error = Wild::Declared {
            message: text.clone(),
            type_uri: text.clone(),
            instance: text.clone(),
            link: text.clone(),
            id: text.clone(),
            parameter: text.clone(),
            header: text.clone(),
            note: text.clone(),
            notes: vec![text.clone()],
            errors: vec![FieldViolation::new([text.clone()], text.clone()).with_code(text.clone())],
        };
        let context = Context::new().with_instance(&text).with_request_id(&text);
        check_every_format(&error, &context).unwrap_or_else(|e| panic!("{c:?}: {e}"));
    }
}

/// The checks above are not vacuous.
#[test]
fn the_checks_reject_what_they_should() {
    assert!(parse_strict(br#"{"a":1,"a":2}"#).is_err());
    assert!(parse_strict(br#"{"a":1} {}"#).is_err());
    assert!(parse_strict(br#"{"a":[{"b":1,"c":{"b":2}}]}"#).is_ok());
    assert!(!is_field_value("a\r\nb") && !is_field_value("\0") && !is_field_value("\u{7f}"));
    assert!(is_field_value("120") && is_field_value("a b\tc") && is_field_value("é"));
    assert_eq!(percent_decode("/a%20b/%C3%A9"), "/a b/é");
    let path = [
        PathSegment::from("a/b~"),
        PathSegment::from(0),
        PathSegment::from("c"),
    ];
    assert_eq!(pointer(&path), "/a~1b~0/0/c");
    assert_eq!(dotted(&path), "a/b~[0].c");
}

/// The same violation twice is one JSON:API error object: the schemas' `errors` holds
/// unique items.
#[test]
fn jsonapi_renders_a_repeated_violation_once() {
    let twice = Wild::Pointed {
        message: "m".into(),
        key: "k".into(),
        note: "n".into(),
        errors: vec![
            FieldViolation::new(["a"], "x"),
            FieldViolation::new(["b"], "x"),
            FieldViolation::new(["a"], "x"),
            FieldViolation::new(["a"], "x").with_code("other"),
        ],
    };
    let body: Value =
        serde_json::from_slice(twice.to_response_in::<JsonApi>(&Context::new()).body()).unwrap();
    let details: Vec<(&Value, &Value)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|object| (&object["source"]["pointer"], &object["code"]))
        .collect();
    assert_eq!(details.len(), 3, "{body}");
    assert_eq!(details[2].1, "other");
    if let Some(schemas) = schemas() {
        assert!(schemas.jsonapi_1_1.is_valid(&body) && schemas.jsonapi_1_0.is_valid(&body));
    }
}

// ---------------------------------------------------------------------------------------
// A status and a code decided at run time

/// An upstream's status and errcode, relayed: hostile values must fall back.
#[derive(Debug, thiserror::Error, ApiError)]
enum Relayed {
    /// The upstream's answer.
    #[error("upstream answered {status}: {code}")]
    #[status(502)]
    #[code("upstream")]
    #[message("The upstream failed.")]
    #[api_error(statuses(503, 504), codes("M_UNKNOWN"))]
    Upstream {
        #[api_error(status)]
        status: u16,
        #[api_error(code)]
        code: String,
    },
}

/// Mostly hostile statuses: every `u16`, with the edges of 400..=599 often.
fn runtime_status() -> impl Strategy<Value = u16> {
    prop_oneof![
        any::<u16>(),
        0_u16..1000,
        prop::sample::select(vec![
            0, 99, 100, 200, 399, 400, 401, 405, 499, 500, 599, 600, 999, 1000
        ]),
    ]
}

/// Mostly hostile codes: arbitrary Unicode, and codes that are valid.
fn runtime_code() -> BoxedStrategy<String> {
    prop_oneof![wild(), "[A-Za-z0-9._-]{0,12}", "[A-Za-z0-9._ /{}-]{0,12}"].boxed()
}

fn is_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The status and code `Relayed` must answer with, and the status each format states.
fn check_runtime<F: Format>(
    error: &Relayed,
    expected: (u16, &str),
    stated: fn(&Value) -> Option<Value>,
) -> Result<(), TestCaseError> {
    let response = error.to_response_in::<F>(&Context::new());
    prop_assert_eq!(response.status().as_u16(), expected.0);
    let body = parse_strict(response.body()).map_err(TestCaseError::fail)?;
    if let Some(stated) = stated(&body) {
        prop_assert!(
            stated.as_u64() == Some(u64::from(expected.0))
                || stated.as_str() == Some(expected.0.to_string().as_str()),
            "{} states {}",
            body,
            stated
        );
    }
    prop_assert!(response.headers().len() == 1, "{:?}", response.headers());
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn hostile_runtime_statuses_and_codes_never_reach_the_wire(
        status in runtime_status(),
        code in runtime_code(),
    ) {
        let error = Relayed::Upstream { status, code: code.clone() };
        // 401 and 405 need a header the variant does not send (`WWW-Authenticate`, `Allow`):
        // refused like a status out of range.
        let sendable = (400..=599).contains(&status) && status != 401 && status != 405;
        let expected_status = if sendable { status } else { 502 };
        let expected_code = if is_code(&code) { code.as_str() } else { "upstream" };
        prop_assert_eq!(error.status().as_u16(), expected_status);
        prop_assert_eq!(error.code(), expected_code);
        let expected = (expected_status, expected_code);
        check_runtime::<Problem>(&error, expected, |body| body.get("status").cloned())?;
        check_runtime::<JsonApi>(&error, expected, |body| body["errors"][0].get("status").cloned())?;
        check_runtime::<Boom>(&error, expected, |body| body.get("statusCode").cloned())?;
        check_runtime::<awork::Awork>(&error, expected, |_| None)?;
        check_runtime::<kiteworks::Kiteworks>(&error, expected, |_| None)?;
        check_runtime::<pax8::Pax8>(&error, expected, |body| body.get("status").cloned())?;
        // The code, where a format writes it, is the one `code()` gives.
        let problem: Value = serde_json::from_slice(error.to_response().body()).unwrap();
        prop_assert_eq!(&problem["code"], &Value::from(expected_code));
    }
}

/// axum's `anyhow` pattern: whatever its contexts say, a wrapper that finds nothing answers
/// the same masked body.
#[derive(Debug, ApiError)]
#[api_error(wrapper)]
#[status(500)]
struct Wrapped(anyhow::Error);

proptest! {
    #![proptest_config(config())]

    #[test]
    fn no_anyhow_context_reaches_a_wrapper_body(
        cause in wild(),
        contexts in prop::collection::vec(wild(), 0..4),
        context_parts in context_parts(wild),
    ) {
        let context = context(&context_parts);
        let bare = Wrapped(anyhow::anyhow!("cause")).to_response_with(&context);
        let mut error = anyhow::Error::msg(cause);
        for text in contexts {
            error = error.context(text);
        }
        let response = Wrapped(error).to_response_with(&context);
        prop_assert_eq!(response.status(), bare.status());
        prop_assert_eq!(response.headers(), bare.headers());
        prop_assert_eq!(response.body(), bare.body());
    }
}

// ---------------------------------------------------------------------------------------
// Markup: the HTML page and S3's XML, through a real parser each (html5gum's WHATWG
// tokenizer, roxmltree's XML 1.0 parser), and the escaping writers they are built on

use apifault::escape;
use apifault_suite::formats::{html_page::HtmlPage, s3_xml::S3Xml};

/// `text` as an XML parser gives it back: what XML 1.0 forbids became U+FFFD.
fn xml_sanitized(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => {
                '\u{FFFD}'
            }
            c => c,
        })
        .collect()
}

/// `text` as an HTML tokenizer gives it back: controls but whitespace and noncharacters
/// became U+FFFD, and line breaks are LF (the input stream's normalization).
fn html_sanitized(text: &str) -> String {
    let replaced: String = text
        .chars()
        .map(|c| {
            let code = u32::from(c);
            let control =
                matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}');
            let noncharacter = (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE;
            if control || noncharacter {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    lf(&replaced)
}

fn lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// One element of a tokenized page: its name, attributes and the text directly in it.
#[derive(Debug)]
struct Element {
    name: String,
    attributes: std::collections::BTreeMap<String, String>,
    text: String,
}

/// The elements of `html` in document order; an error when the tokenizer reports one.
fn html_elements(html: &[u8]) -> Result<Vec<Element>, String> {
    use html5gum::{Token, Tokenizer};
    let text = std::str::from_utf8(html).map_err(|e| e.to_string())?;
    let mut elements: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for token in Tokenizer::new(text) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let attributes = tag
                    .attributes
                    .iter()
                    .map(|(name, value)| {
                        (
                            String::from_utf8_lossy(name).into_owned(),
                            String::from_utf8_lossy(value).into_owned(),
                        )
                    })
                    .collect();
                elements.push(Element {
                    name: name.clone(),
                    attributes,
                    text: String::new(),
                });
                // Void elements have no end tag.
                if name != "meta" {
                    open.push(elements.len() - 1);
                }
            }
            Token::EndTag(tag) => {
                let index = open.pop().ok_or("an end tag without a start tag")?;
                let name = String::from_utf8_lossy(&tag.name);
                if elements[index].name != name {
                    return Err(format!("</{name}> closes <{}>", elements[index].name));
                }
            }
            Token::String(text) => {
                let text = String::from_utf8_lossy(&text);
                match open.last() {
                    Some(&index) => elements[index].text.push_str(&text),
                    None if text.trim().is_empty() => {}
                    None => return Err(format!("text outside the page: {text:?}")),
                }
            }
            Token::Doctype(_) => {}
            Token::Comment(_) => return Err("a comment".into()),
            Token::Error(error) => return Err(format!("parse error: {error:?}")),
        }
    }
    if open.is_empty() {
        Ok(elements)
    } else {
        Err("unclosed elements".into())
    }
}

/// The HTML page of `error` holds exactly the expected elements, and each text, parsed,
/// is the error's own.
fn check_html(error: &Wild, context: &Context<'_>) -> Result<(), TestCaseError> {
    let response = error.to_response_in::<HtmlPage>(context);
    let elements = html_elements(response.body()).map_err(|e| {
        TestCaseError::fail(format!("{e}: {}", String::from_utf8_lossy(response.body())))
    })?;
    let names: Vec<&str> = elements.iter().map(|e| e.name.as_str()).collect();
    let message = error.message().map(|m| m.to_string());
    let violations = error.violations();
    let mut expected = vec!["html", "head", "meta", "title", "body", "h1"];
    if message.is_some() {
        expected.push("p");
    }
    if !violations.is_empty() {
        expected.push("ul");
        expected.extend(violations.iter().flat_map(|_| ["li", "code"]));
    }
    expected.extend(["p", "code"]);
    if context.request_id.is_some() {
        expected.push("code");
    }
    prop_assert_eq!(&names, &expected);
    let mut next = 6;
    if let Some(message) = &message {
        prop_assert_eq!(&elements[next].text, &html_sanitized(message));
        next += 1;
    }
    if !violations.is_empty() {
        next += 1;
        for violation in violations.iter() {
            let (item, code) = (&elements[next], &elements[next + 1]);
            prop_assert_eq!(
                &item.attributes["data-pointer"],
                &html_sanitized(&violation.path().pointer().to_string())
            );
            prop_assert_eq!(
                &code.text,
                &html_sanitized(&violation.path().dotted().to_string())
            );
            prop_assert_eq!(
                &item.text,
                &format!(": {}", html_sanitized(violation.message()))
            );
            next += 2;
        }
    }
    prop_assert_eq!(&elements[next + 1].text, &html_sanitized(error.code()));
    if let Some(request_id) = context.request_id {
        prop_assert_eq!(&elements[next + 2].text, &html_sanitized(request_id));
    }
    Ok(())
}

/// S3's `<Error>` document of `error` parses, holds exactly the expected elements, and
/// each text, parsed, is the error's own.
fn check_xml(error: &Wild, context: &Context<'_>) -> Result<(), TestCaseError> {
    let response = error.to_response_in::<S3Xml>(context);
    let text = std::str::from_utf8(response.body()).expect("UTF-8");
    let document = roxmltree::Document::parse(text)
        .map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
    let root = document.root_element();
    prop_assert_eq!(root.tag_name().name(), "Error");
    prop_assert_eq!(
        document
            .descendants()
            .filter(roxmltree::Node::is_element)
            .count(),
        1 + root.children().filter(roxmltree::Node::is_element).count()
    );
    let children: Vec<(&str, &str)> = root
        .children()
        .map(|node| (node.tag_name().name(), node.text().unwrap_or_default()))
        .collect();
    let message = error.message().map_or_else(
        || {
            apifault::phrase::rfc9110(error.status())
                .unwrap_or("Error")
                .to_owned()
        },
        |m| m.to_string(),
    );
    let mut expected = vec![
        ("Code", xml_sanitized(error.code())),
        ("Message", xml_sanitized(&message)),
    ];
    let instance = error
        .instance()
        .map(|i| i.to_string())
        .or(context.instance.map(str::to_owned));
    if let Some(instance) = instance {
        expected.push(("Resource", xml_sanitized(&instance)));
    }
    if let Some(request_id) = context.request_id {
        expected.push(("RequestId", xml_sanitized(request_id)));
    }
    let expected: Vec<(&str, &str)> = expected.iter().map(|(n, t)| (*n, t.as_str())).collect();
    prop_assert_eq!(children, expected);
    Ok(())
}

/// A type that negotiates the three representations, with secrets in unexposed fields.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(negotiate(apifault::Problem, HtmlPage, S3Xml))]
enum Guarded {
    #[error("{secret}")]
    #[status(500)]
    Internal { secret: String },

    #[error("{secret}")]
    #[status(404)]
    #[message("{public}")]
    NotFound { public: String, secret: String },
}

const SENTINEL: &str = "SENTINEL-7f3a";

proptest! {
    #![proptest_config(config())]

    #[test]
    fn markup_bodies_parse_and_hold_exactly_the_error(
        error in wild_error(wild),
        parts in context_parts(wild),
    ) {
        let context = context(&parts);
        check_html(&error, &context)?;
        check_xml(&error, &context)?;
    }

    #[test]
    fn escaped_text_and_attributes_parse_back_unchanged(text in wild()) {
        let mut xml = b"<a b=\"".to_vec();
        escape::xml_attribute(&mut xml, &text).unwrap();
        xml.extend_from_slice(b"\" c='");
        escape::xml_attribute(&mut xml, &text).unwrap();
        xml.extend_from_slice(b"'>");
        escape::xml_text(&mut xml, &text).unwrap();
        xml.extend_from_slice(b"</a>");
        let xml = String::from_utf8(xml).unwrap();
        let document = roxmltree::Document::parse(&xml)
            .map_err(|e| TestCaseError::fail(format!("{e}: {xml}")))?;
        let root = document.root_element();
        let expected = xml_sanitized(&text);
        prop_assert_eq!(root.attribute("b"), Some(expected.as_str()));
        prop_assert_eq!(root.attribute("c"), Some(expected.as_str()));
        prop_assert_eq!(root.text().unwrap_or_default(), expected.as_str());
        prop_assert_eq!(root.children().count(), usize::from(!text.is_empty()));

        let mut html = b"<p title=\"".to_vec();
        escape::html_attribute(&mut html, &text).unwrap();
        html.extend_from_slice(b"\" lang='");
        escape::html_attribute(&mut html, &text).unwrap();
        html.extend_from_slice(b"'>");
        escape::html_text(&mut html, &text).unwrap();
        html.extend_from_slice(b"</p>");
        let elements = html_elements(&html).map_err(|e| {
            TestCaseError::fail(format!("{e}: {}", String::from_utf8_lossy(&html)))
        })?;
        prop_assert_eq!(elements.len(), 1);
        let expected = html_sanitized(&text);
        prop_assert_eq!(&elements[0].attributes["title"], &expected);
        prop_assert_eq!(&elements[0].attributes["lang"], &expected);
        prop_assert_eq!(&elements[0].text, &expected);
    }

    #[test]
    fn no_unexposed_field_reaches_a_negotiated_body(
        hostile in wild(),
        public in wild(),
        accept in prop::sample::select(&["application/json", "text/html", "application/xml", "*/*"][..]),
    ) {
        let secret = format!("{hostile}</p><script>{SENTINEL}</script>]]>");
        for error in [
            Guarded::Internal { secret: secret.clone() },
            Guarded::NotFound { public: public.clone(), secret: secret.clone() },
        ] {
            let response = error.to_response_for(accept, &Context::new());
            let body = String::from_utf8_lossy(response.body());
            prop_assert!(!body.contains(SENTINEL), "{}", body);
            prop_assert_eq!(&response.headers()["vary"], "Accept");
            match response.headers()["content-type"].to_str().unwrap() {
                "text/html; charset=utf-8" => {
                    html_elements(response.body()).map_err(TestCaseError::fail)?;
                }
                "application/xml" => {
                    roxmltree::Document::parse(&body)
                        .map_err(|e| TestCaseError::fail(e.to_string()))?;
                }
                _ => {
                    parse_strict(response.body()).map_err(TestCaseError::fail)?;
                }
            }
        }
    }
}

/// A flattened `serde_json::Value` whose keys and values are hostile (any string, the
/// formats' own member names, the variant's declared and exposed names), beside a
/// declared member, an exposed field and an optional one.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(member("category" = "flattened"))]
enum Flattening {
    #[error("flattened")]
    #[status(400)]
    Extra {
        #[api_error(expose)]
        note: String,
        #[api_error(expose)]
        maybe: Option<String>,
        #[api_error(expose(flatten))]
        extra: Value,
    },

    /// A 5xx whose unexposed field must stay off the wire whatever is flattened.
    #[error("failed: {secret}")]
    #[status(500)]
    Failed {
        secret: String,
        #[api_error(expose(flatten))]
        extra: Value,
    },
}

/// Keys drawn from the names a body already has, and from anything at all.
fn hostile_key() -> BoxedStrategy<String> {
    prop_oneof![
        prop::sample::select(vec![
            "type",
            "title",
            "status",
            "detail",
            "instance",
            "code",
            "request_id",
            "errors",
            "statusCode",
            "error",
            "message",
            "meta",
            "category",
            "note",
            "maybe",
        ])
        .prop_map(str::to_owned),
        wild(),
    ]
    .boxed()
}

fn hostile_object() -> impl Strategy<Value = serde_json::Map<String, Value>> {
    prop::collection::vec((hostile_key(), wild()), 0..8).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| (k, Value::from(v)))
            .collect()
    })
}

/// The members `F` writes itself for a `Flattening` value, which a flattened key never
/// replaces.
fn own_members(body: &Value, format: &str) -> Vec<String> {
    let object = match format {
        "jsonapi" => &body["errors"][0],
        _ => body,
    };
    object
        .as_object()
        .map(|members| members.keys().cloned().collect())
        .unwrap_or_default()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_flattened_value_with_hostile_keys_never_repeats_or_replaces_a_member(
        note in wild(),
        maybe in prop::option::of(wild()),
        extra in hostile_object(),
        secret in wild(),
        context_parts in context_parts(wild),
    ) {
        let context = context(&context_parts);
        let error = Flattening::Extra { note: note.clone(), maybe: maybe.clone(), extra: Value::Object(extra.clone()) };
        let bare = Flattening::Extra { note: note.clone(), maybe: maybe.clone(), extra: json!({}) };
        for (format, response, bare_response) in [
            ("problem", error.to_response_in::<Problem>(&context), bare.to_response_in::<Problem>(&context)),
            ("jsonapi", error.to_response_in::<JsonApi>(&context), bare.to_response_in::<JsonApi>(&context)),
            ("boom", error.to_response_in::<Boom>(&context), bare.to_response_in::<Boom>(&context)),
        ] {
            // One JSON value, no member given twice (`parse_strict`).
            let body = parse_strict(response.body()).map_err(TestCaseError::fail)?;
            let bare_body = parse_strict(bare_response.body()).map_err(TestCaseError::fail)?;
            // Every member of the body without the flattened value is there, unchanged.
            let members = if format == "jsonapi" { &body["errors"][0]["meta"] } else { &body };
            let bare_members = if format == "jsonapi" { &bare_body["errors"][0]["meta"] } else { &bare_body };
            for name in own_members(&bare_body, format) {
                let within = if format == "jsonapi" { &body["errors"][0] } else { &body };
                let bare_within = if format == "jsonapi" { &bare_body["errors"][0] } else { &bare_body };
                if name != "meta" {
                    prop_assert_eq!(&within[&name], &bare_within[&name], "{} {}", format, name);
                }
            }
            for (name, value) in bare_members.as_object().into_iter().flatten() {
                prop_assert_eq!(&members[name], value, "{} {}", format, name);
            }
            prop_assert_eq!(&members["note"], &Value::from(note.as_str()));
            prop_assert_eq!(members.get("maybe").and_then(Value::as_str), maybe.as_deref());
            // Each flattened key the body did not have is there with its first value.
            let mut first: Vec<(&String, &Value)> = Vec::new();
            for (key, value) in &extra {
                if !first.iter().any(|(k, _)| *k == key) {
                    first.push((key, value));
                }
            }
            for (key, value) in first {
                let taken = bare_members.get(key).is_some()
                    || (format != "jsonapi" && own_members(&bare_body, format).contains(key))
                    || ["maybe"].contains(&key.as_str())
                    || match format {
                        "problem" => Problem::RESERVED_MEMBERS.contains(&key.as_str()),
                        "boom" => ["statusCode", "error", "message"].contains(&key.as_str()),
                        _ => false,
                    };
                if !taken {
                    prop_assert_eq!(&members[key], value, "{} {}", format, key);
                }
            }
        }
        let failed = Flattening::Failed { secret: secret.clone(), extra: Value::Object(extra) };
        let response = failed.to_response_with(&context);
        let body = parse_strict(response.body()).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&body["status"], &json!(500));
        prop_assert!(body.get("detail").is_none());
        if secret.len() > 3 {
            let shown = body.as_object().unwrap().iter().any(|(key, value)| {
                !["type", "title", "code", "instance", "request_id"].contains(&key.as_str())
                    && !extra_has(&failed, value)
                    && value.as_str().is_some_and(|text| text.contains(secret.as_str()))
            });
            prop_assert!(!shown, "{}", body);
        }
    }
}

/// Whether `value` is one of the flattened values of `error` (a value the test itself put
/// there, which may contain the secret by chance).
fn extra_has(error: &Flattening, value: &Value) -> bool {
    match error {
        Flattening::Failed { extra, .. } | Flattening::Extra { extra, .. } => extra
            .as_object()
            .is_some_and(|object| object.values().any(|v| v == value)),
    }
}

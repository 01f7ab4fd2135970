//! A request body or parameter that does not fit its type, as a rejection naming where:
//! the deserializer's path (through `serde_path_to_error`) becomes the violation's
//! pointer, serde's error kind its code, and only the expected type its message, never
//! the value the client sent.

use serde_core::de::DeserializeOwned;

use super::{Kind, Rejection};
use crate::{FieldViolation, Location, PathSegment};

/// Deserializes a JSON body already known to be valid JSON (`json`) into `T`; on failure,
/// the `invalid_body` rejection with one violation at the failing member.
///
/// What the `Json` extractors of both integrations call once the framework has read the
/// body and checked its syntax.
///
/// # Errors
///
/// An `invalid_body` (422) rejection, or `invalid_json` should the text not parse.
pub fn from_json<T: DeserializeOwned>(json: &str) -> Result<T, Rejection> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = segments(error.path());
        json_error(&error.into_inner(), path)
    })?;
    deserializer.end().map_err(|error| {
        let text = json_syntax_text(&error);
        Rejection::new(Kind::InvalidJson, text.clone()).with_public(text)
    })?;
    Ok(value)
}

/// The rejection of a JSON body that failed to deserialize with `error` at `path`: a
/// syntax error is `invalid_json` with its position, a data error `invalid_body` with a
/// violation.
pub(crate) fn json_error(error: &serde_json::Error, path: Vec<PathSegment>) -> Rejection {
    if error.is_data() {
        let message = without_position(error);
        data_error(
            Kind::InvalidBody,
            path,
            &message,
            error.to_string(),
            Location::Body,
        )
    } else {
        let text = json_syntax_text(error);
        Rejection::new(Kind::InvalidJson, text.clone()).with_public(text)
    }
}

/// Deserializes a query string into `T`, the parameter at fault named on failure.
///
/// What the `Query` extractors of both integrations call.
///
/// # Errors
///
/// An `invalid_query` (400) rejection with one violation naming the parameter
/// ([`Location::Query`]: JSON:API's `source.parameter`).
pub fn from_query<T: DeserializeOwned>(query: &str) -> Result<T, Rejection> {
    from_urlencoded(query.as_bytes(), Kind::InvalidQuery, Location::Query)
}

/// Deserializes an `application/x-www-form-urlencoded` body into `T`, the field at fault
/// named on failure.
///
/// What the `Form` extractors of both integrations call once the framework has checked
/// the content type and read the body.
///
/// # Errors
///
/// An `invalid_form` (400) rejection with one violation naming the field.
pub fn from_form<T: DeserializeOwned>(form: &[u8]) -> Result<T, Rejection> {
    from_urlencoded(form, Kind::InvalidForm, Location::Body)
}

/// Deserializes URL-encoded `pairs` into `T` through `serde_path_to_error`, so a failure
/// names the pair's key.
fn from_urlencoded<T: DeserializeOwned>(
    pairs: &[u8],
    kind: Kind,
    location: Location,
) -> Result<T, Rejection> {
    let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(pairs));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = segments(error.path());
        urlencoded_error(&error.into_inner(), path, kind, location)
    })
}

/// The rejection of `kind` for a query or form that failed with `error` at `path` (empty
/// when the caller could not track it: actix-web's own `Query` and `Form`, whose failure
/// then names the parameter only when serde's message does, as for a missing one).
pub(crate) fn urlencoded_error(
    error: &serde_urlencoded::de::Error,
    path: Vec<PathSegment>,
    kind: Kind,
    location: Location,
) -> Rejection {
    let text = error.to_string();
    data_error(kind, path, &text, text.clone(), location)
}

/// The public text of a JSON syntax error: its kind and position, which quote nothing
/// the client sent (`expected value at line 1 column 1`).
fn json_syntax_text(error: &serde_json::Error) -> String {
    format!("Failed to parse the request body as JSON: {error}")
}

/// The violation of a path parameter `name` (when known) that does not parse as the
/// `expected` type (`u64`).
pub(crate) fn parameter_violation(name: Option<&str>, expected: &str) -> Option<FieldViolation> {
    let name = name?;
    Some(
        FieldViolation::new(
            [PathSegment::from(name.to_owned())],
            format!("expected {expected}"),
        )
        .with_code("invalid_type"),
    )
}

/// A rejection of `kind` whose violation is at `path` in `location`, from serde's
/// `message`.
fn data_error(
    kind: Kind,
    mut path: Vec<PathSegment>,
    message: &str,
    log: String,
    location: Location,
) -> Rejection {
    let (code, public) = classify(message);
    // serde reports a missing field at the object holding it: point at the field itself.
    // An unknown or repeated one is named by the path when it was tracked, else by the
    // message only.
    if let Some(field) = quoted(message) {
        let named = path.last() == Some(&PathSegment::from(field.to_owned()));
        if code == "missing_field"
            || (!named && matches!(code, "unknown_field" | "duplicate_field"))
        {
            path.push(PathSegment::from(field.to_owned()));
        }
    }
    let violation = FieldViolation::new(path, public)
        .with_code(code)
        .with_location(location);
    Rejection::new(kind, log).with_violation(Some(violation))
}

/// The texts of the standard library's parse errors, which quote nothing of the input
/// (what `serde_urlencoded` reports for a number or a boolean that does not parse), with
/// their violation code.
const PARSE_ERRORS: [(&str, &str); 6] = [
    ("invalid digit found in string", "invalid_type"),
    ("cannot parse integer from empty string", "invalid_type"),
    ("invalid float literal", "invalid_type"),
    ("provided string was not `true` or `false`", "invalid_type"),
    ("number too large to fit in target type", "invalid_value"),
    ("number too small to fit in target type", "invalid_value"),
];

/// The violation code of serde's `message`, and a public text built only from what the
/// type expects (the value the client sent stays out).
fn classify(message: &str) -> (&'static str, String) {
    if let Some(&(text, code)) = PARSE_ERRORS.iter().find(|(text, _)| *text == message) {
        return (code, text.to_owned());
    }
    let expected = || {
        message
            .rfind(", expected ")
            .map(|at| message[at + 2..].to_owned())
    };
    let prefixes = [
        ("invalid type: ", "invalid_type"),
        ("invalid value: ", "invalid_value"),
        ("invalid length ", "invalid_length"),
        ("unknown variant ", "unknown_variant"),
        ("unknown field ", "unknown_field"),
        ("missing field ", "missing_field"),
        ("duplicate field ", "duplicate_field"),
    ];
    let code = prefixes
        .iter()
        .find(|(prefix, _)| message.starts_with(prefix))
        .map_or("invalid_value", |&(_, code)| code);
    let public = match code {
        "missing_field" => "is required".to_owned(),
        "unknown_field" => "is not allowed".to_owned(),
        "duplicate_field" => "is given more than once".to_owned(),
        _ => expected().unwrap_or_else(|| "is not valid".to_owned()),
    };
    (code, public)
}

/// The name between the first pair of backquotes in serde's message (`missing field
/// `priority``).
fn quoted(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let end = start + message[start..].find('`')?;
    Some(&message[start..end])
}

/// serde_json's message without its ` at line 1 column 5` suffix.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&suffix) {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// The path's segments: object keys and array indices.
fn segments(path: &serde_path_to_error::Path) -> Vec<PathSegment> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(PathSegment::Index(*index)),
            Segment::Map { key } => Some(PathSegment::from(key.clone())),
            Segment::Enum { variant } => Some(PathSegment::from(variant.clone())),
            Segment::Unknown => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::{ApiError, Format};

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Case {
        name: String,
        priority: i64,
        tags: Vec<u8>,
    }

    fn violation(json: &str) -> (u16, String, serde_json::Value) {
        let rejection = from_json::<Case>(json).unwrap_err();
        let body: serde_json::Value =
            serde_json::from_slice(rejection.to_response().body()).unwrap();
        (
            rejection.status().as_u16(),
            rejection.code().to_owned(),
            body,
        )
    }

    #[test]
    fn each_failure_names_its_member_without_the_value() {
        let cases = [
            (
                r#"{"name":"a","priority":1715.0,"tags":[]}"#,
                "#/priority",
                "invalid_type",
                "expected i64",
            ),
            (
                r#"{"name":"a","tags":[]}"#,
                "#/priority",
                "missing_field",
                "is required",
            ),
            (
                r#"{"name":"a","priority":1,"tags":[],"sneaky":1}"#,
                "#/sneaky",
                "unknown_field",
                "is not allowed",
            ),
            (
                r#"{"name":"a","priority":1,"tags":[1,999]}"#,
                "#/tags/1",
                "invalid_value",
                "expected u8",
            ),
        ];
        for (json, pointer, code, detail) in cases {
            let (status, kind, body) = violation(json);
            assert_eq!((status, kind.as_str()), (422, "invalid_body"), "{json}");
            assert_eq!(
                body["errors"],
                serde_json::json!([{"detail": detail, "pointer": pointer, "code": code}]),
                "{json}"
            );
            let text = body.to_string();
            assert!(!text.contains("1715") && !text.contains("999"), "{text}");
        }
    }

    #[test]
    fn syntax_errors_say_where_only() {
        let (status, code, body) = violation(r#"{"name":"#);
        assert_eq!((status, code.as_str()), (400, "invalid_json"));
        assert_eq!(
            body["detail"],
            "Failed to parse the request body as JSON: EOF while parsing a value at line 1 column 8"
        );
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "lowercase")]
    #[allow(dead_code)]
    enum Order {
        Oldest,
        Newest,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Page {
        limit: u32,
        order: Option<Order>,
    }

    /// Each bad query or form names the parameter, with the code and a text that quotes
    /// nothing sent; a query parameter is JSON:API's `source.parameter`, a form field its
    /// `source.pointer`.
    #[test]
    fn query_and_form_failures_name_the_parameter() {
        let cases = [
            (
                "limit=lots",
                "limit",
                "invalid_type",
                "invalid digit found in string",
            ),
            (
                "limit=99999999999",
                "limit",
                "invalid_value",
                "number too large to fit in target type",
            ),
            (
                "limit=5&order=shiny",
                "order",
                "unknown_variant",
                "expected `oldest` or `newest`",
            ),
            ("order=newest", "limit", "missing_field", "is required"),
            (
                "limit=5&sneaky=1",
                "sneaky",
                "unknown_field",
                "is not allowed",
            ),
        ];
        for (pairs, name, code, detail) in cases {
            let query = from_query::<Page>(pairs).unwrap_err();
            let form = from_form::<Page>(pairs.as_bytes()).unwrap_err();
            assert_eq!(
                (query.status().as_u16(), query.code()),
                (400, "invalid_query")
            );
            assert_eq!((form.status().as_u16(), form.code()), (400, "invalid_form"));
            for rejection in [&query, &form] {
                let body: serde_json::Value =
                    serde_json::from_slice(rejection.to_response().body()).unwrap();
                assert_eq!(
                    body["errors"],
                    serde_json::json!([{"detail": detail, "pointer": format!("#/{name}"), "code": code}]),
                    "{pairs}"
                );
                let text = body.to_string();
                for sent in ["lots", "99999999999", "shiny"] {
                    assert!(!text.contains(sent), "{text}");
                }
            }
            let query = crate::JsonApi::render(&query, &crate::Context::new()).unwrap();
            let query: serde_json::Value = serde_json::from_slice(&query).unwrap();
            assert_eq!(
                query["errors"][0]["source"],
                serde_json::json!({"parameter": name}),
                "{pairs}"
            );
            let form = crate::JsonApi::render(&form, &crate::Context::new()).unwrap();
            let form: serde_json::Value = serde_json::from_slice(&form).unwrap();
            assert_eq!(
                form["errors"][0]["source"],
                serde_json::json!({"pointer": format!("/{name}")}),
                "{pairs}"
            );
        }
    }

    /// Without a tracked path (actix-web's own `Query`), an unknown or missing parameter
    /// is still named, from serde's message.
    #[test]
    fn an_untracked_failure_is_named_by_the_message() {
        let error = serde_urlencoded::from_str::<Page>("limit=5&sneaky=1").unwrap_err();
        let rejection = urlencoded_error(&error, Vec::new(), Kind::InvalidQuery, Location::Query);
        let body: serde_json::Value =
            serde_json::from_slice(rejection.to_response().body()).unwrap();
        assert_eq!(body["errors"][0]["pointer"], "#/sneaky");
    }
}

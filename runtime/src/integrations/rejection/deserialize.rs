//! A request body or parameter that does not fit its type, as a rejection naming where:
//! the deserializer's path (through `serde_path_to_error`) becomes the violation's
//! pointer, serde's error kind its code, and only the expected type its message, never
//! the value the client sent.

use serde_core::de::DeserializeOwned;

use super::{Kind, Rejection};
use crate::{FieldViolation, PathSegment};

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
        data_error(Kind::InvalidBody, path, &message, error.to_string())
    } else {
        let text = json_syntax_text(error);
        Rejection::new(Kind::InvalidJson, text.clone()).with_public(text)
    }
}

/// Deserializes a query string into `T`, the parameter at fault named on failure.
///
/// # Errors
///
/// An `invalid_query` (400) rejection with one violation naming the parameter.
pub fn from_query<T: DeserializeOwned>(query: &str) -> Result<T, Rejection> {
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = segments(error.path());
        let text = error.inner().to_string();
        data_error(Kind::InvalidQuery, path, &text, text.clone())
    })
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

/// A rejection of `kind` whose violation is at `path`, from serde's `message`.
fn data_error(kind: Kind, mut path: Vec<PathSegment>, message: &str, log: String) -> Rejection {
    let (code, public) = classify(message);
    // serde reports a missing field at the object holding it: point at the field itself.
    if code == "missing_field"
        && let Some(field) = quoted(message)
    {
        path.push(PathSegment::from(field.to_owned()));
    }
    let rejection = Rejection::new(kind, log);
    rejection.with_violation(Some(FieldViolation::new(path, public).with_code(code)))
}

/// The violation code of serde's `message`, and a public text built only from what the
/// type expects (the value the client sent stays out).
fn classify(message: &str) -> (&'static str, String) {
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
    use crate::ApiError;

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

    #[test]
    fn query_failures_name_the_parameter() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Page {
            limit: u32,
        }
        let rejection = from_query::<Page>("limit=lots").unwrap_err();
        assert_eq!(rejection.code(), "invalid_query");
        let body: serde_json::Value =
            serde_json::from_slice(rejection.to_response().body()).unwrap();
        assert_eq!(body["errors"][0]["pointer"], "#/limit");
        assert!(!body.to_string().contains("lots"), "{body}");
    }
}

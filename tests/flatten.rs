//! `#[api_error(expose(flatten))]`: a field's own members become members of the body: a
//! `serde_json::Value` object, a `Serialize` struct or any map. A name the body already
//! has is left out and logged at warn, never written twice; a value that is not a map is
//! a render error, answered with the bare body. Through `to_response`, axum and actix-web.

mod http_support;

use std::collections::BTreeMap;

use apifault::{ApiError, Boom, Context, JsonApi, Members};
use apifault_suite::log_capture::logged;
use apifault_suite::render::raw_in;
use http_support::every_integration;
use serde_json::{Value, json};

/// The Matrix homeserver's rate-limit payload, a typed struct.
#[derive(Debug, serde::Serialize)]
struct RetryAfter {
    retry_after_ms: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    soft_logout: Option<bool>,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "SCREAMING_SNAKE_CASE")]
enum MatrixError {
    #[error("too many requests")]
    #[status(429)]
    #[code("M_LIMIT_EXCEEDED")]
    #[api_error(header("Retry-After" = "2"))]
    Limited {
        #[api_error(expose(flatten))]
        payload: RetryAfter,
    },

    #[error("unknown error")]
    #[status(400)]
    #[code("M_UNKNOWN")]
    Unknown(
        #[api_error(expose(flatten))] Value,
        #[api_error(expose = "errcode_hint")] &'static str,
    ),

    #[error("bad extra")]
    #[status(400)]
    Extra {
        #[api_error(expose(flatten))]
        extra: Option<BTreeMap<String, u32>>,
    },
}

#[test]
fn a_flattened_struct_gives_its_fields_as_members() {
    let error = MatrixError::Limited {
        payload: RetryAfter {
            retry_after_ms: 2000,
            soft_logout: None,
        },
    };
    let reply = every_integration(error);
    assert_eq!(reply.status, 429);
    assert_eq!(reply.header("retry-after"), "2");
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"too many requests","code":"M_LIMIT_EXCEEDED","retry_after_ms":2000}"#
    );
    let entry = MatrixError::Limited {
        payload: RetryAfter {
            retry_after_ms: 1,
            soft_logout: Some(true),
        },
    };
    assert!(entry.entry().flattens);
    assert!(entry.entry().members.is_empty());
    let soft = Members::of(&entry)
        .get("soft_logout")
        .expect("flattened member");
    assert_eq!(serde_json::to_string(&soft).unwrap(), "true");
}

#[test]
fn a_flattened_value_never_repeats_a_member_and_warns_of_what_it_left_out() {
    let error = MatrixError::Unknown(
        json!({
            "type": "https://evil.example/",
            "status": 200,
            "code": "M_FORGED",
            "errcode_hint": "forged",
            "soft_logout": true,
            "a\"b\n": 1
        }),
        "see the spec",
    );
    let (reply, log) = logged(|| every_integration(error));
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"unknown error","code":"M_UNKNOWN","a\"b\n":1,"soft_logout":true,"errcode_hint":"see the spec"}"#
    );
    let log = log.text();
    for name in ["type", "status", "code", "errcode_hint"] {
        assert!(
            log.contains(&format!(
                "WARN apifault: flattened member left out of an error body: the body already \
                    has a member of this name variant=\"Unknown\" member={name:?}"
            )),
            "{name}: {log}"
        );
    }
    // Three integrations, each warning once per name.
    assert_eq!(log.matches("member=\"type\"").count(), 3, "{log}");
}

#[test]
fn json_api_flattens_into_meta_and_boom_beside_its_own_members() {
    let error = MatrixError::Unknown(
        json!({"statusCode": 1, "errors": [], "status": "x"}),
        "hint",
    );
    let context = Context::new();
    assert_eq!(
        raw_in::<JsonApi, _>(&error, &context),
        r#"{"errors":[{"status":"400","code":"M_UNKNOWN","title":"Bad Request","detail":"unknown error","meta":{"errors":[],"status":"x","statusCode":1,"errcode_hint":"hint"}}]}"#
    );
    assert_eq!(
        raw_in::<Boom, _>(&error, &context),
        r#"{"statusCode":400,"error":"Bad Request","message":"unknown error","errors":[],"status":"x","errcode_hint":"hint"}"#
    );
}

#[test]
fn a_flattened_none_gives_nothing_and_a_map_its_entries() {
    let reply = every_integration(MatrixError::Extra { extra: None });
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad extra","code":"EXTRA"}"#
    );
    let extra = BTreeMap::from([("limit".to_owned(), 3), ("used".to_owned(), 4)]);
    let reply = every_integration(MatrixError::Extra { extra: Some(extra) });
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad extra","code":"EXTRA","limit":3,"used":4}"#
    );
}

#[test]
fn a_flattened_value_that_is_not_a_map_answers_with_the_bare_body() {
    let error = MatrixError::Unknown(json!(["not", "an", "object"]), "hint");
    let (reply, log) = logged(|| every_integration(error));
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"code":"M_UNKNOWN"}"#
    );
    assert!(
        log.text()
            .contains("a flattened field must serialize as a map or a struct, not a sequence"),
        "{}",
        log.text()
    );
}

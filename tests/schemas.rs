//! Every format's output, for a spread of errors (with and without violations, exposed
//! members, declared links and sources, 4xx, 490 and 5xx, with and without a request
//! context), checked two ways:
//!
//! - against the official schemas in `../shared/schemas/` with the `jsonschema` crate
//!   (JSON:API 1.0 and the 1.1 draft, RFC 9457 Appendix A, Pax8's OpenAPI components),
//!   formats validated too; skipped with a printed line when `../shared` is not there (a
//!   failure under `APIFAULT_NO_SKIP=1`, as in CI);
//! - against checks written here from the specifications, which always run: member
//!   types and order, JSON:API's string `status`, the body status equal to the HTTP one,
//!   no `null` anywhere, JSON Pointer syntax, content types.

use apifault::{ApiError, Boom, Context, FieldViolation, Format, JsonApi, PathSegment, Problem};
use apifault_suite::formats::{awork, kiteworks, pax8};
use http::header::CONTENT_TYPE;
use jsonschema::Validator;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// The spread of errors

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, rename_all = "kebab-case")]
enum Sample {
    #[error("case {0} not found")]
    #[status(404)]
    NotFound(u64),

    #[error("a case named {name:?} exists")]
    #[status(409)]
    Duplicate {
        #[api_error(expose)]
        name: String,
        #[api_error(expose = "existingId")]
        existing: u64,
        #[api_error(expose = "owners")]
        owners: Vec<&'static str>,
    },

    #[error("invalid case")]
    #[status(422)]
    #[message("The case is invalid.")]
    #[api_error(source(pointer = "/data/attributes"))]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("bad filter")]
    #[status(400)]
    #[api_error(
        source(parameter = "filter[owner]"),
        link = "https://docs.example.com/errors/bad-filter"
    )]
    BadFilter,

    #[error("stale version {0}")]
    #[status(412)]
    #[api_error(source(header = "If-Match"), id = "stale-{0}")]
    Stale(u32),

    #[error("the upload is too large")]
    #[status(413)]
    TooLarge,

    #[error("blocked by the firewall")]
    #[status(490)]
    Blocked,

    #[error("database: {0}")]
    #[status(500)]
    Database(#[source] std::io::Error),

    #[error("maintenance")]
    #[status(503)]
    #[message("Back soon.")]
    #[api_error(header("Retry-After" = "120"))]
    Maintenance,
}

fn samples() -> Vec<Sample> {
    vec![
        Sample::NotFound(42),
        Sample::Duplicate {
            name: "Flood claim".into(),
            existing: 7,
            owners: vec!["ana", "bo"],
        },
        Sample::Invalid {
            errors: vec![
                FieldViolation::new(["title"], "must not be blank")
                    .with_code("INVALID_REQUEST_FIELD"),
                FieldViolation::new(
                    [
                        PathSegment::from("steps"),
                        PathSegment::from(0),
                        PathSegment::from("due/date"),
                    ],
                    "must be a date",
                )
                .with_code("PAYLOAD_VALIDATION"),
            ],
        },
        Sample::BadFilter,
        Sample::Stale(3),
        Sample::TooLarge,
        Sample::Blocked,
        Sample::Database(std::io::Error::other("connection refused")),
        Sample::Maintenance,
    ]
}

/// With a problem type (`type_base`), hence `links.type`: JSON:API 1.1 only.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, type_base = "https://docs.example.com/errors/")]
enum Typed {
    #[error("quota exceeded")]
    #[status(429)]
    #[api_error(header("Retry-After" = "60"))]
    QuotaExceeded,
}

fn contexts() -> [Context<'static>; 2] {
    [
        Context::new(),
        Context::new()
            .with_instance("/cases/42")
            .with_request_id("0f8e5a1c2b3d"),
    ]
}

/// Status, content type and parsed body.
fn render<F: Format, E: ApiError>(error: &E, context: &Context<'_>) -> (u16, String, Value) {
    let (status, content_type, body, _) = render_raw::<F, E>(error, context);
    (status, content_type, body)
}

/// Status, content type, parsed body and the bytes (serde_json's `Value` sorts keys, so
/// member order is read from the bytes).
fn render_raw<F: Format, E: ApiError>(
    error: &E,
    context: &Context<'_>,
) -> (u16, String, Value, Vec<u8>) {
    let response = error.to_response_in::<F>(context);
    let content_type = response.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_owned();
    let body = serde_json::from_slice(response.body()).expect("the body is JSON");
    (
        response.status().as_u16(),
        content_type,
        body,
        response.into_body(),
    )
}

// ---------------------------------------------------------------------------------------
// The official schemas

fn validator(schema: &Value) -> Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema compiles")
}

fn assert_valid(validator: &Validator, body: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {body}\n{errors:#?}");
}

/// Pax8's file holds OpenAPI schema objects whose `$ref`s point at
/// `#/components/schemas/...` of the document they came from: wrapped back into such a
/// document, with the schema to check at its root, the refs resolve locally.
fn pax8_validator(group: &str, root: Value) -> Option<Validator> {
    let file = apifault_suite::shared_schema("pax8-error.openapi-components.json")?;
    let components = file[group]["components"].clone();
    assert!(components.is_object(), "no components in {group}");
    Some(validator(&json!({
        "allOf": [root],
        "components": components,
    })))
}

#[test]
fn jsonapi_matches_the_1_0_and_1_1_schemas() {
    let (Some(v10), Some(v11)) = (
        apifault_suite::shared_schema("jsonapi-1.0.schema.json"),
        apifault_suite::shared_schema("jsonapi-1.1-draft-pr1603.schema.json"),
    ) else {
        return;
    };
    let (v10, v11) = (validator(&v10), validator(&v11));
    let mut checked = 0;
    for context in contexts() {
        for error in samples() {
            let (_, _, body) = render::<JsonApi, _>(&error, &context);
            assert_valid(&v10, &body, "JSON:API 1.0");
            assert_valid(&v11, &body, "JSON:API 1.1");
            checked += 1;
        }
        let (_, _, body) = render::<JsonApi, _>(&Typed::QuotaExceeded, &context);
        assert_valid(&v11, &body, "JSON:API 1.1 with links.type");
        // 1.0's error links allow `about` only (additionalProperties false): `links.type`
        // is a 1.1 member, as SOURCES.json notes.
        assert!(!v10.is_valid(&body), "1.0 should reject links.type: {body}");
    }
    assert_eq!(checked, 18);
    // The validators are not vacuous: a numeric status fails both.
    let numeric = json!({"errors": [{"status": 404}]});
    assert!(!v10.is_valid(&numeric) && !v11.is_valid(&numeric));
}

/// The JSON:API 1.0 schema's `meta` is `patternProperties {"": true}` with
/// `additionalProperties: false`. JSON Schema patterns are unanchored ECMA-262 regexes, so
/// `""` matches every name and any member is allowed (subject to `propertyNames`);
/// python-jsonschema 4.26 treats the empty pattern as matching nothing and rejects every
/// `meta` member. This pins what the Rust `jsonschema` crate does, so the `meta` checks
/// above mean something: it follows the specification (as ajv does), and the member-name
/// rule still bites.
#[test]
fn jsonschema_crate_reads_the_empty_pattern_as_match_all() {
    let minimal = validator(&json!({
        "type": "object",
        "patternProperties": {"": true},
        "additionalProperties": false
    }));
    assert!(minimal.is_valid(&json!({"provided_guid": "x", "a": 1})));
    let typed = validator(&json!({"patternProperties": {"": {"type": "string"}}}));
    assert!(
        !typed.is_valid(&json!({"a": 1})),
        "\"\" must apply to every member"
    );

    let Some(schema) = apifault_suite::shared_schema("jsonapi-1.0.schema.json") else {
        return;
    };
    let v10 = validator(&schema);
    let meta = |meta: Value| json!({"errors": [{"status": "422", "meta": meta}]});
    assert!(v10.is_valid(&meta(json!({"provided_guid": "1234-invalid-guid"}))));
    assert!(v10.is_valid(&meta(json!({}))));
    // `propertyNames` (JSON:API member names) is still enforced.
    assert!(!v10.is_valid(&meta(json!({"bad name!": 1}))));
}

#[test]
fn problem_matches_the_rfc_9457_schema() {
    let Some(schema) = apifault_suite::shared_schema("rfc9457-problem-details.schema.json") else {
        return;
    };
    let schema = validator(&schema);
    for context in contexts() {
        for error in samples() {
            let (_, _, body) = render::<Problem, _>(&error, &context);
            assert_valid(&schema, &body, "RFC 9457");
        }
        let (_, _, body) = render::<Problem, _>(&Typed::QuotaExceeded, &context);
        assert_valid(&schema, &body, "RFC 9457 with a type");
    }
    assert!(!schema.is_valid(&json!({"type": "about:blank", "status": "404"})));
}

#[test]
fn pax8_matches_its_openapi_components() {
    let Some(partner) = pax8_validator(
        "partner-endpoints",
        json!({"$ref": "#/components/schemas/Error"}),
    ) else {
        return;
    };
    let quoting = pax8_validator(
        "quoting-endpoints",
        json!({"$ref": "#/components/schemas/ErrorResponse"}),
    )
    .expect("same file");
    for context in contexts() {
        for error in samples() {
            let (_, _, body) = render::<pax8::Pax8, _>(&error, &context);
            assert_valid(&partner, &body, "Pax8 partner Error");
            // Quoting's detail items require `type` and `message`, which a `supportId`
            // item (vendor endpoints only) has not: check it without a request id.
            if context.request_id.is_none() {
                assert_valid(&quoting, &body, "Pax8 quoting ErrorResponse");
            }
        }
    }
    assert!(!partner.is_valid(&json!({"status": "404"})));
    assert!(
        !quoting.is_valid(
            &json!({"type": "NOT_FOUND", "message": "m", "status": 404, "instance": "/x"})
        )
    );
}

/// Pax8's webhooks API: 400 bodies of type `BAD_REQUEST` whose details use its
/// `ErrorType` codes.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = pax8::Pax8, rename_all = "SCREAMING_SNAKE_CASE")]
enum WebhookError {
    #[error("invalid webhook query")]
    #[status(400)]
    BadRequest {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },
}

#[test]
fn pax8_webhooks_400_matches_its_response_schema() {
    let Some(file) = apifault_suite::shared_schema("pax8-error.openapi-components.json") else {
        return;
    };
    let root = file["webhooks-api"]["example-response-schema-GET-/webhooks-400"].clone();
    let webhooks = pax8_validator("webhooks-api", root).expect("same file");
    let error = WebhookError::BadRequest {
        errors: vec![FieldViolation::new(["page"], "must be positive").with_code("INVALID_PARAM")],
    };
    let (_, _, body) = render::<pax8::Pax8, _>(&error, &Context::new().with_instance("/webhooks"));
    assert_valid(&webhooks, &body, "Pax8 webhooks 400");
    let (_, _, body) = render::<pax8::Pax8, _>(&Sample::NotFound(1), &Context::new());
    assert!(
        !webhooks.is_valid(&body),
        "only BAD_REQUEST is a webhooks 400 type"
    );
}

// ---------------------------------------------------------------------------------------
// Checks written from the specifications; they run with or without `../shared`.

/// No `null` anywhere: absent members are omitted.
fn assert_no_nulls(value: &Value, at: &str) {
    match value {
        Value::Null => panic!("null at {at}"),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                assert_no_nulls(item, &format!("{at}/{i}"));
            }
        }
        Value::Object(members) => {
            for (name, member) in members {
                assert_no_nulls(member, &format!("{at}/{name}"));
            }
        }
        _ => {}
    }
}

/// RFC 6901: `*( "/" reference-token )`, `~` only as `~0` or `~1`.
fn is_json_pointer(text: &str) -> bool {
    if text.is_empty() {
        return true;
    }
    text.starts_with('/')
        && text
            .split('~')
            .skip(1)
            .all(|rest| rest.starts_with('0') || rest.starts_with('1'))
}

/// JSON:API member names (1.0 and 1.1 §"Member Names"): letters, digits, `-` and `_`
/// inside, a letter or digit at both ends.
fn is_member_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    !bytes.is_empty()
        && bytes[0].is_ascii_alphanumeric()
        && bytes[bytes.len() - 1].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
}

/// The keys of an object, in order.
fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

/// A JSON document that keeps member order, for order checks.
enum Node {
    Leaf,
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl<'de> serde::Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;
        impl<'de> serde::de::Visitor<'de> for NodeVisitor {
            type Value = Node;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_str<E>(self, _: &str) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_unit<E>(self) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Node::Array(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Node::Object(members))
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

/// The member names, in order, of the object at `pointer` (`/errors/0`) in `raw`.
fn ordered_keys(raw: &[u8], pointer: &str) -> Vec<String> {
    let mut node: Node = serde_json::from_slice(raw).expect("JSON");
    for step in pointer.split('/').skip(1) {
        node = match node {
            Node::Array(mut items) => items.swap_remove(step.parse::<usize>().unwrap()),
            Node::Object(members) => {
                members
                    .into_iter()
                    .find(|(name, _)| name == step)
                    .unwrap_or_else(|| panic!("no {step} in {pointer}"))
                    .1
            }
            Node::Leaf => panic!("{pointer} is not an object"),
        };
    }
    match node {
        Node::Object(members) => members.into_iter().map(|(name, _)| name).collect(),
        _ => panic!("{pointer} is not an object"),
    }
}

fn check_jsonapi(status: u16, content_type: &str, body: &Value, raw: &[u8], violations: usize) {
    assert_eq!(
        content_type, "application/vnd.api+json",
        "no media type parameters"
    );
    assert_eq!(
        keys(body),
        ["errors"],
        "an error document holds `errors` only"
    );
    let objects = body["errors"].as_array().expect("`errors` is an array");
    assert_eq!(
        objects.len(),
        violations.max(1),
        "one object per violation: {body}"
    );
    const ORDER: [&str; 8] = [
        "id", "links", "status", "code", "title", "detail", "source", "meta",
    ];
    for (i, object) in objects.iter().enumerate() {
        let names = ordered_keys(raw, &format!("/errors/{i}"));
        let positions: Vec<usize> = names
            .iter()
            .map(|n| {
                ORDER
                    .iter()
                    .position(|o| o == n)
                    .unwrap_or_else(|| panic!("unknown member {n}"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "member order: {names:?}"
        );
        assert_eq!(
            object["status"],
            Value::String(status.to_string()),
            "status is the HTTP status as a string"
        );
        for name in ["id", "code", "title", "detail"] {
            if let Some(member) = object.get(name) {
                assert!(member.is_string(), "{name} is a string: {object}");
            }
        }
        if let Some(links) = object.get("links") {
            assert!(!keys(links).is_empty());
            for name in keys(links) {
                assert!(["about", "type"].contains(&name), "links.{name}");
                assert!(
                    links[name].as_str().is_some_and(|l| l.contains(':')),
                    "an absolute link"
                );
            }
        }
        if let Some(source) = object.get("source") {
            assert_eq!(keys(source).len(), 1, "one source member: {source}");
            if let Some(pointer) = source.get("pointer") {
                assert!(
                    is_json_pointer(pointer.as_str().unwrap()),
                    "pointer {pointer}"
                );
            }
            for name in ["parameter", "header"] {
                if let Some(member) = source.get(name) {
                    assert!(member.is_string());
                }
            }
        }
        if let Some(meta) = object.get("meta") {
            assert!(!keys(meta).is_empty(), "an empty meta is omitted");
            assert!(
                keys(meta).iter().all(|n| is_member_name(n)),
                "meta names: {meta}"
            );
        }
    }
    assert_no_nulls(body, "");
}

fn check_problem(status: u16, content_type: &str, body: &Value) {
    assert_eq!(content_type, "application/problem+json");
    assert!(
        body["type"].as_str().is_some_and(|t| !t.contains(' ')),
        "type is a URI reference"
    );
    assert_eq!(
        body["status"],
        json!(status),
        "status equals the HTTP status"
    );
    for name in ["title", "detail", "instance"] {
        if let Some(member) = body.get(name) {
            assert!(member.is_string(), "{name}: {body}");
        }
    }
    if let Some(errors) = body.get("errors") {
        for item in errors.as_array().unwrap() {
            assert!(item["detail"].is_string());
            assert!(
                item["pointer"].as_str().unwrap().starts_with("#/"),
                "{item}"
            );
        }
    }
    assert_no_nulls(body, "");
}

fn check_boom(status: u16, content_type: &str, body: &Value, raw: &[u8], violations: usize) {
    assert_eq!(content_type, "application/json");
    assert_eq!(
        ordered_keys(raw, "")[..3],
        ["statusCode", "error", "message"],
        "{body}"
    );
    assert_eq!(body["statusCode"], json!(status));
    let phrase = apifault::phrase::nodejs(http::StatusCode::from_u16(status).unwrap());
    assert_eq!(body["error"], phrase.unwrap_or("Unknown"));
    assert!(body["message"].is_string());
    if status == 500 {
        assert_eq!(body["message"], "An internal server error occurred");
    }
    match body.get("errors") {
        None => assert_eq!(violations, 0, "violations are listed: {body}"),
        Some(errors) => {
            let errors = errors.as_array().unwrap();
            assert_eq!(errors.len(), violations);
            for (i, item) in errors.iter().enumerate() {
                assert_eq!(
                    ordered_keys(raw, &format!("/errors/{i}")),
                    ["message", "path", "type"]
                );
                assert!(item["message"].is_string() && item["type"].is_string());
                let path = item["path"].as_array().unwrap();
                assert!(path.iter().all(|s| s.is_string() || s.is_u64()), "{item}");
            }
        }
    }
    assert_no_nulls(body, "");
}

fn check_awork(content_type: &str, body: &Value, raw: &[u8], violations: usize) {
    assert_eq!(content_type, "application/json");
    assert_eq!(
        ordered_keys(raw, ""),
        ["code", "description", "link", "details", "validationErrors"]
    );
    for name in ["code", "description", "link"] {
        assert!(body[name].is_string(), "{name}");
    }
    assert!(body["details"].is_array());
    let items = body["validationErrors"].as_array().unwrap();
    assert_eq!(items.len(), violations);
    for i in 0..items.len() {
        assert_eq!(
            ordered_keys(raw, &format!("/validationErrors/{i}")),
            ["property", "message"]
        );
    }
    assert_no_nulls(body, "");
}

fn check_kiteworks(content_type: &str, body: &Value, raw: &[u8]) {
    assert_eq!(content_type, "application/json");
    let names = ordered_keys(raw, "");
    assert_eq!(names[0], "code");
    let message = if names[1] == "field" { 2 } else { 1 };
    assert_eq!(names[message], "message", "{body}");
    assert!(body["code"].is_string() && body["message"].is_string());
    assert_no_nulls(body, "");
}

fn check_pax8(
    status: u16,
    content_type: &str,
    body: &Value,
    raw: &[u8],
    violations: usize,
    support: bool,
) {
    assert_eq!(content_type, "application/json");
    assert_eq!(
        ordered_keys(raw, "")[..5],
        ["type", "message", "instance", "status", "details"]
    );
    assert_eq!(body["status"], json!(status));
    let details = body["details"].as_array().unwrap();
    assert_eq!(details.len(), violations + usize::from(support));
    for item in &details[..violations] {
        assert!(item["type"].is_string() && item["message"].is_string());
        assert_eq!(
            item["status"],
            json!(status),
            "an integer, as every Pax8 schema types it"
        );
    }
    if support {
        assert_eq!(keys(details.last().unwrap()), ["supportId"]);
    }
    assert_no_nulls(body, "");
}

#[test]
fn every_format_follows_its_specification() {
    let mut checked = 0;
    for context in contexts() {
        let support = context.request_id.is_some();
        for error in samples() {
            let status = error.status().as_u16();
            let violations = error.violations().len();
            let (s, ct, body, raw) = render_raw::<JsonApi, _>(&error, &context);
            assert_eq!(s, status);
            check_jsonapi(s, &ct, &body, &raw, violations);
            let (s, ct, body) = render::<Problem, _>(&error, &context);
            check_problem(s, &ct, &body);
            let (s, ct, body, raw) = render_raw::<Boom, _>(&error, &context);
            check_boom(s, &ct, &body, &raw, violations);
            let (_, ct, body, raw) = render_raw::<awork::Awork, _>(&error, &context);
            check_awork(&ct, &body, &raw, violations);
            let (_, ct, body, raw) = render_raw::<kiteworks::Kiteworks, _>(&error, &context);
            check_kiteworks(&ct, &body, &raw);
            let (s, ct, body, raw) = render_raw::<pax8::Pax8, _>(&error, &context);
            check_pax8(s, &ct, &body, &raw, violations, support);
            checked += 1;
        }
        let (s, ct, body, raw) = render_raw::<JsonApi, _>(&Typed::QuotaExceeded, &context);
        check_jsonapi(s, &ct, &body, &raw, 0);
    }
    assert_eq!(checked, 18);
}

#[test]
fn spec_checks_reject_what_the_specs_forbid() {
    // The hand-written checks are not vacuous either.
    assert!(is_json_pointer("/data/attributes/a~1b"));
    assert!(!is_json_pointer("data/id"));
    assert!(!is_json_pointer("/a~2"));
    assert!(is_member_name("provided_guid") && !is_member_name("_x") && !is_member_name("a b"));
    let jsonapi = |raw: &str| {
        let body: Value = serde_json::from_str(raw).unwrap();
        std::panic::catch_unwind(|| {
            check_jsonapi(422, "application/vnd.api+json", &body, raw.as_bytes(), 0)
        })
    };
    assert!(jsonapi(r#"{"errors":[{"status":"422","title":"t"}]}"#).is_ok());
    assert!(
        jsonapi(r#"{"errors":[{"status":422}]}"#).is_err(),
        "numeric status"
    );
    assert!(
        jsonapi(r#"{"errors":[{"status":"422","detail":null}]}"#).is_err(),
        "null"
    );
    assert!(
        jsonapi(r#"{"errors":[{"title":"t","status":"422"}]}"#).is_err(),
        "order"
    );
    assert!(
        jsonapi(r#"{"errors":[{"status":"422","source":{"pointer":"data"}}]}"#).is_err(),
        "pointer"
    );
}

//! The built-in `JsonApi` and `Boom` formats member by member, status phrases per format,
//! and 5xx masking in every format, built-in and house (`examples/formats/`).

#[path = "../examples/formats/awork.rs"]
mod awork;
#[path = "../examples/formats/kiteworks.rs"]
mod kiteworks;
#[path = "../examples/formats/pax8.rs"]
mod pax8;

use std::fmt;

use apifault::{
    ApiError, Boom, Context, FieldViolation, Format, JsonApi, PathSegment, Problem, phrase,
};
use http::StatusCode;
use serde_json::{Value, json};

fn raw<F: Format, E: ApiError>(error: &E, context: &Context<'_>) -> String {
    String::from_utf8(error.to_response_in::<F>(context).into_body()).expect("UTF-8")
}

fn value<F: Format, E: ApiError>(error: &E, context: &Context<'_>) -> Value {
    serde_json::from_slice(error.to_response_in::<F>(context).body()).expect("JSON")
}

fn none() -> Context<'static> {
    Context::new()
}

// ---------------------------------------------------------------------------------------
// JsonApi

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, rename_all = "kebab-case")]
enum ArticleError {
    #[error("article {id} has no title")]
    #[status(422)]
    #[title("Missing title")]
    #[api_error(
        id = "err-{id}",
        link = "https://docs.example.com/errors/missing-title?article={id}",
        type = "https://docs.example.com/errors/missing-title",
        source(pointer = "/data/attributes/{field}")
    )]
    MissingTitle {
        id: u64,
        field: &'static str,
        #[api_error(expose)]
        revision: u32,
        #[api_error(expose = "draft")]
        is_draft: bool,
    },

    #[error("unknown sort field {0:?}")]
    #[status(400)]
    #[api_error(source(parameter = "sort"))]
    BadSort(String),

    #[error("stale precondition")]
    #[status(412)]
    #[code("stale")]
    #[api_error(source(header = "If-Match"))]
    Stale,

    #[error("invalid article")]
    #[status(422)]
    #[message("The article is invalid.")]
    #[api_error(source(pointer = "/data/attributes"))]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("invalid document")]
    #[status(400)]
    InvalidDocument {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("upload of {0} bytes is too large")]
    #[status(413)]
    TooLarge(u64),

    #[error("blocked")]
    #[status(490)]
    Blocked,

    #[error("storage: {0}")]
    #[status(503)]
    Storage(#[source] std::io::Error),

    #[error(transparent)]
    #[api_error(transparent)]
    Auth(#[from] AuthError),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi)]
enum AuthError {
    #[error("token expired")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Bearer"), source(header = "Authorization"))]
    Expired,
}

#[test]
fn jsonapi_writes_every_member_in_order() {
    let error = ArticleError::MissingTitle {
        id: 42,
        field: "title",
        revision: 3,
        is_draft: true,
    };
    assert_eq!(
        raw::<JsonApi, _>(&error, &none()),
        concat!(
            r#"{"errors":[{"id":"err-42","#,
            r#""links":{"about":"https://docs.example.com/errors/missing-title?article=42","type":"https://docs.example.com/errors/missing-title"},"#,
            r#""status":"422","code":"missing-title","title":"Missing title","detail":"article 42 has no title","#,
            r#""source":{"pointer":"/data/attributes/title"},"meta":{"revision":3,"draft":true}}]}"#
        )
    );
    let response = error.to_response();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.headers()[http::header::CONTENT_TYPE],
        "application/vnd.api+json"
    );
}

#[test]
fn jsonapi_id_is_declared_or_the_request_id() {
    let context = Context::new()
        .with_request_id("req-7")
        .with_instance("/articles/1");
    let declared = ArticleError::MissingTitle {
        id: 1,
        field: "title",
        revision: 1,
        is_draft: false,
    };
    assert_eq!(
        value::<JsonApi, _>(&declared, &context)["errors"][0]["id"],
        "err-1"
    );
    assert_eq!(
        value::<JsonApi, _>(&ArticleError::Stale, &context),
        json!({"errors": [{"id": "req-7", "status": "412", "code": "stale", "title": "Precondition Failed", "detail": "stale precondition", "source": {"header": "If-Match"}}]})
    );
    // Without either, no `id` member (and never `null`).
    assert_eq!(
        value::<JsonApi, _>(&ArticleError::Stale, &none())["errors"][0].get("id"),
        None
    );
}

#[test]
fn jsonapi_source_parameter_and_header() {
    assert_eq!(
        value::<JsonApi, _>(&ArticleError::BadSort("-nope".into()), &none()),
        json!({"errors": [{"status": "400", "code": "bad-sort", "title": "Bad Request", "detail": "unknown sort field \"-nope\"", "source": {"parameter": "sort"}}]})
    );
    // Through a transparent variant: everything comes from the inner error.
    let response = ArticleError::Auth(AuthError::Expired).to_response();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_eq!(
        serde_json::from_slice::<Value>(response.body()).unwrap(),
        json!({"errors": [{"status": "401", "code": "expired", "title": "Unauthorized", "detail": "token expired", "source": {"header": "Authorization"}}]})
    );
}

#[test]
fn jsonapi_renders_one_object_per_violation() {
    let error = ArticleError::Invalid {
        errors: vec![
            FieldViolation::new(["firstName"], "must not be blank").with_code("blank"),
            FieldViolation::new(
                [
                    PathSegment::from("tags"),
                    PathSegment::from(2),
                    PathSegment::from("a/b~c"),
                ],
                "is too long",
            ),
        ],
    };
    let context = Context::new().with_request_id("req-9");
    assert_eq!(
        value::<JsonApi, _>(&error, &context),
        json!({"errors": [
            {"id": "req-9", "status": "422", "code": "blank", "title": "Unprocessable Content", "detail": "must not be blank", "source": {"pointer": "/data/attributes/firstName"}},
            {"id": "req-9", "status": "422", "code": "invalid", "title": "Unprocessable Content", "detail": "is too long", "source": {"pointer": "/data/attributes/tags/2/a~1b~0c"}}
        ]})
    );
}

#[test]
fn jsonapi_violations_without_a_declared_pointer_and_empty_lists() {
    let error = ArticleError::InvalidDocument {
        errors: vec![
            FieldViolation::new(["data", "type"], "is required"),
            FieldViolation::new(Vec::<&'static str>::new(), "must be an object"),
        ],
    };
    assert_eq!(
        value::<JsonApi, _>(&error, &none()),
        json!({"errors": [
            {"status": "400", "code": "invalid-document", "title": "Bad Request", "detail": "is required", "source": {"pointer": "/data/type"}},
            // An empty path points at nothing in particular: no `source`.
            {"status": "400", "code": "invalid-document", "title": "Bad Request", "detail": "must be an object"}
        ]})
    );
    // No violations: the error itself is the one object.
    let error = ArticleError::Invalid { errors: Vec::new() };
    assert_eq!(
        value::<JsonApi, _>(&error, &none()),
        json!({"errors": [{"status": "422", "code": "invalid", "title": "Unprocessable Content", "detail": "The article is invalid.", "source": {"pointer": "/data/attributes"}}]})
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, code_in_body = false)]
enum QuietError {
    #[error("invalid")]
    #[status(400)]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },
}

#[test]
fn jsonapi_code_in_body_false_keeps_violation_codes() {
    let error = QuietError::Invalid {
        errors: vec![
            FieldViolation::new(["a"], "bad").with_code("a.bad"),
            FieldViolation::new(["b"], "worse"),
        ],
    };
    assert_eq!(
        value::<JsonApi, _>(&error, &none()),
        json!({"errors": [
            {"status": "400", "code": "a.bad", "title": "Bad Request", "detail": "bad", "source": {"pointer": "/a"}},
            {"status": "400", "title": "Bad Request", "detail": "worse", "source": {"pointer": "/b"}}
        ]})
    );
}

#[test]
fn jsonapi_titles_follow_rfc_9110() {
    assert_eq!(
        value::<JsonApi, _>(&ArticleError::TooLarge(9), &none()),
        json!({"errors": [{"status": "413", "code": "too-large", "title": "Content Too Large", "detail": "upload of 9 bytes is too large"}]})
    );
    // 490 has no registered phrase: no title rather than an invented one.
    assert_eq!(
        value::<JsonApi, _>(&ArticleError::Blocked, &none()),
        json!({"errors": [{"status": "490", "code": "blocked", "detail": "blocked"}]})
    );
}

#[test]
fn jsonapi_5xx_has_no_detail() {
    let error = ArticleError::Storage(std::io::Error::other("disk full"));
    assert_eq!(
        value::<JsonApi, _>(&error, &none()),
        json!({"errors": [{"status": "503", "code": "storage", "title": "Service Unavailable"}]})
    );
}

// ---------------------------------------------------------------------------------------
// Boom

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Boom, rename_all = "kebab-case")]
enum StepError {
    #[error("step {name:?} already started")]
    #[status(409)]
    AlreadyStarted {
        #[api_error(expose)]
        name: String,
        #[api_error(expose = "stepIndex")]
        index: usize,
    },

    #[error("invalid steps")]
    #[status(400)]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("short and stout")]
    #[status(418)]
    Teapot,

    #[error("the file is {0} bytes")]
    #[status(413)]
    TooLarge(u64),

    #[error("the case fails rule {0}")]
    #[status(422)]
    Rule(&'static str),

    #[error("blocked")]
    #[status(490)]
    Blocked,

    #[error("crashed: {0}")]
    #[status(500)]
    #[message("Declared, yet hapi hides every 500 message")]
    Crashed(String),

    #[error("gateway {0}")]
    #[status(502)]
    Gateway(String),

    #[error("maintenance")]
    #[status(503)]
    #[message("Back at 10:00 UTC")]
    Maintenance,
}

#[test]
fn boom_writes_hapi_members_then_exposed_fields() {
    let error = StepError::AlreadyStarted {
        name: "sign".into(),
        index: 2,
    };
    assert_eq!(
        raw::<Boom, _>(&error, &Context::new().with_request_id("ignored")),
        r#"{"statusCode":409,"error":"Conflict","message":"step \"sign\" already started","name":"sign","stepIndex":2}"#
    );
    assert_eq!(
        error.to_response().headers()[http::header::CONTENT_TYPE],
        "application/json"
    );
}

#[test]
fn boom_violations_are_joi_details() {
    let error = StepError::Invalid {
        errors: vec![
            FieldViolation::new(
                [
                    PathSegment::from("steps"),
                    PathSegment::from(0),
                    PathSegment::from("title"),
                ],
                "\"title\" is required",
            )
            .with_code("any.required"),
            FieldViolation::new(["owner"], "must be an email"),
        ],
    };
    assert_eq!(
        raw::<Boom, _>(&error, &none()),
        concat!(
            r#"{"statusCode":400,"error":"Bad Request","message":"invalid steps","errors":["#,
            r#"{"message":"\"title\" is required","path":["steps",0,"title"],"type":"any.required"},"#,
            r#"{"message":"must be an email","path":["owner"],"type":"invalid"}]}"#
        )
    );
    // An empty list writes no `errors` member, as hapi only adds it for validation failures.
    assert_eq!(
        value::<Boom, _>(&StepError::Invalid { errors: Vec::new() }, &none()),
        json!({"statusCode": 400, "error": "Bad Request", "message": "invalid steps"})
    );
}

#[test]
fn boom_phrases_are_node_js_ones() {
    let cases: [(StepError, Value); 4] = [
        (
            StepError::Teapot,
            json!({"statusCode": 418, "error": "I'm a Teapot", "message": "short and stout"}),
        ),
        (
            StepError::TooLarge(5),
            json!({"statusCode": 413, "error": "Payload Too Large", "message": "the file is 5 bytes"}),
        ),
        (
            StepError::Rule("R1"),
            json!({"statusCode": 422, "error": "Unprocessable Entity", "message": "the case fails rule R1"}),
        ),
        (
            StepError::Blocked,
            json!({"statusCode": 490, "error": "Unknown", "message": "blocked"}),
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(value::<Boom, _>(&error, &none()), expected, "{error:?}");
    }
}

#[test]
fn boom_masks_every_500_and_names_other_5xx() {
    assert_eq!(
        value::<Boom, _>(&StepError::Crashed("segfault".into()), &none()),
        json!({"statusCode": 500, "error": "Internal Server Error", "message": "An internal server error occurred"})
    );
    assert_eq!(
        value::<Boom, _>(&StepError::Gateway("10.0.0.7".into()), &none()),
        json!({"statusCode": 502, "error": "Bad Gateway", "message": "Bad Gateway"})
    );
    assert_eq!(
        value::<Boom, _>(&StepError::Maintenance, &none()),
        json!({"statusCode": 503, "error": "Service Unavailable", "message": "Back at 10:00 UTC"})
    );
}

// ---------------------------------------------------------------------------------------
// 413 and 422 in every format: RFC 9110 names for the standards-based formats, Node.js
// names for Boom; house formats carry the message, which 4xx always have.

#[derive(Debug, thiserror::Error, ApiError)]
enum SizeError {
    #[error("the body exceeds {0} bytes")]
    #[status(PAYLOAD_TOO_LARGE)]
    TooLarge(u32),

    #[error("the order is closed")]
    #[status(UNPROCESSABLE_ENTITY)]
    Closed,
}

#[test]
fn phrases_for_413_and_422_in_every_format() {
    assert_eq!(
        phrase::rfc9110(StatusCode::PAYLOAD_TOO_LARGE),
        Some("Content Too Large")
    );
    assert_eq!(
        phrase::nodejs(StatusCode::PAYLOAD_TOO_LARGE),
        Some("Payload Too Large")
    );
    assert_eq!(
        phrase::rfc9110(StatusCode::UNPROCESSABLE_ENTITY),
        Some("Unprocessable Content")
    );
    assert_eq!(
        phrase::nodejs(StatusCode::UNPROCESSABLE_ENTITY),
        Some("Unprocessable Entity")
    );

    let large = SizeError::TooLarge(1024);
    let closed = SizeError::Closed;
    let cx = Context::new().with_instance("/orders/1");
    assert_eq!(
        value::<Problem, _>(&large, &cx),
        json!({"type": "about:blank", "title": "Content Too Large", "status": 413, "detail": "the body exceeds 1024 bytes", "instance": "/orders/1", "code": "too_large"})
    );
    assert_eq!(
        value::<Problem, _>(&closed, &cx),
        json!({"type": "about:blank", "title": "Unprocessable Content", "status": 422, "detail": "the order is closed", "instance": "/orders/1", "code": "closed"})
    );
    assert_eq!(
        value::<JsonApi, _>(&large, &cx),
        json!({"errors": [{"status": "413", "code": "too_large", "title": "Content Too Large", "detail": "the body exceeds 1024 bytes"}]})
    );
    assert_eq!(
        value::<JsonApi, _>(&closed, &cx),
        json!({"errors": [{"status": "422", "code": "closed", "title": "Unprocessable Content", "detail": "the order is closed"}]})
    );
    assert_eq!(
        value::<Boom, _>(&large, &cx),
        json!({"statusCode": 413, "error": "Payload Too Large", "message": "the body exceeds 1024 bytes"})
    );
    assert_eq!(
        value::<Boom, _>(&closed, &cx),
        json!({"statusCode": 422, "error": "Unprocessable Entity", "message": "the order is closed"})
    );
    assert_eq!(
        value::<awork::Awork, _>(&closed, &cx),
        json!({"code": "closed", "description": "the order is closed", "link": "", "details": [], "validationErrors": []})
    );
    assert_eq!(
        value::<kiteworks::Kiteworks, _>(&large, &cx),
        json!({"code": "too_large", "message": "the body exceeds 1024 bytes"})
    );
    assert_eq!(
        value::<pax8::Pax8, _>(&closed, &cx),
        json!({"type": "closed", "message": "the order is closed", "instance": "/orders/1", "status": 422, "details": []})
    );
    for (error, status) in [(&large, 413), (&closed, 422)] {
        for response in every_format(error, &cx) {
            assert_eq!(response.status().as_u16(), status);
        }
    }
}

// ---------------------------------------------------------------------------------------
// 5xx masking in every format

const MARKER: &str = "SECRET-7f3a9c-MARKER";

/// A source error whose Display and Debug both hold the marker.
struct Leaky;

impl fmt::Display for Leaky {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "connection to {MARKER} refused")
    }
}

impl fmt::Debug for Leaky {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Leaky({MARKER})")
    }
}

impl std::error::Error for Leaky {}

#[derive(Debug, thiserror::Error, ApiError)]
enum ServerError {
    #[error("database failed: {0}")]
    #[status(500)]
    Database(#[source] Leaky),

    #[error("upstream {host} failed")]
    #[status(502)]
    Upstream {
        host: String,
        #[api_error(expose)]
        attempt: u32,
    },

    #[error("maintenance on {node}")]
    #[status(503)]
    #[title("Down for maintenance")]
    #[message("Try again in {minutes} minutes.")]
    #[api_error(header("Retry-After" = "{seconds}"))]
    Maintenance {
        node: String,
        minutes: u32,
        seconds: u32,
    },

    #[error("{0}")]
    #[status(504)]
    Timeout(String),
}

/// The response in every format, built-in and house.
fn every_format<E: ApiError>(error: &E, cx: &Context<'_>) -> Vec<http::Response<Vec<u8>>> {
    vec![
        error.to_response_in::<Problem>(cx),
        error.to_response_in::<JsonApi>(cx),
        error.to_response_in::<Boom>(cx),
        error.to_response_in::<awork::Awork>(cx),
        error.to_response_in::<kiteworks::Kiteworks>(cx),
        error.to_response_in::<pax8::Pax8>(cx),
    ]
}

#[test]
fn five_hundreds_never_leak_in_any_format() {
    let errors = [
        ServerError::Database(Leaky),
        ServerError::Upstream {
            host: MARKER.into(),
            attempt: 3,
        },
        ServerError::Maintenance {
            node: MARKER.into(),
            minutes: 5,
            seconds: 300,
        },
        ServerError::Timeout(MARKER.into()),
    ];
    let cx = Context::new()
        .with_instance("/cases/1")
        .with_request_id("req-1");
    for error in &errors {
        // The marker is really there, for the logs.
        assert!(format!("{error} {error:?}").contains(MARKER));
        for response in every_format(error, &cx) {
            assert!(response.status().is_server_error());
            let body = String::from_utf8(response.body().clone()).unwrap();
            serde_json::from_str::<Value>(&body).expect("valid JSON");
            assert!(!body.contains(MARKER), "{error:?} leaked: {body}");
            assert!(
                !body.contains("refused"),
                "{error:?} leaked its source: {body}"
            );
            for (name, value) in response.headers() {
                assert!(
                    !String::from_utf8_lossy(value.as_bytes()).contains(MARKER),
                    "{error:?} leaked in {name}"
                );
            }
        }
    }
}

#[test]
fn five_hundreds_keep_declared_and_exposed_text() {
    let maintenance = ServerError::Maintenance {
        node: MARKER.into(),
        minutes: 5,
        seconds: 300,
    };
    let cx = none();
    assert_eq!(
        value::<JsonApi, _>(&maintenance, &cx),
        json!({"errors": [{"status": "503", "code": "maintenance", "title": "Down for maintenance", "detail": "Try again in 5 minutes."}]})
    );
    assert_eq!(
        value::<Boom, _>(&maintenance, &cx),
        json!({"statusCode": 503, "error": "Service Unavailable", "message": "Try again in 5 minutes."})
    );
    assert_eq!(
        maintenance.to_response_in::<Boom>(&cx).headers()["retry-after"],
        "300"
    );
    let upstream = ServerError::Upstream {
        host: MARKER.into(),
        attempt: 3,
    };
    assert_eq!(
        value::<Boom, _>(&upstream, &cx),
        json!({"statusCode": 502, "error": "Bad Gateway", "message": "Bad Gateway", "attempt": 3})
    );
    assert_eq!(
        value::<JsonApi, _>(&upstream, &cx),
        json!({"errors": [{"status": "502", "code": "upstream", "title": "Bad Gateway", "meta": {"attempt": 3}}]})
    );
    assert_eq!(
        value::<awork::Awork, _>(&upstream, &cx),
        json!({"code": "upstream", "description": "Bad Gateway", "link": "", "details": [], "validationErrors": []})
    );
    assert_eq!(
        value::<kiteworks::Kiteworks, _>(&upstream, &cx),
        json!({"code": "upstream", "message": "Bad Gateway", "attempt": 3})
    );
    assert_eq!(
        value::<pax8::Pax8, _>(&upstream, &cx),
        json!({"type": "upstream", "message": "Bad Gateway", "instance": "", "status": 502, "details": [], "attempt": 3})
    );
}

// ---------------------------------------------------------------------------------------
// Rendering never panics and stays valid JSON, whatever the strings hold.

#[derive(Debug, thiserror::Error, ApiError)]
enum WildError {
    #[error("{text}")]
    #[status(400)]
    #[api_error(id = "{text}", source(pointer = "/data/{text}"), link = "{text}")]
    Wild {
        text: String,
        #[api_error(expose)]
        echo: String,
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },
}

#[test]
fn odd_strings_stay_valid_json_in_every_format() {
    let text = "\"quotes\" \\ back\nslash \u{0} nul \u{1F600} </script> {{braces}} ~/";
    let error = WildError::Wild {
        text: text.into(),
        echo: text.into(),
        errors: vec![FieldViolation::new([text.to_owned()], text)],
    };
    for response in every_format(
        &error,
        &Context::new().with_instance(text).with_request_id(text),
    ) {
        let body: Value = serde_json::from_slice(response.body()).expect("valid JSON");
        assert!(body.to_string().contains("</script>"));
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi)]
enum PointerError {
    #[error("bad member {name}")]
    #[status(422)]
    #[api_error(source(pointer = "/data/attributes/{name}/{index}/{index:x}/{name:?}"))]
    BadMember { name: String, index: usize },
}

#[test]
fn interpolated_pointer_values_are_escaped_reference_tokens() {
    let error = PointerError::BadMember {
        name: "a/b~c".into(),
        index: 26,
    };
    assert_eq!(
        value::<JsonApi, _>(&error, &none())["errors"][0]["source"]["pointer"],
        r#"/data/attributes/a~1b~0c/26/1a/"a~1b~0c""#
    );
}

// ---------------------------------------------------------------------------------------
// Rendering in a format other than the declared one

/// Declared for JSON:API, where exposed fields go under `meta` and no name is reserved:
/// these names are fine there, but each is a member Problem, Boom or Pax8 write themselves.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi)]
enum ForeignNames {
    #[error("conflict")]
    #[status(409)]
    Clash {
        #[api_error(expose)]
        status: u16,
        #[api_error(expose = "type")]
        kind: &'static str,
        #[api_error(expose)]
        message: &'static str,
        #[api_error(expose)]
        details: Vec<u8>,
        #[api_error(expose)]
        kept: bool,
    },
}

fn clash() -> ForeignNames {
    ForeignNames::Clash {
        status: 200,
        kind: "spoofed",
        message: "spoofed",
        details: vec![1],
        kept: true,
    }
}

/// How often `"name":` stands in `body` as a member name.
fn occurrences(body: &str, name: &str) -> usize {
    body.matches(&format!("\"{name}\":")).count()
}

#[test]
fn a_foreign_format_never_repeats_a_member_it_writes_itself() {
    let error = clash();
    let problem = raw::<Problem, _>(&error, &none());
    for name in ["status", "type"] {
        assert_eq!(occurrences(&problem, name), 1, "{name} in {problem}");
    }
    let parsed = value::<Problem, _>(&error, &none());
    assert_eq!(
        (&parsed["status"], &parsed["type"]),
        (&json!(409), &json!("about:blank")),
        "{problem}"
    );
    // Problem writes no `message` or `details`: those stay extension members there.
    assert_eq!(
        (&parsed["message"], &parsed["kept"]),
        (&json!("spoofed"), &json!(true))
    );

    let boom = raw::<Boom, _>(&error, &none());
    assert_eq!(occurrences(&boom, "message"), 1, "{boom}");
    assert_eq!(value::<Boom, _>(&error, &none())["statusCode"], 409);
    assert_eq!(
        value::<Boom, _>(&error, &none())["message"],
        "conflict",
        "{boom}"
    );
    // Boom writes no `type` or `status`: those stay exposed members there.
    assert_eq!(value::<Boom, _>(&error, &none())["status"], 200);

    let pax8 = raw::<pax8::Pax8, _>(&error, &none());
    for name in ["status", "type", "message", "details"] {
        assert_eq!(occurrences(&pax8, name), 1, "{name} in {pax8}");
    }
    assert_eq!(value::<pax8::Pax8, _>(&error, &none())["status"], 409);

    // In its own format every name is an ordinary `meta` member.
    let own = value::<JsonApi, _>(&error, &none());
    assert_eq!(
        own["errors"][0]["meta"],
        json!({"status": 200, "type": "spoofed", "message": "spoofed", "details": [1], "kept": true})
    );
}

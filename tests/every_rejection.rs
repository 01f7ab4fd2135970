//! The sweep of issue 11: each kind of bad request, over real loopback HTTP, to the axum
//! and the actix-web example services. Every non-2xx answer is RFC 9457 (content type,
//! schema, `status` member equal to the response's, `instance`, request id in body and
//! header), echoes none of what was sent, and both services answer the same request with
//! the same status and body up to the request id.

mod http_support;

use http::Method;
use http_support::{Client, ExampleActix, Reply, serve_example_axum};
use jsonschema::Validator;
use serde_json::{Value, json};

/// One bad request, what it must answer, and what of it must not come back.
struct Case {
    what: &'static str,
    method: Method,
    path: &'static str,
    headers: Vec<(&'static str, String)>,
    body: String,
    status: u16,
    code: &'static str,
    secrets: Vec<String>,
}

fn case(
    what: &'static str,
    method: Method,
    path: &'static str,
    status: u16,
    code: &'static str,
) -> Case {
    Case {
        what,
        method,
        path,
        headers: Vec::new(),
        body: String::new(),
        status,
        code,
        secrets: Vec::new(),
    }
}

impl Case {
    fn json(mut self, body: impl Into<String>) -> Self {
        self.headers
            .push(("content-type", "application/json".to_owned()));
        self.body = body.into();
        self
    }

    fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    fn secret(mut self, text: impl Into<String>) -> Self {
        self.secrets.push(text.into());
        self
    }
}

fn cases() -> Vec<Case> {
    let hostile_id = format!("{}<script>", "x".repeat(140));
    vec![
        case("unknown route", Method::GET, "/nowhere", 404, "no_route"),
        case(
            "wrong method",
            Method::DELETE,
            "/cases/1",
            405,
            "method_not_allowed",
        ),
        case(
            "wrong method on a collection",
            Method::PUT,
            "/cases",
            405,
            "method_not_allowed",
        ),
        Case {
            body: r#"{"name":"x","priority":1}"#.into(),
            ..case(
                "no content type",
                Method::POST,
                "/cases",
                415,
                "unsupported_media_type",
            )
        },
        case(
            "malformed JSON",
            Method::POST,
            "/cases",
            400,
            "invalid_json",
        )
        .json(r#"{"name":"#),
        case("wrong type", Method::POST, "/cases", 422, "invalid_body")
            .json(r#"{"name":"Hail","priority":1715.0}"#)
            .secret("1715"),
        case("missing field", Method::POST, "/cases", 422, "invalid_body")
            .json(r#"{"name":"Hail"}"#)
            .secret("Hail"),
        case(
            "oversized body",
            Method::POST,
            "/cases",
            413,
            "payload_too_large",
        )
        .json(format!(
            r#"{{"name":"{}","priority":1}}"#,
            "z".repeat(3_000_000)
        ))
        // The server answers before reading the body, then closes the connection: a
        // client that pooled it would see the next request fail under load.
        .header("connection", "close")
        .secret("zzzz"),
        case(
            "bad path parameter",
            Method::GET,
            "/cases/abc",
            400,
            "invalid_path",
        ),
        case(
            "query parameter of the wrong type",
            Method::GET,
            "/cases?limit=lots",
            400,
            "invalid_query",
        )
        .secret("lots"),
        case(
            "unknown enum value in the query",
            Method::GET,
            "/cases?limit=5&order=sideways",
            400,
            "invalid_query",
        )
        .secret("sideways"),
        case(
            "missing query parameter",
            Method::GET,
            "/cases?order=newest",
            400,
            "invalid_query",
        ),
        case(
            "unknown query parameter",
            Method::GET,
            "/cases?limit=5&sneaky=%3Cscript%3E",
            400,
            "invalid_query",
        )
        .secret("script"),
        case(
            "timeout",
            Method::GET,
            "/reports/slow",
            408,
            "request_timeout",
        ),
        case(
            "handler panics",
            Method::GET,
            "/reports/crash",
            500,
            "internal_error",
        )
        .secret("hunter2")
        .secret("crashed"),
        case(
            "hostile request id",
            Method::GET,
            "/cases/42",
            404,
            "not_found",
        )
        .header("x-request-id", hostile_id.clone())
        .secret("<script>"),
    ]
}

fn problem_schema() -> Option<Validator> {
    let schema = apifault_suite::shared_schema("rfc9457-problem-details.schema.json")?;
    Some(
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the schema compiles"),
    )
}

/// Checks one answer; returns its body without the request id.
fn check(framework: &str, case: &Case, reply: &Reply, schema: Option<&Validator>) -> Value {
    let what = format!("{framework}, {}", case.what);
    assert_eq!(
        reply.status,
        case.status,
        "{what}: {}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(
        reply.header("content-type"),
        "application/problem+json",
        "{what}"
    );
    let mut body = reply.json();
    if let Some(schema) = schema {
        let errors: Vec<String> = schema.iter_errors(&body).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{what}: {body}\n{errors:#?}");
    }
    assert_eq!(body["status"], case.status, "{what}");
    assert_eq!(body["code"], case.code, "{what}");
    assert_eq!(
        body["type"],
        format!("https://docs.example.com/errors/{}", case.code),
        "{what}: CaseError's type_base"
    );
    let path = case.path.split('?').next().unwrap_or_default();
    assert_eq!(body["instance"], path, "{what}: never the query string");
    let id = reply.header("x-request-id");
    assert_eq!(body["request_id"], id, "{what}");
    assert!(
        id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{what}: a fresh id, {id}"
    );
    let text = body.to_string();
    for secret in &case.secrets {
        assert!(
            !text.contains(secret.as_str()),
            "{what} echoes {secret:?}: {text}"
        );
    }
    body.as_object_mut()
        .expect("an object")
        .remove("request_id");
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_request_answers_alike_on_both_frameworks() {
    let schema = problem_schema();
    let axum = serve_example_axum().await.unpooled();
    let actix_server = ExampleActix::start();
    let actix = actix_server.client().unpooled();
    for case in cases() {
        let headers: Vec<(&str, &str)> = case
            .headers
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        let mut bodies = Vec::new();
        for (framework, client) in [("axum", &axum), ("actix-web", &actix)] {
            let reply = send(client, &case, &headers).await;
            bodies.push(check(framework, &case, &reply, schema.as_ref()));
            if case.status == 405 {
                assert!(
                    reply.headers.contains_key("allow"),
                    "{framework}: {}",
                    case.what
                );
            }
        }
        assert_eq!(bodies[0], bodies[1], "{}: axum, then actix-web", case.what);
    }
}

/// Sends `case`. The server answers an oversized body (413) before reading it and closes
/// the connection, so on a loaded machine the client can see the close while it still
/// writes, before the answer: that send is tried again, up to five times. What is checked
/// is the answer, which is the same every time.
async fn send(client: &Client, case: &Case, headers: &[(&str, &str)]) -> Reply {
    let mut attempts = 0;
    loop {
        attempts += 1;
        match client
            .try_send(case.method.clone(), case.path, headers, &case.body)
            .await
        {
            Ok(reply) => return reply,
            Err(error) if case.status == 413 && attempts < 5 => {
                eprintln!("{}: {error}; sending again", case.what);
            }
            Err(error) => panic!("{}: {} {error}", case.what, case.path),
        }
    }
}

/// The violations name the member at fault, with serde's kind as the code.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn violations_carry_the_pointer_and_a_code() {
    let axum = serve_example_axum().await.unpooled();
    let actix_server = ExampleActix::start();
    let actix = actix_server.client().unpooled();
    let expected = [
        (
            r#"{"name":"Hail","priority":"high"}"#,
            json!([{"detail": "expected i64", "pointer": "#/priority", "code": "invalid_type"}]),
        ),
        (
            r#"{"name":"Hail"}"#,
            json!([{"detail": "is required", "pointer": "#/priority", "code": "missing_field"}]),
        ),
    ];
    for client in [&axum, &actix] {
        for (body, errors) in &expected {
            let reply = client.post_json("/cases", body).await;
            assert_eq!(reply.json()["errors"], *errors, "{body}");
            assert_eq!(
                reply.json()["type"],
                "https://docs.example.com/errors/invalid_body",
                "the rejection takes CaseError's type_base"
            );
        }
        let reply = client.get("/cases/abc").await;
        assert_eq!(
            reply.json()["errors"],
            json!([{"detail": "expected u64", "pointer": "#/id", "code": "invalid_type"}])
        );
    }
    // JSON:API's `source.pointer` is the member's pointer in the document sent (a plain
    // object here; `/data/attributes/priority` for a JSON:API resource document).
    let reply = axum.post_json("/jsonapi/cases", r#"{"name":"Hail"}"#).await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.json()["errors"][0]["source"]["pointer"], "/priority");
}

/// A bad query names the parameter, with serde's kind as the code and nothing of the
/// value sent, alike on both frameworks; a good one lists the cases.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn query_violations_name_the_parameter() {
    let axum = serve_example_axum().await.unpooled();
    let actix_server = ExampleActix::start();
    let actix = actix_server.client().unpooled();
    let expected = [
        (
            "/cases?limit=lots",
            json!([{"detail": "invalid digit found in string", "pointer": "#/limit", "code": "invalid_type"}]),
        ),
        (
            "/cases?limit=5&order=sideways",
            json!([{"detail": "expected `oldest` or `newest`", "pointer": "#/order", "code": "unknown_variant"}]),
        ),
        (
            "/cases?order=newest",
            json!([{"detail": "is required", "pointer": "#/limit", "code": "missing_field"}]),
        ),
        (
            "/cases?limit=5&sneaky=1",
            json!([{"detail": "is not allowed", "pointer": "#/sneaky", "code": "unknown_field"}]),
        ),
    ];
    for client in [&axum, &actix] {
        for (path, errors) in &expected {
            let reply = client.get(path).await;
            assert_eq!(reply.status, 400, "{path}");
            assert_eq!(reply.json()["errors"], *errors, "{path}");
        }
        let reply = client.get("/cases?limit=20&order=newest").await;
        assert_eq!(reply.status, 200);
        assert_eq!(reply.json()[0]["name"], "Flood claim");
    }
    // JSON:API names a query parameter in `source.parameter`.
    let reply = axum.get("/jsonapi/cases?limit=lots").await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json()["errors"][0]["source"],
        json!({"parameter": "limit"})
    );
}

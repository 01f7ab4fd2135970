//! The axum example service over real loopback HTTP: every failure route in the three
//! formats, the request-context layer and axum's rejections (the load run is `tests/load.rs`).

mod http_support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use apifault_suite::service::{app, cases};
use axum::serve::ListenerExt;
use http::Method;
use http_support::{Client, Reply};
use serde_json::{Value, json};

/// The example app on `127.0.0.1:0`, served on the test's runtime.
async fn serve() -> Client {
    serve_counting().await.0
}

/// `app` on `127.0.0.1:0`, served on the test's runtime.
async fn serve_router(app: axum::Router) -> Client {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let client = Client::new(listener.local_addr().expect("local address"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    client
}

/// The same, also counting the connections the server accepts.
async fn serve_counting() -> (Client, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let address = listener.local_addr().expect("local address");
    let connections = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&connections);
    let listener = listener.tap_io(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    tokio::spawn(async move { axum::serve(listener, app::app()).await });
    (Client::new(address), connections)
}

/// The generated request id: in the header, 32 lowercase hex digits.
fn generated_id(reply: &Reply) -> String {
    let id = reply.header("x-request-id");
    assert_eq!(id.len(), 32, "{id}");
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "{id}"
    );
    id.to_owned()
}

fn assert_problem(reply: &Reply, status: u16, expected: &Value) {
    assert_eq!(reply.status, status, "{}", reply.text());
    assert_eq!(reply.header("content-type"), "application/problem+json");
    assert_eq!(&reply.json(), expected);
}

#[tokio::test]
async fn not_found_exposes_the_field_with_instance_and_generated_request_id() {
    let client = serve().await;
    let reply = client.get("/cases/42").await;
    let id = generated_id(&reply);
    assert_problem(
        &reply,
        404,
        &json!({
            "type": "https://docs.example.com/errors/not_found",
            "title": "Not Found",
            "status": 404,
            "detail": "case 42 not found",
            "instance": "/cases/42",
            "code": "not_found",
            "request_id": id,
            "id": 42
        }),
    );
    // Every request gets its own id.
    let again = client.get("/cases/42").await;
    assert_ne!(generated_id(&again), id);
}

#[tokio::test]
async fn the_clients_request_id_is_echoed_in_body_and_header() {
    let client = serve().await;
    let reply = client
        .send(
            Method::GET,
            "/cases/42",
            &[("x-request-id", "req-7f3a")],
            "",
        )
        .await;
    assert_eq!(reply.header("x-request-id"), "req-7f3a");
    assert_eq!(reply.json()["request_id"], "req-7f3a");

    // One that is not plain visible ASCII, or too long, is replaced rather than echoed.
    for unusable in ["has space", &"x".repeat(129)] {
        let reply = client
            .send(Method::GET, "/cases/42", &[("x-request-id", unusable)], "")
            .await;
        let id = generated_id(&reply);
        assert_eq!(reply.json()["request_id"], id);
    }
}

#[tokio::test]
async fn successful_responses_carry_the_request_id_header_only() {
    let client = serve().await;
    let reply = client.get("/cases/1").await;
    assert_eq!(reply.status, 200);
    let _ = generated_id(&reply);
    assert_eq!(
        reply.json(),
        json!({"id": 1, "name": "Flood claim", "priority": 2})
    );
}

#[tokio::test]
async fn duplicate_is_409_with_the_name_exposed() {
    let client = serve().await;
    let reply = client
        .post_json("/cases", r#"{"name":"FLOOD CLAIM","priority":3}"#)
        .await;
    let id = generated_id(&reply);
    assert_problem(
        &reply,
        409,
        &json!({
            "type": "https://docs.example.com/errors/duplicate_name",
            "title": "Conflict",
            "status": 409,
            "detail": "A case with this name already exists.",
            "instance": "/cases",
            "code": "duplicate_name",
            "request_id": id,
            "name": "FLOOD CLAIM"
        }),
    );
    let created = client
        .post_json("/cases", r#"{"name":"Storm damage","priority":1}"#)
        .await;
    assert_eq!(created.status, 201);
    assert_eq!(
        created.json(),
        json!({"id": 2, "name": "Storm damage", "priority": 1})
    );
}

#[tokio::test]
async fn invalid_is_400_with_one_violation_per_field() {
    let client = serve().await;
    let reply = client
        .post_json("/cases", r#"{"name":"  ","priority":9}"#)
        .await;
    let id = generated_id(&reply);
    assert_problem(
        &reply,
        400,
        &json!({
            "type": "https://docs.example.com/errors/invalid",
            "title": "Bad Request",
            "status": 400,
            "detail": "The case is invalid. See `errors` for details.",
            "instance": "/cases",
            "code": "invalid",
            "request_id": id,
            "errors": [
                {"detail": "must not be blank", "pointer": "#/name", "code": "blank"},
                {"detail": "must be between 1 and 5", "pointer": "#/priority", "code": "out_of_range"}
            ]
        }),
    );
}

#[tokio::test]
async fn unauthorized_is_401_with_www_authenticate() {
    let client = serve().await;
    let reply = client.get("/me").await;
    assert_eq!(reply.header("www-authenticate"), r#"Bearer realm="cases""#);
    let id = generated_id(&reply);
    assert_problem(
        &reply,
        401,
        &json!({
            "type": "https://docs.example.com/errors/unauthorized",
            "title": "Unauthorized",
            "status": 401,
            "detail": "A valid bearer token is required.",
            "instance": "/me",
            "code": "unauthorized",
            "request_id": id
        }),
    );
    let ok = client
        .send(
            Method::GET,
            "/me",
            &[("authorization", "Bearer demo-token")],
            "",
        )
        .await;
    assert_eq!((ok.status, ok.text()), (200, "demo"));
}

#[tokio::test]
async fn rate_limited_is_429_with_retry_after() {
    let client = serve().await;
    let reply = client.get("/reports/export").await;
    assert_eq!(reply.header("retry-after"), "30");
    let id = generated_id(&reply);
    assert_problem(
        &reply,
        429,
        &json!({
            "type": "https://docs.example.com/errors/rate_limited",
            "title": "Too Many Requests",
            "status": 429,
            "detail": "Too many exports. Retry in 30 seconds.",
            "instance": "/reports/export",
            "code": "rate_limited",
            "request_id": id
        }),
    );
}

#[tokio::test]
async fn server_error_is_500_with_the_cause_masked_in_every_format() {
    let client = serve().await;
    let reply = client.get("/health/db").await;
    let id = generated_id(&reply);
    assert_problem(
        &reply,
        500,
        &json!({
            "type": "https://docs.example.com/errors/database",
            "title": "Internal Server Error",
            "status": 500,
            "instance": "/health/db",
            "code": "database",
            "request_id": id
        }),
    );
    for path in ["/health/db", "/jsonapi/health/db", "/boom/health/db"] {
        let reply = client.get(path).await;
        assert_eq!(reply.status, 500);
        for secret in [
            "hunter2",
            "postgres",
            "database unavailable",
            "connection refused",
        ] {
            assert!(
                !reply.text().contains(secret),
                "{path} leaks {secret:?}: {}",
                reply.text()
            );
        }
    }
}

#[tokio::test]
async fn axums_rejections_answer_in_the_same_format() {
    let client = serve().await;
    let cases = [
        (
            client.post_json("/cases", r#"{"name":"#).await,
            400,
            "invalid_json",
            "Failed to parse the request body as JSON: EOF while parsing a value at line 1 column 8",
        ),
        (
            client
                .send(Method::POST, "/cases", &[], r#"{"name":"x","priority":1}"#)
                .await,
            415,
            "unsupported_media_type",
            "Expected request with `Content-Type: application/json`",
        ),
        (
            client.post_json("/cases", r#"{"name":"x"}"#).await,
            422,
            "invalid_body",
            "The request body does not have the expected shape.",
        ),
        (
            client.get("/cases/abc").await,
            400,
            "invalid_path",
            "A path parameter does not parse.",
        ),
    ];
    for (reply, status, code, detail) in cases {
        let id = generated_id(&reply);
        let title = match status {
            400 => "Bad Request",
            415 => "Unsupported Media Type",
            _ => "Unprocessable Content",
        };
        let instance = if code == "invalid_path" {
            "/cases/abc"
        } else {
            "/cases"
        };
        let mut expected = json!({
        "type": format!("https://docs.example.com/errors/{code}"),
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
        "code": code,
        "request_id": id
        });
        // The member or parameter at fault, without the value sent.
        let errors = match code {
            "invalid_body" => Some(
                json!([{"detail": "is required", "pointer": "#/priority", "code": "missing_field"}]),
            ),
            "invalid_path" => {
                Some(json!([{"detail": "expected u64", "pointer": "#/id", "code": "invalid_type"}]))
            }
            _ => None,
        };
        if let Some(errors) = errors {
            expected["errors"] = errors;
        }
        assert_problem(&reply, status, &expected);
    }
}

#[tokio::test]
async fn unknown_paths_are_404_in_the_prefix_format() {
    let client = serve().await;
    let reply = client.get("/nowhere").await;
    let id = generated_id(&reply);
    assert_problem(
        &reply,
        404,
        &json!({
            "type": "https://docs.example.com/errors/no_route",
            "title": "Not Found",
            "status": 404,
            "detail": "No route matches this path.",
            "instance": "/nowhere",
            "code": "no_route",
            "request_id": id
        }),
    );
    let reply = client.get("/boom/nowhere").await;
    assert_eq!(reply.header("content-type"), "application/json");
    assert_eq!(
        reply.json(),
        json!({"statusCode": 404, "error": "Not Found", "message": "No route matches this path."})
    );
}

#[tokio::test]
async fn jsonapi_prefix_renders_the_same_errors_as_json_api() {
    let client = serve().await;
    let reply = client
        .send(
            Method::GET,
            "/jsonapi/cases/42",
            &[("x-request-id", "abc-123")],
            "",
        )
        .await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("content-type"), "application/vnd.api+json");
    assert_eq!(reply.header("x-request-id"), "abc-123");
    assert_eq!(
        reply.json(),
        json!({"errors": [{
            "id": "abc-123",
            "links": {"type": "https://docs.example.com/errors/not_found"},
            "status": "404",
            "code": "not_found",
            "title": "Not Found",
            "detail": "case 42 not found",
            "meta": {"id": 42}
        }]})
    );

    let reply = client
        .post_json("/jsonapi/cases", r#"{"name":"","priority":0}"#)
        .await;
    let id = generated_id(&reply);
    let object = |detail: &str, pointer: &str, code: &str| {
        json!({
            "id": id,
            "links": {"type": "https://docs.example.com/errors/invalid"},
            "status": "400",
            "code": code,
            "title": "Bad Request",
            "detail": detail,
            "source": {"pointer": pointer}
        })
    };
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json(),
        json!({"errors": [
            object("must not be blank", "/name", "blank"),
            object("must be between 1 and 5", "/priority", "out_of_range")
        ]})
    );

    let reply = client.get("/jsonapi/reports/export").await;
    assert_eq!((reply.status, reply.header("retry-after")), (429, "30"));
    let reply = client.get("/jsonapi/me").await;
    assert_eq!(
        (reply.status, reply.header("www-authenticate")),
        (401, r#"Bearer realm="cases""#)
    );

    let reply = client.post_json("/jsonapi/cases", "{").await;
    let id = generated_id(&reply);
    assert_eq!(reply.status, 400);
    assert_eq!(reply.header("content-type"), "application/vnd.api+json");
    assert_eq!(
        reply.json(),
        json!({"errors": [{
            "id": id,
            "status": "400",
            "code": "invalid_json",
            "title": "Bad Request",
            "detail": "Failed to parse the request body as JSON: EOF while parsing an object at line 1 column 1",
            "links": {"type": "https://docs.example.com/errors/invalid_json"}
        }]})
    );
}

#[tokio::test]
async fn boom_prefix_renders_the_same_errors_as_boom() {
    let client = serve().await;
    let reply = client.get("/boom/cases/42").await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("content-type"), "application/json");
    let _ = generated_id(&reply);
    assert_eq!(
        reply.json(),
        json!({"statusCode": 404, "error": "Not Found", "message": "case 42 not found", "id": 42})
    );

    let reply = client
        .post_json("/boom/cases", r#"{"name":"","priority":0}"#)
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json(),
        json!({
            "statusCode": 400,
            "error": "Bad Request",
            "message": "The case is invalid. See `errors` for details.",
            "errors": [
                {"message": "must not be blank", "path": ["name"], "type": "blank"},
                {"message": "must be between 1 and 5", "path": ["priority"], "type": "out_of_range"}
            ]
        })
    );

    let reply = client.get("/boom/health/db").await;
    assert_eq!(
        reply.json(),
        json!({"statusCode": 500, "error": "Internal Server Error", "message": "An internal server error occurred"})
    );
}

// The bounded load run (10,000 mixed error requests, memory measured too) is in
// `tests/load.rs`, a test binary of its own so no other test allocates during it.

use apifault_suite::formats::pax8;

/// A house format is given the layer's context as the built-in ones are (Pax8's
/// `supportId` is the request id, its `instance` the path), and inside a nested router
/// `instance` is the whole path the client asked for, not the nested router's part of it.
#[tokio::test]
async fn the_layer_gives_house_formats_and_nested_routers_the_request_context() {
    use apifault::axum::{ContextLayer, InFormat};
    use axum::extract::Path;
    use axum::routing::get;

    async fn in_pax8(
        Path(id): Path<u64>,
    ) -> Result<String, InFormat<pax8::Pax8, cases::CaseError>> {
        Err(cases::CaseError::NotFound { id }.into())
    }
    async fn in_problem(Path(id): Path<u64>) -> Result<String, cases::CaseError> {
        Err(cases::CaseError::NotFound { id })
    }
    let v1 = axum::Router::new()
        .route("/companies/{id}", get(in_pax8))
        .route("/cases/{id}", get(in_problem));
    let client = serve_router(
        axum::Router::new()
            .nest("/public/v1", v1)
            .layer(ContextLayer::new()),
    )
    .await;

    let reply = client
        .send(
            Method::GET,
            "/public/v1/companies/7?expand=all",
            &[("x-request-id", "2f78b0321e2c945293108ded671cba51")],
            "",
        )
        .await;
    assert_eq!(reply.status, 404);
    assert_eq!(
        reply.header("x-request-id"),
        "2f78b0321e2c945293108ded671cba51"
    );
    assert_eq!(
        reply.json(),
        json!({
            "type": "not_found",
            "message": "case 7 not found",
            "instance": "/public/v1/companies/7",
            "status": 404,
            "details": [{"supportId": "2f78b0321e2c945293108ded671cba51"}],
            "id": 7
        })
    );

    let reply = client.get("/public/v1/cases/8").await;
    let id = generated_id(&reply);
    assert_eq!(reply.json()["instance"], "/public/v1/cases/8");
    assert_eq!(reply.json()["request_id"], id.as_str());
}

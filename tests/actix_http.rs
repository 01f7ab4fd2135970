//! The actix-web example over real loopback HTTP: `ResponseError` gives the same status,
//! headers and bodies as `to_response()`, and a bounded load run.

mod http_support;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use actix_web::HttpServer;
use actix_web::dev::ServerHandle;
use apifault::{ApiError, Context};
use apifault_suite::service::actix_app as app;
use apifault_suite::service::cases;
use http::Method;
use http_support::{Client, Probe, Reply, load};
use serde_json::{Value, json};

/// A running example server on `127.0.0.1:0`, in its own actix system thread; stopped
/// when dropped.
struct Server {
    address: SocketAddr,
    handle: ServerHandle,
    connections: Arc<AtomicUsize>,
}

impl Server {
    fn start() -> Self {
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let store = cases::Store::default();
                let connections = Arc::new(AtomicUsize::new(0));
                let counter = Arc::clone(&connections);
                let server = HttpServer::new(move || app::app(store.clone()))
                    .workers(2)
                    .on_connect(move |_, _| {
                        counter.fetch_add(1, Ordering::Relaxed);
                    })
                    .bind("127.0.0.1:0")
                    .expect("bind loopback");
                let address = server.addrs()[0];
                let server = server.run();
                sender
                    .send((address, server.handle(), connections))
                    .expect("test waits");
                server.await
            })
        });
        let (address, handle, connections) = receiver.recv().expect("server started");
        Self {
            address,
            handle,
            connections,
        }
    }

    fn client(&self) -> Client {
        Client::new(self.address)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Stops accepting and ends the system thread; not awaited.
        drop(self.handle.stop(false));
    }
}

/// The body, once its request context (`instance`, the request id of the `x-request-id`
/// header, which `ContextMiddleware` adds) is checked and set aside.
fn assert_problem(reply: &Reply, status: u16, expected: &Value) {
    assert_eq!(reply.status, status, "{}", reply.text());
    assert_eq!(reply.header("content-type"), "application/problem+json");
    let mut body = reply.json();
    assert_eq!(body["request_id"], reply.header("x-request-id"));
    let members = body.as_object_mut().expect("an object");
    members.remove("request_id");
    assert!(
        members.remove("instance").is_some(),
        "no instance: {}",
        reply.text()
    );
    assert_eq!(&body, expected);
}

#[tokio::test]
async fn every_failure_route_answers_in_rfc_9457() {
    let server = Server::start();
    let client = server.client();

    let reply = client.get("/cases/42").await;
    assert_problem(
        &reply,
        404,
        &json!({
            "type": "https://docs.example.com/errors/not_found",
            "title": "Not Found",
            "status": 404,
            "detail": "case 42 not found",
            "code": "not_found",
            "id": 42
        }),
    );

    let reply = client
        .post_json("/cases", r#"{"name":"Flood Claim","priority":1}"#)
        .await;
    assert_problem(
        &reply,
        409,
        &json!({
            "type": "https://docs.example.com/errors/duplicate_name",
            "title": "Conflict",
            "status": 409,
            "detail": "A case with this name already exists.",
            "code": "duplicate_name",
            "name": "Flood Claim"
        }),
    );

    let reply = client
        .post_json("/cases", r#"{"name":"","priority":0}"#)
        .await;
    assert_problem(
        &reply,
        400,
        &json!({
            "type": "https://docs.example.com/errors/invalid",
            "title": "Bad Request",
            "status": 400,
            "detail": "The case is invalid. See `errors` for details.",
            "code": "invalid",
            "errors": [
                {"detail": "must not be blank", "pointer": "#/name", "code": "blank"},
                {"detail": "must be between 1 and 5", "pointer": "#/priority", "code": "out_of_range"}
            ]
        }),
    );

    let reply = client.get("/me").await;
    assert_eq!(reply.header("www-authenticate"), r#"Bearer realm="cases""#);
    assert_problem(
        &reply,
        401,
        &json!({
            "type": "https://docs.example.com/errors/unauthorized",
            "title": "Unauthorized",
            "status": 401,
            "detail": "A valid bearer token is required.",
            "code": "unauthorized"
        }),
    );

    let reply = client.get("/reports/export").await;
    assert_eq!(reply.header("retry-after"), "30");
    assert_problem(
        &reply,
        429,
        &json!({
            "type": "https://docs.example.com/errors/rate_limited",
            "title": "Too Many Requests",
            "status": 429,
            "detail": "Too many exports. Retry in 30 seconds.",
            "code": "rate_limited"
        }),
    );

    let reply = client.get("/health/db").await;
    assert_problem(
        &reply,
        500,
        &json!({
            "type": "https://docs.example.com/errors/database",
            "title": "Internal Server Error",
            "status": 500,
            "code": "database"
        }),
    );
    assert!(!reply.text().contains("hunter2"));

    let reply = client.get("/nowhere").await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.json()["code"], "no_route");

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
async fn actix_extractor_errors_become_case_errors() {
    let server = Server::start();
    let client = server.client();

    let reply = client.post_json("/cases", r#"{"name":"#).await;
    assert_problem(
        &reply,
        400,
        &json!({
            "type": "https://docs.example.com/errors/invalid_json",
            "title": "Bad Request",
            "status": 400,
            "detail": "Failed to parse the request body as JSON: EOF while parsing a value at line 1 column 8",
            "code": "invalid_json"
        }),
    );

    let reply = client
        .send(Method::POST, "/cases", &[], r#"{"name":"x","priority":1}"#)
        .await;
    assert_problem(
        &reply,
        415,
        &json!({
            "type": "https://docs.example.com/errors/unsupported_media_type",
            "title": "Unsupported Media Type",
            "status": 415,
            "detail": "Expected request with `Content-Type: application/json`",
            "code": "unsupported_media_type"
        }),
    );

    let reply = client.get("/cases/abc").await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["code"], "invalid_path");
}

/// What actix-web sends is what `to_response()` builds: same status, headers and body.
#[tokio::test]
async fn response_error_matches_to_response() {
    let server = Server::start();
    let client = server.client();
    let expected = [
        ("/cases/42", cases::CaseError::NotFound { id: 42 }),
        (
            "/reports/export",
            cases::CaseError::RateLimited { retry_after: 30 },
        ),
        ("/me", cases::CaseError::Unauthorized),
    ];
    for (path, error) in expected {
        let reply = client.get(path).await;
        let id = reply.header("x-request-id");
        let response =
            error.to_response_with(&Context::new().with_instance(path).with_request_id(id));
        assert_eq!(reply.status, response.status().as_u16(), "{path}");
        assert_eq!(reply.body, *response.body(), "{path}");
        for (name, value) in response.headers() {
            assert_eq!(reply.headers.get(name), Some(value), "{path}: {name}");
        }
    }
}

/// 10,000 error requests over 8 connections: no transport error, every status as
/// expected, every body JSON stating that status.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn load_run_of_ten_thousand_error_requests() {
    let server = Server::start();
    let client = server.client();
    let probes = Arc::new(vec![
        Probe::get("/cases/42", 404),
        Probe::post("/cases", r#"{"name":"Flood claim","priority":2}"#, 409),
        Probe::post("/cases", r#"{"name":"","priority":9}"#, 400),
        Probe::post("/cases", r#"{"name":"#, 400),
        Probe::get("/me", 401),
        Probe::get("/reports/export", 429),
        Probe::get("/health/db", 500),
        Probe::get("/nowhere", 404),
    ]);
    let report = load(&client, probes, 10_000, 8, Duration::from_secs(120)).await;
    let connections = server.connections.load(Ordering::Relaxed);
    eprintln!("actix-web load run: {report} over {connections} connections");
    assert_eq!(report.requests, 10_000, "the run hit its deadline");
    assert_eq!(report.transport_errors, 0);
    assert_eq!(report.wrong_status, 0);
    assert_eq!(report.invalid_bodies, 0);
    assert!((1..=16).contains(&connections), "{connections} connections");
}

//! The context layers fed by the service, over real loopback HTTP, on axum and actix-web
//! alike: a hook that adds the trace id of the current `tracing` span and the request's
//! elapsed time, an app-wide configuration value (a region) read by a house format and
//! written as a member, and the request id taken from a header and a source of the
//! service's own (an operation id from its span, in `X-Acme-OPID`).

mod http_support;

use std::net::SocketAddr;
use std::time::Duration;

use actix_web::dev::{ServerHandle, Service as _};
use actix_web::{App, HttpServer, web};
use apifault::{ApiError, Context, ContextValues, Format, RenderError};
use apifault_suite::log_capture::capture;
use http::Method;
use http_support::{Client, Reply};
use serde_json::json;
use tracing::Instrument as _;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    NotFound {
        #[api_error(expose)]
        id: u64,
    },
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Regional)]
enum RegionalError {
    #[error("the store is read-only")]
    #[status(503)]
    ReadOnly,
}

/// The region this deployment serves, from its configuration.
#[derive(Debug, Clone)]
struct Region(&'static str);

/// A house format that tells which region answered.
struct Regional;

impl Format for Regional {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write_body<E: ApiError>(
        error: &E,
        context: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let body = json!({
            "code": error.code(),
            "region": context.get::<Region>().map(|region| region.0),
            "request": context.request_id,
        });
        serde_json::to_writer(out, &body)?;
        Ok(())
    }
}

/// The id of the current `tracing` span, as a service would use a trace id.
fn trace_id() -> Option<String> {
    tracing::Span::current()
        .id()
        .map(|id| format!("{:016x}", id.into_u64()))
}

/// The hook both frameworks take: the trace id and the elapsed time as members.
fn fill(facts: &apifault::axum::RequestFacts<'_>, values: &mut ContextValues) {
    if let Some(trace_id) = trace_id() {
        values.member("trace_id", trace_id);
    }
    values.member(
        "elapsed_ms",
        u64::try_from(facts.elapsed().as_millis()).unwrap_or(u64::MAX),
    );
}

async fn not_found(id: u64) -> Result<String, CaseError> {
    // Time the elapsed member must show.
    tokio::time::sleep(Duration::from_millis(30)).await;
    Err(CaseError::NotFound { id })
}

/// What every reply of the hooked services must show; returns the trace id.
fn assert_hooked(reply: &Reply, id_header: &str) -> String {
    assert_eq!(reply.status, 404, "{}", reply.text());
    let body = reply.json();
    let trace_id = body["trace_id"].as_str().expect("a trace id").to_owned();
    assert_eq!(trace_id.len(), 16, "{body}");
    assert!(
        body["elapsed_ms"].as_u64().expect("elapsed") >= 30,
        "{body}"
    );
    let request_id = reply.header(id_header);
    assert_eq!(
        body,
        json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": "case 7 not found",
            "instance": "/cases/7",
            "code": "not_found",
            "request_id": request_id,
            "trace_id": trace_id,
            "elapsed_ms": body["elapsed_ms"],
            "region": "eu-west-1",
            "id": 7
        })
    );
    trace_id
}

mod axum_service {
    use apifault::axum::{ContextLayer, InFormat};
    use axum::extract::Path;
    use axum::routing::get;

    use super::*;

    pub async fn serve(layer: ContextLayer) -> Client {
        async fn case(Path(id): Path<u64>) -> Result<String, CaseError> {
            not_found(id).await
        }
        async fn read_only() -> Result<String, InFormat<Regional, RegionalError>> {
            Err(RegionalError::ReadOnly.into())
        }
        let app = axum::Router::new()
            .route("/cases/{id}", get(case))
            .route("/read-only", get(read_only))
            .layer(layer)
            // Outside the context layer, as a tracing layer is: the request's span.
            .layer(axum::middleware::from_fn(
                |request: axum::extract::Request, next: axum::middleware::Next| {
                    next.run(request).instrument(tracing::info_span!("request"))
                },
            ));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let client = Client::new(listener.local_addr().expect("local address"));
        tokio::spawn(async move { axum::serve(listener, app).await });
        client
    }
}

/// The actix-web service on `127.0.0.1:0`, in its own actix system thread; stopped when
/// dropped.
struct ActixServer {
    address: SocketAddr,
    handle: ServerHandle,
}

impl ActixServer {
    fn start(middleware: fn() -> apifault::actix_web::ContextMiddleware) -> Self {
        async fn case(id: web::Path<u64>) -> Result<String, CaseError> {
            not_found(id.into_inner()).await
        }
        async fn read_only() -> Result<String, RegionalError> {
            Err(RegionalError::ReadOnly)
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = HttpServer::new(move || {
                    App::new()
                        .route("/cases/{id}", web::get().to(case))
                        .route("/read-only", web::get().to(read_only))
                        .wrap(middleware())
                        // Outside the context middleware: the request's span, entered
                        // for the call and every poll.
                        .wrap_fn(|request, service| {
                            let span = tracing::info_span!("request");
                            let future = span.in_scope(|| service.call(request));
                            future.instrument(span)
                        })
                })
                .workers(1)
                .bind("127.0.0.1:0")
                .expect("bind loopback");
                let address = server.addrs()[0];
                let server = server.run();
                sender.send((address, server.handle())).expect("test waits");
                server.await
            })
        });
        let (address, handle) = receiver.recv().expect("server started");
        Self { address, handle }
    }

    fn client(&self) -> Client {
        Client::new(self.address)
    }
}

impl Drop for ActixServer {
    fn drop(&mut self) {
        drop(self.handle.stop(false));
    }
}

/// The two frameworks' clients, each behind a context layer built by `axum_layer` /
/// `actix_middleware` with the same settings.
async fn both(
    axum_layer: apifault::axum::ContextLayer,
    actix_middleware: fn() -> apifault::actix_web::ContextMiddleware,
) -> (Vec<(&'static str, Client)>, ActixServer) {
    let actix = ActixServer::start(actix_middleware);
    let clients = vec![
        ("axum", axum_service::serve(axum_layer).await),
        ("actix-web", actix.client()),
    ];
    (clients, actix)
}

fn hooked_axum() -> apifault::axum::ContextLayer {
    apifault::axum::ContextLayer::new()
        .value(Region("eu-west-1"))
        .member("region", "eu-west-1")
        .hook(fill)
}

fn hooked_actix() -> apifault::actix_web::ContextMiddleware {
    apifault::actix_web::ContextMiddleware::new()
        .value(Region("eu-west-1"))
        .member("region", "eu-west-1")
        .hook(fill)
}

#[tokio::test]
async fn the_hook_adds_the_span_trace_id_and_the_elapsed_time_and_the_app_adds_its_region() {
    let (_capture, _capturing) = capture();
    let (clients, _actix) = both(hooked_axum(), hooked_actix).await;
    for (framework, client) in clients {
        let reply = client
            .send(Method::GET, "/cases/7", &[("x-request-id", "req-42")], "")
            .await;
        assert_eq!(reply.header("x-request-id"), "req-42", "{framework}");
        assert_hooked(&reply, "x-request-id");

        // A house format reads the typed value.
        let reply = client.get("/read-only").await;
        assert_eq!(reply.status, 503, "{framework}");
        let id = reply.header("x-request-id").to_owned();
        assert_eq!(
            reply.json(),
            json!({"code": "read_only", "region": "eu-west-1", "request": id}),
            "{framework}"
        );
    }
}

fn opid_axum() -> apifault::axum::ContextLayer {
    hooked_axum()
        .request_id_header("X-Acme-OPID")
        .request_id_from(|client| client.map(str::to_owned).or_else(trace_id))
}

fn opid_actix() -> apifault::actix_web::ContextMiddleware {
    hooked_actix()
        .request_id_header("X-Acme-OPID")
        .request_id_from(|client| client.map(str::to_owned).or_else(trace_id))
}

#[tokio::test]
async fn the_request_id_comes_from_the_services_own_header_and_span() {
    let (_capture, _capturing) = capture();
    let (clients, _actix) = both(opid_axum(), opid_actix).await;
    for (framework, client) in clients {
        // No client id: the id is the span's, the one the hook adds as the trace id.
        let reply = client
            .send(Method::GET, "/cases/7", &[("x-request-id", "ignored")], "")
            .await;
        let trace_id = assert_hooked(&reply, "x-acme-opid");
        assert_eq!(reply.header("x-acme-opid"), trace_id, "{framework}");
        assert!(reply.headers.get("x-request-id").is_none(), "{framework}");

        // The client's id in the service's header is kept.
        let reply = client
            .send(Method::GET, "/cases/7", &[("X-Acme-OPID", "op-7f3a")], "")
            .await;
        assert_eq!(reply.header("x-acme-opid"), "op-7f3a", "{framework}");
        assert_eq!(reply.json()["request_id"], "op-7f3a", "{framework}");

        // A hostile one is not: the span's id replaces it.
        let reply = client
            .send(Method::GET, "/cases/7", &[("X-Acme-OPID", "a b")], "")
            .await;
        let trace_id = assert_hooked(&reply, "x-acme-opid");
        assert_eq!(reply.header("x-acme-opid"), trace_id, "{framework}");
    }
}

#[tokio::test]
async fn the_actix_middleware_gives_instance_and_request_id_as_axums_layer_does() {
    let actix = ActixServer::start(apifault::actix_web::ContextMiddleware::new);
    let client = actix.client();
    let reply = client
        .send(Method::GET, "/cases/7", &[("x-request-id", "abc-123")], "")
        .await;
    assert_eq!(reply.header("x-request-id"), "abc-123");
    assert_eq!(
        reply.json(),
        json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": "case 7 not found",
            "instance": "/cases/7",
            "code": "not_found",
            "request_id": "abc-123",
            "id": 7
        })
    );
    // An id of 129 characters is replaced by a fresh one, in the header and the body.
    let long = "a".repeat(129);
    let reply = client
        .send(
            Method::GET,
            "/cases/7?secret=1",
            &[("x-request-id", &long)],
            "",
        )
        .await;
    let id = reply.header("x-request-id").to_owned();
    assert_eq!(id.len(), 32, "{id}");
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
    assert_eq!(reply.json()["request_id"], id.as_str());
    assert_eq!(reply.json()["instance"], "/cases/7");
    // A successful response carries the header too.
    let reply = client.get("/missing").await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.header("x-request-id").len(), 32);
}

//! A service as a user writes it, built against the packaged crates (see `.ci/package`):
//! one error enum answering through axum and actix-web, documented with utoipa and logged
//! with tracing. It serves on loopback, asks itself over plain HTTP/1.1 and exits non-zero
//! when an answer is not the one promised.

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::sync::{Arc, Mutex, PoisonError};

use apifault::ApiError;
use apifault::axum::ContextLayer;
use axum::extract::Path;
use axum::routing::get;
use utoipa::OpenApi as _;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(type_base = "https://docs.example.com/errors/")]
enum CaseError {
    /// No case has this id.
    #[error("case {id} not found")]
    #[status(404)]
    NotFound {
        #[api_error(expose)]
        id: u64,
    },

    /// The case store failed.
    #[error("database: {0}")]
    #[status(500)]
    Database(#[source] std::io::Error),
}

#[utoipa::path(
    get,
    path = "/cases/{id}",
    params(("id" = u64, Path)),
    responses((status = 200, description = "The case."), CaseError)
)]
async fn case(Path(id): Path<u64>) -> Result<String, CaseError> {
    match id {
        1 => Ok("case 1".to_owned()),
        13 => Err(CaseError::Database(std::io::Error::other(
            "password=hunter2",
        ))),
        _ => Err(CaseError::NotFound { id }),
    }
}

#[derive(utoipa::OpenApi)]
#[openapi(paths(case))]
struct ApiDoc;

async fn actix_case(id: actix_web::web::Path<u64>) -> Result<String, CaseError> {
    case(Path(id.into_inner())).await
}

/// Every formatted `tracing` event, in memory.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Log {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One `GET` over HTTP/1.1 with `Connection: close`: the status line, headers and body.
fn get_raw(port: u16, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nx-request-id: req-7\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("receive");
    answer
}

fn check(framework: &str, answer: &str, status_line: &str, content_type: &str, body: &str) {
    let lower = answer.to_ascii_lowercase();
    assert!(answer.starts_with(status_line), "{framework}: {answer}");
    assert!(
        lower.contains(&format!("content-type: {content_type}\r\n")),
        "{framework}: {answer}"
    );
    assert!(
        answer.ends_with(body),
        "{framework}: expected body {body}\n{answer}"
    );
}

const NOT_FOUND_BODY: &str = r#""status":404,"detail":"case 42 not found","#;

fn main() {
    let log = Log::default();
    let writer = log.clone();
    tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    // axum, with the request-context layer: `instance` and the request id join the body.
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind");
    let axum_port = listener.local_addr().expect("address").port();
    let app = axum::Router::new()
        .route("/cases/{id}", get(case))
        .layer(ContextLayer::new());
    runtime.spawn(async move { axum::serve(listener, app).await });

    let answer = get_raw(axum_port, "/cases/42");
    check(
        "axum",
        &answer,
        "HTTP/1.1 404 Not Found",
        "application/problem+json",
        r#"{"type":"https://docs.example.com/errors/not_found","title":"Not Found","status":404,"detail":"case 42 not found","instance":"/cases/42","code":"not_found","request_id":"req-7","id":42}"#,
    );
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("x-request-id: req-7\r\n"),
        "{answer}"
    );
    let masked = get_raw(axum_port, "/cases/13");
    assert!(masked.starts_with("HTTP/1.1 500"), "{masked}");
    assert!(
        !masked.contains("hunter2") && !masked.contains("database:"),
        "{masked}"
    );
    assert!(get_raw(axum_port, "/cases/1").ends_with("case 1"));

    // actix-web: the same enum, the same status, content type and body (no context layer).
    let server = actix_web::HttpServer::new(|| {
        actix_web::App::new().route("/cases/{id}", actix_web::web::get().to(actix_case))
    })
    .workers(1)
    .bind(("127.0.0.1", 0))
    .expect("bind");
    let actix_port = server.addrs()[0].port();
    let server = server.run();
    let handle = server.handle();
    let actix = std::thread::spawn(move || actix_web::rt::System::new().block_on(server));
    let answer = get_raw(actix_port, "/cases/42");
    check(
        "actix-web",
        &answer,
        "HTTP/1.1 404 Not Found",
        "application/problem+json",
        r#""code":"not_found","id":42}"#,
    );
    assert!(answer.contains(NOT_FOUND_BODY), "{answer}");
    let masked = get_raw(actix_port, "/cases/13");
    assert!(masked.starts_with("HTTP/1.1 500"), "{masked}");
    assert!(!masked.contains("hunter2"), "{masked}");
    runtime.block_on(handle.stop(true));
    actix.join().expect("actix thread").expect("actix server");

    // utoipa: the operation documents the error's statuses, codes and example bodies.
    let document = serde_json::to_value(ApiDoc::openapi()).expect("OpenAPI document");
    let not_found = &document["paths"]["/cases/{id}"]["get"]["responses"]["404"];
    assert_eq!(
        not_found["description"],
        "Not Found\n\n- `not_found`: No case has this id."
    );
    assert!(document["paths"]["/cases/{id}"]["get"]["responses"]["500"].is_object());

    // tracing: every error response was logged once; the 5xx with its whole chain.
    let log = String::from_utf8(log.0.lock().unwrap_or_else(PoisonError::into_inner).clone())
        .expect("UTF-8 log");
    let errors: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("ERROR apifault"))
        .collect();
    assert_eq!(errors.len(), 2, "{log}");
    assert!(
        errors.iter().all(|line| line.contains("password=hunter2")),
        "{log}"
    );

    println!("packaged apifault: axum, actix-web, utoipa and tracing answer as promised");
}

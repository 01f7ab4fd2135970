//! The level of each response's event, per variant or for the whole enum
//! (`#[api_error(log = "info")]`, `log = false`), through `to_response`, axum and actix-web.

mod http_support;

use apifault::{ApiError, LogLevel};
use apifault_suite::log_capture::{capture, logged};
use http_support::Client;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(log = "info")]
enum StorageError {
    /// The enum's level.
    #[error("bucket {0} not found")]
    #[status(404)]
    NoSuchBucket(String),

    /// Expected and frequent: traced only.
    #[error("precondition failed")]
    #[status(412)]
    #[api_error(log = "trace")]
    Precondition,

    /// Silenced: the service logs it itself.
    #[error("token expired")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Bearer"), log = false)]
    Expired,

    /// A 5xx at warn still carries its `Debug` output.
    #[error("replica lagging")]
    #[status(503)]
    #[api_error(log = "warn")]
    Lagging { replica: u8 },

    /// `log = true`: the default levels again (5xx at error).
    #[error("disk failed")]
    #[status(500)]
    #[api_error(log = true)]
    Disk,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(log = false)]
enum QuietError {
    #[error("gone")]
    #[status(410)]
    Gone,

    /// The one variant that logs, at error.
    #[error("corrupted")]
    #[status(500)]
    #[api_error(log = "error")]
    Corrupted,
}

#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    /// A transparent variant logs as its inner error.
    #[error(transparent)]
    #[api_error(transparent)]
    Storage(#[from] StorageError),

    /// Unless it sets its own level.
    #[error(transparent)]
    #[api_error(transparent, log = "error")]
    Quiet(QuietError),

    #[error("bad input")]
    #[status(400)]
    Invalid,
}

/// A struct takes the key at the item level.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("slow down")]
#[status(429)]
#[api_error(header("Retry-After" = "1"), log = "warn")]
struct Throttled;

fn lines_of<E: ApiError>(error: &E) -> Vec<String> {
    logged(|| error.to_response()).1.lines()
}

#[test]
fn each_variant_logs_at_its_level() {
    assert_eq!(
        lines_of(&StorageError::NoSuchBucket("photos".into())),
        [
            "INFO apifault: error response status=404 code=\"no_such_bucket\" error=bucket photos not found"
        ]
    );
    assert_eq!(
        lines_of(&StorageError::Precondition),
        [
            "TRACE apifault: error response status=412 code=\"precondition\" error=precondition failed"
        ]
    );
    assert!(lines_of(&StorageError::Expired).is_empty());
    assert_eq!(
        lines_of(&StorageError::Lagging { replica: 2 }),
        [
            "WARN apifault: error response status=503 code=\"lagging\" error=replica lagging debug=Lagging { replica: 2 }"
        ]
    );
    assert_eq!(
        lines_of(&StorageError::Disk),
        ["ERROR apifault: error response status=500 code=\"disk\" error=disk failed debug=Disk"]
    );
    assert_eq!(
        lines_of(&Throttled),
        ["WARN apifault: error response status=429 code=\"throttled\" error=slow down"]
    );
    assert_eq!(StorageError::Expired.log_level(), None);
    assert_eq!(
        StorageError::Precondition.log_level(),
        Some(LogLevel::Trace)
    );
}

#[test]
fn a_variant_turns_its_event_back_on_under_an_enum_that_logs_none() {
    assert!(lines_of(&QuietError::Gone).is_empty());
    assert_eq!(
        lines_of(&QuietError::Corrupted),
        [
            "ERROR apifault: error response status=500 code=\"corrupted\" error=corrupted debug=Corrupted"
        ]
    );
}

#[test]
fn transparent_variants_log_as_their_inner_error_unless_they_set_a_level() {
    assert_eq!(
        lines_of(&AppError::Storage(StorageError::Precondition)),
        [
            "TRACE apifault: error response status=412 code=\"precondition\" error=precondition failed"
        ]
    );
    assert!(lines_of(&AppError::Storage(StorageError::Expired)).is_empty());
    assert_eq!(
        lines_of(&AppError::Quiet(QuietError::Gone)),
        ["ERROR apifault: error response status=410 code=\"gone\" error=gone"]
    );
    // No key: the default levels.
    assert_eq!(
        lines_of(&AppError::Invalid),
        ["DEBUG apifault: error response status=400 code=\"invalid\" error=bad input"]
    );
}

/// Through axum's `IntoResponse`, inside the context layer; the server runs on this test's
/// single thread, so the capture sees its events.
#[tokio::test(flavor = "current_thread")]
async fn axum_responses_log_at_the_variants_level() {
    use apifault::axum::ContextLayer;
    use axum::routing::get;

    let (capture, _guard) = capture();
    let app = axum::Router::new()
        .route(
            "/buckets/photos",
            get(|| async { Err::<(), _>(StorageError::NoSuchBucket("photos".into())) }),
        )
        .route(
            "/expired",
            get(|| async { Err::<(), _>(StorageError::Expired) }),
        )
        .layer(ContextLayer::new());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let client = Client::new(listener.local_addr().expect("local address"));
    tokio::spawn(async move { axum::serve(listener, app).await });

    let reply = client
        .send(
            http::Method::GET,
            "/buckets/photos",
            &[("x-request-id", "r-1")],
            "",
        )
        .await;
    assert_eq!(reply.status, 404);
    let reply = client.get("/expired").await;
    assert_eq!(reply.status, 401);
    assert_eq!(
        capture.lines(),
        [
            "INFO apifault: error response status=404 code=\"no_such_bucket\" request_id=\"r-1\" \
          instance=\"/buckets/photos\" error=bucket photos not found"
        ]
    );
}

/// Through actix-web's `ResponseError`, inside the context middleware, on this thread.
#[test]
fn actix_responses_log_at_the_variants_level() {
    use actix_web::{App, test, web};
    use apifault::actix_web::ContextMiddleware;

    let (capture, _guard) = capture();
    actix_web::rt::System::new().block_on(async {
        let app = test::init_service(
            App::new()
                .route(
                    "/buckets/photos",
                    web::get().to(|| async {
                        Err::<String, _>(StorageError::NoSuchBucket("photos".into()))
                    }),
                )
                .route(
                    "/lagging",
                    web::get()
                        .to(|| async { Err::<String, _>(StorageError::Lagging { replica: 1 }) }),
                )
                .wrap(ContextMiddleware::new()),
        )
        .await;
        let request = test::TestRequest::get()
            .uri("/buckets/photos")
            .insert_header(("x-request-id", "r-2"))
            .to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(response.status().as_u16(), 404);
        assert_eq!(response.headers().get("x-request-id").unwrap(), "r-2");
        let request = test::TestRequest::get()
            .uri("/lagging")
            .insert_header(("x-request-id", "r-3"))
            .to_request();
        let response = test::call_service(&app, request).await;
        assert_eq!(response.status().as_u16(), 503);
    });
    assert_eq!(
        capture.lines(),
        [
            "INFO apifault: error response status=404 code=\"no_such_bucket\" request_id=\"r-2\" \
             instance=\"/buckets/photos\" error=bucket photos not found",
            "WARN apifault: error response status=503 code=\"lagging\" request_id=\"r-3\" \
             instance=\"/lagging\" error=replica lagging debug=Lagging { replica: 1 }"
        ]
    );
}

//! The `tracing` feature: one event per error response (5xx at error with the whole source
//! chain and the `Debug` output, 4xx at debug, status and code as fields), a warning for a dropped header, and
//! none of it in the body.

mod http_support;

use apifault::ApiError;
use apifault_suite::log_capture::capture;
use apifault_suite::service::app;
use http_support::Client;

#[derive(Debug, thiserror::Error, ApiError)]
enum PaymentError {
    #[error("payment provider failed")]
    #[status(502)]
    Provider(#[source] ProviderError),

    #[error("card {last4} declined")]
    #[status(402)]
    Declined { last4: String },

    #[error("try again")]
    #[status(503)]
    #[api_error(header("Retry-After" = "{when}"))]
    Unavailable { when: String },
}

#[derive(Debug, thiserror::Error)]
#[error("provider said 503")]
struct ProviderError(#[source] std::io::Error);

#[test]
fn a_5xx_logs_once_at_error_with_the_whole_chain_and_the_body_shows_none_of_it() {
    let (capture, _guard) = capture();
    let error = PaymentError::Provider(ProviderError(std::io::Error::other(
        "tls handshake with 10.0.0.7 failed",
    )));
    let response = error.to_response();
    assert_eq!(
        capture.lines(),
        [
            "ERROR apifault: error response status=502 code=\"provider\" \
             error=payment provider failed: provider said 503: tls handshake with 10.0.0.7 failed \
             debug=Provider(ProviderError(Custom { kind: Other, error: \"tls handshake with 10.0.0.7 failed\" }))"
        ]
    );
    let body = std::str::from_utf8(response.body()).unwrap();
    for secret in ["provider", "503", "10.0.0.7"] {
        assert!(
            !body.replace("\"code\":\"provider\"", "").contains(secret),
            "{body}"
        );
    }
}

#[test]
fn a_4xx_logs_once_at_debug() {
    let (capture, _guard) = capture();
    let _ = PaymentError::Declined {
        last4: "4242".into(),
    }
    .to_response();
    assert_eq!(
        capture.lines(),
        ["DEBUG apifault: error response status=402 code=\"declined\" error=card 4242 declined"]
    );
}

#[test]
fn a_dropped_header_logs_a_warning() {
    let (capture, _guard) = capture();
    let response = PaymentError::Unavailable {
        when: "30\r\nSet-Cookie: x=1".into(),
    }
    .to_response();
    assert!(response.headers().get("retry-after").is_none());
    assert!(response.headers().get("set-cookie").is_none());
    let lines = capture.lines();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert_eq!(
        lines[0],
        "ERROR apifault: error response status=503 code=\"unavailable\" error=try again \
         debug=Unavailable { when: \"30\\r\\nSet-Cookie: x=1\" }"
    );
    assert_eq!(
        lines[1],
        "WARN apifault: header dropped from an error response: its value is not a valid header value header=\"retry-after\""
    );
}

/// Through axum and the context layer: one event per response, with the request id and
/// path; the server runs on this test's single thread, so the capture sees its events.
#[tokio::test(flavor = "current_thread")]
async fn axum_error_responses_log_once_with_the_request_context() {
    let (capture, _guard) = capture();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let client = Client::new(listener.local_addr().expect("local address"));
    tokio::spawn(async move { axum::serve(listener, app::app()).await });

    let reply = client
        .send(
            http::Method::GET,
            "/health/db",
            &[("x-request-id", "trace-1")],
            "",
        )
        .await;
    assert_eq!(reply.status, 500);
    assert!(!reply.text().contains("hunter2"));
    let _ = client
        .send(
            http::Method::GET,
            "/cases/9",
            &[("x-request-id", "trace-2")],
            "",
        )
        .await;
    let _ = client.get("/cases/1").await;

    assert_eq!(
        capture.lines(),
        [
            "ERROR apifault: error response status=500 code=\"database\" request_id=\"trace-1\" \
             instance=\"/health/db\" error=database unavailable: connection refused: \
             postgres://admin:hunter2@db.internal:5432/cases \
             debug=Database(Custom { kind: Other, error: \"connection refused: \
             postgres://admin:hunter2@db.internal:5432/cases\" })",
            "DEBUG apifault: error response status=404 code=\"not_found\" request_id=\"trace-2\" \
             instance=\"/cases/9\" error=case 9 not found",
        ]
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = apifault::Boom)]
enum QuotaError {
    #[error("quota exhausted")]
    #[status(429)]
    Exhausted,
}

#[test]
fn boxed_errors_log_once_each_as_their_own_type() {
    let (capture, _guard) = capture();
    let errors: Vec<Box<dyn apifault::DynApiError + Send + Sync>> = vec![
        Box::new(PaymentError::Declined {
            last4: "4242".into(),
        }),
        Box::new(QuotaError::Exhausted),
    ];
    for error in &errors {
        let _ = error.to_response();
    }
    assert_eq!(
        capture.lines(),
        [
            "DEBUG apifault: error response status=402 code=\"declined\" error=card 4242 declined",
            "DEBUG apifault: error response status=429 code=\"exhausted\" error=quota exhausted",
        ]
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(log = false)]
enum SelfLoggedError {
    #[error("ledger unavailable")]
    #[status(503)]
    #[api_error(header("Retry-After" = "{0}"))]
    Ledger(String),
}

#[test]
fn log_false_logs_no_event_per_response_but_still_warns_of_a_dropped_header() {
    let (capture, _guard) = capture();
    let _ = SelfLoggedError::Ledger("30".into()).to_response();
    let boxed: Box<dyn apifault::DynApiError + Send + Sync> =
        Box::new(SelfLoggedError::Ledger("30".into()));
    let _ = boxed.to_response();
    assert_eq!(capture.lines(), Vec::<String>::new());
    let _ = SelfLoggedError::Ledger("30\r\nX: y".into()).to_response();
    assert_eq!(
        capture.lines(),
        [
            "WARN apifault: header dropped from an error response: its value is not a valid header value header=\"retry-after\""
        ]
    );
}

/// axum's `anyhow` pattern: a wrapper logs the wrapped context chain.
#[derive(Debug, ApiError)]
#[api_error(wrapper)]
#[status(500)]
struct AppError(anyhow::Error);

#[test]
fn a_wrapper_logs_the_whole_anyhow_chain_and_the_body_shows_none_of_it() {
    use anyhow::Context as _;
    let (capture, _guard) = capture();
    let error = AppError(
        Err::<(), _>(std::io::Error::other("connection to 10.0.0.9 refused"))
            .context("querying the cases table")
            .context("loading case 7 for token s3cr3t")
            .unwrap_err(),
    );
    let response = error.to_response();
    let lines = capture.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with(
            "ERROR apifault: error response status=500 code=\"app_error\" \
             error=loading case 7 for token s3cr3t: querying the cases table: connection to \
             10.0.0.9 refused debug="
        ),
        "{lines:?}"
    );
    let body = std::str::from_utf8(response.body()).unwrap();
    for secret in ["s3cr3t", "cases table", "10.0.0.9"] {
        assert!(!body.contains(secret), "{body}");
    }
}

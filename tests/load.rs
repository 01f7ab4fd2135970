//! The axum example service under a bounded loopback load, memory included: 10,000 mixed
//! error requests (every failure route, in all three formats) over 8 keep-alive
//! connections. No transport error, every status as expected, every body JSON stating
//! that status, and the process's resident memory after the run within a small bound of
//! what it was before (after a warm-up run that fills pools and allocator caches), so a
//! per-request leak of even 100 bytes fails the test.
//!
//! In its own test binary so no other test allocates while memory is measured.

mod http_support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use apifault_suite::service::app;
use axum::serve::ListenerExt;
use http_support::{Client, LoadReport, Probe, load};

/// Requests in the measured run.
const REQUESTS: usize = 10_000;
/// How much the resident set may grow over the measured run: the growth seen here is
/// 40–70 KiB (allocator noise); a leak of 100 bytes a request would be 1 MB.
const RSS_GROWTH_LIMIT_KIB: u64 = 1024;

fn probes() -> Arc<Vec<Probe>> {
    Arc::new(vec![
        Probe::get("/cases/42", 404),
        Probe::post("/cases", r#"{"name":"Flood claim","priority":2}"#, 409),
        Probe::post("/cases", r#"{"name":"","priority":9}"#, 400),
        Probe::post("/cases", r#"{"name":"#, 400),
        Probe::get("/cases/not-a-number", 400),
        Probe::get("/me", 401),
        Probe::get("/reports/export", 429),
        Probe::get("/health/db", 500),
        Probe::get("/no/such/route", 404),
        Probe::get("/jsonapi/cases/42", 404),
        Probe::post("/jsonapi/cases", r#"{"name":"","priority":9}"#, 400),
        Probe::get("/jsonapi/health/db", 500),
        Probe::get("/boom/health/db", 500),
        Probe::get("/boom/me", 401),
        Probe::post("/boom/cases", r#"{"name":"","priority":0}"#, 400),
    ])
}

/// The resident set size of this process, from `/proc/self/status` (Linux).
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn assert_clean(report: &LoadReport, requests: usize) {
    assert_eq!(report.requests, requests, "the run hit its deadline");
    assert_eq!(report.transport_errors, 0, "{report}");
    assert_eq!(report.wrong_status, 0, "{report}");
    assert_eq!(report.invalid_bodies, 0, "{report}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_error_requests_in_bounded_memory() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let address = listener.local_addr().expect("local address");
    let connections = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&connections);
    let listener = listener.tap_io(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    let server = tokio::spawn(async move { axum::serve(listener, app::app()).await });
    let client = Client::new(address);
    let deadline = Duration::from_secs(120);

    let warm_up = load(&client, probes(), 2_000, 8, deadline).await;
    assert_clean(&warm_up, 2_000);
    let before = rss_kib();

    let report = load(&client, probes(), REQUESTS, 8, deadline).await;
    let after = rss_kib();
    let connections = connections.load(Ordering::Relaxed);
    eprintln!("axum load run: {report} over {connections} connections");
    assert_clean(&report, REQUESTS);
    // Several connections at once, and keep-alive held: eight concurrent clients over
    // both runs open a handful of connections, not one per request.
    assert!((2..=16).contains(&connections), "{connections} connections");

    match (before, after) {
        (Some(before), Some(after)) => {
            let growth = after.saturating_sub(before);
            eprintln!(
                "resident memory: {before} KiB before, {after} KiB after {REQUESTS} requests ({growth} KiB growth, limit {RSS_GROWTH_LIMIT_KIB} KiB)"
            );
            assert!(
                growth <= RSS_GROWTH_LIMIT_KIB,
                "resident memory grew by {growth} KiB over {REQUESTS} requests"
            );
        }
        _ => apifault_suite::skip(
            "no /proc/self/status here",
            "the memory growth is not checked",
        ),
    }
    server.abort();
}

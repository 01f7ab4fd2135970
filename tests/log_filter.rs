//! A service filters apifault's events with `tracing-subscriber`'s own tools, by their
//! stable target `apifault` and their level: a per-layer filter that keeps every
//! second response event (sampling; a `dynamic_filter_fn`, since a `filter_fn`'s answer is
//! cached per call site), and `Targets` that keep `apifault` at `info` and up.
//! No limiter in apifault: the filter is the subscriber's.
//!
//! Its own test binary: the subscriber is the process's global one.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use apifault::ApiError;
use tracing_subscriber::Layer as _;
use tracing_subscriber::filter::{Targets, dynamic_filter_fn};
use tracing_subscriber::layer::SubscriberExt as _;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {0} not found")]
    #[status(404)]
    #[api_error(log = "info")]
    NotFound(u64),

    #[error("case {0} is locked")]
    #[status(423)]
    Locked(u64),

    #[error("database unavailable")]
    #[status(503)]
    Database,
}

/// The lines a layer wrote.
#[derive(Clone, Default)]
struct Lines(Arc<Mutex<Vec<u8>>>);

impl Lines {
    fn get(&self) -> Vec<String> {
        let bytes = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        String::from_utf8_lossy(&bytes)
            .lines()
            .map(|line| line.trim_start().to_owned())
            .collect()
    }
}

impl Write for Lines {
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

/// A plain text layer writing into `lines`.
fn layer<S>(lines: &Lines) -> impl tracing_subscriber::Layer<S>
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
{
    let lines = lines.clone();
    tracing_subscriber::fmt::layer()
        .with_ansi(false)
        .without_time()
        .with_writer(move || lines.clone())
}

#[test]
fn a_sampling_filter_and_a_level_filter_over_apifaults_target() {
    let sampled = Lines::default();
    let at_info = Lines::default();
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&seen);
    // Keeps every second event of the `apifault` target, everything else. Dynamic: a
    // `filter_fn`'s answer is cached per call site, once.
    let every_second = dynamic_filter_fn(move |metadata, _| {
        !(metadata.is_event() && metadata.target() == "apifault")
            || counter.fetch_add(1, Ordering::Relaxed).is_multiple_of(2)
    });
    let subscriber = tracing_subscriber::registry()
        .with(layer(&sampled).with_filter(every_second))
        .with(
            layer(&at_info)
                .with_filter(Targets::new().with_target("apifault", tracing::Level::INFO)),
        );
    tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");

    for id in 1..=3 {
        let _ = CaseError::NotFound(id).to_response();
        let _ = CaseError::Locked(id).to_response();
    }
    let _ = CaseError::Database.to_response();

    assert_eq!(seen.load(Ordering::Relaxed), 7, "one event per response");
    assert_eq!(
        sampled.get(),
        [
            "INFO apifault: error response status=404 code=\"not_found\" error=case 1 not found",
            "INFO apifault: error response status=404 code=\"not_found\" error=case 2 not found",
            "INFO apifault: error response status=404 code=\"not_found\" error=case 3 not found",
            "ERROR apifault: error response status=503 code=\"database\" error=database unavailable \
             debug=Database",
        ]
    );
    // The 4xx at debug (`Locked`) stay out; `NotFound` is at info by its own setting.
    assert_eq!(
        at_info.get(),
        [
            "INFO apifault: error response status=404 code=\"not_found\" error=case 1 not found",
            "INFO apifault: error response status=404 code=\"not_found\" error=case 2 not found",
            "INFO apifault: error response status=404 code=\"not_found\" error=case 3 not found",
            "ERROR apifault: error response status=503 code=\"database\" error=database unavailable \
             debug=Database",
        ]
    );
}

//! What apifault logs through `tracing`, captured in memory for the tests that read it.
//!
//! One global subscriber (every level, no time, no colours) writes each event into the
//! capture of the thread that emits it, if that thread is capturing; a test sees its own
//! events only. It is global rather than a thread-local default on purpose: `tracing`
//! caches per call site whether any subscriber wants its events, and a call site first
//! reached on another test thread while a thread-local subscriber comes or goes can stay
//! cached as unwanted, so a capture would miss an event now and then. With one subscriber
//! that wants everything, set once and never dropped, no call site is ever cached so.

use std::cell::RefCell;
use std::io::Write;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex, MutexGuard, Once, PoisonError};

thread_local! {
    /// The capture this thread's events go to, while one is running.
    static CURRENT: RefCell<Option<LogCapture>> = const { RefCell::new(None) };
}

/// The formatted events captured so far.
#[derive(Clone, Default)]
pub struct LogCapture(Arc<Mutex<Vec<u8>>>);

impl LogCapture {
    fn bytes(&self) -> MutexGuard<'_, Vec<u8>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Everything captured, one event a line.
    #[must_use]
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes()).into_owned()
    }

    /// Everything captured so far, emptying the capture.
    #[must_use]
    pub fn take(&self) -> String {
        String::from_utf8_lossy(&std::mem::take(&mut *self.bytes())).into_owned()
    }

    /// The lines logged under the `apifault` target, without the level's padding.
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        self.text()
            .lines()
            .filter(|line| line.contains("apifault"))
            .map(|line| line.trim_start().to_owned())
            .collect()
    }
}

/// Where the global subscriber writes: the emitting thread's capture, or nowhere.
struct ToThisThreadsCapture;

impl Write for ToThisThreadsCapture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        CURRENT.with(|current| {
            if let Some(capture) = &*current.borrow() {
                capture.bytes().extend_from_slice(bytes);
            }
        });
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// While it lives, this thread's events go to its capture.
pub struct Capturing {
    /// Tied to the thread whose events it captures.
    thread: PhantomData<*const ()>,
}

impl Drop for Capturing {
    fn drop(&mut self) {
        CURRENT.with(|current| current.borrow_mut().take());
    }
}

/// Starts capturing this thread's events; they stop going to the capture when the
/// returned guard drops.
#[must_use]
pub fn capture() -> (LogCapture, Capturing) {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .without_time()
            .with_writer(|| ToThisThreadsCapture)
            .finish();
        // A binary that set a global subscriber of its own keeps it.
        let _ = tracing::subscriber::set_global_default(subscriber);
    });
    // Call sites first reached before the subscriber was set are asked again.
    tracing::callsite::rebuild_interest_cache();
    let capture = LogCapture::default();
    CURRENT.with(|current| *current.borrow_mut() = Some(capture.clone()));
    (
        capture,
        Capturing {
            thread: PhantomData,
        },
    )
}

/// Runs `run` capturing this thread's events, and returns its value with the capture.
pub fn logged<T>(run: impl FnOnce() -> T) -> (T, LogCapture) {
    let (capture, capturing) = capture();
    let value = run();
    drop(capturing);
    (value, capture)
}

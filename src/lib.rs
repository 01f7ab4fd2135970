//! What apifault's integration tests, examples and fuzz targets share (unpublished): the
//! house formats ([`formats`]), the example case API ([`service`]), `../shared` lookup
//! and an allocation counter.

pub mod formats;
#[cfg(feature = "log-capture")]
pub mod log_capture;
pub mod render;
#[cfg(feature = "service")]
pub mod service;

use std::path::PathBuf;

/// The environment variable that turns every skip into a failure. A check that needs
/// something optional (`../shared`, rustfmt, `/proc`) skips on a user's clone that lacks
/// it; CI sets `APIFAULT_NO_SKIP=1`, so there a missing piece fails the test instead of
/// letting it pass without checking anything.
///
/// `apifault-macros` cannot depend on this package, so its one skip (the expansion
/// snapshot without rustfmt) reads the same variable the same way.
pub const NO_SKIP: &str = "APIFAULT_NO_SKIP";

/// Whether [`NO_SKIP`] is set to `1`.
#[must_use]
pub fn skips_forbidden() -> bool {
    std::env::var_os(NO_SKIP).is_some_and(|value| value == "1")
}

/// Skips a check that cannot run here: says so on standard error (`missing` is what is
/// not there, `unchecked` what goes unchecked), or fails when [`NO_SKIP`] forbids skips.
///
/// # Panics
///
/// When `APIFAULT_NO_SKIP=1`.
pub fn skip(missing: &str, unchecked: &str) {
    skip_unless_forbidden(skips_forbidden(), missing, unchecked);
}

fn skip_unless_forbidden(forbidden: bool, missing: &str, unchecked: &str) {
    use std::io::Write as _;
    assert!(
        !forbidden,
        "{missing}, so {unchecked}; {NO_SKIP}=1 forbids skipping this check"
    );
    // Straight to the process's standard error: the test harness captures `println!` and
    // `eprintln!` of passing tests, and a skip must be seen.
    let _ = writeln!(std::io::stderr(), "skipped: {missing}, so {unchecked}");
}

/// `../shared` beside the repository (the design contract, schemas and seed pages); when
/// it is not there (a user's clone), [`skip`]s `unchecked` and returns `None`.
///
/// # Panics
///
/// When it is not there and `APIFAULT_NO_SKIP=1`.
#[must_use]
pub fn shared_dir(unchecked: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    shared_dir_at(dir, skips_forbidden(), unchecked)
}

fn shared_dir_at(dir: PathBuf, forbidden: bool, unchecked: &str) -> Option<PathBuf> {
    if dir.join("DESIGN.md").is_file() {
        return Some(dir);
    }
    let missing = format!("{} is not there", dir.display());
    skip_unless_forbidden(forbidden, &missing, unchecked);
    None
}

/// The JSON schema `../shared/schemas/{name}`, parsed; `None` (after [`skip`]) when
/// `../shared` is not there.
///
/// # Panics
///
/// When the file is there but unreadable or not JSON (a broken checkout, not a skip), or
/// when `../shared` is not there and `APIFAULT_NO_SKIP=1`.
#[must_use]
pub fn shared_schema(name: &str) -> Option<serde_json::Value> {
    let shared = shared_dir(&format!("{name} is not checked"))?;
    let path = shared.join("schemas").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// A global allocator that counts, per thread, the allocations and reallocations made
/// through it, for tests that assert allocation counts (they are deterministic, so they
/// are tests, not benchmarks). Install it in a test binary with
/// `#[global_allocator] static GLOBAL: CountingAllocator = CountingAllocator;`.
pub struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static REALLOCATIONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters are
// thread-local, so tests running in parallel do not see each other's allocations.
unsafe impl std::alloc::GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { std::alloc::System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        REALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
    }
}

/// Runs `f` and returns the allocations and reallocations it made on this thread (through
/// [`CountingAllocator`], when it is the global allocator) with its result.
pub fn count_allocations<T>(f: impl FnOnce() -> T) -> (usize, usize, T) {
    let before = (
        ALLOCATIONS.with(std::cell::Cell::get),
        REALLOCATIONS.with(std::cell::Cell::get),
    );
    let value = f();
    let after = (
        ALLOCATIONS.with(std::cell::Cell::get),
        REALLOCATIONS.with(std::cell::Cell::get),
    );
    (after.0 - before.0, after.1 - before.1, value)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::shared_dir_at;

    /// A fresh directory under the system's temporary one, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("apifault-suite-{name}-{}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("the temporary directory is writable");
            Self(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_shared_dir_with_the_design_contract_is_found() {
        let dir = TempDir::new("found");
        std::fs::write(dir.0.join("DESIGN.md"), "").expect("writable");
        assert_eq!(
            shared_dir_at(dir.0.clone(), true, "nothing"),
            Some(dir.0.clone())
        );
    }

    #[test]
    fn a_missing_shared_dir_is_skipped_when_skips_are_allowed() {
        let dir = TempDir::new("allowed");
        assert_eq!(
            shared_dir_at(dir.0.join("shared"), false, "nothing is checked"),
            None
        );
    }

    #[test]
    #[should_panic(expected = "APIFAULT_NO_SKIP=1 forbids skipping")]
    fn a_missing_shared_dir_fails_when_skips_are_forbidden() {
        let dir = TempDir::new("forbidden");
        let _ = shared_dir_at(dir.0.join("shared"), true, "nothing is checked");
    }
}

//! Helpers shared by apifault's integration tests and examples (unpublished).

use std::path::PathBuf;

/// `../shared` beside the repository (schemas and seed pages), when it is there.
///
/// Tests that need it call this and print that they skipped when it returns `None`
/// (a user's clone has no `../shared`); CI always has it.
#[must_use]
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.join("DESIGN.md").is_file().then_some(dir)
}

/// Says that a check was skipped, straight to the process's standard error: the test
/// harness captures `println!` and `eprintln!` of passing tests, and a skip must be seen.
pub fn report_skip(what: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "skipped: ../shared is not there, {what}");
}

/// The JSON schema `../shared/schemas/{name}`, parsed; `None` (after printing that the
/// check is skipped) when `../shared` is not there.
///
/// # Panics
///
/// When the file is there but unreadable or not JSON: a broken checkout, not a skip.
#[must_use]
pub fn shared_schema(name: &str) -> Option<serde_json::Value> {
    let Some(shared) = shared_dir() else {
        report_skip(&format!("{name} is not checked"));
        return None;
    };
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

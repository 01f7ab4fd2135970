//! Allocation counts are deterministic, so they are asserted here rather than benchmarked:
//! `status()` and `code()` allocate nothing, and rendering a body allocates its output
//! buffer once and never grows it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use apifault::{ApiError, Boom, Context, FieldViolation, Format, JsonApi, Problem};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static REALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters are
// thread-local so tests running in parallel do not see each other's allocations.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        REALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// (allocations, reallocations) made by `f`.
fn count<T>(f: impl FnOnce() -> T) -> (usize, usize, T) {
    let before = (ALLOCATIONS.with(Cell::get), REALLOCATIONS.with(Cell::get));
    let value = f();
    let after = (ALLOCATIONS.with(Cell::get), REALLOCATIONS.with(Cell::get));
    (after.0 - before.0, after.1 - before.1, value)
}

/// The three benchmark errors: a 404 with one interpolated field, a 400 with three
/// violations, a 500 with a source error.
#[derive(Debug, thiserror::Error, apifault::ApiError)]
#[api_error(rename_all = "kebab-case")]
enum BenchError {
    #[error("case {id} not found")]
    #[status(404)]
    NotFound { id: u64 },

    #[error("invalid request")]
    #[status(400)]
    #[message("The request is invalid. See `errors` for details.")]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("database: {0}")]
    #[status(500)]
    Database(#[source] std::io::Error),
}

fn samples() -> Vec<BenchError> {
    vec![
        BenchError::NotFound { id: 3_141_592_653 },
        BenchError::Invalid {
            errors: vec![
                FieldViolation::new(["age"], "must be a positive integer"),
                FieldViolation::new(["profile", "color"], "must be 'green', 'red' or 'blue'"),
                FieldViolation::new(["steps", "0", "title"], "is required")
                    .with_code("any.required"),
            ],
        },
        BenchError::Database(std::io::Error::other("connection refused")),
    ]
}

#[test]
fn status_and_code_allocate_nothing() {
    for error in samples() {
        let (allocations, reallocations, _) =
            count(|| (error.status(), error.code(), error.title(), error.entry()));
        assert_eq!((allocations, reallocations), (0, 0), "{error:?}");
    }
}

/// Renders every sample in format `F`, without and with a request context, and checks the
/// body allocated its buffer once, never grew it, and did not over-size it.
fn bodies_allocate_once_and_never_grow<F: Format>() {
    let with_request = Context::new()
        .with_instance("/cases/3141592653")
        .with_request_id("0f8e5a1c2b3d4e5f");
    for context in [Context::default(), with_request] {
        for error in samples() {
            let (allocations, reallocations, body) = count(|| F::render(&error, &context).unwrap());
            assert_eq!(
                (allocations, reallocations),
                (1, 0),
                "{}: {error:?}: {}",
                std::any::type_name::<F>(),
                String::from_utf8_lossy(&body)
            );
            assert!(
                body.capacity() < body.len() * 2 + 64,
                "over-sized buffer in {} for {error:?}: {} for {}",
                std::any::type_name::<F>(),
                body.capacity(),
                body.len()
            );
        }
    }
}

#[test]
fn problem_bodies_allocate_once_and_never_grow() {
    bodies_allocate_once_and_never_grow::<Problem>();
}

#[test]
fn jsonapi_bodies_allocate_once_and_never_grow() {
    bodies_allocate_once_and_never_grow::<JsonApi>();
}

#[test]
fn boom_bodies_allocate_once_and_never_grow() {
    bodies_allocate_once_and_never_grow::<Boom>();
}

//! `JsonApi` and `Boom` bodies allocate their output buffer once, sized by `size_hint`,
//! and never grow it; the buffer is not wildly over-sized either.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use apifault::{ApiError, Boom, Context, FieldViolation, Format, JsonApi, PathSegment};

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

/// Renders with `F` and returns (allocations, reallocations, body).
fn render<F: Format, E: ApiError>(error: &E, context: &Context<'_>) -> (usize, usize, Vec<u8>) {
    let before = (ALLOCATIONS.with(Cell::get), REALLOCATIONS.with(Cell::get));
    let body = F::render(error, context).expect("renders");
    let after = (ALLOCATIONS.with(Cell::get), REALLOCATIONS.with(Cell::get));
    (after.0 - before.0, after.1 - before.1, body)
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, rename_all = "kebab-case")]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    NotFound { id: u64 },

    #[error("a case named {name:?} exists")]
    #[status(409)]
    #[api_error(
        id = "dup-{existing}",
        link = "https://docs.example.com/errors/duplicate",
        source(pointer = "/data/attributes/name")
    )]
    Duplicate {
        #[api_error(expose)]
        name: String,
        #[api_error(expose)]
        existing: u64,
    },

    #[error("invalid request")]
    #[status(400)]
    #[message("The request is invalid. See `errors` for details.")]
    #[api_error(source(pointer = "/data/attributes"))]
    Invalid {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    #[error("database: {0}")]
    #[status(500)]
    Database(#[source] std::io::Error),
}

fn samples() -> Vec<CaseError> {
    vec![
        CaseError::NotFound { id: 3_141_592_653 },
        CaseError::Duplicate {
            name: "Flood claim".into(),
            existing: 17,
        },
        CaseError::Invalid {
            errors: vec![
                FieldViolation::new(["age"], "must be a positive integer"),
                FieldViolation::new(["profile", "color"], "must be 'green', 'red' or 'blue'"),
                FieldViolation::new(
                    [
                        PathSegment::from("steps"),
                        PathSegment::from(0),
                        PathSegment::from("title"),
                    ],
                    "is required",
                )
                .with_code("any.required"),
            ],
        },
        CaseError::Database(std::io::Error::other("connection refused")),
    ]
}

fn contexts() -> [Context<'static>; 2] {
    [
        Context::new(),
        Context::new()
            .with_instance("/cases/3141592653")
            .with_request_id("0f8e5a1c2b3d4e5f"),
    ]
}

fn assert_one_allocation<F: Format>() {
    for context in contexts() {
        for error in samples() {
            let (allocations, reallocations, body) = render::<F, _>(&error, &context);
            assert_eq!(
                (allocations, reallocations),
                (1, 0),
                "{error:?}: {}",
                String::from_utf8_lossy(&body)
            );
            assert!(
                body.capacity() < body.len() * 2 + 64,
                "over-sized buffer for {error:?}: {} for {}",
                body.capacity(),
                body.len()
            );
        }
    }
}

#[test]
fn jsonapi_bodies_allocate_once_and_never_grow() {
    assert_one_allocation::<JsonApi>();
}

#[test]
fn boom_bodies_allocate_once_and_never_grow() {
    assert_one_allocation::<Boom>();
}

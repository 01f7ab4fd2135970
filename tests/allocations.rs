//! Allocation counts are deterministic, so they are asserted here rather than benchmarked:
//! `status()` and `code()` allocate nothing, and rendering a body allocates its output
//! buffer once and never grows it.

use apifault::{ApiError, Boom, Context, FieldViolation, Format, JsonApi, PathSegment, Problem};
use apifault_suite::{CountingAllocator, count_allocations as count};

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// The three benchmark errors (a 404 with one interpolated field, a 400 with three
/// violations, a 500 with a source error) and a 409 carrying every optional member.
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

    #[error("a case named {name:?} exists")]
    #[status(409)]
    #[api_error(
        id = "dup-{existing}",
        type = "https://docs.example.com/errors/duplicate",
        link = "https://docs.example.com/errors/duplicate",
        instance = "/cases/{existing}",
        source(pointer = "/data/attributes/name")
    )]
    Duplicate {
        #[api_error(expose)]
        name: String,
        #[api_error(expose)]
        existing: u64,
    },
}

fn samples() -> Vec<BenchError> {
    vec![
        BenchError::NotFound { id: 3_141_592_653 },
        BenchError::Invalid {
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
        BenchError::Database(std::io::Error::other("connection refused")),
        BenchError::Duplicate {
            name: "Flood claim".into(),
            existing: 17,
        },
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

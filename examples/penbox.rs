//! Penbox's error bodies through the built-in `Boom` format (hapi's payload with Joi-style
//! `errors`): `cargo run --example penbox`.

use apifault::{ApiError, Boom, FieldViolation, PathSegment};

/// Errors of a Penbox-style API on hapi.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Boom)]
enum PenboxError {
    /// The request is invalid: a required field is missing or a value is incorrect.
    #[error("invalid request")]
    #[status(400)]
    #[message("A human-readable description of the error")]
    BadRequest {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    /// The request body is too large.
    #[error("the upload exceeds {limit} bytes")]
    #[status(413)]
    PayloadTooLarge { limit: u64 },

    /// An unexpected error occurred on our side.
    #[error("database: {0}")]
    #[status(500)]
    Internal(#[source] std::io::Error),
}

fn show(error: &PenboxError) {
    let response = error.to_response();
    let content_type = &response.headers()[http::header::CONTENT_TYPE];
    println!("HTTP {} ({content_type:?})", response.status().as_u16());
    println!("{}\n", String::from_utf8_lossy(response.body()));
}

fn main() {
    // The page's example.
    show(&PenboxError::BadRequest {
        errors: vec![FieldViolation::new(["field"], "validation detail").with_code("...")],
    });
    show(&PenboxError::BadRequest {
        errors: vec![
            FieldViolation::new(
                [
                    PathSegment::from("steps"),
                    PathSegment::from(0),
                    PathSegment::from("title"),
                ],
                "\"title\" is required",
            )
            .with_code("any.required"),
        ],
    });
    show(&PenboxError::PayloadTooLarge { limit: 10_485_760 });
    show(&PenboxError::Internal(std::io::Error::other(
        "connection refused",
    )));
}

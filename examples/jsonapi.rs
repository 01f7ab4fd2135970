//! JSON:API error documents through the built-in `JsonApi` format: `cargo run --example jsonapi`.

use apifault::{ApiError, Context, FieldViolation, JsonApi};

/// Errors of a JSON:API service whose error objects carry no code, as the seed page's.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, code_in_body = false)]
enum ResourceError {
    /// The resource id is not a valid UUIDv5.
    #[error("the provided guid is not a valid UUIDv5")]
    #[status(422)]
    #[title("invalid field value")]
    #[api_error(source(pointer = "/data/id"))]
    InvalidGuid {
        #[api_error(expose)]
        provided_guid: String,
    },

    /// The attributes failed validation: one error object per violation.
    #[error("invalid attributes")]
    #[status(422)]
    #[title("invalid attribute")]
    #[api_error(source(pointer = "/data/attributes"))]
    InvalidAttributes {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    /// The `sort` query parameter names an unknown field.
    #[error("cannot sort by {0:?}")]
    #[status(400)]
    #[api_error(source(parameter = "sort"))]
    BadSort(String),

    /// The Content-Type of the request must be application/vnd.api+json.
    #[error("unsupported media type")]
    #[status(415)]
    #[api_error(source(header = "Content-Type"))]
    UnsupportedMediaType,
}

fn show(error: &ResourceError, context: &Context<'_>) {
    let response = error.to_response_in::<JsonApi>(context);
    let content_type = &response.headers()[http::header::CONTENT_TYPE];
    println!("HTTP {} ({content_type:?})", response.status().as_u16());
    println!("{}\n", String::from_utf8_lossy(response.body()));
}

fn main() {
    let none = Context::new();
    // The page's example.
    show(
        &ResourceError::InvalidGuid {
            provided_guid: "1234-invalid-guid".into(),
        },
        &none,
    );
    show(
        &ResourceError::InvalidAttributes {
            errors: vec![
                FieldViolation::new(["firstName"], "must not be blank"),
                FieldViolation::new(["email"], "is not an email address"),
            ],
        },
        &Context::new().with_request_id("7f3a9c"),
    );
    show(&ResourceError::BadSort("-popularity".into()), &none);
    show(&ResourceError::UnsupportedMediaType, &none);
}

//! awork's error bodies through a house format: `cargo run --example awork`.
//!
//! The format lives in `apifault_suite::formats::awork`, shared with the seed tests and
//! the fuzz targets.

use apifault::{ApiError, FieldViolation};
use apifault_suite::formats::awork::Awork;

/// Errors of an awork-style API.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Awork, rename_all = "kebab-case")]
enum AworkError {
    /// The model validation of the request failed.
    #[error("model validation failed")]
    #[status(400)]
    #[message("The model sent in the request is invalid. See the validation errors for details.")]
    ValidationFailed {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
        #[api_error(expose)]
        details: Vec<&'static str>,
    },

    /// The requested resource could not be located.
    #[error("the requested resource could not be located")]
    #[status(404)]
    #[api_error(link = "https://developers.awork.com/docs/error-handling")]
    NotFound,

    /// An internal error occurred.
    #[error("database: {0}")]
    #[status(500)]
    #[title("An internal error occurred.")]
    InternalError(#[source] std::io::Error),
}

fn show(error: &AworkError) {
    let response = error.to_response();
    println!(
        "{} {}",
        response.status(),
        String::from_utf8_lossy(response.body())
    );
}

fn main() {
    show(&AworkError::ValidationFailed {
        errors: vec![FieldViolation::new(["Name"], "'Name' should not be empty.")],
        details: vec!["Some more details about the error can go here.", "Or here."],
    });
    show(&AworkError::NotFound);
    show(&AworkError::InternalError(std::io::Error::other(
        "connection refused",
    )));
}

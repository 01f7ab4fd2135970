//! Kiteworks's error bodies through a house format: `cargo run --example kiteworks`.
//!
//! The format lives in `apifault_suite::formats::kiteworks`, shared with the seed tests
//! and the fuzz targets.

use apifault::{ApiError, FieldViolation};
use apifault_suite::formats::kiteworks::Kiteworks;

/// Errors of a Kiteworks-style API.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Kiteworks, rename_all = "SCREAMING_SNAKE_CASE")]
enum KiteworksError {
    /// The email address in the request body is not valid.
    #[error("invalid email address")]
    #[status(422)]
    #[message("The email address is not valid.")]
    #[api_error(source(parameter = "email"))]
    InvalidEmail,

    /// A request parameter failed validation.
    #[error("invalid parameter")]
    #[status(UNPROCESSABLE_ENTITY)]
    InvalidParameter {
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    /// The request was blocked by the Web Application Firewall.
    #[error("Request blocked by WAF")]
    #[status(490)]
    RequestBlocked,

    /// The request cannot be processed due to server maintenance.
    #[error("maintenance window {0}")]
    #[status(503)]
    #[api_error(header("Retry-After" = "600"))]
    Maintenance(String),
}

fn show(error: &KiteworksError) {
    let response = error.to_response();
    println!(
        "{} {}",
        response.status(),
        String::from_utf8_lossy(response.body())
    );
}

fn main() {
    show(&KiteworksError::InvalidEmail);
    show(&KiteworksError::InvalidParameter {
        errors: vec![FieldViolation::new(
            ["profile", "phone"],
            "must be an E.164 number",
        )],
    });
    show(&KiteworksError::RequestBlocked);
    show(&KiteworksError::Maintenance("db-upgrade".into()));
}

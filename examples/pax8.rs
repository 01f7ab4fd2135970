//! Pax8's error bodies through a house format: `cargo run --example pax8`.
//!
//! The format lives in `apifault_suite::formats::pax8`, shared with the seed tests and
//! the fuzz targets.

use apifault::{ApiError, Context};
use apifault_suite::formats::pax8::Pax8;

/// Errors of Pax8's partner endpoints.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Pax8, rename_all = "SCREAMING_SNAKE_CASE")]
enum PartnerError {
    /// The company does not exist.
    #[error("no company {0}")]
    #[status(404)]
    #[code("NOT_FOUND")]
    #[message("Company Not Found: {0}")]
    CompanyNotFound(String),

    /// Improper API usage: data in a bad format, such as a number for a string.
    #[error("a request member has the wrong type")]
    #[status(400)]
    #[code("BAD_REQUEST", shared)]
    #[message("Api failed to process the request")]
    BadDataFormat,

    /// Improper API usage: a required parameter is missing.
    #[error("a required request member is missing")]
    #[status(400)]
    #[code("BAD_REQUEST", shared)]
    #[message("Api failed to process the request")]
    MissingParameter,
}

/// Errors of Pax8's vendor endpoints, whose details carry a support id.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Pax8, rename_all = "kebab-case")]
enum VendorError {
    /// A required field is blank.
    #[error("field {field} is blank")]
    #[status(400)]
    #[message("field {field} must not be blank")]
    InvalidRequest { field: &'static str },
}

fn show<E: ApiError>(error: &E, context: &Context<'_>) {
    let response = error.to_response_in::<Pax8>(context);
    println!(
        "{} {}",
        response.status(),
        String::from_utf8_lossy(response.body())
    );
}

fn main() {
    let company = "3d0617ac-57f6-40e3-951d-e91da47a326b";
    let path = format!("/public/v1/companies/{company}");
    show(
        &PartnerError::CompanyNotFound(company.into()),
        &Context::new().with_instance(&path),
    );
    show(
        &PartnerError::BadDataFormat,
        &Context::new().with_instance("/public/.../"),
    );
    show(
        &PartnerError::MissingParameter,
        &Context::new().with_instance("/public/.../"),
    );
    show(
        &VendorError::InvalidRequest { field: "x" },
        &Context::new()
            .with_instance("/example")
            .with_request_id("2f78b0321e2c945293108ded671cba51"),
    );
}

//! No response ever carries two `Content-Type` headers: in every format, built-in and
//! house, through `to_response`, axum and actix-web, for derived errors with headers and
//! for a hand-written error whose `headers` appends a `Content-Type` of its own.

use std::fmt;

use actix_web::ResponseError;
use apifault::axum::InFormat;
use apifault::{ApiError, Boom, Context, Entry, Format, JsonApi, Problem};
use apifault_suite::formats::{awork, kiteworks, pax8};
use axum::response::IntoResponse;
use http::HeaderMap;
use http::header::CONTENT_TYPE;

#[derive(Debug, thiserror::Error, ApiError)]
enum LimitError {
    #[error("slow down")]
    #[status(429)]
    #[api_error(header("Retry-After" = "{0}"), header("X-Limit" = "10"))]
    Limited(u32),

    #[error("no such order")]
    #[status(404)]
    #[api_error(format = JsonApi)]
    Missing,
}

/// Implemented by hand, with a `headers` that declares a content type of its own.
#[derive(Debug)]
struct HandWritten;

impl fmt::Display for HandWritten {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("hand-written")
    }
}

impl std::error::Error for HandWritten {}

impl ApiError for HandWritten {
    type Format = Problem;

    fn entry(&self) -> &'static Entry {
        LimitError::CATALOGUE.lookup("limited").expect("entry")
    }

    fn headers(&self, headers: &mut HeaderMap) {
        headers.append(CONTENT_TYPE, http::HeaderValue::from_static("text/html"));
        headers.append("x-hand", http::HeaderValue::from_static("1"));
    }
}

/// The `Content-Type` values of a response: exactly one, `expected`.
fn assert_one(what: &str, values: Vec<String>, expected: &str) {
    assert_eq!(values, [expected], "{what}");
}

fn content_types(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(CONTENT_TYPE)
        .iter()
        .map(|value| value.to_str().expect("text").to_owned())
        .collect()
}

fn actix_content_types(response: &actix_web::HttpResponse) -> Vec<String> {
    response
        .headers()
        .get_all(actix_web::http::header::CONTENT_TYPE)
        .map(|value| value.to_str().expect("text").to_owned())
        .collect()
}

/// `error` in format `F` through every integration.
fn in_every_integration<F: Format, E: ApiError + fmt::Debug>(error: E) {
    let what = format!("{error:?} in {}", F::CONTENT_TYPE);
    let response = error.to_response_in::<F>(&Context::new());
    assert_one(
        &format!("{what}, to_response_in"),
        content_types(response.headers()),
        F::CONTENT_TYPE,
    );
    let response = apifault::actix_web::error_response::<F, E>(&error);
    assert_one(
        &format!("{what}, actix-web"),
        actix_content_types(&response),
        F::CONTENT_TYPE,
    );
    let response = InFormat::<F, E>::new(error).into_response();
    assert_one(
        &format!("{what}, axum"),
        content_types(response.headers()),
        F::CONTENT_TYPE,
    );
}

fn in_every_format<E: ApiError + fmt::Debug>(error: impl Fn() -> E) {
    in_every_integration::<Problem, _>(error());
    in_every_integration::<JsonApi, _>(error());
    in_every_integration::<Boom, _>(error());
    in_every_integration::<awork::Awork, _>(error());
    in_every_integration::<kiteworks::Kiteworks, _>(error());
    in_every_integration::<pax8::Pax8, _>(error());
}

#[test]
fn one_content_type_in_every_format_and_integration() {
    in_every_format(|| LimitError::Limited(3));
    in_every_format(|| LimitError::Missing);
    in_every_format(|| HandWritten);
}

/// The value's own format, through the integrations' own impls.
#[test]
fn one_content_type_in_the_values_own_format() {
    for (error, expected) in [
        (LimitError::Limited(3), "application/problem+json"),
        (LimitError::Missing, "application/vnd.api+json"),
    ] {
        assert_one(
            "to_response",
            content_types(error.to_response().headers()),
            expected,
        );
        assert_one(
            "actix-web",
            actix_content_types(&error.error_response()),
            expected,
        );
        assert_one(
            "axum",
            content_types(error.into_response().headers()),
            expected,
        );
    }
    let response = HandWritten.to_response();
    assert_one(
        "hand-written",
        content_types(response.headers()),
        "application/problem+json",
    );
    // The hand-written impl's other headers are kept.
    assert_eq!(response.headers()["x-hand"], "1");
}

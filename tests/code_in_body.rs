//! `#[api_error(code_in_body = …)]` on a variant overrides the enum's: the body follows the
//! variant's setting through `to_response`, axum and actix-web, while `code()`, the entry
//! and the catalogue keep every code.

mod http_support;

use apifault::{ApiError, JsonApi};
use http_support::every_integration;

/// Codes stay out of the body, except where a variant wants its own there.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code_in_body = false)]
enum QuietError {
    #[error("no case {0}")]
    #[status(404)]
    NotFound(u32),

    #[error("the plan allows {0} seats")]
    #[status(409)]
    #[api_error(code_in_body = true)]
    SeatLimit(u32),
}

/// Codes in the body, except where a variant leaves its own out.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi)]
enum LoudError {
    #[error("no case {0}")]
    #[status(404)]
    NotFound(u32),

    #[error("try again later")]
    #[status(503)]
    #[message("try again later")]
    #[api_error(code_in_body = false, header("Retry-After" = "30"))]
    Maintenance,
}

#[test]
fn a_variant_turns_the_code_on_under_an_enum_that_turns_it_off() {
    let reply = every_integration(QuietError::NotFound(7));
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no case 7"}"#
    );
    let reply = every_integration(QuietError::SeatLimit(5));
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"the plan allows 5 seats","code":"seat_limit"}"#
    );
    assert_eq!(reply.header("content-type"), "application/problem+json");
    assert!(!QuietError::NotFound(7).code_in_body());
    assert!(QuietError::SeatLimit(5).code_in_body());
}

#[test]
fn a_variant_turns_the_code_off_under_an_enum_that_keeps_it() {
    let reply = every_integration(LoudError::NotFound(7));
    assert_eq!(
        reply.text(),
        r#"{"errors":[{"status":"404","code":"not_found","title":"Not Found","detail":"no case 7"}]}"#
    );
    let reply = every_integration(LoudError::Maintenance);
    assert_eq!(
        reply.text(),
        r#"{"errors":[{"status":"503","title":"Service Unavailable","detail":"try again later"}]}"#
    );
    assert_eq!(reply.header("retry-after"), "30");
    assert_eq!(reply.header("content-type"), "application/vnd.api+json");
}

#[test]
fn the_code_stays_in_the_entry_and_the_catalogue() {
    let entries: Vec<(&str, bool)> = QuietError::CATALOGUE
        .entries()
        .map(|entry| (entry.code, entry.code_in_body))
        .collect();
    assert_eq!(entries, [("not_found", false), ("seat_limit", true)]);
    assert_eq!(LoudError::Maintenance.code(), "maintenance");
    assert!(!LoudError::Maintenance.entry().code_in_body);
    assert!(LoudError::NotFound(1).entry().code_in_body);
}

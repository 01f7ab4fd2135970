//! `#[api_error(no_message)]`: a variant, or every variant of an enum, without a public
//! message on purpose, 4xx included. Each format does what its world does without one,
//! through `to_response`, axum and actix-web alike.

mod http_support;

use apifault::{ApiError, Boom, Context, Format, JsonApi, RenderError};
use http_support::every_integration;

/// RFC 9457 problems, one of them without a message.
#[derive(Debug, thiserror::Error, ApiError)]
enum ProblemError {
    #[error("no case {0} (looked up in shard 3)")]
    #[status(404)]
    #[api_error(no_message)]
    NotFound(u32),

    #[error("case {0} is closed")]
    #[status(409)]
    Closed(u32),
}

/// JSON:API errors without messages, but where a variant declares one.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi, no_message)]
enum ResourceError {
    #[error("no resource {0}")]
    #[status(404)]
    NotFound(u32),

    #[error("version {0} is stale")]
    #[status(412)]
    #[message("The resource changed since version {0}.")]
    Stale(u32),
}

/// hapi's Boom without messages: the status phrase, as `Boom.notFound()` answers.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Boom, no_message)]
enum HapiError {
    #[error("no route {0}")]
    #[status(404)]
    NotFound(&'static str),

    #[error("database: {0}")]
    #[status(500)]
    Internal(&'static str),
}

/// `{"code": "…", "message": "…"?}`, writing the message only when the error has one.
struct House;

impl Format for House {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write_body<E: ApiError>(
        error: &E,
        _: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let body = match error.message() {
            Some(message) => {
                serde_json::json!({"code": error.code(), "message": message.to_string()})
            }
            None => serde_json::json!({"code": error.code()}),
        };
        Ok(serde_json::to_writer(out, &body)?)
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = House)]
enum HouseError {
    #[error("token {0} expired")]
    #[status(401)]
    #[api_error(no_message, header("WWW-Authenticate" = "Bearer"))]
    Expired(u32),
}

#[test]
fn problem_leaves_out_detail() {
    let reply = every_integration(ProblemError::NotFound(7));
    assert_eq!(reply.status, 404);
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"code":"not_found"}"#
    );
    assert!(ProblemError::NotFound(7).message().is_none());
    // The other variant keeps its `Display`.
    assert_eq!(
        every_integration(ProblemError::Closed(2)).text(),
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"case 2 is closed","code":"closed"}"#
    );
}

#[test]
fn jsonapi_leaves_out_detail_where_the_enum_says_so() {
    let reply = every_integration(ResourceError::NotFound(7));
    assert_eq!(
        reply.text(),
        r#"{"errors":[{"status":"404","code":"not_found","title":"Not Found"}]}"#
    );
    // A variant's own `#[message]` wins over the enum's `no_message`.
    let reply = every_integration(ResourceError::Stale(3));
    assert_eq!(
        reply.text(),
        r#"{"errors":[{"status":"412","code":"stale","title":"Precondition Failed","detail":"The resource changed since version 3."}]}"#
    );
}

#[test]
fn boom_writes_the_status_phrase_and_masks_a_500() {
    assert_eq!(
        every_integration(HapiError::NotFound("/nope")).text(),
        r#"{"statusCode":404,"error":"Not Found","message":"Not Found"}"#
    );
    assert_eq!(
        every_integration(HapiError::Internal("refused")).text(),
        r#"{"statusCode":500,"error":"Internal Server Error","message":"An internal server error occurred"}"#
    );
}

#[test]
fn a_house_format_sees_no_message() {
    let reply = every_integration(HouseError::Expired(4));
    assert_eq!(reply.text(), r#"{"code":"expired"}"#);
    assert_eq!(reply.header("www-authenticate"), "Bearer");
    assert!(HouseError::Expired(4).message().is_none());
}

#[test]
fn the_entry_records_no_public_message() {
    let public: Vec<(&str, bool)> = ProblemError::CATALOGUE
        .entries()
        .chain(ResourceError::CATALOGUE.entries())
        .map(|entry| (entry.code, entry.public_message))
        .collect();
    assert_eq!(
        public,
        [
            ("not_found", false),
            ("closed", true),
            ("not_found", false),
            ("stale", true),
        ]
    );
    assert!(!ProblemError::NotFound(1).has_part(apifault::Part::Message));
}

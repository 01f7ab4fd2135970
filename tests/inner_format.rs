//! `#[api_error(transparent, inner_format)]`: a transparent variant that answers entirely as
//! its inner error answers on its own, in the inner type's format and the inner type's
//! per-variant formats, through `Box` and `Arc`; through `to_response`, axum and actix-web
//! alike, and the OpenAPI responses list each inner entry under its content type.

use std::sync::Arc;

use actix_web::ResponseError;
use apifault::{ApiError, Boom, Context, JsonApi};
use apifault_suite::formats::plain_text::PlainText;
use apifault_suite::render::header_list;
use axum::response::IntoResponse;
use http_body_util::BodyExt;

/// An object store's errors, answered as hapi's Boom bodies.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Boom)]
enum StoreError {
    /// No object has this key.
    #[error("object {0} not found")]
    #[status(404)]
    Missing(String),

    /// The store failed.
    #[error("disk full")]
    #[status(500)]
    Full,
}

#[derive(Debug, thiserror::Error, ApiError)]
enum FraudError {
    /// The card is flagged.
    #[error("card flagged")]
    #[status(403)]
    Flagged,
}

/// A payment provider's errors: plain text, but a declined card in JSON:API, and a fraud
/// error answered in this enum's text.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = PlainText)]
enum PaymentError {
    /// The card was declined.
    #[error("card declined")]
    #[status(402)]
    #[api_error(format = JsonApi)]
    Declined,

    /// The provider did not answer.
    #[error("provider unreachable")]
    #[status(502)]
    Unreachable,

    #[error(transparent)]
    #[api_error(transparent)]
    Fraud(FraudError),
}

/// A service answering in problem details, but its store's and its payment provider's
/// errors as they answer on their own.
#[derive(Debug, thiserror::Error, ApiError)]
enum Problem {
    /// No order has this id.
    #[error("order {0} not found")]
    #[status(404)]
    NotFound(u64),

    /// As the store answers: Boom.
    #[error(transparent)]
    #[api_error(transparent, inner_format)]
    Store(Box<StoreError>),

    /// As the provider answers: each of its variants in its format.
    #[error(transparent)]
    #[api_error(transparent, inner_format)]
    Payment(Arc<PaymentError>),

    /// The same errors without `inner_format`: in this enum's format.
    #[error(transparent)]
    #[api_error(transparent)]
    PaymentHere(PaymentError),
}

const TEXT: &str = "text/plain; charset=utf-8";
const PROBLEM: &str = "application/problem+json";
const JSON_API: &str = "application/vnd.api+json";
const JSON: &str = "application/json";

/// A value with the status, content type and exact body it answers with.
type Answer = (Problem, u16, &'static str, &'static str);

fn expected() -> Vec<Answer> {
    vec![
        (
            Problem::NotFound(7),
            404,
            PROBLEM,
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"order 7 not found","code":"not_found"}"#,
        ),
        (
            Problem::Store(Box::new(StoreError::Missing("a.png".to_owned()))),
            404,
            JSON,
            r#"{"statusCode":404,"error":"Not Found","message":"object a.png not found"}"#,
        ),
        (
            Problem::Store(Box::new(StoreError::Full)),
            500,
            JSON,
            r#"{"statusCode":500,"error":"Internal Server Error","message":"An internal server error occurred"}"#,
        ),
        (
            Problem::Payment(Arc::new(PaymentError::Declined)),
            402,
            JSON_API,
            r#"{"errors":[{"status":"402","code":"declined","title":"Payment Required","detail":"card declined"}]}"#,
        ),
        (
            Problem::Payment(Arc::new(PaymentError::Unreachable)),
            502,
            TEXT,
            "Bad Gateway\n",
        ),
        (
            Problem::Payment(Arc::new(PaymentError::Fraud(FraudError::Flagged))),
            403,
            TEXT,
            "card flagged\n",
        ),
        (
            Problem::PaymentHere(PaymentError::Declined),
            402,
            PROBLEM,
            r#"{"type":"about:blank","title":"Payment Required","status":402,"detail":"card declined","code":"declined"}"#,
        ),
        (
            Problem::PaymentHere(PaymentError::Fraud(FraudError::Flagged)),
            403,
            PROBLEM,
            r#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"card flagged","code":"flagged"}"#,
        ),
    ]
}

#[test]
fn to_response_answers_as_the_inner_error() {
    for (error, status, content_type, body) in expected() {
        let response = error.to_response();
        assert_eq!(response.status().as_u16(), status, "{error:?}");
        assert_eq!(
            header_list(response.headers()),
            [("content-type", content_type.to_owned())],
            "{error:?}"
        );
        assert_eq!(String::from_utf8_lossy(response.body()), body, "{error:?}");
    }
    // Exactly as the inner error alone.
    let alone = PaymentError::Declined.to_response();
    let wrapped = Problem::Payment(Arc::new(PaymentError::Declined)).to_response();
    assert_eq!(alone.headers(), wrapped.headers());
    assert_eq!(alone.body(), wrapped.body());
}

#[tokio::test]
async fn axum_answers_as_the_inner_error() {
    for (error, status, content_type, body) in expected() {
        let name = format!("{error:?}");
        let (parts, bytes) = error.into_response().into_parts();
        let bytes = bytes.collect().await.expect("body").to_bytes();
        assert_eq!(parts.status.as_u16(), status, "{name}");
        assert_eq!(
            header_list(&parts.headers),
            [("content-type", content_type.to_owned())],
            "{name}"
        );
        assert_eq!(String::from_utf8_lossy(&bytes), body, "{name}");
    }
}

#[test]
fn actix_web_answers_as_the_inner_error() {
    for (error, status, content_type, body) in expected() {
        assert_eq!(error.status_code().as_u16(), status, "{error:?}");
        let response = error.error_response();
        assert_eq!(response.status().as_u16(), status, "{error:?}");
        // actix-web has a header map of its own: one header, the content type.
        assert_eq!(response.headers().len(), 1, "{error:?}");
        assert_eq!(
            response
                .headers()
                .get("content-type")
                .expect("a content type"),
            content_type,
            "{error:?}"
        );
        let bytes = block_on(actix_web::body::to_bytes(response.into_body())).expect("body");
        assert_eq!(String::from_utf8_lossy(&bytes), body, "{error:?}");
    }
}

/// `actix_web::body::to_bytes` on an in-memory body completes at the first poll.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(future)
}

/// `to_response_in` still answers in the format it names, the inner error's too.
#[test]
fn a_named_format_overrides_the_inner_formats() {
    let error = Problem::Payment(Arc::new(PaymentError::Declined));
    let response = error.to_response_in::<PlainText>(&Context::new());
    assert_eq!(response.headers()["content-type"], TEXT);
    assert_eq!(response.body(), b"card declined\n");
}

#[test]
fn openapi_lists_the_inner_entries_under_the_inner_formats() {
    use utoipa::IntoResponses;
    use utoipa::openapi::RefOr;

    let responses = Problem::responses();
    // Each content type of a status with the codes of its examples (a text body has none).
    let content_of = |status: &str| {
        let RefOr::T(response) = &responses[status] else {
            panic!("{status} is inline");
        };
        response
            .content
            .iter()
            .map(|(content_type, content)| {
                let codes: Vec<&str> = content.examples.keys().map(String::as_str).collect();
                (content_type.as_str(), codes)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        content_of("404"),
        [(PROBLEM, vec!["not_found"]), (JSON, vec!["missing"])]
    );
    assert_eq!(content_of("500"), [(JSON, vec!["full"])]);
    // The inner type's own variant format, then the outer's for the same entry without
    // `inner_format`.
    assert_eq!(
        content_of("402"),
        [(JSON_API, vec!["declined"]), (PROBLEM, vec!["declined"])]
    );
    assert_eq!(
        content_of("502"),
        [(TEXT, vec![]), (PROBLEM, vec!["unreachable"])]
    );
    // Nested in the inner type without a format of its own: the inner type's format.
    assert_eq!(
        content_of("403"),
        [(TEXT, vec![]), (PROBLEM, vec!["flagged"])]
    );
}

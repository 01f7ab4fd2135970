//! A variant whose body its format does not write: `#[api_error(no_body)]` answers with
//! neither body nor `Content-Type` (its headers are sent), and an `#[api_error(body)]`
//! field is the whole body, under the format's content type. Through `to_response`, axum
//! and actix-web, and whatever format the error is rendered in.

mod http_support;

use apifault::{ApiError, Boom, Context, JsonApi};
use apifault_suite::render::{header_list, raw_in};
use http_support::every_integration;
use serde_json::{Value, json};

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = JsonApi)]
enum OAuthError {
    /// RFC 6750 §3.1: a request without credentials gets the challenge alone.
    #[error("no token")]
    #[status(401)]
    #[api_error(no_body, header("WWW-Authenticate" = "Bearer realm=\"api\""))]
    NoToken,

    /// The token endpoint's own error object (RFC 6749 §5.2), built at run time.
    #[error("token request refused")]
    #[status(400)]
    TokenRefused(#[api_error(body)] Value),

    #[error("upstream identity provider failed")]
    #[status(502)]
    Upstream {
        #[api_error(body)]
        relayed: Value,
        detail: String,
    },

    #[error("expired")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Bearer error=\"invalid_token\""))]
    Expired,
}

#[test]
fn no_body_sends_the_status_and_headers_alone() {
    let reply = every_integration(OAuthError::NoToken);
    assert_eq!(reply.status, 401);
    assert!(reply.body.is_empty());
    assert_eq!(
        header_list(&reply.headers),
        [("www-authenticate", "Bearer realm=\"api\"".to_owned())]
    );
    assert!(OAuthError::NoToken.entry().no_body);
    // Whatever format it is rendered in.
    let response = OAuthError::NoToken.to_response_in::<Boom>(&Context::new());
    assert!(response.body().is_empty());
    assert!(response.headers().get("content-type").is_none());
}

#[test]
fn a_body_field_is_the_whole_body_under_the_formats_content_type() {
    let refused = json!({"error": "invalid_grant", "error_description": "code expired"});
    let reply = every_integration(OAuthError::TokenRefused(refused));
    assert_eq!(reply.status, 400);
    assert_eq!(
        header_list(&reply.headers),
        [("content-type", "application/vnd.api+json".to_owned())]
    );
    assert_eq!(
        reply.text(),
        r#"{"error":"invalid_grant","error_description":"code expired"}"#
    );
    let error = OAuthError::TokenRefused(json!({"error": "x"}));
    assert_eq!(
        raw_in::<Boom, _>(&error, &Context::new()),
        r#"{"error":"x"}"#
    );
}

/// A body field is exposed by its declaration, as an exposed field is: a 5xx sends it,
/// and nothing else of the error (its `Display`, its other fields).
#[test]
fn a_5xx_body_field_is_sent_and_nothing_else_of_the_error() {
    let error = OAuthError::Upstream {
        relayed: json!({"error": "temporarily_unavailable"}),
        detail: "pool s3cr3t exhausted".into(),
    };
    let reply = every_integration(error);
    assert_eq!(reply.status, 502);
    assert_eq!(reply.text(), r#"{"error":"temporarily_unavailable"}"#);
}

#[test]
fn other_variants_keep_their_formats_body() {
    let reply = every_integration(OAuthError::Expired);
    assert_eq!(reply.header("content-type"), "application/vnd.api+json");
    assert_eq!(
        reply.text(),
        r#"{"errors":[{"status":"401","code":"expired","title":"Unauthorized","detail":"expired"}]}"#
    );
}

/// A transparent variant answers with its inner error's body, or its lack of one.
#[derive(Debug, thiserror::Error, ApiError)]
enum AppError {
    #[error(transparent)]
    #[api_error(transparent)]
    OAuth(#[from] OAuthError),
}

#[test]
fn a_transparent_variant_answers_as_its_inner_error() {
    let reply = every_integration(AppError::OAuth(OAuthError::NoToken));
    assert_eq!(reply.status, 401);
    assert!(reply.body.is_empty());
    assert!(reply.headers.get("content-type").is_none());
    let reply = every_integration(AppError::OAuth(OAuthError::TokenRefused(json!({"a": 1}))));
    assert_eq!(reply.header("content-type"), "application/problem+json");
    assert_eq!(reply.text(), r#"{"a":1}"#);
}

//! The headers a status mandates (`WWW-Authenticate` on 401, `Allow` on 405) under the
//! user's control: declared once on the enum, overridden by a variant, or deliberately
//! omitted with `omit_header(…)`; exact headers and bodies through `to_response`, axum and
//! actix-web.

mod http_support;

use apifault::ApiError;
use http::HeaderMap;
use http_support::every_integration;

/// The challenge declared once; one variant answers with its own.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(header("WWW-Authenticate" = "Bearer realm=\"api\""), header("X-Api-Version" = "2"))]
enum AuthError {
    #[error("token missing")]
    #[status(401)]
    MissingToken,

    #[error("token expired")]
    #[status(401)]
    #[api_error(header("www-authenticate" = "Bearer error=\"invalid_token\""))]
    ExpiredToken,

    #[error("not your workspace")]
    #[status(403)]
    Forbidden,
}

/// An API that never sends a challenge, and a 405 without `Allow`.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(omit_header("WWW-Authenticate"))]
enum GatewayError {
    #[error("no valid API key provided")]
    #[status(401)]
    NoApiKey,

    #[error("read-only endpoint")]
    #[status(405)]
    #[api_error(omit_header("Allow"))]
    ReadOnly,

    #[error("use GET")]
    #[status(405)]
    #[api_error(header("Allow" = "GET, HEAD"))]
    GetOnly,
}

/// A 401 without a challenge on one variant only.
#[derive(Debug, thiserror::Error, ApiError)]
enum SessionError {
    #[error("session expired")]
    #[status(401)]
    #[api_error(omit_header("WWW-Authenticate"))]
    Expired,

    #[error("sign in")]
    #[status(UNAUTHORIZED)]
    #[api_error(header("WWW-Authenticate" = "Basic"))]
    SignIn,
}

/// The response's headers, besides the content type, as `(name, value)` text pairs.
fn declared(headers: &HeaderMap) -> Vec<(&str, &str)> {
    headers
        .iter()
        .filter(|(name, _)| *name != http::header::CONTENT_TYPE)
        .map(|(name, value)| (name.as_str(), value.to_str().expect("text")))
        .collect()
}

#[test]
fn the_enum_declares_the_challenge_once_and_a_variant_overrides_it() {
    let reply = every_integration(AuthError::MissingToken);
    assert_eq!(reply.status, 401);
    assert_eq!(
        declared(&reply.headers),
        [
            ("www-authenticate", "Bearer realm=\"api\""),
            ("x-api-version", "2")
        ]
    );
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"token missing","code":"missing_token"}"#
    );

    let reply = every_integration(AuthError::ExpiredToken);
    assert_eq!(
        declared(&reply.headers),
        [
            ("www-authenticate", "Bearer error=\"invalid_token\""),
            ("x-api-version", "2")
        ]
    );

    // Every variant sends the enum's headers, whatever its status.
    let reply = every_integration(AuthError::Forbidden);
    assert_eq!(reply.status, 403);
    assert_eq!(
        declared(&reply.headers),
        [
            ("www-authenticate", "Bearer realm=\"api\""),
            ("x-api-version", "2")
        ]
    );
}

#[test]
fn an_omitted_header_is_not_sent() {
    let reply = every_integration(GatewayError::NoApiKey);
    assert_eq!(reply.status, 401);
    assert_eq!(declared(&reply.headers), []);
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"no valid API key provided","code":"no_api_key"}"#
    );

    let reply = every_integration(GatewayError::ReadOnly);
    assert_eq!(reply.status, 405);
    assert_eq!(declared(&reply.headers), []);

    let reply = every_integration(GatewayError::GetOnly);
    assert_eq!(declared(&reply.headers), [("allow", "GET, HEAD")]);
}

#[test]
fn a_variant_omits_what_another_sends() {
    let reply = every_integration(SessionError::Expired);
    assert_eq!((reply.status, declared(&reply.headers)), (401, vec![]));
    let reply = every_integration(SessionError::SignIn);
    assert_eq!(
        (reply.status, declared(&reply.headers)),
        (401, vec![("www-authenticate", "Basic")])
    );
}

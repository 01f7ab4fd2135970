//! `#[api_error(code_header = "…")]`: every response repeats the machine code on a header,
//! equal to the body's (a runtime code's value included), in every format, Boom's (whose
//! body has no code) and house formats included, through `to_response`, axum and
//! actix-web alike.

#[path = "http_support/mod.rs"]
mod http_support;

use apifault::{ApiError, Boom, Context, JsonApi, Problem};
use apifault_suite::formats::plain_text::PlainText;
use apifault_suite::render::header_list;
use http::StatusCode;
use http_support::every_integration;
use serde_json::json;

/// Microsoft's REST API guidelines: `x-ms-error-code` equal to the body's `code`.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "PascalCase", code_header = "x-ms-error-code")]
enum StorageError {
    #[error("the container {name} was not found")]
    #[status(404)]
    ContainerNotFound {
        #[api_error(expose)]
        name: String,
    },

    #[error("the lease is held")]
    #[status(409)]
    #[api_error(header("Retry-After" = "5"))]
    LeaseAlreadyPresent,

    #[error("upstream said {code}")]
    #[status(502)]
    #[api_error(codes("ServerBusy", "OperationTimedOut"))]
    Upstream {
        #[api_error(code)]
        code: String,
    },

    #[error("gone")]
    #[status(410)]
    #[api_error(no_body)]
    Gone,

    #[error(transparent)]
    #[api_error(transparent)]
    Auth(#[from] AuthError),
}

/// An inner type with a code header of its own, of another name: a transparent variant
/// answers with the outer type's header only.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Boom, code_header = "X-Inner-Code")]
enum AuthError {
    #[error("the token expired")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Bearer"))]
    TokenExpired,
}

#[test]
fn the_header_equals_the_body_code_through_every_integration() {
    let reply = every_integration(StorageError::ContainerNotFound {
        name: "logs".into(),
    });
    assert_eq!(reply.status, 404);
    assert_eq!(
        header_list(&reply.headers),
        [
            ("content-type", "application/problem+json".to_owned()),
            ("x-ms-error-code", "ContainerNotFound".to_owned()),
        ]
    );
    assert_eq!(reply.json()["code"], "ContainerNotFound");
    assert_eq!(reply.json()["code"], reply.header("x-ms-error-code"));
}

#[test]
fn declared_headers_come_first() {
    let reply = every_integration(StorageError::LeaseAlreadyPresent);
    assert_eq!(
        header_list(&reply.headers),
        [
            ("content-type", "application/problem+json".to_owned()),
            ("retry-after", "5".to_owned()),
            ("x-ms-error-code", "LeaseAlreadyPresent".to_owned()),
        ]
    );
}

#[test]
fn a_runtime_code_is_on_the_header_as_in_the_body() {
    let reply = every_integration(StorageError::Upstream {
        code: "ServerBusy".into(),
    });
    assert_eq!(reply.header("x-ms-error-code"), "ServerBusy");
    assert_eq!(reply.json()["code"], "ServerBusy");
    // A refused runtime code falls back to the declared one, on both.
    let reply = every_integration(StorageError::Upstream {
        code: "not a code".into(),
    });
    assert_eq!(reply.header("x-ms-error-code"), "Upstream");
    assert_eq!(reply.json()["code"], "Upstream");
}

#[test]
fn a_response_without_a_body_carries_the_header() {
    let reply = every_integration(StorageError::Gone);
    assert_eq!(
        header_list(&reply.headers),
        [("x-ms-error-code", "Gone".to_owned())]
    );
    assert!(reply.body.is_empty());
}

#[test]
fn a_transparent_variant_carries_the_outer_types_header_only() {
    let reply = every_integration(StorageError::from(AuthError::TokenExpired));
    assert_eq!(
        header_list(&reply.headers),
        [
            ("content-type", "application/problem+json".to_owned()),
            ("www-authenticate", "Bearer".to_owned()),
            ("x-ms-error-code", "token_expired".to_owned()),
        ]
    );
    // On its own, the inner type answers with its own header, lowercase.
    let reply = every_integration(AuthError::TokenExpired);
    assert_eq!(reply.header("x-inner-code"), "token_expired");
    assert!(reply.headers.get("x-ms-error-code").is_none());
}

#[test]
fn every_format_carries_the_header_boom_and_house_formats_included() {
    let error = StorageError::ContainerNotFound {
        name: "logs".into(),
    };
    let context = Context::new();
    let responses = [
        error.to_response_in::<Problem>(&context),
        error.to_response_in::<JsonApi>(&context),
        error.to_response_in::<Boom>(&context),
        error.to_response_in::<PlainText>(&context),
    ];
    for response in &responses {
        assert_eq!(
            response.headers().get_all("x-ms-error-code").iter().count(),
            1,
            "{:?}",
            response.headers()
        );
        assert_eq!(response.headers()["x-ms-error-code"], "ContainerNotFound");
    }
    // Boom's body has no code: the header is where a client reads it.
    let boom: serde_json::Value = serde_json::from_slice(responses[2].body()).unwrap();
    assert_eq!(
        boom,
        json!({"statusCode": 404, "error": "Not Found", "message": "the container logs was not found", "name": "logs"})
    );
    assert_eq!(responses[3].body(), b"the container logs was not found\n");
}

#[test]
fn a_boom_type_gives_clients_the_code_on_the_header() {
    let reply = every_integration(AuthError::TokenExpired);
    assert_eq!(reply.status, 401);
    assert_eq!(
        header_list(&reply.headers),
        [
            ("content-type", "application/json".to_owned()),
            ("www-authenticate", "Bearer".to_owned()),
            ("x-inner-code", "token_expired".to_owned()),
        ]
    );
    assert_eq!(reply.json().get("code"), None);
}

/// A wrapper around `anyhow::Error`: the code of what it answers as.
#[derive(Debug, ApiError)]
#[api_error(wrapper, code_header = "x-error-code")]
#[status(500)]
#[code("InternalError")]
struct AppError(anyhow::Error);

#[test]
fn a_wrapper_carries_its_code() {
    let reply = every_integration(AppError(anyhow::anyhow!("the disk is full")));
    assert_eq!(reply.status, 500);
    assert_eq!(reply.header("x-error-code"), "InternalError");
}

#[test]
fn the_constant_is_the_lowercase_name_and_none_without_the_option() {
    assert_eq!(StorageError::CODE_HEADER, Some("x-ms-error-code"));
    assert_eq!(AuthError::CODE_HEADER, Some("x-inner-code"));

    #[derive(Debug, thiserror::Error, ApiError)]
    enum Plain {
        #[error("nope")]
        #[status(400)]
        Nope,
    }
    assert_eq!(Plain::CODE_HEADER, None);
    let response = Plain::Nope.to_response();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        header_list(response.headers()),
        [("content-type", "application/problem+json".to_owned())]
    );
}

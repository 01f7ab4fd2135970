//! The framework impls the derive gets from the runtime's features, on shapes the example
//! does not have (generics, lifetimes, structs), without the context layer, in another
//! format, and axum's query and form rejections.

mod http_support;

use std::fmt::Display;

use actix_web::ResponseError;
use apifault::axum::{ContextLayer, InFormat, Rejection};
use apifault::{ApiError, JsonApi};
use axum::Router;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Query};
use axum::response::IntoResponse;
use axum::routing::get;
use http_body_util::BodyExt;
use http_support::Client;
use serde_json::{Value, json};

#[derive(Debug, thiserror::Error, ApiError)]
enum LookupError<'a, K: Display + std::fmt::Debug> {
    #[error("no {kind} {key}")]
    #[status(404)]
    Missing { kind: &'a str, key: K },

    #[error("slow down")]
    #[status(429)]
    #[api_error(header("Retry-After" = "{0}"))]
    Limited(u32),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("gone")]
#[status(410)]
#[api_error(code_in_body = false)]
struct Gone;

async fn axum_parts(response: axum::response::Response) -> (u16, http::HeaderMap, Value) {
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes();
    (
        parts.status.as_u16(),
        parts.headers,
        serde_json::from_slice(&bytes).expect("JSON"),
    )
}

#[tokio::test]
async fn into_response_without_the_layer_is_the_plain_response() {
    let error = LookupError::Missing {
        kind: "case",
        key: 7_u64,
    };
    let expected = error.to_response();
    let (status, headers, body) = axum_parts(error.into_response()).await;
    assert_eq!(status, 404);
    assert_eq!(headers, *expected.headers());
    assert!(headers.get("x-request-id").is_none());
    assert_eq!(
        body,
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "no case 7", "code": "missing"})
    );

    let (status, headers, body) = axum_parts(LookupError::<u8>::Limited(9).into_response()).await;
    assert_eq!(
        (status, headers["retry-after"].to_str().ok()),
        (429, Some("9"))
    );
    assert_eq!(body["code"], "limited");

    let (status, _, body) = axum_parts(Gone.into_response()).await;
    assert_eq!(
        (status, body),
        (
            410,
            json!({"type": "about:blank", "title": "Gone", "status": 410, "detail": "gone"})
        )
    );
}

#[tokio::test]
async fn in_format_answers_in_the_given_format() {
    let response = InFormat::<JsonApi, _>::new(LookupError::<u8>::Limited(3)).into_response();
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.api+json"
    );
    let (status, headers, body) = axum_parts(response).await;
    assert_eq!(
        (status, headers["retry-after"].to_str().ok()),
        (429, Some("3"))
    );
    assert_eq!(
        body,
        json!({"errors": [{"status": "429", "code": "limited", "title": "Too Many Requests", "detail": "slow down"}]})
    );
}

#[test]
fn response_error_has_the_same_status_headers_and_body() {
    let error = LookupError::<u8>::Limited(5);
    assert_eq!(error.status_code().as_u16(), 429);
    let response = error.error_response();
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers().get("retry-after").unwrap(), "5");
    assert_eq!(
        response.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    let body = actix_web::body::to_bytes(response.into_body());
    let body = block_on(body).expect("body");
    assert_eq!(body, *error.to_response().body());
    assert_eq!(Gone.status_code().as_u16(), 410);
}

/// `actix_web::body::to_bytes` on an in-memory body completes at the first poll.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(future)
}

#[test]
fn rejection_catalogue_lists_every_code() {
    let codes: Vec<(&str, u16)> = Rejection::CATALOGUE
        .entries()
        .map(|entry| (entry.code, entry.status.as_u16()))
        .collect();
    assert_eq!(
        codes,
        [
            ("invalid_json", 400),
            ("invalid_body", 422),
            ("unsupported_media_type", 415),
            ("payload_too_large", 413),
            ("unreadable_body", 400),
            ("invalid_path", 400),
            ("invalid_query", 400),
            ("invalid_form", 400),
            ("unknown_route", 404),
            ("method_not_allowed", 405),
            ("request_timeout", 408),
            ("client_error", 400),
            ("extractor_failed", 500),
            ("internal_error", 500),
            ("service_unavailable", 503),
            ("gateway_timeout", 504),
            ("server_error", 500),
        ]
    );
}

#[derive(serde::Deserialize)]
struct Page {
    page: u32,
}

async fn query(page: Result<Query<Page>, QueryRejection>) -> Result<String, Rejection> {
    let Query(page) = page?;
    Ok(page.page.to_string())
}

async fn form(page: Result<Form<Page>, FormRejection>) -> Result<String, Rejection> {
    let Form(page) = page?;
    Ok(page.page.to_string())
}

#[tokio::test]
async fn query_and_form_rejections_convert() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let client = Client::new(listener.local_addr().expect("local address"));
    let app = Router::new()
        .route("/query", get(query))
        .route("/form", axum::routing::post(form))
        .layer(ContextLayer::new());
    tokio::spawn(async move { axum::serve(listener, app).await });

    assert_eq!(client.get("/query?page=2").await.text(), "2");
    let reply = client
        .send(
            http::Method::GET,
            "/query?page=x",
            &[("x-request-id", "q1")],
            "",
        )
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json(),
        json!({
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": "The query string does not parse.",
            "instance": "/query",
            "code": "invalid_query",
            "request_id": "q1"
        })
    );

    let form_type = [("content-type", "application/x-www-form-urlencoded")];
    let reply = client
        .send(http::Method::POST, "/form", &form_type, "page=x")
        .await;
    assert_eq!(
        (reply.status, reply.json()["code"].clone()),
        (422, json!("invalid_body"))
    );
    let reply = client
        .send(
            http::Method::POST,
            "/form",
            &[("content-type", "text/plain")],
            "page=1",
        )
        .await;
    assert_eq!(
        (reply.status, reply.json()["code"].clone()),
        (415, json!("unsupported_media_type"))
    );
}

//! `#[api_error(framework_impls = false)]`: the derive leaves out `IntoResponse` and
//! `ResponseError`, so the service writes its own around apifault's public helpers.

use actix_web::{HttpResponse, ResponseError};
use apifault::{ApiError, Context};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use serde_json::{Value, json};

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(framework_impls = false, log = false)]
enum AppError {
    #[error("case {0} not found")]
    #[status(404)]
    NotFound(u64),
}

/// The hand-written impls: apifault's response plus a header of the service's own.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = apifault::axum::into_response::<<Self as ApiError>::Format, Self>(&self);
        response
            .headers_mut()
            .insert("x-handled-by", http::HeaderValue::from_static("service"));
        response
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> actix_web::http::StatusCode {
        apifault::actix_web::status_code(self)
    }

    fn error_response(&self) -> HttpResponse {
        let mut response =
            apifault::actix_web::error_response::<<Self as ApiError>::Format, Self>(self);
        response.headers_mut().insert(
            actix_web::http::header::HeaderName::from_static("x-handled-by"),
            actix_web::http::header::HeaderValue::from_static("service"),
        );
        response
    }
}

fn expected_body() -> Value {
    json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "case 7 not found", "code": "not_found"})
}

#[tokio::test]
async fn the_hand_written_into_response_answers() {
    let (parts, body) = AppError::NotFound(7).into_response().into_parts();
    let bytes = body.collect().await.expect("body").to_bytes();
    assert_eq!(parts.status.as_u16(), 404);
    assert_eq!(parts.headers["x-handled-by"], "service");
    assert_eq!(parts.headers["content-type"], "application/problem+json");
    assert_eq!(
        serde_json::from_slice::<Value>(&bytes).expect("JSON"),
        expected_body()
    );
}

#[test]
fn the_hand_written_response_error_answers() {
    let error = AppError::NotFound(7);
    assert_eq!(error.status_code().as_u16(), 404);
    let response = error.error_response();
    assert_eq!(response.headers().get("x-handled-by").unwrap(), "service");
    let body = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(actix_web::body::to_bytes(response.into_body()))
        .expect("body");
    assert_eq!(
        serde_json::from_slice::<Value>(&body).expect("JSON"),
        expected_body()
    );
}

#[test]
fn to_response_is_unchanged_by_the_opt_outs() {
    let response = AppError::NotFound(7).to_response_in::<apifault::Problem>(&Context::new());
    assert_eq!(
        serde_json::from_slice::<Value>(response.body()).expect("JSON"),
        expected_body()
    );
    assert_eq!(AppError::NotFound(7).to_response().body(), response.body());
}

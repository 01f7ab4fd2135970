//! `DynApiError`: derived errors of different types and formats boxed side by side, each
//! answering in its own format, with its own headers, through `to_response`, axum and
//! actix-web.

use actix_web::ResponseError;
use apifault::{ApiError, Boom, DynApiError};
use axum::response::IntoResponse;
use http_body_util::BodyExt;
use serde_json::{Value, json};

#[derive(Debug, thiserror::Error, ApiError)]
enum CrateError {
    #[error("crate `{name}` does not exist")]
    #[status(404)]
    NotFound {
        #[api_error(expose)]
        name: String,
    },
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Boom)]
enum StorageError {
    #[error("the index at 10.0.0.7 is unreachable")]
    #[status(503)]
    #[api_error(header("Retry-After" = "30"))]
    Unreachable,
}

fn boxed() -> Vec<Box<dyn DynApiError + Send + Sync>> {
    vec![
        Box::new(CrateError::NotFound {
            name: "serde".into(),
        }),
        Box::new(StorageError::Unreachable),
    ]
}

/// What each boxed error must answer: status, content type, `Retry-After`, body.
fn expected() -> [(u16, &'static str, Option<&'static str>, Value); 2] {
    [
        (
            404,
            "application/problem+json",
            None,
            json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "crate `serde` does not exist", "code": "not_found", "name": "serde"}),
        ),
        (
            503,
            "application/json",
            Some("30"),
            json!({"statusCode": 503, "error": "Service Unavailable", "message": "Service Unavailable"}),
        ),
    ]
}

fn parts(
    status: u16,
    headers: &http::HeaderMap,
    body: &[u8],
) -> (u16, String, Option<String>, Value) {
    (
        status,
        headers["content-type"].to_str().unwrap().to_owned(),
        headers
            .get("retry-after")
            .map(|value| value.to_str().unwrap().to_owned()),
        serde_json::from_slice(body).expect("JSON"),
    )
}

fn owned(expected: &(u16, &str, Option<&str>, Value)) -> (u16, String, Option<String>, Value) {
    (
        expected.0,
        expected.1.to_owned(),
        expected.2.map(str::to_owned),
        expected.3.clone(),
    )
}

#[test]
fn each_boxed_error_answers_in_its_own_format_through_to_response() {
    for (error, expected) in boxed().iter().zip(expected()) {
        let response = error.to_response();
        assert_eq!(
            parts(
                response.status().as_u16(),
                response.headers(),
                response.body()
            ),
            owned(&expected)
        );
        assert_eq!(error.status().as_u16(), expected.0);
        assert_eq!(response.headers().get_all("content-type").iter().count(), 1);
    }
    let errors = boxed();
    let codes: Vec<&str> = errors.iter().map(|error| error.code()).collect();
    assert_eq!(codes, ["not_found", "unreachable"]);
}

#[test]
fn a_borrowed_trait_object_answers_as_the_value_does() {
    let error = StorageError::Unreachable;
    let view: &dyn DynApiError = &error;
    assert_eq!(view.to_response().body(), error.to_response().body());
    assert_eq!(view.to_response().headers(), error.to_response().headers());
}

#[tokio::test]
async fn each_boxed_error_answers_in_its_own_format_through_axum() {
    for (error, expected) in boxed().into_iter().zip(expected()) {
        let (head, body) = error.into_response().into_parts();
        let bytes = body.collect().await.expect("body").to_bytes();
        assert_eq!(
            parts(head.status.as_u16(), &head.headers, &bytes),
            owned(&expected)
        );
    }
}

#[test]
fn each_boxed_error_answers_in_its_own_format_through_actix_web() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let send: Vec<Box<dyn DynApiError + Send + Sync>> = boxed();
    let local: Vec<Box<dyn DynApiError>> = vec![
        Box::new(CrateError::NotFound {
            name: "serde".into(),
        }),
        Box::new(StorageError::Unreachable),
    ];
    let responses = send
        .iter()
        .map(|error| (error.status_code(), error.error_response()))
        .chain(
            local
                .iter()
                .map(|error| (error.status_code(), error.error_response())),
        );
    for ((status, response), expected) in responses.zip(expected().iter().cycle()) {
        assert_eq!(status.as_u16(), expected.0);
        let mut headers = http::HeaderMap::new();
        for (name, value) in response.headers() {
            headers.append(
                http::HeaderName::from_bytes(name.as_str().as_bytes()).unwrap(),
                http::HeaderValue::from_bytes(value.as_bytes()).unwrap(),
            );
        }
        let status = response.status().as_u16();
        let body = runtime
            .block_on(actix_web::body::to_bytes(response.into_body()))
            .expect("body");
        assert_eq!(parts(status, &headers, &body), owned(expected));
    }
}

//! `#[api_error(wrapper)]`: axum's `anyhow` pattern, a struct around an `anyhow::Error` (or a
//! boxed `dyn Error`) behind a blanket `From`, answering as the first listed type found in
//! its chain, else as its own masked 5xx.

use anyhow::Context as _;
use apifault::{ApiError, Boom, Context, DynApiError};
use http::StatusCode;

#[derive(Debug, thiserror::Error, ApiError)]
enum CaseError {
    #[error("case {id} not found")]
    #[status(404)]
    #[message("case {id} not found")]
    #[api_error(header("X-Case" = "{id}"))]
    NotFound {
        #[api_error(expose)]
        id: u64,
    },
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = Boom)]
enum AuthError {
    #[error("the token expired")]
    #[status(403)]
    Expired,

    /// In a format of its own, which it answers in when found too.
    #[error("too many attempts")]
    #[status(429)]
    #[api_error(format = apifault::JsonApi)]
    Throttled,
}

/// axum's `anyhow-error-response` example, deriving `ApiError`.
#[derive(Debug, ApiError)]
#[api_error(wrapper(find(CaseError, AuthError)))]
#[status(500)]
struct AppError(anyhow::Error);

impl<E: Into<anyhow::Error>> From<E> for AppError {
    fn from(error: E) -> Self {
        Self(error.into())
    }
}

/// A wrapper that looks for nothing: always its masked 500.
#[derive(Debug, ApiError)]
#[api_error(wrapper)]
#[status(503)]
#[code("UNAVAILABLE")]
#[api_error(header("Retry-After" = "30"))]
struct Unavailable(Box<dyn std::error::Error + Send + Sync>);

fn load(id: u64) -> Result<(), AppError> {
    let found: Result<(), CaseError> = Err(CaseError::NotFound { id });
    found
        .context("reading the case row")
        .context("loading the case")
        .context("handling GET /cases/7 for token s3cr3t")?;
    Ok(())
}

fn body(response: &http::Response<Vec<u8>>) -> serde_json::Value {
    serde_json::from_slice(response.body()).unwrap()
}

#[test]
fn a_listed_type_three_contexts_deep_answers_entirely() {
    let error = load(7).unwrap_err();
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(error.code(), "not_found");
    let response = error.to_response();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["x-case"], "7");
    assert_eq!(
        body(&response),
        serde_json::json!({
            "type": "about:blank",
            "title": "Not Found",
            "status": 404,
            "detail": "case 7 not found",
            "code": "not_found",
            "id": 7,
        })
    );
}

#[test]
fn a_found_type_answers_in_its_own_format() {
    let error =
        AppError::from(anyhow::Error::new(AuthError::Expired).context("checking the token"));
    let response = error.to_response();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        body(&response),
        serde_json::json!({"statusCode": 403, "error": "Forbidden", "message": "the token expired"})
    );
}

#[test]
fn nothing_found_answers_as_the_masked_500_without_the_context() {
    let error = AppError::from(
        anyhow::anyhow!("connection refused at 10.0.0.3").context("handling token s3cr3t"),
    );
    assert_eq!(error.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(error.to_string(), "handling token s3cr3t");
    assert_eq!(
        error.log_source().map(ToString::to_string).as_deref(),
        Some("connection refused at 10.0.0.3")
    );
    let response = error.to_response();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let text = String::from_utf8(response.body().clone()).unwrap();
    assert!(
        !text.contains("s3cr3t") && !text.contains("10.0.0.3"),
        "{text}"
    );
    assert_eq!(
        body(&response),
        serde_json::json!({
            "type": "about:blank",
            "title": "Internal Server Error",
            "status": 500,
            "code": "app_error",
        })
    );
}

#[test]
fn a_boxed_dyn_error_wrapper_answers_its_own_status_and_headers() {
    let error = Unavailable(Box::new(std::io::Error::other("disk /var/secret full")));
    let response = error.to_response();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(body(&response)["code"], "UNAVAILABLE");
    assert!(!String::from_utf8_lossy(response.body()).contains("secret"));
}

#[test]
fn the_catalogue_lists_the_wrapper_then_each_listed_type() {
    let codes: Vec<&str> = AppError::CATALOGUE
        .entries()
        .map(|entry| entry.code)
        .collect();
    assert_eq!(codes, ["app_error", "not_found", "expired", "throttled"]);
}

#[test]
fn a_wrapper_can_be_boxed_beside_other_errors() {
    let errors: Vec<Box<dyn DynApiError + Send + Sync>> = vec![
        Box::new(load(3).unwrap_err()),
        Box::new(CaseError::NotFound { id: 4 }),
    ];
    let statuses: Vec<u16> = errors.iter().map(|e| e.status().as_u16()).collect();
    assert_eq!(statuses, [404, 404]);
    let response = errors[0].to_response_with(&Context::default());
    assert_eq!(response.headers()["x-case"], "3");
}

async fn axum_parts(response: axum::response::Response) -> (http::response::Parts, Vec<u8>) {
    use http_body_util::BodyExt;
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes();
    (parts, bytes.to_vec())
}

/// A handler of axum's `anyhow-error-response` example: `?` on any error.
async fn handler(id: u64) -> Result<&'static str, AppError> {
    load(id)?;
    Ok("found")
}

#[tokio::test]
async fn axum_answers_the_found_type_and_the_masked_500_alike() {
    use axum::response::IntoResponse;
    let expected = load(7).unwrap_err().to_response();
    let (parts, body) = axum_parts(handler(7).await.into_response()).await;
    assert_eq!(parts.status, StatusCode::NOT_FOUND);
    assert_eq!(parts.headers, *expected.headers());
    assert_eq!(body, *expected.body());

    let masked = AppError::from(anyhow::anyhow!("pool timed out").context("token s3cr3t"));
    let expected = masked.to_response();
    let (parts, body) = axum_parts(masked.into_response()).await;
    assert_eq!(parts.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(body, *expected.body());
    assert!(!String::from_utf8_lossy(&body).contains("s3cr3t"));
}

#[test]
fn actix_web_answers_the_found_type_and_the_masked_500_alike() {
    use actix_web::ResponseError;
    for error in [
        load(7).unwrap_err(),
        AppError::from(anyhow::Error::new(AuthError::Expired).context("checking")),
        AppError::from(anyhow::anyhow!("pool timed out").context("token s3cr3t")),
    ] {
        let expected = error.to_response();
        assert_eq!(error.status_code().as_u16(), expected.status().as_u16());
        let response = error.error_response();
        assert_eq!(response.status().as_u16(), expected.status().as_u16());
        assert_eq!(
            response.headers().get("content-type").unwrap().as_bytes(),
            expected.headers()["content-type"].as_bytes()
        );
        let body = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime")
            .block_on(actix_web::body::to_bytes(response.into_body()))
            .expect("body");
        assert_eq!(body, *expected.body());
    }
}

#[test]
fn a_listed_type_is_found_under_a_typed_source_too() {
    #[derive(Debug, thiserror::Error)]
    #[error("repository failed")]
    struct RepositoryError(#[source] CaseError);

    let error = AppError::from(RepositoryError(CaseError::NotFound { id: 2 }));
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(body(&error.to_response())["id"], 2);
}

#[test]
fn the_openapi_responses_list_each_listed_type_in_its_own_format() {
    let responses: std::collections::BTreeMap<String, _> =
        <AppError as utoipa::IntoResponses>::responses();
    let responses = serde_json::to_value(responses).unwrap();
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(statuses, ["403", "404", "429", "500"]);
    assert_eq!(
        responses["403"]["content"]["application/json"]["examples"]["expired"]["value"],
        serde_json::json!({"statusCode": 403, "error": "Forbidden", "message": "Forbidden"})
    );
    assert!(
        responses["404"]["content"]["application/problem+json"]["examples"]["not_found"]
            .is_object()
    );
    // A listed type's variant in its own format is listed in it.
    let throttled: Vec<&String> = responses["429"]["content"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(throttled, ["application/vnd.api+json"]);
    assert!(
        responses["500"]["content"]["application/problem+json"]["examples"]["app_error"]
            .is_object()
    );
}

#[test]
fn a_found_type_answers_in_its_variants_own_format() {
    let response = AppError::from(AuthError::Throttled).to_response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.api+json"
    );
    assert_eq!(
        body(&response),
        serde_json::json!({"errors": [{"status": "429", "code": "throttled", "title": "Too Many Requests", "detail": "too many attempts"}]})
    );
}

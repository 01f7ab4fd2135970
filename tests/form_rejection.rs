//! A form body that does not fit names the field at fault, alike through axum's and
//! actix-web's `Form` extractors (apifault's, called as the frameworks call them): the
//! example services have no form route, so the extractors are called here on real
//! requests. A wrong content type answers 415 on both.

use actix_web::http::header::ContentType;
use actix_web::test::TestRequest;
use apifault::Rejection;
use axum::extract::FromRequest as _;
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::{Value, json};

/// A case filed through an HTML form.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct CaseForm {
    name: String,
    priority: u8,
}

/// axum's answer to `body` sent with `content_type`: status and JSON body.
async fn axum_answer(content_type: &str, body: &'static str) -> (u16, Value) {
    let request = axum::http::Request::post("/cases")
        .header("content-type", content_type)
        .body(axum::body::Body::from(body))
        .expect("a request");
    let Err(rejection) =
        apifault::axum::Form::<CaseForm, Rejection>::from_request(request, &()).await
    else {
        panic!("{body} is rejected");
    };
    let response = rejection.into_response();
    let status = response.status().as_u16();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("the body");
    (status, serde_json::from_slice(&bytes).expect("JSON"))
}

/// actix-web's answer to `body` sent with `content_type`, under apifault's `FormConfig`.
async fn actix_answer(content_type: ContentType, body: &'static str) -> (u16, Value) {
    let (request, mut payload) = TestRequest::post()
        .uri("/cases")
        .insert_header(content_type)
        .app_data(apifault::actix_web::form_config::<Rejection>())
        .set_payload(body)
        .to_http_parts();
    let Err(error) =
        <apifault::actix_web::Form<CaseForm, Rejection> as actix_web::FromRequest>::from_request(
            &request,
            &mut payload,
        )
        .await
    else {
        panic!("{body} is rejected");
    };
    let response = error.as_response_error().error_response();
    let status = response.status().as_u16();
    let bytes = actix_web::body::to_bytes(response.into_body())
        .await
        .unwrap_or_default();
    (status, serde_json::from_slice(&bytes).expect("JSON"))
}

#[tokio::test]
async fn form_failures_name_the_field_on_both_frameworks() {
    let cases = [
        (
            "name=Hail&priority=high",
            json!([{"detail": "invalid digit found in string", "pointer": "#/priority", "code": "invalid_type"}]),
            "high",
        ),
        (
            "name=Hail&priority=1715",
            json!([{"detail": "number too large to fit in target type", "pointer": "#/priority", "code": "invalid_value"}]),
            "1715",
        ),
        (
            "name=Hail",
            json!([{"detail": "is required", "pointer": "#/priority", "code": "missing_field"}]),
            "Hail",
        ),
        (
            "name=Hail&priority=1&token=hunter2",
            json!([{"detail": "is not allowed", "pointer": "#/token", "code": "unknown_field"}]),
            "hunter2",
        ),
    ];
    for (form, errors, sent) in cases {
        let axum = axum_answer("application/x-www-form-urlencoded", form).await;
        let actix = actix_answer(ContentType::form_url_encoded(), form).await;
        assert_eq!(axum, actix, "{form}: axum, then actix-web");
        let (status, body) = axum;
        assert_eq!(status, 400, "{form}");
        assert_eq!(body["code"], "invalid_form", "{form}");
        assert_eq!(body["errors"], errors, "{form}");
        assert!(
            !body.to_string().contains(sent),
            "{form} echoes {sent}: {body}"
        );
    }
}

#[tokio::test]
async fn a_form_of_another_content_type_is_415_on_both_frameworks() {
    let axum = axum_answer("application/json", "name=Hail&priority=1").await;
    let actix = actix_answer(ContentType::json(), "name=Hail&priority=1").await;
    assert_eq!(axum, actix, "axum, then actix-web");
    assert_eq!(axum.0, 415);
    assert_eq!(axum.1["code"], "unsupported_media_type");
}

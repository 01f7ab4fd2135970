//! `#[api_error(format = …)]` on a variant: one enum answers its 422 as RFC 9457 JSON and
//! everything else as plain text, each with its own content type, through `to_response`,
//! axum and actix-web alike; the catalogue, the specimens and the OpenAPI responses say
//! the same.

mod http_support;

use actix_web::ResponseError;
use apifault::axum::{ContextLayer, InFormat};
use apifault::{ApiError, Context, JsonApi, Problem, Specimen};
use apifault_suite::formats::plain_text::PlainText;
use apifault_suite::render::header_list;
use axum::response::IntoResponse;
use http_body_util::BodyExt;
use http_support::Client;

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = PlainText)]
enum PaymentError {
    /// The card was declined.
    #[error("card declined")]
    #[status(402)]
    #[api_error(format = JsonApi)]
    Declined,
}

#[derive(Debug, thiserror::Error, ApiError)]
enum AuthError {
    /// The session has expired.
    #[error("session expired")]
    #[status(403)]
    Expired,
}

/// A service that answers validation errors as problem details and the rest as text.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = PlainText)]
enum OrderError {
    /// No order has this id.
    #[error("order {0} not found")]
    #[status(404)]
    NotFound(u64),

    /// The quantity is not positive.
    #[error("quantity must be positive")]
    #[status(422)]
    #[api_error(format = Problem)]
    Invalid {
        #[api_error(expose)]
        quantity: i64,
    },

    /// The order is closed.
    #[error("the order is closed")]
    #[status(422)]
    Closed,

    #[error("slow down")]
    #[status(429)]
    #[api_error(header("Retry-After" = "{0}"))]
    Limited(u32),

    /// Answered in this enum's format: a transparent variant keeps the outer one.
    #[error(transparent)]
    #[api_error(transparent)]
    Payment(#[from] PaymentError),

    /// Answered in JSON:API, the transparent variant's own format.
    #[error(transparent)]
    #[api_error(transparent, format = JsonApi)]
    Auth(#[from] AuthError),
}

const TEXT: &str = "text/plain; charset=utf-8";
const PROBLEM: &str = "application/problem+json";
const JSON_API: &str = "application/vnd.api+json";

const INVALID: &str = r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"quantity must be positive","code":"invalid","quantity":-2}"#;
const EXPIRED: &str = r#"{"errors":[{"status":"403","code":"expired","title":"Forbidden","detail":"session expired"}]}"#;

/// A value with the status, headers (name, value) and exact body it answers with.
type Answer = (OrderError, u16, Vec<(&'static str, String)>, String);

/// Every variant with its answer.
fn expected() -> Vec<Answer> {
    let content_type = |value: &str| ("content-type", value.to_owned());
    vec![
        (
            OrderError::NotFound(7),
            404,
            vec![content_type(TEXT)],
            "order 7 not found\n".to_owned(),
        ),
        (
            OrderError::Invalid { quantity: -2 },
            422,
            vec![content_type(PROBLEM)],
            INVALID.to_owned(),
        ),
        (
            OrderError::Closed,
            422,
            vec![content_type(TEXT)],
            "the order is closed\n".to_owned(),
        ),
        (
            OrderError::Limited(30),
            429,
            vec![content_type(TEXT), ("retry-after", "30".to_owned())],
            "slow down\n".to_owned(),
        ),
        (
            OrderError::Payment(PaymentError::Declined),
            402,
            vec![content_type(TEXT)],
            "card declined\n".to_owned(),
        ),
        (
            OrderError::Auth(AuthError::Expired),
            403,
            vec![content_type(JSON_API)],
            EXPIRED.to_owned(),
        ),
    ]
}

#[test]
fn to_response_answers_each_variant_in_its_format() {
    for (error, status, headers, body) in expected() {
        let response = error.to_response();
        assert_eq!(response.status().as_u16(), status, "{error:?}");
        assert_eq!(header_list(response.headers()), headers, "{error:?}");
        assert_eq!(String::from_utf8_lossy(response.body()), body, "{error:?}");
    }
    // The inner type alone answers in its own formats.
    let declined = PaymentError::Declined.to_response();
    assert_eq!(declined.headers()["content-type"], JSON_API);
}

#[tokio::test]
async fn axum_answers_each_variant_in_its_format() {
    for (error, status, headers, body) in expected() {
        let name = format!("{error:?}");
        let (parts, bytes) = error.into_response().into_parts();
        let bytes = bytes.collect().await.expect("body").to_bytes();
        assert_eq!(parts.status.as_u16(), status, "{name}");
        assert_eq!(header_list(&parts.headers), headers, "{name}");
        assert_eq!(String::from_utf8_lossy(&bytes), body, "{name}");
    }
}

#[test]
fn actix_web_answers_each_variant_in_its_format() {
    for (error, status, headers, body) in expected() {
        assert_eq!(error.status_code().as_u16(), status, "{error:?}");
        let response = error.error_response();
        assert_eq!(response.status().as_u16(), status, "{error:?}");
        let mut received: Vec<(&str, String)> = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str(),
                    value.to_str().expect("text header").to_owned(),
                )
            })
            .collect();
        // actix-web's header map does not keep the insertion order.
        received.sort();
        let mut headers = headers;
        headers.sort();
        assert_eq!(received, headers, "{error:?}");
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

/// Behind the context layer, the variant in its own format gets the request's path and
/// id like any other.
#[tokio::test]
async fn the_context_layer_reaches_a_variants_own_format() {
    async fn invalid() -> Result<String, OrderError> {
        Err(OrderError::Invalid { quantity: 0 })
    }
    async fn missing() -> Result<String, OrderError> {
        Err(OrderError::NotFound(3))
    }
    let app = axum::Router::new()
        .route("/orders", axum::routing::post(invalid))
        .route("/orders/3", axum::routing::get(missing))
        .layer(ContextLayer::new());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let client = Client::new(listener.local_addr().expect("local address"));
    tokio::spawn(async move { axum::serve(listener, app).await });

    let reply = client
        .send(http::Method::POST, "/orders", &[("x-request-id", "r1")], "")
        .await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.headers.get_all("content-type").iter().count(), 1);
    assert_eq!(reply.header("content-type"), PROBLEM);
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"quantity must be positive","instance":"/orders","code":"invalid","request_id":"r1","quantity":0}"#
    );

    let reply = client.get("/orders/3").await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.headers.get_all("content-type").iter().count(), 1);
    assert_eq!(reply.header("content-type"), TEXT);
    assert_eq!(reply.text(), "order 3 not found\n");
}

/// `to_response_in` and `InFormat` still answer every variant in the format they name.
#[tokio::test]
async fn a_named_format_overrides_the_variants_own() {
    let invalid = OrderError::Invalid { quantity: 1 };
    let response = invalid.to_response_in::<PlainText>(&Context::new());
    assert_eq!(response.headers()["content-type"], TEXT);
    assert_eq!(response.body(), b"quantity must be positive\n");

    let response = InFormat::<JsonApi, _>::new(OrderError::NotFound(1)).into_response();
    assert_eq!(response.headers()["content-type"], JSON_API);
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    assert_eq!(
        String::from_utf8_lossy(&bytes),
        r#"{"errors":[{"status":"404","code":"not_found","title":"Not Found","detail":"order 1 not found"}]}"#
    );
}

#[test]
fn the_catalogue_knows_each_variants_content_type() {
    let content_types: Vec<(&str, Option<&str>)> = OrderError::CATALOGUE
        .entries()
        .map(|entry| (entry.code, entry.content_type()))
        .collect();
    assert_eq!(
        content_types,
        [
            ("not_found", None),
            ("invalid", Some(PROBLEM)),
            ("closed", None),
            ("limited", None),
            ("declined", Some(JSON_API)),
            ("expired", None),
        ]
    );
}

#[test]
fn a_specimen_renders_in_its_entrys_format() {
    let invalid = OrderError::CATALOGUE.lookup("invalid").expect("entry");
    let specimen = Specimen::<PlainText>::new(invalid);
    assert_eq!(specimen.content_type(), PROBLEM);
    assert_eq!(
        specimen.render_json().expect("JSON"),
        serde_json::json!({
            "type": "about:blank",
            "title": "Unprocessable Content",
            "status": 422,
            "detail": "The quantity is not positive.",
            "code": "invalid"
        })
    );
    assert_eq!(specimen.to_response().headers()["content-type"], PROBLEM);

    let closed = OrderError::CATALOGUE.lookup("closed").expect("entry");
    let specimen = Specimen::<PlainText>::new(closed);
    assert_eq!(specimen.content_type(), TEXT);
    assert_eq!(specimen.render().expect("body"), b"The order is closed.\n");
    assert_eq!(specimen.to_response().headers()["content-type"], TEXT);
}

#[test]
fn openapi_lists_each_variant_under_its_content_type() {
    use utoipa::IntoResponses;
    use utoipa::openapi::RefOr;

    let responses = OrderError::responses();
    let content_of = |status: &str| {
        let RefOr::T(response) = &responses[status] else {
            panic!("{status} is inline");
        };
        response
            .content
            .iter()
            .map(|(content_type, content)| {
                let examples: Vec<(&str, serde_json::Value)> = content
                    .examples
                    .iter()
                    .map(|(code, example)| {
                        let RefOr::T(example) = example else {
                            panic!("{code} is inline");
                        };
                        (code.as_str(), example.value.clone().expect("a value"))
                    })
                    .collect();
                (content_type.as_str(), content.schema.is_some(), examples)
            })
            .collect::<Vec<_>>()
    };
    // A plain-text body has no JSON example and the format no schema.
    assert_eq!(content_of("404"), [(TEXT, false, vec![])]);
    assert_eq!(
        content_of("422"),
        [
            (
                PROBLEM,
                true,
                vec![(
                    "invalid",
                    serde_json::json!({"type": "about:blank", "title": "Unprocessable Content", "status": 422, "detail": "The quantity is not positive.", "code": "invalid"})
                )]
            ),
            (TEXT, false, vec![]),
        ]
    );
    // The inner type's own formats do not count behind a transparent variant: the
    // outer's, or the transparent variant's own, do.
    assert_eq!(content_of("402"), [(TEXT, false, vec![])]);
    assert_eq!(
        content_of("403"),
        [(
            JSON_API,
            true,
            vec![(
                "expired",
                serde_json::json!({"errors": [{"status": "403", "code": "expired", "title": "Forbidden", "detail": "The session has expired."}]})
            )]
        )]
    );
}

//! `#[api_error(transparent)]` through `Box<T>` and `Arc<T>` (two levels deep), and a
//! transparent variant that overrides the inner status or code while delegating the rest,
//! through `to_response`, axum and actix-web.

use std::sync::Arc;

use actix_web::ResponseError;
use apifault::ApiError;
use apifault_suite::render::value;
use axum::response::IntoResponse;
use http_body_util::BodyExt;
use serde_json::{Value, json};

/// An image store's errors.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "kebab-case")]
enum StoreError {
    /// The blob does not exist.
    #[error("blob {0} is missing")]
    #[status(404)]
    Missing(String),

    /// The disk failed.
    #[error("disk /dev/sdb1 failed")]
    #[status(500)]
    Disk,

    /// Slow down.
    #[error("too many reads")]
    #[status(429)]
    #[api_error(header("Retry-After" = "5"))]
    Throttled,
}

/// One level up: the store behind an `Arc`, as a service shares it.
#[derive(Debug, thiserror::Error, ApiError)]
enum CacheError {
    #[error(transparent)]
    #[api_error(transparent)]
    Store(std::sync::Arc<StoreError>),
}

/// Two levels up: the cache error boxed; and the store behind two pointers at once.
#[derive(Debug, thiserror::Error, ApiError)]
// `Box<Arc<_>>` on purpose: the derive delegates through any nesting of the two.
#[allow(clippy::redundant_allocation)]
enum AppError {
    #[error(transparent)]
    #[api_error(transparent)]
    Cache(Box<CacheError>),

    #[error(transparent)]
    #[api_error(transparent)]
    Shared(Box<Arc<StoreError>>),
}

/// The image service: a missing blob on this path is the inner error's own answer, but a
/// blob the thumbnail generator reads is an internal fault; and the throttle gets a code
/// of this API's own.
#[derive(Debug, thiserror::Error, ApiError)]
enum ThumbnailError {
    #[error(transparent)]
    #[api_error(transparent)]
    #[status(500)]
    Source(StoreError),

    #[error(transparent)]
    #[api_error(transparent)]
    #[status(404)]
    #[code("image-unavailable")]
    Original(Box<StoreError>),
}

fn app_error(store: StoreError) -> AppError {
    AppError::Cache(Box::new(CacheError::Store(Arc::new(store))))
}

#[test]
fn box_and_arc_delegate_everything_two_levels_deep() {
    for store in [
        StoreError::Missing("cat.png".into()),
        StoreError::Disk,
        StoreError::Throttled,
    ] {
        let expected = store.to_response();
        let shared = AppError::Shared(Box::new(Arc::new(StoreError::Missing("x".into()))));
        let error = app_error(store);
        let response = error.to_response();
        assert_eq!(response.status(), expected.status());
        assert_eq!(response.headers(), expected.headers());
        assert_eq!(response.body(), expected.body());
        assert!(std::ptr::eq(error.entry(), {
            let AppError::Cache(cache) = &error else {
                unreachable!()
            };
            let CacheError::Store(store) = &**cache;
            store.entry()
        }));
        assert_eq!(shared.code(), "missing");
    }
    assert_eq!(
        value(&app_error(StoreError::Missing("cat.png".into()))),
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "blob cat.png is missing", "code": "missing"})
    );
    let codes: Vec<&str> = AppError::CATALOGUE.entries().map(|e| e.code).collect();
    assert_eq!(
        codes,
        [
            "missing",
            "disk",
            "throttled",
            "missing",
            "disk",
            "throttled"
        ]
    );
}

#[test]
fn an_overriding_variant_answers_with_its_status_and_delegates_the_rest() {
    // A 4xx made a 5xx: the inner message is masked as for any 5xx.
    let error = ThumbnailError::Source(StoreError::Missing("cat.png".into()));
    assert_eq!(error.status().as_u16(), 500);
    assert_eq!(error.code(), "missing");
    assert_eq!(error.entry().status.as_u16(), 500);
    assert!(error.message().is_none());
    assert_eq!(
        value(&error),
        json!({"type": "about:blank", "title": "Internal Server Error", "status": 500, "code": "missing"})
    );

    // A 5xx made a 404 with its own code: the inner 5xx message stays masked, its headers
    // still come along.
    let error = ThumbnailError::Original(Box::new(StoreError::Disk));
    assert_eq!(
        (error.status().as_u16(), error.code()),
        (404, "image-unavailable")
    );
    assert_eq!(
        value(&error),
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "code": "image-unavailable"})
    );
    let error = ThumbnailError::Original(Box::new(StoreError::Missing("cat.png".into())));
    assert_eq!(
        value(&error),
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "blob cat.png is missing", "code": "image-unavailable"})
    );
    let response = ThumbnailError::Original(Box::new(StoreError::Throttled)).to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["retry-after"], "5");
}

#[test]
fn the_catalogue_of_an_overriding_variant_shows_the_override() {
    let rows: Vec<(&str, u16, &str, bool)> = ThumbnailError::CATALOGUE
        .entries()
        .map(|e| (e.name, e.status.as_u16(), e.code, e.public_message))
        .collect();
    assert_eq!(
        rows,
        [
            ("Missing", 500, "missing", false),
            ("Disk", 500, "disk", false),
            ("Throttled", 500, "throttled", false),
            ("Missing", 404, "image-unavailable", true),
            ("Disk", 404, "image-unavailable", false),
            ("Throttled", 404, "image-unavailable", true),
        ]
    );
    let entry = ThumbnailError::Original(Box::new(StoreError::Throttled)).entry();
    assert_eq!((entry.name, entry.status.as_u16()), ("Throttled", 404));
    assert_eq!(entry.description, "Slow down.");
}

/// A billing service's plan errors: one with a type URI of its own, one without.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "kebab-case")]
enum PlanError {
    /// The plan does not exist.
    #[error("unknown plan")]
    #[status(404)]
    #[api_error(type = "https://plans.example.com/unknown")]
    UnknownPlan,

    /// The plan's quota is used up.
    #[error("quota used up")]
    #[status(429)]
    QuotaUsed,
}

/// A gallery whose errors all carry its documentation's type URIs: the inner errors
/// without one of their own take the gallery's `type_base` and their code, nested as they
/// are, overridden, or in a format of the variant's own.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(type_base = "https://docs.example.com/errors/")]
enum GalleryError {
    /// The gallery is closed.
    #[error("closed")]
    #[status(409)]
    Closed,

    #[error(transparent)]
    #[api_error(transparent)]
    Store(StoreError),

    #[error(transparent)]
    #[api_error(transparent)]
    #[status(404)]
    #[code("image-unavailable")]
    Original(Box<StoreError>),

    #[error(transparent)]
    #[api_error(transparent, format = apifault::JsonApi)]
    Plan(PlanError),
}

/// The gallery and the plans it bills, nested once more: the plans' entries are listed
/// twice, once with the gallery's type URIs and once without, and each is still one use of
/// its code.
#[allow(dead_code)] // Only its catalogue is read.
#[derive(Debug, thiserror::Error, ApiError)]
enum SiteError {
    #[error(transparent)]
    #[api_error(transparent)]
    Gallery(GalleryError),

    #[error(transparent)]
    #[api_error(transparent)]
    Plan(PlanError),
}

#[test]
fn inner_entries_take_the_enums_type_base_as_the_body_does() {
    use apifault::{Part, Problem, Specimen};

    let base = "https://docs.example.com/errors/";
    let types: Vec<(&str, &str, Option<&str>)> = GalleryError::CATALOGUE
        .entries()
        .map(|e| (e.name, e.code, e.type_uri))
        .collect();
    assert_eq!(
        types,
        [
            (
                "Closed",
                "closed",
                Some("https://docs.example.com/errors/closed")
            ),
            (
                "Missing",
                "missing",
                Some("https://docs.example.com/errors/missing")
            ),
            ("Disk", "disk", Some("https://docs.example.com/errors/disk")),
            (
                "Throttled",
                "throttled",
                Some("https://docs.example.com/errors/throttled")
            ),
            (
                "Missing",
                "image-unavailable",
                Some("https://docs.example.com/errors/image-unavailable")
            ),
            (
                "Disk",
                "image-unavailable",
                Some("https://docs.example.com/errors/image-unavailable")
            ),
            (
                "Throttled",
                "image-unavailable",
                Some("https://docs.example.com/errors/image-unavailable")
            ),
            (
                "UnknownPlan",
                "unknown-plan",
                Some("https://plans.example.com/unknown")
            ),
            (
                "QuotaUsed",
                "quota-used",
                Some("https://docs.example.com/errors/quota-used")
            ),
        ]
    );
    // The inner types' own entries are untouched.
    assert_eq!(
        StoreError::CATALOGUE.lookup("missing").unwrap().type_uri,
        None
    );
    assert!(
        !StoreError::CATALOGUE
            .lookup("missing")
            .unwrap()
            .has_part(Part::Type)
    );
    assert_eq!(
        PlanError::CATALOGUE.lookup("quota-used").unwrap().type_uri,
        None
    );
    GalleryError::CATALOGUE.assert_unique_codes();
    SiteError::CATALOGUE.assert_unique_codes();
    let quota: Vec<Option<&str>> = SiteError::CATALOGUE
        .entries()
        .filter(|e| e.code == "quota-used")
        .map(|e| e.type_uri)
        .collect();
    assert_eq!(
        quota,
        [Some("https://docs.example.com/errors/quota-used"), None]
    );

    // Every value's body, its catalogue entry and the entry's specimen agree.
    let errors = [
        GalleryError::Closed,
        GalleryError::Store(StoreError::Missing("cat.png".into())),
        GalleryError::Store(StoreError::Disk),
        GalleryError::Store(StoreError::Throttled),
        GalleryError::Original(Box::new(StoreError::Disk)),
        GalleryError::Original(Box::new(StoreError::Throttled)),
    ];
    for error in errors {
        let sent = value(&error);
        let entry = GalleryError::CATALOGUE.lookup(error.code()).unwrap();
        assert_eq!(sent["type"], format!("{base}{}", error.code()), "{error:?}");
        assert_eq!(entry.type_uri, sent["type"].as_str(), "{error:?}");
        assert!(entry.has_part(Part::Type));
        let specimen = Specimen::<Problem>::new(entry).render_json().unwrap();
        assert_eq!(specimen["type"], sent["type"], "{error:?}");
    }
    // In the variant's own format, JSON:API, whose type is a link.
    for (error, code) in [
        (GalleryError::Plan(PlanError::QuotaUsed), "quota-used"),
        (GalleryError::Plan(PlanError::UnknownPlan), "unknown-plan"),
    ] {
        let sent = value(&error);
        let entry = GalleryError::CATALOGUE.lookup(code).unwrap();
        let specimen = Specimen::<Problem>::new(entry);
        assert_eq!(specimen.content_type(), "application/vnd.api+json");
        let specimen = specimen.render_json().unwrap();
        let sent_type = &sent["errors"][0]["links"]["type"];
        assert_eq!(entry.type_uri, sent_type.as_str(), "{code}: {sent}");
        assert_eq!(specimen["errors"][0]["links"]["type"], *sent_type, "{code}");
    }
}

async fn axum_body(error: impl IntoResponse) -> (u16, Value) {
    let (parts, body) = error.into_response().into_parts();
    let bytes = body.collect().await.expect("body").to_bytes();
    (
        parts.status.as_u16(),
        serde_json::from_slice(&bytes).expect("JSON"),
    )
}

fn actix_body(error: &impl ResponseError) -> (u16, Value) {
    let response = error.error_response();
    let status = response.status().as_u16();
    let body = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(actix_web::body::to_bytes(response.into_body()))
        .expect("body");
    (status, serde_json::from_slice(&body).expect("JSON"))
}

#[tokio::test]
async fn axum_answers_as_to_response() {
    let error = app_error(StoreError::Missing("cat.png".into()));
    let expected = (404, value(&error));
    assert_eq!(axum_body(error).await, expected);
    let error = ThumbnailError::Source(StoreError::Missing("cat.png".into()));
    let expected = (500, value(&error));
    assert_eq!(axum_body(error).await, expected);
}

#[test]
fn actix_web_answers_as_to_response() {
    let error = app_error(StoreError::Missing("cat.png".into()));
    assert_eq!(error.status_code().as_u16(), 404);
    assert_eq!(actix_body(&error), (404, value(&error)));
    let error = ThumbnailError::Original(Box::new(StoreError::Disk));
    assert_eq!(error.status_code().as_u16(), 404);
    assert_eq!(actix_body(&error), (404, value(&error)));
}

/// A service whose bodies carry no code (`code_in_body = false`) around the plan errors:
/// the plans' entries in its catalogue carry none either, as their bodies do not.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(code_in_body = false)]
enum CodelessError {
    #[error("maintenance")]
    #[status(503)]
    #[api_error(header("Retry-After" = "60"))]
    Maintenance,

    #[error(transparent)]
    #[api_error(transparent)]
    Plan(PlanError),
}

#[test]
fn inner_entries_follow_the_enums_code_in_body_as_the_body_does() {
    use apifault::{Problem, Specimen};

    // The wire: no code for an inner error either.
    let body = serde_json::from_slice::<serde_json::Value>(
        CodelessError::Plan(PlanError::QuotaUsed)
            .to_response()
            .body(),
    )
    .expect("JSON");
    assert!(body.get("code").is_none(), "{body}");
    assert_eq!(body["status"], 429);
    let own = serde_json::from_slice::<serde_json::Value>(
        CodelessError::Maintenance.to_response().body(),
    )
    .expect("JSON");
    assert!(own.get("code").is_none(), "{own}");

    // The catalogue, and the example bodies rendered from it, say the same.
    for entry in CodelessError::CATALOGUE.entries() {
        assert!(!entry.code_in_body, "{}", entry.code);
        let specimen = Specimen::<Problem>::new(entry)
            .render_json()
            .expect("renders");
        assert!(specimen.get("code").is_none(), "{specimen}");
    }
    let quota = CodelessError::CATALOGUE
        .lookup("quota-used")
        .expect("listed");
    assert_eq!(quota.status, 429);
    // The plans' own catalogue is untouched.
    assert!(
        PlanError::CATALOGUE
            .lookup("quota-used")
            .expect("listed")
            .code_in_body
    );
}

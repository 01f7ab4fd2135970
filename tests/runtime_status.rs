//! A status and a code decided at run time (`#[api_error(status)]`, `#[api_error(code)]`):
//! `status()`, `code()`, the body, the headers, the log line and the axum and actix-web
//! responses agree with the runtime value; a value outside 400..=599 or the code alphabet
//! never reaches the wire, the declared one does, with a warning in the log.

use std::borrow::Cow;

use actix_web::ResponseError;
use apifault::{ApiError, Catalogue, Entry};
use apifault_suite::render::whole;
use axum::response::IntoResponse;
use http::StatusCode;
use http_body_util::BodyExt;

/// Errors of a service relaying an upstream's answers, and of one whose callers pass a
/// status or a code.
#[derive(Debug, thiserror::Error, ApiError)]
enum UpstreamError {
    /// The upstream's status and errcode, relayed.
    #[error("upstream answered {status} {errcode}")]
    #[status(BAD_GATEWAY)]
    #[code("upstream")]
    #[message("The upstream service failed.")]
    #[api_error(
        statuses(503, 504),
        codes("M_UNKNOWN", "M_LIMIT_EXCEEDED"),
        header("Retry-After" = "5")
    )]
    Relayed {
        #[api_error(status)]
        status: StatusCode,
        #[api_error(code)]
        errcode: String,
    },

    /// A status the caller chose.
    #[error("{1}")]
    #[status(400)]
    #[message("{1}")]
    Custom(#[api_error(status)] u16, String),

    /// A code the caller chose.
    #[error("bad range")]
    #[status(416)]
    #[api_error(codes("invalid_range", "range_too_large"))]
    Range(#[api_error(code)] Cow<'static, str>),

    /// A fixed one.
    #[error("no case {0}")]
    #[status(404)]
    Missing(u32),
}

/// A type whose runtime status comes from an inner type.
#[derive(Debug, thiserror::Error, ApiError)]
enum Outer {
    #[error(transparent)]
    #[api_error(transparent)]
    Upstream(#[from] UpstreamError),
}

fn relayed(status: u16, errcode: &str) -> UpstreamError {
    UpstreamError::Relayed {
        status: StatusCode::from_u16(status).expect("a status http accepts"),
        errcode: errcode.to_owned(),
    }
}

#[test]
fn the_runtime_status_and_code_are_the_response() {
    let error = relayed(503, "M_UNKNOWN");
    assert_eq!(
        (error.status(), error.code()),
        (StatusCode::SERVICE_UNAVAILABLE, "M_UNKNOWN")
    );
    assert_eq!(
        whole(&error),
        "503 Service Unavailable\n\
         content-type: application/problem+json\n\
         retry-after: 5\n\
         {\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\
         \"detail\":\"The upstream service failed.\",\"code\":\"M_UNKNOWN\"}"
    );
    // Any error status and any code, listed or not: the lists are for the documentation.
    let error = relayed(409, "conflict.elsewhere");
    assert_eq!(
        whole(&error),
        "409 Conflict\n\
         content-type: application/problem+json\n\
         retry-after: 5\n\
         {\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\
         \"detail\":\"The upstream service failed.\",\"code\":\"conflict.elsewhere\"}"
    );
    let error = UpstreamError::Custom(422, "name is taken".into());
    assert_eq!(
        whole(&error),
        "422 Unprocessable Entity\n\
         content-type: application/problem+json\n\
         {\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,\
         \"detail\":\"name is taken\",\"code\":\"custom\"}"
    );
    let error = UpstreamError::Range(Cow::Borrowed("invalid_range"));
    assert_eq!(
        (error.status().as_u16(), error.code()),
        (416, "invalid_range")
    );
    let error = UpstreamError::Missing(7);
    assert_eq!((error.status().as_u16(), error.code()), (404, "missing"));
    // A runtime status decides whether `Display` is public: it could be a 5xx, so only
    // `#[message]` is shown.
    assert!(relayed(404, "x").message().is_some());
    assert_eq!(
        Outer::from(relayed(504, "M_LIMIT_EXCEEDED")).code(),
        "M_LIMIT_EXCEEDED"
    );
}

#[test]
fn hostile_runtime_statuses_fall_back_to_the_declared_one() {
    for status in [0, 1, 99, 100, 200, 204, 301, 399, 600, 999, 1000, u16::MAX] {
        let error = UpstreamError::Custom(status, "x".into());
        assert_eq!(error.status(), StatusCode::BAD_REQUEST, "{status}");
        let response = error.to_response();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{status}");
        let body: serde_json::Value = serde_json::from_slice(response.body()).expect("JSON");
        assert_eq!(body["status"], 400, "{status}");
    }
    for status in [100, 200, 302, 399, 600, 999] {
        assert_eq!(
            relayed(status, "M_UNKNOWN").status(),
            StatusCode::BAD_GATEWAY,
            "{status}"
        );
    }
    for status in [400, 418, 490, 599] {
        assert_eq!(
            UpstreamError::Custom(status, "x".into()).status().as_u16(),
            status
        );
    }
    // A 401 or 405 would go out without the header it mandates: refused, as a declared
    // one is rejected at compile time.
    for status in [401, 405] {
        let response = UpstreamError::Custom(status, "x".into()).to_response();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{status}");
        assert_eq!(
            relayed(status, "x").status(),
            StatusCode::BAD_GATEWAY,
            "{status}"
        );
    }
}

#[test]
fn hostile_runtime_codes_fall_back_to_the_declared_one() {
    for code in [
        "",
        " ",
        "a b",
        "x\r\nSet-Cookie: a=1",
        "\"quoted\"",
        "{id}",
        "a/b",
        "ünïcode",
        "tab\t",
        "nul\0",
    ] {
        let error = relayed(503, code);
        assert_eq!(error.code(), "upstream", "{code:?}");
        let body: serde_json::Value =
            serde_json::from_slice(error.to_response().body()).expect("JSON");
        assert_eq!(body["code"], "upstream", "{code:?}");
        assert_eq!(
            UpstreamError::Range(Cow::Owned(code.to_owned())).code(),
            "range",
            "{code:?}"
        );
    }
    assert_eq!(relayed(503, "A-z_0.9").code(), "A-z_0.9");
}

#[tokio::test]
async fn axum_answers_with_the_runtime_status_and_code() {
    for error in [
        relayed(504, "M_LIMIT_EXCEEDED"),
        relayed(200, "bad code"),
        UpstreamError::Custom(429, "later".into()),
    ] {
        let expected = error.to_response();
        let (parts, body) = error.into_response().into_parts();
        let body = body.collect().await.expect("body").to_bytes();
        assert_eq!(parts.status, expected.status());
        assert_eq!(parts.headers, *expected.headers());
        assert_eq!(body.as_ref(), expected.body().as_slice());
    }
    let (parts, _) = Outer::from(relayed(503, "M_UNKNOWN"))
        .into_response()
        .into_parts();
    assert_eq!(parts.status, StatusCode::SERVICE_UNAVAILABLE);
}

#[test]
fn actix_web_answers_with_the_runtime_status_and_code() {
    for error in [
        relayed(504, "M_LIMIT_EXCEEDED"),
        relayed(200, "bad code"),
        UpstreamError::Custom(429, "later".into()),
        UpstreamError::Custom(0, "zero".into()),
    ] {
        let expected = error.to_response();
        assert_eq!(
            ResponseError::status_code(&error).as_u16(),
            expected.status().as_u16()
        );
        let response = ResponseError::error_response(&error);
        assert_eq!(response.status().as_u16(), expected.status().as_u16());
        assert_eq!(
            response
                .headers()
                .get("retry-after")
                .map(actix_web::http::header::HeaderValue::as_bytes),
            expected
                .headers()
                .get("retry-after")
                .map(http::HeaderValue::as_bytes)
        );
        let body = actix_web::body::to_bytes(response.into_body());
        let body = futures_executor_block_on(body).expect("body");
        assert_eq!(body.as_ref(), expected.body().as_slice());
    }
}

/// actix-web's body future, run to completion on this thread.
fn futures_executor_block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime")
        .block_on(future)
}

fn entry(name: &str) -> &'static Entry {
    UpstreamError::CATALOGUE
        .entries()
        .find(|entry| entry.name == name)
        .expect("an entry")
}

#[test]
fn the_catalogue_lists_the_declared_statuses_and_codes() {
    let relayed = entry("Relayed");
    assert!(relayed.runtime_status && relayed.runtime_code);
    assert_eq!(
        relayed.statuses().map(|s| s.as_u16()).collect::<Vec<_>>(),
        [502, 503, 504]
    );
    assert_eq!(
        relayed.codes().collect::<Vec<_>>(),
        ["upstream", "M_UNKNOWN", "M_LIMIT_EXCEEDED"]
    );
    let custom = entry("Custom");
    assert!(custom.runtime_status && !custom.runtime_code);
    assert_eq!(custom.statuses().count(), 1);
    let missing = entry("Missing");
    assert!(!missing.runtime_status && !missing.runtime_code);
    assert_eq!(
        (missing.runtime_statuses, missing.runtime_codes),
        (&[][..], &[][..])
    );

    let catalogue: &'static Catalogue = UpstreamError::CATALOGUE;
    assert_eq!(
        catalogue.lookup("M_UNKNOWN").map(|e| e.name),
        Some("Relayed")
    );
    assert_eq!(
        catalogue.lookup("upstream").map(|e| e.name),
        Some("Relayed")
    );
    assert_eq!(
        catalogue.lookup("range_too_large").map(|e| e.name),
        Some("Range")
    );
    assert_eq!(
        Outer::CATALOGUE.lookup("invalid_range").map(|e| e.name),
        Some("Range")
    );
    assert!(catalogue.duplicate_codes().is_empty());

    assert_eq!(
        catalogue.to_markdown("Errors"),
        "# Errors\n\
         \n## Client errors (4xx)\n\n\
         | Status | Name | Code | Description |\n|---|---|---|---|\n\
         | 400 | Bad Request | `custom` | A status the caller chose. |\n\
         | 404 | Not Found | `missing` | A fixed one. |\n\
         | 416 | Range Not Satisfiable | `range`, `invalid_range`, `range_too_large` | A code the caller chose. |\n\
         \n## Server errors (5xx)\n\n\
         | Status | Name | Code | Description |\n|---|---|---|---|\n\
         | 502 | Bad Gateway | `upstream`, `M_UNKNOWN`, `M_LIMIT_EXCEEDED` | The upstream's status and errcode, relayed. |\n\
         | 503 | Service Unavailable | `upstream`, `M_UNKNOWN`, `M_LIMIT_EXCEEDED` | The upstream's status and errcode, relayed. |\n\
         | 504 | Gateway Timeout | `upstream`, `M_UNKNOWN`, `M_LIMIT_EXCEEDED` | The upstream's status and errcode, relayed. |\n"
    );
}

#[test]
fn openapi_documents_each_listed_status_with_each_code() {
    use utoipa::IntoResponses;
    use utoipa::openapi::RefOr;

    let responses = UpstreamError::responses();
    assert_eq!(
        responses.keys().map(String::as_str).collect::<Vec<_>>(),
        ["400", "404", "416", "502", "503", "504"]
    );
    let RefOr::T(response) = &responses["504"] else {
        panic!("an inline response");
    };
    assert_eq!(
        response.description,
        "Gateway Timeout\n\n- `upstream`, `M_UNKNOWN`, `M_LIMIT_EXCEEDED`: The upstream's \
         status and errcode, relayed."
    );
    let content = &response.content["application/problem+json"];
    assert_eq!(
        content
            .examples
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["M_LIMIT_EXCEEDED", "M_UNKNOWN", "upstream"]
    );
    let RefOr::T(example) = &content.examples["M_UNKNOWN"] else {
        panic!("an inline example");
    };
    assert_eq!(
        example.value,
        Some(serde_json::json!({
            "type": "about:blank",
            "title": "Gateway Timeout",
            "status": 504,
            "detail": "The upstream's status and errcode, relayed.",
            "code": "M_UNKNOWN"
        }))
    );
}

#[test]
fn a_runtime_401_without_its_challenge_is_refused_with_a_warning() {
    let lines = logged(|| {
        let _ = UpstreamError::Custom(401, "who?".into()).to_response();
    });
    assert_eq!(
        lines,
        [
            "WARN apifault: runtime status refused: the variant does not send the header it \
             mandates (RFC 9110); the declared status was sent variant=\"UpstreamError::Custom\" \
             refused=401 declared=400",
            "DEBUG apifault: error response status=400 code=\"custom\" error=who?",
        ]
    );
}

#[test]
fn a_refused_runtime_value_logs_one_warning_per_response() {
    let lines = logged(|| {
        let _ = UpstreamError::Custom(200, "ok?".into()).to_response();
    });
    assert_eq!(
        lines,
        [
            "WARN apifault: runtime status refused: not an error status (400..=599); the \
             declared status was sent variant=\"UpstreamError::Custom\" refused=200 declared=400",
            "DEBUG apifault: error response status=400 code=\"custom\" error=ok?",
        ]
    );
    let lines = logged(|| {
        let _ = Outer::from(relayed(302, "x\r\ny")).to_response();
    });
    assert_eq!(
        lines[..2],
        [
            "WARN apifault: runtime status refused: not an error status (400..=599); the \
             declared status was sent variant=\"UpstreamError::Relayed\" refused=302 declared=502",
            "WARN apifault: runtime code refused: not a code (`A-Z a-z 0-9 - _ .`, not empty); \
             the declared code was sent variant=\"UpstreamError::Relayed\" refused=\"x\\r\\ny\" \
             declared=\"upstream\"",
        ]
    );
    assert!(
        lines[2].starts_with("ERROR apifault: error response status=502 code=\"upstream\""),
        "{lines:#?}"
    );
    // A hostile code is cut short in the log.
    let long = "é".repeat(100);
    let lines = logged(|| {
        let _ = UpstreamError::Range(Cow::Owned(long.clone())).to_response();
    });
    assert_eq!(
        lines[0],
        format!(
            "WARN apifault: runtime code refused: not a code (`A-Z a-z 0-9 - _ .`, not empty); \
             the declared code was sent variant=\"UpstreamError::Range\" refused=\"{}\"… \
             declared=\"range\"",
            "é".repeat(64)
        )
    );
    // Accepted values log no warning.
    let lines = logged(|| {
        let _ = relayed(503, "M_UNKNOWN").to_response();
    });
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].starts_with("ERROR apifault: error response status=503 code=\"M_UNKNOWN\""));
}

/// The `apifault` lines logged while `run` runs on this thread.
fn logged(run: impl FnOnce()) -> Vec<String> {
    apifault_suite::log_capture::logged(run).1.lines()
}

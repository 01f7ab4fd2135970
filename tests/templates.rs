//! Templates as rich as thiserror's: nested fields (`{range.start}`, `{0.1}`), extra format
//! arguments (`"{}", .rows.len()`, `n = .rows.len()`), `{code}` and `{status}` in every
//! template, and header values from `Option`, `Duration` and `SystemTime` fields, through
//! `to_response`, axum and actix-web.

use std::ops::Range;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use actix_web::ResponseError;
use apifault::{ApiError, Context, JsonApi};
use apifault_suite::render::{header_list, raw, raw_in};
use axum::response::IntoResponse;
use http_body_util::BodyExt;

/// Who owns the rows of an import.
#[derive(Debug)]
pub struct Owner {
    pub name: String,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    rename_all = "kebab-case",
    header("X-Error" = "{code}/{status}")
)]
enum ImportError {
    #[error("rows {range:?} of {owner:?} rejected")]
    #[status(422)]
    #[message("Rows {range.start} to {range.end} belong to {owner.name}.")]
    #[api_error(
        type = "https://docs.example.com/errors/{status}/{code}",
        instance = "/owners/{owner.name}/rows/{range.start}",
        source(pointer = "/rows/{range.start}/{owner.name}")
    )]
    RowsRejected { range: Range<u32>, owner: Owner },

    #[error("pair {0:?}")]
    #[status(409)]
    #[message("Row {0.0:>3} is {0.1:?}.")]
    Pair((u32, String)),

    #[error("{} files", .0.len())]
    #[status(400)]
    #[message("{} files were rejected, the first {first:?}.", .0.len(), first = .0.first())]
    #[api_error(
        instance("/files/{}", .0.len() * 10),
        header("X-Rejected" = "{count}", count = .0.len())
    )]
    Files(Vec<String>),

    /// A field named `code` is the field in the variant's templates.
    #[error("legacy code {code}")]
    #[status(400)]
    #[message("Legacy code {code}, answered as {status} {machine}.", machine = ApiError::code(self))]
    Legacy { code: u32 },

    #[error("slow down")]
    #[status(429)]
    #[message("Retry in {retry_after:?}.", retry_after = .retry_after.map(|d| d.as_secs()))]
    #[api_error(header("Retry-After" = "{retry_after}"))]
    RateLimited { retry_after: Option<Duration> },

    #[error("maintenance")]
    #[status(503)]
    #[api_error(header("Retry-After" = "{until}"))]
    Maintenance { until: SystemTime },

    #[error("quota")]
    #[status(403)]
    #[api_error(header("X-Quota" = "{limit};w={window}"))]
    Quota {
        limit: Option<u32>,
        window: Option<std::time::Duration>,
    },

    #[error("upstream answered {upstream}")]
    #[status(502)]
    #[message("Upstream {code} answered {status}.")]
    #[api_error(statuses(503), codes("M_LIMIT"), header("X-Upstream" = "{code} {status:>4}"))]
    Relayed {
        #[api_error(status)]
        upstream: u16,
        #[api_error(code)]
        errcode: String,
    },
}

fn rows() -> ImportError {
    ImportError::RowsRejected {
        range: 3..9,
        owner: Owner {
            name: "ops/a~b".to_owned(),
        },
    }
}

#[test]
fn nested_fields_in_every_template() {
    assert_eq!(
        raw(&rows()),
        r#"{"type":"https://docs.example.com/errors/422/rows-rejected","title":"Unprocessable Content","status":422,"detail":"Rows 3 to 9 belong to ops/a~b.","instance":"/owners/ops/a~b/rows/3","code":"rows-rejected"}"#
    );
    let json_api = raw_in::<JsonApi, _>(&rows(), &Context::default());
    assert!(
        json_api.contains(r#""source":{"pointer":"/rows/3/ops~1a~0b"}"#),
        "{json_api}"
    );
    let pair = ImportError::Pair((7, "late".to_owned()));
    assert_eq!(
        raw(&pair),
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"Row   7 is \"late\".","code":"pair"}"#
    );
}

#[test]
fn extra_arguments_read_fields_through_the_shorthand() {
    let files = ImportError::Files(vec!["a.csv".to_owned(), "b.csv".to_owned()]);
    assert_eq!(
        raw(&files),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"2 files were rejected, the first Some(\"a.csv\").","instance":"/files/20","code":"files"}"#
    );
    let response = files.to_response();
    assert_eq!(
        header_list(response.headers())[1..],
        [
            ("x-rejected", "2".to_owned()),
            ("x-error", "files/400".to_owned())
        ]
    );
}

#[test]
fn code_and_status_in_templates() {
    let legacy = ImportError::Legacy { code: 17 };
    assert_eq!(
        raw(&legacy),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Legacy code 17, answered as 400 legacy.","code":"legacy"}"#
    );
    // The enum's header names no field: `{code}` is the machine code even here.
    assert_eq!(legacy.to_response().headers()["x-error"], "legacy/400");
    let relayed = ImportError::Relayed {
        upstream: 503,
        errcode: "M_LIMIT".to_owned(),
    };
    assert_eq!(
        raw(&relayed),
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"Upstream M_LIMIT answered 503.","code":"M_LIMIT"}"#
    );
    assert_eq!(
        header_list(relayed.to_response().headers())[1..],
        [
            ("x-upstream", "M_LIMIT  503".to_owned()),
            ("x-error", "M_LIMIT/503".to_owned())
        ]
    );
    // A refused runtime code and status: the declared ones, in every template.
    let refused = ImportError::Relayed {
        upstream: 200,
        errcode: "bad code".to_owned(),
    };
    assert!(raw(&refused).contains(r#""detail":"Upstream relayed answered 502.""#));
    assert_eq!(
        refused.to_response().headers()["x-upstream"],
        "relayed  502"
    );
    // The catalogue's type is the constant the template folds into.
    let entry = ImportError::CATALOGUE
        .entries()
        .find(|entry| entry.name == "RowsRejected")
        .expect("an entry");
    assert_eq!(
        entry.type_uri,
        Some("https://docs.example.com/errors/422/rows-rejected")
    );
}

#[test]
fn optional_and_time_headers() {
    let limited = ImportError::RateLimited {
        retry_after: Some(Duration::from_millis(119_500)),
    };
    let response = limited.to_response();
    assert_eq!(response.headers()["retry-after"], "120");
    assert!(raw(&limited).contains(r#""detail":"Retry in Some(119).""#));
    let unknown = ImportError::RateLimited { retry_after: None };
    assert!(unknown.to_response().headers().get("retry-after").is_none());

    let maintenance = ImportError::Maintenance {
        until: UNIX_EPOCH + Duration::from_secs(784_111_777),
    };
    assert_eq!(
        maintenance.to_response().headers()["retry-after"],
        "Sun, 06 Nov 1994 08:49:37 GMT"
    );
    // A date IMF-fixdate cannot write is dropped like any invalid value, never a panic.
    let before_epoch = ImportError::Maintenance {
        until: UNIX_EPOCH - Duration::from_secs(1),
    };
    let response = before_epoch.to_response();
    assert_eq!(response.status(), 503);
    assert!(response.headers().get("retry-after").is_none());

    let quota = |limit, window| ImportError::Quota { limit, window };
    let both = quota(Some(10), Some(Duration::from_secs(60)));
    assert_eq!(both.to_response().headers()["x-quota"], "10;w=60");
    for partial in [quota(Some(10), None), quota(None, Some(Duration::ZERO))] {
        assert!(partial.to_response().headers().get("x-quota").is_none());
    }
}

fn every_form() -> Vec<ImportError> {
    vec![
        rows(),
        ImportError::Pair((1, "x".to_owned())),
        ImportError::Files(vec!["a".to_owned()]),
        ImportError::Legacy { code: 3 },
        ImportError::RateLimited {
            retry_after: Some(Duration::from_secs(5)),
        },
        ImportError::RateLimited { retry_after: None },
        ImportError::Maintenance {
            until: UNIX_EPOCH + Duration::from_secs(1_445_412_480),
        },
        ImportError::Quota {
            limit: Some(1),
            window: Some(Duration::from_secs(2)),
        },
        ImportError::Relayed {
            upstream: 503,
            errcode: "M_LIMIT".to_owned(),
        },
    ]
}

#[tokio::test]
async fn axum_answers_as_to_response() {
    for error in every_form() {
        let expected = error.to_response();
        let (parts, body) = error.into_response().into_parts();
        let body = body.collect().await.expect("body").to_bytes();
        assert_eq!(parts.status, expected.status());
        assert_eq!(parts.headers, *expected.headers());
        assert_eq!(body.as_ref(), expected.body().as_slice());
    }
}

#[test]
fn actix_web_answers_as_to_response() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    for error in every_form() {
        let expected = error.to_response();
        let response = ResponseError::error_response(&error);
        assert_eq!(response.status().as_u16(), expected.status().as_u16());
        let headers: Vec<(String, Vec<u8>)> = response
            .headers()
            .iter()
            .filter(|(name, _)| *name != "content-type")
            .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
            .collect();
        let mut expected_headers: Vec<(String, Vec<u8>)> = expected
            .headers()
            .iter()
            .filter(|(name, _)| *name != "content-type")
            .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
            .collect();
        let mut sorted = headers.clone();
        sorted.sort();
        expected_headers.sort();
        assert_eq!(sorted, expected_headers, "{error:?}");
        let body = runtime
            .block_on(actix_web::body::to_bytes(response.into_body()))
            .expect("body");
        assert_eq!(body.as_ref(), expected.body().as_slice());
    }
}

/// `{code}` and `{status}` in the templates of a struct, and a 5xx's `{status}`.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("storage failed: {reason}")]
#[status(507)]
#[code("STORAGE")]
#[message("Error {code} ({status:?}).")]
#[api_error(link = "https://docs.example.com/errors#{code}")]
struct StorageError {
    reason: String,
}

#[test]
fn a_struct_and_a_server_error_interpolate_code_and_status() {
    let error = StorageError {
        reason: "disk s3cr3t full".to_owned(),
    };
    let body = raw(&error);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Insufficient Storage","status":507,"detail":"Error STORAGE (507).","code":"STORAGE"}"#
    );
    let json_api = raw_in::<JsonApi, _>(&error, &Context::default());
    assert!(
        json_api.contains(r#""links":{"about":"https://docs.example.com/errors#STORAGE"}"#),
        "{json_api}"
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
enum Upstream {
    #[error("{0:?} SOURCE-MARKER-5d1c {1:?}")]
    #[status(504)]
    #[message("Timed out after {0.1} s, {} retries.", .1.len())]
    Timeout((String, u8), Vec<String>),
}

#[test]
fn a_server_error_shows_only_the_members_its_message_names() {
    let error = Upstream::Timeout(
        ("FIELD-MARKER-c0de".to_owned(), 30),
        vec!["RETRY-MARKER-1".to_owned(), "RETRY-MARKER-2".to_owned()],
    );
    assert_eq!(
        raw(&error),
        r#"{"type":"about:blank","title":"Gateway Timeout","status":504,"detail":"Timed out after 30 s, 2 retries.","code":"timeout"}"#
    );
    let whole = apifault_suite::render::whole(&error);
    assert!(!whole.contains("MARKER"), "{whole}");
}

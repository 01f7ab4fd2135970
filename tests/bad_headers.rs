//! Bad header input: a declared header whose value is interpolated from a field holding
//! CR, LF, NUL, DEL or any other control character, or whose `Display` fails, is left out
//! of the response (never split, never a panic), the rest of the response is sent as
//! usual, and a warning is logged (feature `tracing`). Checked for every format, through
//! axum's and actix-web's responses, and on the wire over loopback.

use std::fmt;

use apifault::{ApiError, Boom, Context, Format, JsonApi, Problem};
use apifault_suite::formats::{awork, kiteworks, pax8};
use apifault_suite::log_capture::capture;
use http::HeaderMap;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

/// A field whose `Display` returns an error (a broken user type).
#[derive(Debug, Clone, Copy)]
struct Broken;

impl fmt::Display for Broken {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Err(fmt::Error)
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
enum Throttled {
    #[error("slow down")]
    #[status(429)]
    #[api_error(
        header("Retry-After" = "{secs}"),
        header("X-Limit" = "100"),
        header("X-Reason" = "{reason}")
    )]
    Limited { secs: u32, reason: String },

    #[error("maintenance")]
    #[status(503)]
    #[message("Back soon.")]
    #[api_error(header("Retry-After" = "{when}"), header("X-Limit" = "0"))]
    Broken { when: Broken },
}

/// Every byte `http` refuses in a field value: the C0 controls but tab, and DEL.
fn bad_bytes() -> impl Iterator<Item = char> {
    (0u8..0x20)
        .filter(|b| *b != b'\t')
        .chain([0x7f])
        .map(char::from)
}

/// Values that would split the response, or smuggle a body, if written as they are.
const ATTACKS: &[&str] = &[
    "burst\r\nSet-Cookie: session=stolen",
    "burst\nSet-Cookie: session=stolen",
    "burst\rSet-Cookie: session=stolen",
    "burst\r\n\r\n<html>smuggled</html>",
    "\r\n",
    "burst\0",
];

fn reasons() -> Vec<String> {
    let mut reasons: Vec<String> = bad_bytes().map(|c| format!("a{c}b")).collect();
    reasons.extend(ATTACKS.iter().map(|s| (*s).to_owned()));
    reasons
}

/// The headers of a response with a dropped `x-reason`: the others intact, nothing extra.
fn assert_dropped(headers: &HeaderMap, content_type: &str, what: &str) {
    assert!(headers.get("x-reason").is_none(), "{what}: {headers:?}");
    assert!(headers.get("set-cookie").is_none(), "{what}: {headers:?}");
    assert_eq!(headers["retry-after"], "7", "{what}");
    assert_eq!(headers["x-limit"], "100", "{what}");
    assert_eq!(headers["content-type"], content_type, "{what}");
    assert_eq!(headers.len(), 3, "{what}: {headers:?}");
    for value in headers.values() {
        assert!(
            value.as_bytes().iter().all(|b| *b >= 0x20 && *b != 0x7f),
            "{what}: {value:?}"
        );
    }
}

fn assert_warned(log: &str, header: &str, why: &str, what: &str) {
    let warnings: Vec<&str> = log.lines().filter(|l| l.contains(" WARN ")).collect();
    assert_eq!(warnings.len(), 1, "{what}: one warning:\n{log}");
    assert!(
        warnings[0].contains("header dropped from an error response")
            && warnings[0].contains(why)
            && warnings[0].contains(&format!("header=\"{header}\"")),
        "{what}: {}",
        warnings[0]
    );
}

fn check_format<F: Format>(content_type: &str) {
    let (captured, _guard) = capture();
    for reason in reasons() {
        let what = format!("{content_type} {reason:?}");
        let error = Throttled::Limited {
            secs: 7,
            reason: reason.clone(),
        };
        let response = error.to_response_in::<F>(&Context::new().with_request_id("r-1"));
        assert_eq!(response.status(), 429, "{what}");
        assert_dropped(response.headers(), content_type, &what);
        let _: serde_json::Value =
            serde_json::from_slice(response.body()).expect("the body is still JSON");
        // The dropped value is not echoed anywhere else either.
        assert!(
            !String::from_utf8_lossy(response.body()).contains("Set-Cookie"),
            "{what}"
        );
        assert_warned(
            &captured.take(),
            "x-reason",
            "not a valid header value",
            &what,
        );
    }
}

#[test]
fn problem_drops_and_warns() {
    check_format::<Problem>("application/problem+json");
}

#[test]
fn jsonapi_drops_and_warns() {
    check_format::<JsonApi>("application/vnd.api+json");
}

#[test]
fn boom_drops_and_warns() {
    check_format::<Boom>("application/json");
}

#[test]
fn house_formats_drop_and_warn() {
    check_format::<awork::Awork>("application/json");
    check_format::<kiteworks::Kiteworks>("application/json");
    check_format::<pax8::Pax8>("application/json");
}

/// A value's failing `Display` drops the header rather than panicking (`to_string()`
/// would) or sending an empty value.
#[test]
fn a_failing_display_drops_the_header() {
    let (captured, _guard) = capture();
    let response = Throttled::Broken { when: Broken }.to_response();
    assert_eq!(response.status(), 503);
    assert!(response.headers().get("retry-after").is_none());
    assert_eq!(response.headers()["x-limit"], "0");
    assert_eq!(response.headers().len(), 2);
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["detail"], "Back soon.");
    assert_warned(
        &captured.take(),
        "retry-after",
        "its value's `Display` failed",
        "Broken",
    );
}

/// What `http` accepts is sent as is: tab, space, and bytes from 0x80 (RFC 9110's
/// `obs-text`, so UTF-8 text passes through unchanged), and the empty value.
#[test]
fn valid_values_are_sent_unchanged_without_a_warning() {
    let (captured, _guard) = capture();
    for reason in [
        "burst",
        "a\tb c",
        "",
        "café ☕",
        "\u{2028}",
        "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    ] {
        let response = Throttled::Limited {
            secs: 7,
            reason: reason.into(),
        }
        .to_response();
        assert_eq!(
            response.headers()["x-reason"].as_bytes(),
            reason.as_bytes(),
            "{reason:?}"
        );
        assert_eq!(response.headers().len(), 4);
    }
    assert!(!captured.take().contains(" WARN "));
}

/// axum's `IntoResponse` and actix-web's `ResponseError` go through the same code.
#[test]
fn frameworks_drop_too() {
    use axum::response::IntoResponse as _;

    for reason in reasons() {
        let error = || Throttled::Limited {
            secs: 7,
            reason: reason.clone(),
        };
        let axum = error().into_response();
        assert_dropped(axum.headers(), "application/problem+json", &reason);
        let actix = actix_web::ResponseError::error_response(&error());
        assert!(actix.headers().get("x-reason").is_none(), "{reason:?}");
        assert!(actix.headers().get("set-cookie").is_none(), "{reason:?}");
        assert_eq!(actix.headers().get("retry-after").unwrap(), "7");
        assert_eq!(actix.headers().len(), 3, "{reason:?}");
    }
}

/// On the wire: the raw bytes axum sends over loopback hold one header block, without
/// the injected lines, and the error body after it.
#[tokio::test(flavor = "current_thread")]
async fn nothing_is_split_on_the_wire() {
    let (captured, _guard) = capture();
    let app = axum::Router::new().route(
        "/{index}",
        axum::routing::get(
            |axum::extract::Path(index): axum::extract::Path<usize>| async move {
                Err::<(), _>(Throttled::Limited {
                    secs: 7,
                    reason: ATTACKS[index].to_owned(),
                })
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    for (index, attack) in ATTACKS.iter().enumerate() {
        let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
        let request =
            format!("GET /{index} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut raw = Vec::new();
        tokio::time::timeout(
            std::time::Duration::from_secs(10),
            stream.read_to_end(&mut raw),
        )
        .await
        .expect("the server answers")
        .unwrap();
        let raw = String::from_utf8(raw).expect("ASCII head, UTF-8 body");
        let (head, body) = raw.split_once("\r\n\r\n").expect("a header block");
        assert!(
            head.starts_with("HTTP/1.1 429 Too Many Requests\r\n"),
            "{head}"
        );
        let names: Vec<String> = head
            .lines()
            .skip(1)
            .map(|line| line.split(':').next().unwrap().to_ascii_lowercase())
            .collect();
        assert!(
            names.iter().all(|n| [
                "content-type",
                "retry-after",
                "x-limit",
                "content-length",
                "connection",
                "date"
            ]
            .contains(&n.as_str())),
            "{attack:?}: {head}"
        );
        assert!(
            !raw.contains("Set-Cookie") && !raw.contains("<html>"),
            "{attack:?}: {raw}"
        );
        let body: serde_json::Value = serde_json::from_str(body).expect("a JSON body");
        assert_eq!(body["status"], 429);
    }
    server.abort();
    let log = captured.take();
    assert_eq!(
        log.matches("header dropped from an error response").count(),
        ATTACKS.len(),
        "{log}"
    );
}

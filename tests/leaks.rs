//! The first safety rule: a 5xx body never shows the `Display` text, a source error,
//! `Debug` output or an unexposed field, in any format, whatever the variant's shape; and
//! the log (feature `tracing`, on in this package's tests) keeps what the wire hides.
//!
//! Every place an internal detail can live holds its own marker; each shape (unit, tuple
//! with `#[source]`, struct with unexposed fields, transparent to an inner 5xx, and an
//! exposed field whose serialization fails) is rendered in every built-in and house format,
//! with and without a request context, through `to_response_in`, axum's `IntoResponse` and
//! actix-web's `ResponseError`. No marker may appear in the body or any header value; the
//! markers the error's `Display` chain carries must appear in the captured log.
//!
//! The exact bodies a 5xx gets, in RFC 9457 and in every format, are pinned below
//! ([`problem_bodies`], [`every_format`]): what is declared or exposed stays, nothing else.

use std::fmt;

use apifault::{ApiError, Boom, Context, Format, JsonApi, Problem};
use apifault_suite::formats::{awork, kiteworks, pax8};

/// In the source error's `Display`.
const SOURCE: &str = "mk-source-3f9a1";
/// In the variant's own `#[error]` text.
const DISPLAY: &str = "mk-display-77c0e";
/// In `Debug` output only.
const DEBUG: &str = "mk-debug-b51d2";
/// In the `Display` of an unexposed field (and so in the variant's `Display`).
const FIELD: &str = "mk-field-0e4c8";
/// In an unexposed `String` field that no `Display` shows: only `Debug` has it.
const HIDDEN: &str = "mk-hidden-9a6f3";
/// In the error of an exposed field's failing `Serialize`.
const SERIALIZE: &str = "mk-serialize-c2d71";

const MARKERS: [&str; 6] = [SOURCE, DISPLAY, DEBUG, FIELD, HIDDEN, SERIALIZE];

/// A lower-level failure, as a database driver would return.
struct Cause;

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "connection refused at 10.0.0.7:5432 ({SOURCE})")
    }
}

impl fmt::Debug for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cause {{ dsn: \"postgres://admin:{DEBUG}@db\" }}")
    }
}

impl std::error::Error for Cause {}

/// A value whose `Display` and `Debug` differ.
struct Secret;

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "token {FIELD}")
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({DEBUG})")
    }
}

/// An exposed value whose serialization fails with an internal detail in the error.
#[derive(Debug)]
struct Unserializable;

impl serde::Serialize for Unserializable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(format!(
            "pool exhausted ({SERIALIZE})"
        )))
    }
}

/// An inner error type that is itself a 5xx, for the transparent shape.
#[derive(Debug, thiserror::Error, ApiError)]
enum StorageError {
    #[error("storage down ({DISPLAY}) after {secret}")]
    #[status(503)]
    #[api_error(header("Retry-After" = "30"))]
    Down {
        secret: Secret,
        hidden: String,
        #[source]
        cause: Cause,
    },
}

#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(rename_all = "kebab-case")]
enum ServiceError {
    #[error("unit failure ({DISPLAY})")]
    #[status(500)]
    Unit,

    #[error("query failed ({DISPLAY}): {0}")]
    #[status(502)]
    Tuple(#[source] Cause),

    #[error("struct failure ({DISPLAY}) with {secret}")]
    #[status(500)]
    Struct {
        secret: Secret,
        hidden: String,
        #[api_error(expose = "retryable")]
        retryable: bool,
    },

    #[error("declared message beside a source ({DISPLAY})")]
    #[status(504)]
    #[message("The upstream service did not answer in time.")]
    Declared {
        hidden: String,
        #[source]
        cause: Cause,
    },

    #[error(transparent)]
    #[api_error(transparent)]
    Transparent(#[from] StorageError),

    #[error("render failure ({DISPLAY}) with {secret}")]
    #[status(500)]
    Unrenderable {
        secret: Secret,
        #[api_error(expose)]
        pool: Unserializable,
    },
}

/// One value of every shape, with the markers it carries in its `Display` chain, its
/// `Debug` output or a failing exposed field: all of them the log must show.
fn shapes() -> Vec<(ServiceError, &'static [&'static str])> {
    vec![
        (ServiceError::Unit, &[DISPLAY]),
        (ServiceError::Tuple(Cause), &[DISPLAY, SOURCE, DEBUG]),
        (
            ServiceError::Struct {
                secret: Secret,
                hidden: HIDDEN.into(),
                retryable: true,
            },
            &[DISPLAY, FIELD, DEBUG, HIDDEN],
        ),
        (
            ServiceError::Declared {
                hidden: HIDDEN.into(),
                cause: Cause,
            },
            &[DISPLAY, SOURCE, DEBUG, HIDDEN],
        ),
        (
            ServiceError::Transparent(StorageError::Down {
                secret: Secret,
                hidden: HIDDEN.into(),
                cause: Cause,
            }),
            &[DISPLAY, FIELD, SOURCE, DEBUG, HIDDEN],
        ),
        (
            ServiceError::Unrenderable {
                secret: Secret,
                pool: Unserializable,
            },
            &[DISPLAY, FIELD, SERIALIZE, DEBUG],
        ),
    ]
}

fn contexts() -> [Context<'static>; 2] {
    [
        Context::new(),
        Context::new()
            .with_instance("/reports/7")
            .with_request_id("req-1"),
    ]
}

/// Fails if any marker is in `bytes`, raw or as the body's parsed strings.
fn assert_clean(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    for marker in MARKERS {
        assert!(!text.contains(marker), "{what} leaks {marker}: {text}");
    }
}

fn assert_response_clean(response: &http::Response<Vec<u8>>, what: &str) {
    assert!(response.status().is_server_error(), "{what}");
    assert_clean(response.body(), what);
    // Written back from the parsed JSON too, so an escaped form (`\u006d…`) cannot hide one.
    let body: serde_json::Value = serde_json::from_slice(response.body())
        .unwrap_or_else(|e| panic!("{what}: the body is not JSON: {e}"));
    assert_clean(body.to_string().as_bytes(), what);
    for (name, value) in response.headers() {
        assert_clean(name.as_str().as_bytes(), what);
        assert_clean(value.as_bytes(), what);
    }
}

/// `writes_members`: whether the format writes every exposed member (awork writes only
/// `details`, so a failing member elsewhere is never serialized and nothing fails).
fn check_format<F: Format>(name: &str, writes_members: bool) {
    for context in contexts() {
        for (error, logged_markers) in shapes() {
            let what = format!("{name} / {error:?} / {context:?}");
            let (response, log) = logged(|| error.to_response_in::<F>(&context));
            assert_response_clean(&response, &what);
            // The log keeps what the wire hides: the whole `Display` chain and the `Debug`
            // output, at error level, once per response (plus one line when the body had
            // to fall back).
            for marker in logged_markers {
                if *marker == SERIALIZE && !writes_members {
                    continue;
                }
                assert!(log.contains(marker), "{what}: {marker} not logged:\n{log}");
            }
            assert_eq!(
                log.matches("error response").count(),
                1,
                "{what}: logged once:\n{log}"
            );
            assert!(log.contains("ERROR"), "{what}: a 5xx logs at error level");
        }
    }
}

#[test]
fn problem_bodies_hide_internals() {
    check_format::<Problem>("Problem", true);
}

#[test]
fn jsonapi_bodies_hide_internals() {
    check_format::<JsonApi>("JsonApi", true);
}

#[test]
fn boom_bodies_hide_internals() {
    check_format::<Boom>("Boom", true);
}

#[test]
fn awork_bodies_hide_internals() {
    check_format::<awork::Awork>("awork", false);
}

#[test]
fn kiteworks_bodies_hide_internals() {
    check_format::<kiteworks::Kiteworks>("Kiteworks", true);
}

#[test]
fn pax8_bodies_hide_internals() {
    check_format::<pax8::Pax8>("Pax8", true);
}

/// The markers really are where the test says: `Display`, `source()` and `Debug` show them,
/// so a clean body means they were held back, not absent.
#[test]
fn the_markers_are_in_the_error() {
    for (error, logged_markers) in shapes() {
        let mut chain = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            chain.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        let debug = format!("{error:?}");
        for marker in logged_markers {
            match *marker {
                SERIALIZE => {}
                // Only `Debug` shows these: the log has them from its `debug` field.
                DEBUG | HIDDEN => {
                    assert!(debug.contains(marker) && !chain.contains(marker), "{debug}");
                }
                _ => assert!(chain.contains(marker), "{chain}"),
            }
        }
        let has_fields = !matches!(error, ServiceError::Unit);
        assert_eq!(debug.contains(DEBUG), has_fields, "{debug}");
    }
    let unrenderable = ServiceError::Unrenderable {
        secret: Secret,
        pool: Unserializable,
    };
    let render = Problem::render(&unrenderable, &Context::new()).unwrap_err();
    assert!(render.to_string().contains(SERIALIZE), "{render}");
    // And the bare body that replaces it still says what happened, in the format.
    let body: serde_json::Value =
        serde_json::from_slice(unrenderable.to_response().body()).unwrap();
    assert_eq!(body["status"], 500);
    assert_eq!(body["code"], "unrenderable");
}

/// Through the frameworks: axum's `IntoResponse` and actix-web's `ResponseError` are the
/// same response, headers and body bytes included.
#[test]
fn framework_responses_hide_internals() {
    use axum::response::IntoResponse as _;
    use http_body_util::BodyExt as _;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    for (error, logged_markers) in shapes() {
        let what = format!("{error:?}");
        let expected = error.to_response();
        let (axum, log) = logged(|| {
            let response = clone_shape(&error).into_response();
            let (parts, body) = response.into_parts();
            let bytes = runtime.block_on(body.collect()).unwrap().to_bytes();
            http::Response::from_parts(parts, bytes.to_vec())
        });
        assert_response_clean(&axum, &format!("axum {what}"));
        assert_eq!(axum.body(), expected.body());
        assert_eq!(axum.headers(), expected.headers());
        for marker in logged_markers {
            assert!(log.contains(marker), "axum {what}: {marker} not logged");
        }

        let actix = actix_web::ResponseError::error_response(&error);
        assert_eq!(actix.status().as_u16(), expected.status().as_u16());
        for (name, value) in actix.headers() {
            assert_clean(value.as_bytes(), &format!("actix {what} {name}"));
        }
        let body = runtime
            .block_on(actix_web::body::to_bytes(actix.into_body()))
            .unwrap_or_else(|_| panic!("actix body"));
        assert_clean(&body, &format!("actix {what}"));
        assert_eq!(&body[..], &expected.body()[..]);
    }
}

/// `ServiceError` is not `Clone` (its source is not): the same shape built again.
fn clone_shape(error: &ServiceError) -> ServiceError {
    match error {
        ServiceError::Unit => ServiceError::Unit,
        ServiceError::Tuple(_) => ServiceError::Tuple(Cause),
        ServiceError::Struct {
            hidden, retryable, ..
        } => ServiceError::Struct {
            secret: Secret,
            hidden: hidden.clone(),
            retryable: *retryable,
        },
        ServiceError::Declared { hidden, .. } => ServiceError::Declared {
            hidden: hidden.clone(),
            cause: Cause,
        },
        ServiceError::Transparent(StorageError::Down { hidden, .. }) => {
            ServiceError::Transparent(StorageError::Down {
                secret: Secret,
                hidden: hidden.clone(),
                cause: Cause,
            })
        }
        ServiceError::Unrenderable { .. } => ServiceError::Unrenderable {
            secret: Secret,
            pool: Unserializable,
        },
    }
}

/// RFC 9457 bodies of 5xx errors, byte for byte: status, code, title and only what is
/// declared (`#[message]`) or exposed, whatever the `Display` text, source or fields hold.
mod problem_bodies {
    use std::fmt;

    use apifault::ApiError;
    use apifault_suite::render::{raw, whole};

    /// An error from a lower layer whose text and debug output must stay in the logs.
    struct DriverError;

    impl fmt::Display for DriverError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("SOURCE-MARKER-5d1c connection refused to db.internal:5432")
        }
    }

    impl fmt::Debug for DriverError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("DriverError(DEBUG-MARKER-77aa)")
        }
    }

    impl std::error::Error for DriverError {}

    #[derive(Debug, thiserror::Error, ApiError)]
    enum ServerError {
        #[error("database: {0}")]
        #[status(500)]
        Database(#[source] DriverError),

        #[error("DISPLAY-MARKER-9f3e while saving")]
        #[status(502)]
        Display,

        #[error("upstream said {secret}")]
        #[status(503)]
        Field {
            secret: String,
            #[api_error(expose)]
            attempt: u32,
        },

        #[error("database: {0}")]
        #[status(500)]
        #[message("We could not save the case; try again.")]
        Declared(#[source] DriverError),
    }

    #[derive(Debug, thiserror::Error, ApiError)]
    enum Wrapper {
        #[error(transparent)]
        #[api_error(transparent)]
        Server(#[from] ServerError),
    }

    const MARKERS: [&str; 4] = [
        "SOURCE-MARKER-5d1c",
        "DEBUG-MARKER-77aa",
        "DISPLAY-MARKER-9f3e",
        "FIELD-MARKER-c0de",
    ];

    fn assert_masked<E: ApiError>(error: &E) {
        // The markers are really there, for the logs.
        let logged = format!("{error} {error:?}");
        assert!(MARKERS.iter().any(|m| logged.contains(m)), "{logged}");
        let response = whole(error);
        for marker in MARKERS {
            assert!(!response.contains(marker), "{marker} leaked: {response}");
        }
        assert!(error.message().is_none());
    }

    #[test]
    fn five_hundreds_show_no_source_display_debug_or_field() {
        let errors = [
            ServerError::Database(DriverError),
            ServerError::Display,
            ServerError::Field {
                secret: "FIELD-MARKER-c0de".into(),
                attempt: 3,
            },
        ];
        for error in &errors {
            assert_masked(error);
        }
        for error in errors {
            assert_masked(&Wrapper::from(error));
        }
    }

    #[test]
    fn five_hundred_body_is_bare() {
        assert_eq!(
            raw(&ServerError::Database(DriverError)),
            r#"{"type":"about:blank","title":"Internal Server Error","status":500,"code":"database"}"#
        );
        assert_eq!(
            raw(&ServerError::Field {
                secret: "FIELD-MARKER-c0de".into(),
                attempt: 3,
            }),
            r#"{"type":"about:blank","title":"Service Unavailable","status":503,"code":"field","attempt":3}"#
        );
    }

    #[test]
    fn five_hundred_with_message_shows_only_that_message() {
        let error = ServerError::Declared(DriverError);
        assert_eq!(
            raw(&error),
            r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"We could not save the case; try again.","code":"declared"}"#
        );
        let response = whole(&error);
        for marker in MARKERS {
            assert!(!response.contains(marker), "{marker} leaked: {response}");
        }
    }

    #[derive(Debug, thiserror::Error, ApiError)]
    enum Timeout {
        #[error("{0} FIELD-MARKER-c0de")]
        #[status(504)]
        #[message("Timed out after {1} s.")]
        Upstream(String, u8),
    }

    #[test]
    fn five_hundred_message_interpolates_only_what_it_names() {
        let error = Timeout::Upstream("SOURCE-MARKER-5d1c".into(), 30);
        assert_eq!(
            raw(&error),
            r#"{"type":"about:blank","title":"Gateway Timeout","status":504,"detail":"Timed out after 30 s.","code":"upstream"}"#
        );
        let response = whole(&error);
        for marker in MARKERS {
            assert!(!response.contains(marker), "{marker} leaked: {response}");
        }
    }
}

/// 5xx errors in every format, built-in and house: no internal detail in the body or a
/// header, and the declared message, title, headers and exposed fields kept.
mod every_format {
    use std::fmt;

    use apifault::{ApiError, Boom, Context, JsonApi};
    use apifault_suite::formats::{awork, every_format, kiteworks, pax8};
    use apifault_suite::render::value_in;
    use serde_json::{Value, json};

    const MARKER: &str = "SECRET-7f3a9c-MARKER";

    /// A source error whose Display and Debug both hold the marker.
    struct Leaky;

    impl fmt::Display for Leaky {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "connection to {MARKER} refused")
        }
    }

    impl fmt::Debug for Leaky {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "Leaky({MARKER})")
        }
    }

    impl std::error::Error for Leaky {}

    #[derive(Debug, thiserror::Error, ApiError)]
    enum ServerError {
        #[error("database failed: {0}")]
        #[status(500)]
        Database(#[source] Leaky),

        #[error("upstream {host} failed")]
        #[status(502)]
        Upstream {
            host: String,
            #[api_error(expose)]
            attempt: u32,
        },

        #[error("maintenance on {node}")]
        #[status(503)]
        #[title("Down for maintenance")]
        #[message("Try again in {minutes} minutes.")]
        #[api_error(header("Retry-After" = "{seconds}"))]
        Maintenance {
            node: String,
            minutes: u32,
            seconds: u32,
        },

        #[error("{0}")]
        #[status(504)]
        Timeout(String),
    }

    #[test]
    fn five_hundreds_never_leak_in_any_format() {
        let errors = [
            ServerError::Database(Leaky),
            ServerError::Upstream {
                host: MARKER.into(),
                attempt: 3,
            },
            ServerError::Maintenance {
                node: MARKER.into(),
                minutes: 5,
                seconds: 300,
            },
            ServerError::Timeout(MARKER.into()),
        ];
        let cx = Context::new()
            .with_instance("/cases/1")
            .with_request_id("req-1");
        for error in &errors {
            // The marker is really there, for the logs.
            assert!(format!("{error} {error:?}").contains(MARKER));
            for response in every_format(error, &cx) {
                assert!(response.status().is_server_error());
                let body = String::from_utf8(response.body().clone()).unwrap();
                serde_json::from_str::<Value>(&body).expect("valid JSON");
                assert!(!body.contains(MARKER), "{error:?} leaked: {body}");
                assert!(
                    !body.contains("refused"),
                    "{error:?} leaked its source: {body}"
                );
                for (name, value) in response.headers() {
                    assert!(
                        !String::from_utf8_lossy(value.as_bytes()).contains(MARKER),
                        "{error:?} leaked in {name}"
                    );
                }
            }
        }
    }

    #[test]
    fn five_hundreds_keep_declared_and_exposed_text() {
        let maintenance = ServerError::Maintenance {
            node: MARKER.into(),
            minutes: 5,
            seconds: 300,
        };
        let cx = Context::new();
        assert_eq!(
            value_in::<JsonApi, _>(&maintenance, &cx),
            json!({"errors": [{"status": "503", "code": "maintenance", "title": "Down for maintenance", "detail": "Try again in 5 minutes."}]})
        );
        assert_eq!(
            value_in::<Boom, _>(&maintenance, &cx),
            json!({"statusCode": 503, "error": "Service Unavailable", "message": "Try again in 5 minutes."})
        );
        assert_eq!(
            maintenance.to_response_in::<Boom>(&cx).headers()["retry-after"],
            "300"
        );
        let upstream = ServerError::Upstream {
            host: MARKER.into(),
            attempt: 3,
        };
        assert_eq!(
            value_in::<Boom, _>(&upstream, &cx),
            json!({"statusCode": 502, "error": "Bad Gateway", "message": "Bad Gateway", "attempt": 3})
        );
        assert_eq!(
            value_in::<JsonApi, _>(&upstream, &cx),
            json!({"errors": [{"status": "502", "code": "upstream", "title": "Bad Gateway", "meta": {"attempt": 3}}]})
        );
        assert_eq!(
            value_in::<awork::Awork, _>(&upstream, &cx),
            json!({"code": "upstream", "description": "Bad Gateway", "link": "", "details": [], "validationErrors": []})
        );
        assert_eq!(
            value_in::<kiteworks::Kiteworks, _>(&upstream, &cx),
            json!({"code": "upstream", "message": "Bad Gateway", "attempt": 3})
        );
        assert_eq!(
            value_in::<pax8::Pax8, _>(&upstream, &cx),
            json!({"type": "upstream", "message": "Bad Gateway", "instance": "", "status": 502, "details": [], "attempt": 3})
        );
    }

    /// A JSON:API error whose 503 has a source.
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api_error(format = JsonApi)]
    enum ArticleError {
        #[error("storage: {0}")]
        #[status(503)]
        Storage(#[source] std::io::Error),
    }

    #[test]
    fn jsonapi_5xx_has_no_detail() {
        let error = ArticleError::Storage(std::io::Error::other("disk full"));
        assert_eq!(
            value_in::<JsonApi, _>(&error, &Context::new()),
            json!({"errors": [{"status": "503", "code": "storage", "title": "Service Unavailable"}]})
        );
    }

    /// hapi's Boom errors: every 500 is masked, even a declared message.
    #[derive(Debug, thiserror::Error, ApiError)]
    #[api_error(format = Boom)]
    enum StepError {
        #[error("crashed: {0}")]
        #[status(500)]
        #[message("Declared, yet hapi hides every 500 message")]
        Crashed(String),

        #[error("gateway {0}")]
        #[status(502)]
        Gateway(String),

        #[error("maintenance")]
        #[status(503)]
        #[message("Back at 10:00 UTC")]
        Maintenance,
    }

    #[test]
    fn boom_masks_every_500_and_names_other_5xx() {
        assert_eq!(
            value_in::<Boom, _>(&StepError::Crashed("segfault".into()), &Context::new()),
            json!({"statusCode": 500, "error": "Internal Server Error", "message": "An internal server error occurred"})
        );
        assert_eq!(
            value_in::<Boom, _>(&StepError::Gateway("10.0.0.7".into()), &Context::new()),
            json!({"statusCode": 502, "error": "Bad Gateway", "message": "Bad Gateway"})
        );
        assert_eq!(
            value_in::<Boom, _>(&StepError::Maintenance, &Context::new()),
            json!({"statusCode": 503, "error": "Service Unavailable", "message": "Back at 10:00 UTC"})
        );
    }
}

/// axum's `anyhow` pattern: a wrapper whose context strings and cause carry markers.
#[derive(Debug, ApiError)]
#[api_error(wrapper(find(StorageError)))]
#[status(500)]
struct AppError(anyhow::Error);

/// A chain three contexts deep, each context and the cause holding a marker, with no
/// listed type in it: the masked 500.
fn wrapped() -> AppError {
    use anyhow::Context as _;
    let failed: Result<(), std::io::Error> = Err(std::io::Error::other(SOURCE));
    AppError(
        failed
            .context(format!("reading row {FIELD}"))
            .context(format!("loading ({DISPLAY})"))
            .context(format!("GET /reports with token {HIDDEN}"))
            .unwrap_err(),
    )
}

#[test]
fn wrapper_bodies_hide_every_anyhow_context_and_the_log_keeps_them() {
    fn respond<F: Format>(name: &str) -> Vec<(String, http::Response<Vec<u8>>)> {
        contexts()
            .into_iter()
            .map(|context| {
                let what = format!("wrapper / {name} / {context:?}");
                (what, wrapped().to_response_in::<F>(&context))
            })
            .collect()
    }
    // One subscriber for every response, the log checked per response.
    let (responses, log) = logged(|| {
        [
            respond::<Problem>("Problem"),
            respond::<JsonApi>("JsonApi"),
            respond::<Boom>("Boom"),
            respond::<awork::Awork>("awork"),
            respond::<kiteworks::Kiteworks>("Kiteworks"),
            respond::<pax8::Pax8>("Pax8"),
        ]
        .concat()
    });
    for (what, response) in &responses {
        assert_response_clean(response, what);
    }
    let events: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("error response"))
        .collect();
    assert_eq!(
        events.len(),
        responses.len(),
        "logged once per response:\n{log}"
    );
    for event in events {
        for marker in [SOURCE, FIELD, DISPLAY, HIDDEN] {
            assert!(event.contains(marker), "{marker} not logged: {event}");
        }
    }
}

#[test]
fn wrapper_framework_responses_hide_every_anyhow_context() {
    use axum::response::IntoResponse as _;
    use http_body_util::BodyExt as _;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let expected = wrapped().to_response();
    assert_response_clean(&expected, "wrapper to_response");
    let response = wrapped().into_response();
    let (parts, body) = response.into_parts();
    let bytes = runtime.block_on(body.collect()).unwrap().to_bytes();
    let axum = http::Response::from_parts(parts, bytes.to_vec());
    assert_response_clean(&axum, "wrapper axum");
    assert_eq!(axum.body(), expected.body());

    let actix = actix_web::ResponseError::error_response(&wrapped());
    let body = runtime
        .block_on(actix_web::body::to_bytes(actix.into_body()))
        .unwrap_or_else(|_| panic!("actix body"));
    assert_clean(&body, "wrapper actix");
    assert_eq!(&body[..], &expected.body()[..]);
}

/// Runs `f` capturing what it logs on this thread, every level.
fn logged<T>(f: impl FnOnce() -> T) -> (T, String) {
    let (value, capture) = apifault_suite::log_capture::logged(f);
    (value, capture.text())
}

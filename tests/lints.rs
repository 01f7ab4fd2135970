//! The generated code compiles clean under strict lints: every attribute kind, every
//! shape, generics, lifetimes, transparent variants, headers, violations and exposed
//! fields, in a crate that denies warnings and runs clippy's pedantic group.

#![deny(warnings, missing_docs, unused_qualifications, unused_results)]
#![warn(clippy::pedantic)]

use std::fmt::{Debug, Display};

use apifault::{ApiError, Context, FieldViolation, Format, RenderError, Violation};
use http::StatusCode;

/// Errors of a case-management API, using every variant-level attribute.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    rename_all = "kebab-case",
    type_base = "https://docs.example.com/errors/",
    status = 500
)]
pub enum CaseError {
    /// The case does not exist.
    #[error("case {id} not found")]
    #[status(404)]
    #[api_error(instance = "/cases/{id}", link = "https://docs.example.com/cases#{id}")]
    NotFound {
        /// The case identifier.
        id: u64,
    },

    /// A case with that name exists already.
    #[error("a case named {name:?} already exists")]
    #[status(CONFLICT)]
    #[code("duplicate-value")]
    #[title("Duplicate Case")]
    Duplicate {
        /// The name asked for.
        #[api_error(expose)]
        name: String,
        /// For support.
        #[api_error(expose = "supportId")]
        support_id: u32,
        /// Never shown.
        owner: String,
    },

    /// The request body failed validation.
    #[error("invalid request")]
    #[status(400)]
    #[message("The request is invalid: {0} problems.")]
    Invalid(usize, #[api_error(violations)] Vec<FieldViolation>),

    /// Slow down.
    #[error("rate limited for {secs} s")]
    #[status(TOO_MANY_REQUESTS)]
    #[api_error(
        header("Retry-After" = "{secs}"),
        header("X-RateLimit-Limit" = "100"),
        type = "https://docs.example.com/limits/{secs:x}"
    )]
    RateLimited {
        /// Seconds to wait.
        secs: u32,
    },

    /// Authentication is required.
    #[error("unauthorized")]
    #[status(401)]
    #[api_error(header("WWW-Authenticate" = "Bearer"))]
    Unauthorized,

    /// The database failed; its text stays in the logs.
    #[error("database: {0}")]
    Database(#[source] std::io::Error),

    /// Maintenance.
    #[error("down for {0}")]
    #[status(503)]
    #[message("Down for maintenance until {0}.")]
    #[api_error(header("Retry-After" = "3600"))]
    Maintenance(&'static str),

    /// A non-standard status.
    #[error("custom")]
    #[status(490)]
    Custom,

    /// Delegated to the authentication errors.
    #[error(transparent)]
    #[api_error(transparent)]
    Auth(#[from] AuthError),
}

/// Authentication failures, a struct with item-level attributes.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("token expired {0} s ago")]
#[status(FORBIDDEN)]
#[code("token.expired")]
#[title("Token Expired")]
#[api_error(
    code_in_body = false,
    rename_all = "SCREAMING_SNAKE_CASE",
    type = "urn:auth:{0}",
    instance = "/tokens/{0}",
    link = "https://docs.example.com/auth",
    header("X-Expired" = "{0}")
)]
pub struct AuthError(#[api_error(expose = "expiredFor")] pub u64);

/// A unit struct.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("gone")]
#[status(410)]
pub struct Gone;

/// A service that writes its own framework impls and logs its errors itself.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("handled by the service")]
#[status(500)]
#[api_error(framework_impls = false, log = false)]
pub struct SelfHandled;

/// A wrapper around a boxed error, answering as a listed type found in its chain.
#[derive(Debug, ApiError)]
#[api_error(wrapper(find(CaseError, AuthError)))]
#[status(500)]
#[api_error(header("X-Retry" = "later"))]
pub struct AppError(pub Box<dyn std::error::Error + Send + Sync>);

/// A wrapper that looks for nothing.
#[derive(Debug, ApiError)]
#[api_error(wrapper)]
#[status(502)]
pub struct Upstream(pub Box<dyn std::error::Error + Send + Sync>);

/// A transparent newtype struct.
#[derive(Debug, thiserror::Error, ApiError)]
#[error(transparent)]
#[api_error(transparent)]
pub struct Wrapped(pub AuthError);

/// Transparent variants through `Box` and `Arc`, and ones overriding the inner status and
/// code.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Shared {
    /// A boxed inner error.
    #[error(transparent)]
    #[api_error(transparent)]
    Boxed(Box<AuthError>),

    /// An inner error shared behind an `Arc`, itself transparent.
    #[error(transparent)]
    #[api_error(transparent)]
    Arced(std::sync::Arc<Wrapped>),

    /// The inner error answered as a 404 under a code of its own.
    #[error(transparent)]
    #[api_error(transparent)]
    #[status(404)]
    #[code("auth-missing")]
    Hidden(AuthError),

    /// The inner error answered as a 500, masked.
    #[error(transparent)]
    #[api_error(transparent)]
    #[status(500)]
    Failed(std::sync::Arc<AuthError>),
}

/// An error type without variants.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Never {}

/// A named struct with a lifetime and violations.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("{name} is invalid")]
#[status(422)]
pub struct Rejected<'a> {
    /// What was rejected.
    #[api_error(expose)]
    pub name: &'a str,
    /// Why.
    #[api_error(violations)]
    pub errors: &'a [FieldViolation],
}

/// Generic errors: a bound, a where clause, a transparent generic, generic violations.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Generic<'a, T: Display + Debug, E, V>
where
    E: ApiError + 'static,
    V: Violation + Debug,
{
    /// A generic value, interpolated and exposed.
    #[error("bad value {value}")]
    #[status(400)]
    #[message("Value {value} ({value:?}) is bad.")]
    #[api_error(header("X-Value" = "{value}"))]
    Value {
        /// The value.
        #[api_error(expose)]
        value: T,
        /// A borrowed note.
        #[api_error(expose)]
        note: &'a str,
    },

    /// Delegated.
    #[error(transparent)]
    #[api_error(transparent)]
    Inner(E),

    /// Generic violations.
    #[error("invalid")]
    #[status(400)]
    Invalid {
        /// The problems.
        #[api_error(violations)]
        errors: Vec<V>,
    },
}

/// A generic type nesting a concrete inner error, checked for duplicate codes at compile
/// time, and a generic one, left to run time.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Layered<E: ApiError + 'static> {
    /// A page that does not exist.
    #[error("bad page {0}")]
    #[status(400)]
    Page(String),

    /// A concrete inner error.
    #[error(transparent)]
    #[api_error(transparent)]
    Gone(Gone),

    /// A generic inner error.
    #[error(transparent)]
    #[api_error(transparent)]
    Inner(Box<E>),
}

/// A house format, `{"code": "..."}`.
#[derive(Debug)]
pub struct House;

impl Format for House {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write_body<E: ApiError>(
        error: &E,
        _: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        Ok(serde_json::to_writer(
            out,
            &serde_json::json!({ "code": error.code() }),
        )?)
    }
}

/// Templates as rich as thiserror's: nested fields, extra arguments, `{code}`, `{status}`,
/// and header values from `Option`, `Duration` and `SystemTime` fields.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(header("X-Error" = "{code}/{status}"))]
pub enum TemplateError {
    /// Rows out of range.
    #[error("rows {0:?}")]
    #[status(422)]
    #[message("Rows {0.start} to {0.end}: {} rows.", .0.len())]
    #[api_error(
        type("https://docs.example.com/errors/{code}?rows={n}", n = .0.end - .0.start),
        source(pointer = "/rows/{0.start}")
    )]
    Rows(std::ops::Range<u32>),

    /// Rate limited.
    #[error("slow down")]
    #[status(429)]
    #[api_error(
        header("Retry-After" = "{retry_after}"),
        header("X-Until" = "{until}"),
        header("X-Both" = "{limit}-{retry_after}")
    )]
    Limited {
        /// How long to wait, when known.
        retry_after: Option<std::time::Duration>,
        /// When the limit resets.
        until: std::time::SystemTime,
        /// The limit, when known.
        limit: Option<u32>,
    },

    /// Relayed from upstream.
    #[error("relayed")]
    #[status(502)]
    #[message("{code} {status:>4}")]
    Relayed(#[api_error(status)] u16, #[api_error(code)] String),
}

/// Errors of a ported service, with what a port declares per variant.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(header("X-Service" = "cases"), omit_header("WWW-Authenticate"))]
pub enum Ported {
    /// The code stays out of this body.
    #[error("quiet")]
    #[status(409)]
    #[api_error(code_in_body = false)]
    Quiet,

    /// No public message, on purpose.
    #[error("silent {0}")]
    #[status(404)]
    #[api_error(no_message)]
    Silent(u32),

    /// No valid API key: no challenge, as the service never sent one.
    #[error("no key")]
    #[status(401)]
    NoKey,

    /// Read-only: the variant's own header replaces the enum's.
    #[error("read-only")]
    #[status(405)]
    #[api_error(header("x-service" = "archive"), omit_header("Allow"))]
    ReadOnly,

    /// A malformed request.
    #[error("malformed")]
    #[status(400)]
    #[code("bad_request", shared)]
    Malformed,

    /// A missing parameter, with the same code.
    #[error("missing")]
    #[status(400)]
    #[code("bad_request", shared)]
    Missing,
}

mod reexport {
    pub use apifault;
}

/// Through a re-exported runtime and a house format.
#[derive(Debug, thiserror::Error, reexport::apifault::ApiError)]
#[api_error(crate = reexport::apifault, format = House, rename_all = "camelCase")]
pub enum Housed {
    /// One.
    #[error("one")]
    #[status(400)]
    FirstOne,
    /// Two.
    #[error("two {0}")]
    #[status(404)]
    SecondOne(#[api_error(expose = "n")] u8),
}

/// Formats per variant: the enum's house format, a variant in its own, a transparent
/// variant in its own.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = House)]
pub enum Mixed {
    /// In the enum's format.
    #[error("plain")]
    #[status(400)]
    Plain,
    /// In its own format.
    #[error("own {0}")]
    #[status(422)]
    #[api_error(format = apifault::JsonApi)]
    Own(#[api_error(expose = "n")] u8),
    /// Delegated, answered in its own format.
    #[error(transparent)]
    #[api_error(transparent, format = apifault::Boom)]
    Delegated(AuthError),
}

/// Transparent variants answering as their inner errors do on their own, in the inner
/// types' formats (per-variant ones included), through `Box` and `Arc`.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = House)]
pub enum AsInner {
    /// In the enum's format.
    #[error("local")]
    #[status(409)]
    Local,
    /// As `Mixed` answers, each variant in its format.
    #[error(transparent)]
    #[api_error(transparent, inner_format)]
    Mixed(Box<Mixed>),
    /// As `AuthError` answers on its own, in its format.
    #[error(transparent)]
    #[api_error(transparent, inner_format)]
    Auth(std::sync::Arc<AuthError>),
}

/// Formats negotiated by the request's `Accept`: the house format by default, a variant in
/// its own, a transparent variant in the negotiated ones.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = House, negotiate(apifault::Problem, apifault::JsonApi))]
pub enum Negotiated {
    /// Negotiated.
    #[error("gone")]
    #[status(410)]
    Gone,
    /// In its own format.
    #[error("own {0}")]
    #[status(422)]
    #[api_error(format = apifault::Boom)]
    Own(#[api_error(expose = "n")] u8),
    /// Delegated, negotiated too.
    #[error(transparent)]
    #[api_error(transparent)]
    Delegated(AuthError),
}

/// Errors relayed from upstream services, which decide the status and the code at run time.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Relayed {
    /// The upstream's answer, relayed.
    #[error("upstream answered {status}: {code}")]
    #[status(BAD_GATEWAY)]
    #[code("upstream")]
    #[api_error(statuses(503, GATEWAY_TIMEOUT), codes("M_UNKNOWN", "M_FORBIDDEN"))]
    Upstream {
        /// The status.
        #[api_error(status)]
        status: StatusCode,
        /// The code.
        #[api_error(code)]
        code: String,
    },

    /// A status as a number and a code that may be borrowed.
    #[error("custom {0}: {1}")]
    #[status(400)]
    Custom(
        #[api_error(status)] u16,
        #[api_error(code)] std::borrow::Cow<'static, str>,
    ),

    /// A code from a list of constants.
    #[error("named {0}")]
    #[status(409)]
    Named(#[api_error(code)] &'static str),

    /// A fixed status and code.
    #[error("fixed")]
    #[status(404)]
    Fixed,

    /// Delegated.
    #[error(transparent)]
    #[api_error(transparent)]
    Auth(AuthError),
}

/// A generic runtime status.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("relayed {0:?}")]
#[status(502)]
pub struct RelayedStatus<S: Debug>(#[api_error(status)] pub S);

/// Serde `with` modules and functions for exposed fields.
pub mod serialize {
    use std::fmt::Debug;
    use std::time::{SystemTime, UNIX_EPOCH};

    /// `SystemTime` as whole seconds since the Unix epoch.
    pub mod unix_seconds {
        /// Serializes `time` as whole seconds since the Unix epoch (0 before it).
        ///
        /// # Errors
        ///
        /// Those of the serializer.
        pub fn serialize<S: serde::Serializer>(
            time: &super::SystemTime,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let seconds = time
                .duration_since(super::UNIX_EPOCH)
                .map_or(0, |since| since.as_secs());
            serializer.serialize_u64(seconds)
        }
    }

    /// Serializes `value` as its `Debug` text.
    ///
    /// # Errors
    ///
    /// Those of the serializer.
    pub fn as_debug<T: Debug, S: serde::Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{value:?}"))
    }
}

/// What a body holds besides its texts: declared members (the enum's, a variant's
/// overriding one, interpolated ones), optional, `null`, `with` and flattened fields, a
/// variant without a body, one whose body is a field; generic.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    member("category" = "bodies"),
    member("link" = "https://docs.example.com/errors")
)]
pub enum Bodies<T: Debug + Display> {
    /// Declared and exposed members.
    #[error("members {id}")]
    #[status(400)]
    #[api_error(
        member("link" = "https://docs.example.com/errors#{id}"),
        member("shard" = "{shard}")
    )]
    Members {
        /// Interpolated into a member.
        id: u64,
        /// Interpolated, and exposed through a function.
        #[api_error(expose(name = "shardDebug", serialize_with = serialize::as_debug))]
        shard: T,
        /// Left out when `None`.
        #[api_error(expose)]
        hint: Option<String>,
        /// `null` when `None`.
        #[api_error(expose(null))]
        reason: Option<String>,
        /// As Unix seconds.
        #[api_error(expose(with = serialize::unix_seconds))]
        since: std::time::SystemTime,
    },
    /// A flattened value beside the enum's members.
    #[error("flattened")]
    #[status(400)]
    Flattened(#[api_error(expose(flatten))] serde_json::Value),
    /// No body at all.
    #[error("no body")]
    #[status(401)]
    #[api_error(no_body, omit_header("WWW-Authenticate"))]
    NoBody,
    /// The body is a field.
    #[error("whole")]
    #[status(502)]
    Whole {
        /// The whole body.
        #[api_error(body)]
        body: serde_json::Value,
    },
}

/// Declared members under a house format, checked against its reserved names by a
/// constant assertion.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(format = House, member("kind" = "house"))]
pub enum HouseMembers {
    /// One.
    #[error("one {0}")]
    #[status(400)]
    #[api_error(member("detail" = "{0}"))]
    One(u8),
}

/// The types above once more, with what the derive writes for them as plain source
/// (`macros/src/expansion.rs` keeps it current): lints skip most of what a macro expands
/// to, so only here do this file's lints and clippy's pedantic group read the derive's
/// output as code. Never constructed, so not dead code for the lints to report.
#[allow(dead_code)]
#[path = "lints/expanded.rs"]
mod expanded;

/// `Generic` with its parameters filled in.
type Concrete<'a> = Generic<'a, u8, Gone, FieldViolation>;

/// What a test compares: status, code and body.
type Rendered = (StatusCode, String, Vec<u8>);

/// Every variant of every type above, so everything generated is used.
fn rendered() -> Vec<Rendered> {
    let violations = [FieldViolation::new(["a"], "b")];
    vec![
        render(&CaseError::NotFound { id: 1 }),
        render(&CaseError::Duplicate {
            name: "n".into(),
            support_id: 2,
            owner: "o".into(),
        }),
        render(&CaseError::Invalid(1, violations.to_vec())),
        render(&CaseError::RateLimited { secs: 3 }),
        render(&CaseError::Unauthorized),
        render(&CaseError::Database(std::io::Error::other("x"))),
        render(&CaseError::Maintenance("noon")),
        render(&CaseError::Custom),
        render(&CaseError::Auth(AuthError(5))),
        render(&Gone),
        render(&Wrapped(AuthError(6))),
        render(&Housed::FirstOne),
        render(&Housed::SecondOne(2)),
        render(&Rejected {
            name: "r",
            errors: &violations,
        }),
        render(&Concrete::Value {
            value: 1,
            note: "x",
        }),
        render(&Concrete::Inner(Gone)),
        render(&Concrete::Invalid {
            errors: violations.to_vec(),
        }),
        render(&Mixed::Plain),
        render(&Mixed::Own(1)),
        render(&Mixed::Delegated(AuthError(8))),
        render(&Ported::Quiet),
        render(&Ported::Silent(1)),
        render(&Ported::NoKey),
        render(&Ported::ReadOnly),
        render(&Ported::Malformed),
        render(&Ported::Missing),
        render(&Relayed::Upstream {
            status: StatusCode::SERVICE_UNAVAILABLE,
            code: "M_UNKNOWN".into(),
        }),
        render(&Relayed::Custom(200, "bad code".into())),
        render(&Relayed::Named("named.one")),
        render(&Relayed::Fixed),
        render(&Relayed::Auth(AuthError(7))),
        render(&RelayedStatus(StatusCode::IM_A_TEAPOT)),
        render(&Layered::<AuthError>::Page("p".into())),
        render(&Layered::<AuthError>::Gone(Gone)),
        render(&Layered::Inner(Box::new(AuthError(7)))),
    ]
}

fn render<E: ApiError>(error: &E) -> Rendered {
    let response = error.to_response();
    (
        error.status(),
        error.code().to_owned(),
        response.into_body(),
    )
}

#[test]
fn everything_renders() {
    let rendered = rendered();
    let codes: Vec<_> = rendered
        .iter()
        .map(|(status, code, _)| (status.as_u16(), code.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            (404, "not-found"),
            (409, "duplicate-value"),
            (400, "invalid"),
            (429, "rate-limited"),
            (401, "unauthorized"),
            (500, "database"),
            (503, "maintenance"),
            (490, "custom"),
            (403, "token.expired"),
            (410, "gone"),
            (403, "token.expired"),
            (400, "firstOne"),
            (404, "secondOne"),
            (422, "rejected"),
            (400, "value"),
            (410, "gone"),
            (400, "invalid"),
            (400, "plain"),
            (422, "own"),
            (403, "token.expired"),
            (409, "quiet"),
            (404, "silent"),
            (401, "no_key"),
            (405, "read_only"),
            (400, "bad_request"),
            (400, "bad_request"),
            (503, "M_UNKNOWN"),
            (400, "custom"),
            (409, "named.one"),
            (404, "fixed"),
            (403, "token.expired"),
            (418, "relayed_status"),
            (400, "page"),
            (410, "gone"),
            (403, "token.expired"),
        ]
    );
    for (_, _, body) in &rendered {
        let _: serde_json::Value = serde_json::from_slice(body).expect("valid JSON");
    }
    assert_eq!(rendered[11].2, br#"{"code":"firstOne"}"#);
    assert_eq!(rendered[17].2, br#"{"code":"plain"}"#);
    assert_eq!(
        rendered[18].2,
        br#"{"errors":[{"status":"422","code":"own","title":"Unprocessable Content","detail":"own 1","meta":{"n":1}}]}"#
    );
}

#[test]
fn bodies_render() {
    let members = Bodies::Members {
        id: 3,
        shard: 4_u8,
        hint: None,
        reason: None,
        since: std::time::UNIX_EPOCH + std::time::Duration::from_secs(9),
    };
    assert_eq!(
        String::from_utf8(members.to_response().into_body()).unwrap(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"members 3","code":"members","category":"bodies","link":"https://docs.example.com/errors#3","shard":"4","shardDebug":"4","reason":null,"since":9}"#
    );
    let flattened = Bodies::<u8>::Flattened(serde_json::json!({"extra": 1, "category": 2}));
    assert_eq!(
        String::from_utf8(flattened.to_response().into_body()).unwrap(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"flattened","code":"flattened","category":"bodies","link":"https://docs.example.com/errors","extra":1}"#
    );
    let no_body = Bodies::<u8>::NoBody.to_response();
    assert!(no_body.body().is_empty() && no_body.headers().is_empty());
    let whole = Bodies::<u8>::Whole {
        body: serde_json::json!([1]),
    };
    assert_eq!(whole.to_response().into_body(), b"[1]");
    assert_eq!(
        HouseMembers::One(1).to_response().into_body(),
        br#"{"code":"one"}"#
    );
}

#[test]
fn empty_enum() {
    fn content_type<E: ApiError>() -> &'static str {
        E::Format::CONTENT_TYPE
    }
    assert_eq!(content_type::<Never>(), "application/problem+json");
}

#[test]
fn struct_with_item_level_attributes() {
    let error = AuthError(7);
    let response = error.to_response();
    assert_eq!(response.headers()["x-expired"], "7");
    let body: serde_json::Value = serde_json::from_slice(response.body()).expect("valid JSON");
    assert_eq!(
        body,
        serde_json::json!({
            "type": "urn:auth:7",
            "title": "Token Expired",
            "status": 403,
            "detail": "token expired 7 s ago",
            "instance": "/tokens/7",
            "expiredFor": 7,
        })
    );
    assert_eq!(
        error.link().map(|link| link.to_string()).as_deref(),
        Some("https://docs.example.com/auth")
    );
}

#[test]
fn generic_message_and_header() {
    let error = Concrete::Value {
        value: 9,
        note: "n",
    };
    let response = error.to_response();
    assert_eq!(response.headers()["x-value"], "9");
    let body: serde_json::Value = serde_json::from_slice(response.body()).expect("valid JSON");
    assert_eq!(body["detail"], "Value 9 (9) is bad.");
    assert_eq!(body["note"], "n");
}

#[test]
fn hex_type_interpolation() {
    let error = CaseError::RateLimited { secs: 255 };
    assert_eq!(
        error.type_uri().map(|t| t.to_string()).as_deref(),
        Some("https://docs.example.com/limits/ff")
    );
}

#[test]
fn rich_templates() {
    let rows = TemplateError::Rows(3..5);
    let response = rows.to_response();
    assert_eq!(response.headers()["x-error"], "rows/422");
    let limited = TemplateError::Limited {
        retry_after: Some(std::time::Duration::from_secs(3)),
        until: std::time::UNIX_EPOCH,
        limit: None,
    };
    let response = limited.to_response();
    assert_eq!(response.headers()["retry-after"], "3");
    assert_eq!(
        response.headers()["x-until"],
        "Thu, 01 Jan 1970 00:00:00 GMT"
    );
    assert!(response.headers().get("x-both").is_none());
    let relayed = TemplateError::Relayed(503, "M_LIMIT".to_owned());
    assert_eq!(relayed.code(), "M_LIMIT");
}

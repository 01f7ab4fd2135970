//! Fixtures of the apifault benchmarks: the three benchmark errors and the baselines they
//! are timed against.
//!
//! The baselines are what an application would write without apifault, from the same error
//! value: a hand-written `match` for the status and code, and a hand-written
//! `#[derive(Serialize)]` struct of borrowed fields for the body, written naively
//! (`format!` for interpolated text, `serde_json::to_vec` growing its buffer) and written
//! well (`Display` adaptors serialized with `collect_str`, a presized buffer: the limit of
//! what serde_json can do). The unit tests below prove every baseline renders the same JSON
//! as apifault, so every timing compares equal work. The peer (`http-api-problem`) and the
//! axum baselines need this package's dev-dependencies and live in `dev.rs`.

use std::borrow::Cow;
use std::fmt;

use apifault::{ApiError, FieldViolation, PathSegment, Violation};
use http::header::CONTENT_TYPE;
use http::{HeaderValue, Response, StatusCode};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// The errors of the benchmark, one variant per case.
#[derive(Debug, thiserror::Error, apifault::ApiError)]
#[api_error(rename_all = "kebab-case", grpc_domain = "bench.example.com")]
pub enum BenchError {
    /// (a) A 404 whose message interpolates one field.
    #[error("case {id} not found")]
    #[status(404)]
    NotFound {
        /// The case looked for.
        id: u64,
    },

    /// (b) A 400 with per-field problems (three in the benchmark).
    #[error("invalid request")]
    #[status(400)]
    #[message("The request is invalid. See `errors` for details.")]
    Invalid {
        /// What is wrong with which field.
        #[api_error(violations)]
        errors: Vec<FieldViolation>,
    },

    /// (c) A 500 caused by a source error that must never reach the body.
    #[error("database: {0}")]
    #[status(500)]
    Database(#[source] std::io::Error),
}

/// The declared message of [`BenchError::Invalid`].
pub const INVALID_MESSAGE: &str = "The request is invalid. See `errors` for details.";

/// One benchmark case: its name in the benchmark ids and its error.
#[derive(Debug)]
pub struct Case {
    /// `404`, `400x3` or `500`.
    pub name: &'static str,
    /// The error rendered.
    pub error: BenchError,
}

/// The three cases, in report order.
#[must_use]
pub fn cases() -> [Case; 3] {
    [
        Case {
            name: "404",
            error: BenchError::NotFound { id: 3_141_592_653 },
        },
        Case {
            name: "400x3",
            error: BenchError::Invalid {
                errors: vec![
                    FieldViolation::new(["age"], "must be a positive integer"),
                    FieldViolation::new(["profile", "color"], "must be 'green', 'red' or 'blue'")
                        .with_code("any.only"),
                    FieldViolation::new(
                        [
                            PathSegment::from("steps"),
                            PathSegment::from(0),
                            PathSegment::from("title"),
                        ],
                        "is required",
                    )
                    .with_code("any.required"),
                ],
            },
        },
        Case {
            name: "500",
            error: BenchError::Database(std::io::Error::other("connection refused")),
        },
    ]
}

/// The hand-written baseline: what an application writes without a derive.
pub mod hand {
    use super::{
        BenchError, CONTENT_TYPE, Cow, FieldViolation, HeaderValue, INVALID_MESSAGE, PathSegment,
        Response, Serialize, SerializeMap, Serializer, StatusCode, Violation, fmt,
    };

    /// The status, by a plain `match`.
    #[must_use]
    pub fn status(error: &BenchError) -> StatusCode {
        match error {
            BenchError::NotFound { .. } => StatusCode::NOT_FOUND,
            BenchError::Invalid { .. } => StatusCode::BAD_REQUEST,
            BenchError::Database(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The machine code, by a plain `match`.
    #[must_use]
    pub fn code(error: &BenchError) -> &'static str {
        match error {
            BenchError::NotFound { .. } => "not-found",
            BenchError::Invalid { .. } => "invalid",
            BenchError::Database(_) => "database",
        }
    }

    fn title(error: &BenchError) -> &'static str {
        match error {
            BenchError::NotFound { .. } => "Not Found",
            BenchError::Invalid { .. } => "Bad Request",
            BenchError::Database(_) => "Internal Server Error",
        }
    }

    fn violations(error: &BenchError) -> &[FieldViolation] {
        match error {
            BenchError::Invalid { errors } => errors,
            _ => &[],
        }
    }

    /// An `http::Response` as an application builds one around a body.
    #[must_use]
    pub fn response(
        status: StatusCode,
        content_type: &'static str,
        body: Vec<u8>,
    ) -> Response<Vec<u8>> {
        let mut response = Response::new(body);
        *response.status_mut() = status;
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        response
    }

    /// The response for `accept` among problem+json (the default), Boom's JSON and
    /// JSON:API, negotiated as a service does by hand: each offered type takes the `q` of
    /// its most specific range (exact, `application/*`, `*/*`), the highest wins, the body
    /// is written naively, and `Vary: Accept` is added.
    #[must_use]
    pub fn negotiated(error: &BenchError, accept: &str) -> Response<Vec<u8>> {
        const OFFERED: [&str; 3] = [
            "application/problem+json",
            "application/json",
            "application/vnd.api+json",
        ];
        let mut best = (0, 0.0_f32);
        for (index, offered) in OFFERED.iter().enumerate() {
            let (mut quality, mut specificity) = (0.0_f32, 0);
            for range in accept.split(',') {
                let mut parts = range.split(';');
                let media = parts.next().unwrap_or_default().trim();
                let q = parts
                    .find_map(|param| param.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                let matched = if media == *offered {
                    3
                } else if media == "application/*" {
                    2
                } else if media == "*/*" {
                    1
                } else {
                    continue;
                };
                if matched > specificity {
                    (quality, specificity) = (q, matched);
                }
            }
            if quality > best.1 {
                best = (index, quality);
            }
        }
        let (content_type, body) = match best.0 {
            1 => (OFFERED[1], boom_naive(error)),
            2 => (OFFERED[2], jsonapi_naive(error)),
            _ => (OFFERED[0], problem_naive(error)),
        };
        let mut response = response(status(error), content_type, body);
        response
            .headers_mut()
            .append(http::header::VARY, HeaderValue::from_static("Accept"));
        response
    }

    #[derive(Serialize)]
    struct NaiveProblem<'a> {
        #[serde(rename = "type")]
        kind: &'a str,
        title: &'a str,
        status: u16,
        #[serde(skip_serializing_if = "Option::is_none")]
        detail: Option<Cow<'a, str>>,
        code: &'a str,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        errors: Vec<NaiveProblemItem<'a>>,
    }

    #[derive(Serialize)]
    struct NaiveProblemItem<'a> {
        detail: &'a str,
        pointer: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        code: Option<&'a str>,
    }

    /// RFC 9457 body, written naively: `format!` the detail and the pointers, collect the
    /// items, `serde_json::to_vec` (which grows its buffer as it goes).
    #[must_use]
    pub fn problem_naive(error: &BenchError) -> Vec<u8> {
        let detail = match error {
            BenchError::NotFound { id } => Some(Cow::Owned(format!("case {id} not found"))),
            BenchError::Invalid { .. } => Some(Cow::Borrowed(INVALID_MESSAGE)),
            BenchError::Database(_) => None,
        };
        let body = NaiveProblem {
            kind: "about:blank",
            title: title(error),
            status: status(error).as_u16(),
            detail,
            code: code(error),
            errors: violations(error)
                .iter()
                .map(|violation| NaiveProblemItem {
                    detail: violation.message(),
                    pointer: format!("#{}", violation.path().pointer()),
                    code: violation.code(),
                })
                .collect(),
        };
        serde_json::to_vec(&body).expect("plain strings and numbers serialize")
    }

    #[derive(Serialize)]
    struct PresizedProblem<'a> {
        #[serde(rename = "type")]
        kind: &'a str,
        title: &'a str,
        status: u16,
        #[serde(skip_serializing_if = "Option::is_none")]
        detail: Option<Detail<'a>>,
        code: &'a str,
        #[serde(skip_serializing_if = "Items::is_empty")]
        errors: Items<'a>,
    }

    /// The detail, written into the output by `collect_str`: no intermediate `String`.
    enum Detail<'a> {
        NotFound(u64),
        Constant(&'a str),
    }

    impl Serialize for Detail<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::NotFound(id) => serializer.collect_str(&format_args!("case {id} not found")),
                Self::Constant(text) => serializer.serialize_str(text),
            }
        }
    }

    /// The violations, serialized straight from the error's list.
    struct Items<'a>(&'a [FieldViolation]);

    impl Items<'_> {
        fn is_empty(&self) -> bool {
            self.0.is_empty()
        }
    }

    /// The violations as RFC 9457 `errors` items, serialized straight from the list
    /// (also what the peer is given, so it is not charged for building pointer strings).
    pub fn problem_items(errors: &[FieldViolation]) -> impl Serialize + '_ {
        Items(errors)
    }

    impl Serialize for Items<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.0.iter().map(Item))
        }
    }

    struct Item<'a>(&'a FieldViolation);

    impl Serialize for Item<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let violation = self.0;
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("detail", violation.message())?;
            map.serialize_entry("pointer", &Fragment(violation.path().segments()))?;
            if let Some(code) = violation.code() {
                map.serialize_entry("code", code)?;
            }
            map.end()
        }
    }

    /// `#/a/0/b`: the path as a JSON Pointer in a URI fragment (the benchmark's keys need
    /// no escaping, so none is done).
    struct Fragment<'a>(&'a [PathSegment]);

    impl fmt::Display for Fragment<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("#")?;
            for segment in self.0 {
                match segment {
                    PathSegment::Key(key) => write!(f, "/{key}")?,
                    PathSegment::Index(index) => write!(f, "/{index}")?,
                }
            }
            Ok(())
        }
    }

    impl Serialize for Fragment<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(self)
        }
    }

    /// RFC 9457 body, written well: the same struct with `Display` adaptors instead of
    /// `format!`, into a buffer presized from the shape of the body. The limit.
    #[must_use]
    pub fn problem_presized(error: &BenchError) -> Vec<u8> {
        let detail = match error {
            BenchError::NotFound { id } => Some(Detail::NotFound(*id)),
            BenchError::Invalid { .. } => Some(Detail::Constant(INVALID_MESSAGE)),
            BenchError::Database(_) => None,
        };
        let errors = violations(error);
        let capacity = 192
            + errors
                .iter()
                .map(|v| 48 + v.message().len() + 16 * v.path().segments().len())
                .sum::<usize>();
        let body = PresizedProblem {
            kind: "about:blank",
            title: title(error),
            status: status(error).as_u16(),
            detail,
            code: code(error),
            errors: Items(errors),
        };
        let mut out = Vec::with_capacity(capacity);
        serde_json::to_writer(&mut out, &body).expect("plain strings and numbers serialize");
        out
    }

    #[derive(Serialize)]
    struct NaiveDocument<'a> {
        errors: Vec<NaiveJsonApiError<'a>>,
    }

    #[derive(Serialize)]
    struct NaiveJsonApiError<'a> {
        status: &'a str,
        code: &'a str,
        title: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        detail: Option<Cow<'a, str>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<NaiveSource>,
    }

    #[derive(Serialize)]
    struct NaiveSource {
        pointer: String,
    }

    /// JSON:API document, written naively: one error object per violation.
    #[must_use]
    pub fn jsonapi_naive(error: &BenchError) -> Vec<u8> {
        let status = status(error);
        let errors = match error {
            BenchError::Invalid { errors } => errors
                .iter()
                .map(|violation| NaiveJsonApiError {
                    status: status.as_str(),
                    code: violation.code().unwrap_or(code(error)),
                    title: title(error),
                    detail: Some(Cow::Borrowed(violation.message())),
                    source: Some(NaiveSource {
                        pointer: violation.path().pointer().to_string(),
                    }),
                })
                .collect(),
            BenchError::NotFound { id } => vec![NaiveJsonApiError {
                status: status.as_str(),
                code: code(error),
                title: title(error),
                detail: Some(Cow::Owned(format!("case {id} not found"))),
                source: None,
            }],
            BenchError::Database(_) => vec![NaiveJsonApiError {
                status: status.as_str(),
                code: code(error),
                title: title(error),
                detail: None,
                source: None,
            }],
        };
        serde_json::to_vec(&NaiveDocument { errors }).expect("plain strings and numbers serialize")
    }

    #[derive(Serialize)]
    struct NaiveBoom<'a> {
        #[serde(rename = "statusCode")]
        status_code: u16,
        error: &'a str,
        message: Cow<'a, str>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        errors: Vec<NaiveJoiItem<'a>>,
    }

    #[derive(Serialize)]
    struct NaiveJoiItem<'a> {
        message: &'a str,
        path: &'a [PathSegment],
        #[serde(rename = "type")]
        kind: &'a str,
    }

    /// hapi Boom payload, written naively (a 500's message masked, as hapi does).
    #[must_use]
    pub fn boom_naive(error: &BenchError) -> Vec<u8> {
        let message = match error {
            BenchError::NotFound { id } => Cow::Owned(format!("case {id} not found")),
            BenchError::Invalid { .. } => Cow::Borrowed(INVALID_MESSAGE),
            BenchError::Database(_) => Cow::Borrowed("An internal server error occurred"),
        };
        let body = NaiveBoom {
            status_code: status(error).as_u16(),
            error: title(error),
            message,
            errors: violations(error)
                .iter()
                .map(|violation| NaiveJoiItem {
                    message: violation.message(),
                    path: violation.path().segments(),
                    kind: violation.code().unwrap_or(code(error)),
                })
                .collect(),
        };
        serde_json::to_vec(&body).expect("plain strings and numbers serialize")
    }
}

/// The RFC 9457 body built as a `serde_json::Value` with `json!`, then serialized.
#[must_use]
pub fn problem_json_macro(error: &BenchError) -> Vec<u8> {
    let status = hand::status(error);
    let mut body = serde_json::json!({
        "type": "about:blank",
        "title": status.canonical_reason(),
        "status": status.as_u16(),
        "code": hand::code(error),
    });
    match error {
        BenchError::NotFound { id } => {
            body["detail"] = serde_json::json!(format!("case {id} not found"));
        }
        BenchError::Invalid { errors } => {
            body["detail"] = serde_json::json!(INVALID_MESSAGE);
            body["errors"] = errors
                .iter()
                .map(|violation| {
                    let mut item = serde_json::json!({
                        "detail": violation.message(),
                        "pointer": format!("#{}", violation.path().pointer()),
                    });
                    if let Some(code) = violation.code() {
                        item["code"] = serde_json::json!(code);
                    }
                    item
                })
                .collect();
        }
        BenchError::Database(_) => {}
    }
    serde_json::to_vec(&body).expect("a Value serializes")
}

/// The `Accept` of the negotiated rows: problem+json preferred, Boom's JSON and then
/// anything acceptable, so each implementation weighs every range to choose problem+json.
pub const ACCEPT: &str = "application/problem+json, application/json;q=0.9, */*;q=0.1";

/// apifault's response for `error` negotiated among problem+json (the default), Boom's
/// JSON and JSON:API by [`ACCEPT`], with `Vary: Accept`: what a type declaring
/// `negotiate(apifault::Problem, apifault::Boom, apifault::JsonApi)` answers.
#[must_use]
pub fn apifault_negotiated(error: &BenchError) -> Response<Vec<u8>> {
    apifault::negotiate::response::<(apifault::Problem, apifault::Boom, apifault::JsonApi), _>(
        error,
        &apifault::Context::new().with_accept(ACCEPT),
    )
}

/// apifault's own `http::Response` for `error` in format `F` (what `to_response` does).
#[must_use]
pub fn apifault_response<F: apifault::Format>(error: &BenchError) -> Response<Vec<u8>> {
    error.to_response_in::<F>(&apifault::Context::default())
}

/// Case (c) behind axum's wrapper pattern: a struct around a boxed error, listing
/// [`BenchError`] to answer as when its chain holds one. Its code is case (c)'s, so its
/// masked 500 is byte for byte case (c)'s body: the two rows compare equal work.
#[derive(Debug, apifault::ApiError)]
#[api_error(wrapper(find(BenchError)))]
#[status(500)]
#[code("database")]
pub struct Wrapped(pub Box<dyn std::error::Error + Send + Sync>);

/// A [`Wrapped`] whose chain holds no listed type: its masked 500 after one failed downcast.
#[must_use]
pub fn wrapped_500() -> Wrapped {
    Wrapped(Box::new(std::io::Error::other("connection refused")))
}

#[cfg(test)]
#[path = "dev.rs"]
mod dev;

#[cfg(test)]
mod tests {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    use apifault::{Boom, Context, Format, JsonApi, Problem};
    use serde_json::{Value, json};

    use super::*;

    fn value(bytes: &[u8]) -> Value {
        serde_json::from_slice(bytes).expect("valid JSON")
    }

    #[test]
    fn the_wrapper_row_renders_case_c() {
        let [.., database] = cases();
        let expected = apifault_response::<Problem>(&database.error);
        let wrapped = wrapped_500().to_response();
        assert_eq!(wrapped.status(), expected.status());
        assert_eq!(wrapped.headers(), expected.headers());
        assert_eq!(value(wrapped.body()), value(expected.body()));
    }

    fn render<F: Format>(error: &BenchError) -> Vec<u8> {
        F::render(error, &Context::default()).expect("renders")
    }

    /// The fixtures are what the benchmark says they are.
    #[test]
    fn problem_bodies_are_the_documented_ones() {
        let [not_found, invalid, database] =
            cases().map(|case| value(&render::<Problem>(&case.error)));
        assert_eq!(
            not_found,
            json!({"type": "about:blank", "title": "Not Found", "status": 404,
                   "detail": "case 3141592653 not found", "code": "not-found"})
        );
        assert_eq!(
            invalid,
            json!({"type": "about:blank", "title": "Bad Request", "status": 400,
            "detail": INVALID_MESSAGE, "code": "invalid", "errors": [
                {"detail": "must be a positive integer", "pointer": "#/age"},
                {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color", "code": "any.only"},
                {"detail": "is required", "pointer": "#/steps/0/title", "code": "any.required"},
            ]})
        );
        assert_eq!(
            database,
            json!({"type": "about:blank", "title": "Internal Server Error", "status": 500,
                   "code": "database"})
        );
    }

    #[test]
    fn status_and_code_match_the_hand_written_match() {
        for case in cases() {
            assert_eq!(
                case.error.status(),
                hand::status(&case.error),
                "{}",
                case.name
            );
            assert_eq!(case.error.code(), hand::code(&case.error), "{}", case.name);
        }
    }

    #[test]
    fn every_problem_baseline_renders_the_same_json() {
        for case in cases() {
            let error = &case.error;
            let expected = value(&render::<Problem>(error));
            assert_eq!(
                value(&hand::problem_naive(error)),
                expected,
                "naive {}",
                case.name
            );
            assert_eq!(
                value(&hand::problem_presized(error)),
                expected,
                "presized {}",
                case.name
            );
            assert_eq!(
                value(&problem_json_macro(error)),
                expected,
                "json! {}",
                case.name
            );
            assert_eq!(
                value(&dev::http_api_problem_body(error)),
                expected,
                "http-api-problem {}",
                case.name
            );
        }
    }

    #[test]
    fn jsonapi_and_boom_baselines_render_the_same_json() {
        for case in cases() {
            let error = &case.error;
            assert_eq!(
                value(&hand::jsonapi_naive(error)),
                value(&render::<JsonApi>(error)),
                "{}",
                case.name
            );
            assert_eq!(
                value(&hand::boom_naive(error)),
                value(&render::<Boom>(error)),
                "{}",
                case.name
            );
        }
    }

    #[test]
    fn every_response_baseline_matches_apifault() {
        for case in cases() {
            let error = &case.error;
            let apifault = apifault_response::<Problem>(error);
            let status = hand::status(error);
            let baselines = [
                (
                    "naive",
                    hand::response(
                        status,
                        "application/problem+json",
                        hand::problem_naive(error),
                    ),
                ),
                (
                    "presized",
                    hand::response(
                        status,
                        "application/problem+json",
                        hand::problem_presized(error),
                    ),
                ),
                ("http-api-problem", dev::http_api_problem_response(error)),
            ];
            for (name, baseline) in baselines {
                assert_eq!(baseline.status(), apifault.status(), "{name} {}", case.name);
                assert_eq!(
                    baseline.headers(),
                    apifault.headers(),
                    "{name} {}",
                    case.name
                );
                assert_eq!(
                    value(baseline.body()),
                    value(apifault.body()),
                    "{name} {}",
                    case.name
                );
            }
        }
    }

    #[test]
    fn the_negotiated_baseline_matches_apifault() {
        for case in cases() {
            let apifault = apifault_negotiated(&case.error);
            let hand = hand::negotiated(&case.error, ACCEPT);
            assert_eq!(hand.status(), apifault.status(), "{}", case.name);
            assert_eq!(hand.headers(), apifault.headers(), "{}", case.name);
            assert_eq!(
                apifault.headers()["content-type"],
                "application/problem+json"
            );
            assert_eq!(value(hand.body()), value(apifault.body()), "{}", case.name);
            // Another `Accept`, another choice, still the same on both sides.
            let boom = hand::negotiated(&case.error, "application/json");
            assert_eq!(boom.headers()["content-type"], "application/json");
        }
    }

    #[test]
    fn every_axum_baseline_matches_the_http_response() {
        for case in cases() {
            let error = &case.error;
            let expected = apifault_response::<Problem>(error);
            let baselines = [
                ("naive", dev::axum_naive(error)),
                ("presized", dev::axum_presized(error)),
                ("http-api-problem", dev::http_api_problem_axum(error)),
            ];
            for (name, baseline) in baselines {
                assert_eq!(baseline.status(), expected.status(), "{name} {}", case.name);
                assert_eq!(
                    baseline.headers()[CONTENT_TYPE],
                    "application/problem+json",
                    "{name} {}",
                    case.name
                );
            }
        }
    }

    struct Counting;

    thread_local! {
        static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
        static REALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    }

    // SAFETY: every call is forwarded unchanged to the system allocator; the counters are
    // thread-local, so tests running in parallel do not see each other's allocations.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            ALLOCATIONS.with(|n| n.set(n.get() + 1));
            unsafe { System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            REALLOCATIONS.with(|n| n.set(n.get() + 1));
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static GLOBAL: Counting = Counting;

    /// (allocations, reallocations) made by `f`.
    fn count<T>(f: impl FnOnce() -> T) -> (usize, usize) {
        let before = (ALLOCATIONS.with(Cell::get), REALLOCATIONS.with(Cell::get));
        drop(f());
        let after = (ALLOCATIONS.with(Cell::get), REALLOCATIONS.with(Cell::get));
        (after.0 - before.0, after.1 - before.1)
    }

    /// The allocation column of BENCHMARKS.md (`cargo test -p apifault-benches --lib --
    /// --nocapture allocation_counts` prints it), with the counts that must hold asserted.
    #[test]
    fn allocation_counts() {
        type Render = fn(&BenchError) -> Vec<u8>;
        let renderers: [(&str, Render); 9] = [
            ("apifault Problem", render::<Problem>),
            ("apifault JsonApi", render::<JsonApi>),
            ("apifault Boom", render::<Boom>),
            ("hand-written naive", hand::problem_naive),
            ("hand-written presized", hand::problem_presized),
            ("json!", problem_json_macro),
            ("http-api-problem", dev::http_api_problem_body),
            ("hand-written JsonApi naive", hand::jsonapi_naive),
            ("hand-written Boom naive", hand::boom_naive),
        ];
        let cases = cases();
        println!(
            "| body | {} |",
            cases.each_ref().map(|case| case.name).join(" | ")
        );
        for (name, render) in renderers {
            let counts = cases.each_ref().map(|case| count(|| render(&case.error)));
            let cells = counts.map(|(allocations, reallocations)| {
                format!("{allocations} alloc + {reallocations} realloc")
            });
            println!("| {name} | {} |", cells.join(" | "));
            if name.starts_with("apifault") || name == "hand-written presized" {
                assert!(
                    counts.iter().all(|&counts| counts == (1, 0)),
                    "{name}: {counts:?}"
                );
            }
        }
        for case in &cases {
            assert_eq!(count(|| (case.error.status(), case.error.code())), (0, 0));
        }
        // gRPC: apifault allocates no more than the same `Status` built by hand.
        type Convert = fn(&BenchError) -> tonic::Status;
        let converters: [(&str, Convert); 2] = [
            ("apifault tonic::Status", dev::grpc_status_apifault),
            ("hand-built ErrorDetails", dev::grpc_status_hand),
        ];
        let mut totals = [0; 2];
        println!(
            "| gRPC status | {} |",
            cases.each_ref().map(|case| case.name).join(" | ")
        );
        for ((name, convert), total) in converters.into_iter().zip(&mut totals) {
            let counts = cases.each_ref().map(|case| count(|| convert(&case.error)));
            let cells = counts.map(|(allocations, reallocations)| {
                format!("{allocations} alloc + {reallocations} realloc")
            });
            println!("| {name} | {} |", cells.join(" | "));
            *total = counts.iter().map(|(a, r)| a + r).sum::<usize>();
        }
        assert!(totals[0] <= totals[1], "gRPC allocations: {totals:?}");
    }

    /// The gRPC rows build the same `Status`: code, message and detail bytes.
    #[test]
    fn the_grpc_baseline_builds_the_same_status() {
        for case in cases() {
            let ours = dev::grpc_status_apifault(&case.error);
            let hand = dev::grpc_status_hand(&case.error);
            assert_eq!(ours.code(), hand.code(), "{}", case.name);
            assert_eq!(ours.message(), hand.message(), "{}", case.name);
            assert_eq!(ours.details(), hand.details(), "{}", case.name);
        }
    }

    #[test]
    fn the_localized_rows_render_german_and_the_declared_english() {
        let german = value(&dev::localized_body(&dev::LOCALIZABLE, &dev::german()));
        assert_eq!(
            german["detail"],
            "Der Fall 3141592653 wurde nicht gefunden."
        );
        assert_eq!(german["title"], "Nicht gefunden");
        let negotiated = value(&dev::negotiated_body(&dev::LOCALIZABLE, "de-CH, en;q=0.5"));
        assert_eq!(negotiated, german);
        let english = value(&dev::localized_body(&dev::LOCALIZABLE, &Context::new()));
        assert_eq!(english["detail"], "case 3141592653 not found");
        assert_eq!(english["title"], "Not Found");
        // The same members otherwise, in the same order.
        let keys = |body: &Value| {
            body.as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&german), keys(&english));
    }
}

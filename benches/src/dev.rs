//! Baselines that need this package's dev-dependencies: the peer crate, axum and tonic. Compiled
//! into the unit tests and into the benchmark (each includes this file with `#[path]`),
//! so the code timed is the code tested.

use axum::response::IntoResponse as _;
use http::header::CONTENT_TYPE;
use http::{HeaderValue, Response};
use http_api_problem::HttpApiProblem;

use super::{BenchError, INVALID_MESSAGE, hand};

/// The error as an [`HttpApiProblem`], built as its documentation shows.
pub fn http_api_problem(error: &BenchError) -> HttpApiProblem {
    let problem = HttpApiProblem::with_title(hand::status(error))
        .type_url("about:blank")
        .value("code", &hand::code(error));
    match error {
        BenchError::NotFound { id } => problem.detail(format!("case {id} not found")),
        BenchError::Invalid { errors } => problem
            .detail(INVALID_MESSAGE)
            .value("errors", &hand::problem_items(errors)),
        BenchError::Database(_) => problem,
    }
}

/// The peer's body bytes.
pub fn http_api_problem_body(error: &BenchError) -> Vec<u8> {
    http_api_problem(error).json_bytes()
}

/// The peer's body in an `http::Response`.
pub fn http_api_problem_response(error: &BenchError) -> Response<Vec<u8>> {
    hand::response(
        hand::status(error),
        "application/problem+json",
        http_api_problem_body(error),
    )
}

/// The peer's own axum response (it adds `Content-Length`).
pub fn http_api_problem_axum(error: &BenchError) -> axum::response::Response {
    http_api_problem(error).to_axum_response()
}

/// The hand-written axum response as handlers usually write it: a tuple around the naive
/// body.
pub fn axum_naive(error: &BenchError) -> axum::response::Response {
    (
        hand::status(error),
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        )],
        hand::problem_naive(error),
    )
        .into_response()
}

/// The hand-written axum response at its cheapest: the presized body, the response built
/// field by field.
pub fn axum_presized(error: &BenchError) -> axum::response::Response {
    hand::response(
        hand::status(error),
        "application/problem+json",
        hand::problem_presized(error),
    )
    .map(axum::body::Body::from)
}

/// The error as a `tonic::Status` by apifault: what its `From<E> for tonic::Status` does
/// (outside a context layer).
pub fn grpc_status_apifault(error: &BenchError) -> tonic::Status {
    apifault::tonic::status(error)
}

/// The same `Status` built by hand with tonic-types' `ErrorDetails`, as a tonic service
/// writes it without apifault: the code and reason by `match`, the message with `format!`,
/// each violation's path and reason converted at run time.
pub fn grpc_status_hand(error: &BenchError) -> tonic::Status {
    use tonic_types::{ErrorDetails, FieldViolation, StatusExt as _};

    let (code, reason, message) = match error {
        BenchError::NotFound { id } => (
            tonic::Code::NotFound,
            "NOT_FOUND",
            format!("case {id} not found"),
        ),
        BenchError::Invalid { .. } => (
            tonic::Code::InvalidArgument,
            "INVALID",
            INVALID_MESSAGE.to_owned(),
        ),
        BenchError::Database(_) => (
            tonic::Code::Internal,
            "DATABASE",
            "Internal Server Error".to_owned(),
        ),
    };
    let mut details = ErrorDetails::new();
    details.set_error_info(
        reason,
        "bench.example.com",
        std::collections::HashMap::new(),
    );
    if let BenchError::Invalid { errors } = error {
        let violations: Vec<FieldViolation> = errors
            .iter()
            .map(|violation| {
                use apifault::Violation as _;
                let mut field =
                    FieldViolation::new(violation.path().dotted().to_string(), violation.message());
                if let Some(code) = violation.code() {
                    field.reason = code.to_ascii_uppercase().replace(['.', '-'], "_");
                }
                field
            })
            .collect();
        details.set_bad_request(violations);
    }
    tonic::Status::with_error_details(code, message, details)
}

/// The localized rows' error: the 404 of case (a) with its message declared, so a
/// translation can read `id`.
#[derive(Debug, thiserror::Error, apifault::ApiError)]
#[api_error(rename_all = "kebab-case")]
pub enum Localizable {
    /// Case (a), translatable.
    #[error("case {id} not found")]
    #[status(404)]
    #[message("case {id} not found")]
    NotFound {
        /// The case looked for.
        id: u64,
    },
}

/// The localized rows' error value.
pub const LOCALIZABLE: Localizable = Localizable::NotFound { id: 3_141_592_653 };

/// English and German, as a service ships them.
pub static LOCALIZER: std::sync::LazyLock<apifault::i18n::FluentLocalizer> =
    std::sync::LazyLock::new(|| {
        apifault::i18n::FluentLocalizer::builder()
            .locale("en", "not-found = case { $id } not found\n")
            .locale(
                "de",
                "not-found = Der Fall { $id } wurde nicht gefunden.\n    .title = Nicht gefunden\n",
            )
            .build()
            .expect("valid locales")
    });

/// The body of `error` in `context`.
pub fn localized_body(error: &Localizable, context: &apifault::Context<'_>) -> Vec<u8> {
    <apifault::Problem as apifault::Format>::render(error, context).expect("renders")
}

/// The German context, negotiated once.
pub fn german() -> apifault::Context<'static> {
    let locale = apifault::i18n::Locale::negotiate(&*LOCALIZER, "de").expect("a locale");
    apifault::Context::new().with_locale(locale)
}

/// The body negotiated from an `Accept-Language` on each call, as a layer does.
pub fn negotiated_body(error: &Localizable, accept_language: &str) -> Vec<u8> {
    let locale = apifault::i18n::Locale::negotiate(&*LOCALIZER, accept_language).expect("a locale");
    localized_body(error, &apifault::Context::new().with_locale(locale))
}

//! Baselines that need this package's dev-dependencies: the peer crate and axum. Compiled
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

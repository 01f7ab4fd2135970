//! What the tests read of a rendered error: the body as text (to compare bytes and member
//! order) or as JSON (to compare content), in the error's own format or another one, and
//! the whole response as text.

use apifault::{ApiError, Context, Format};
use http::HeaderMap;
use serde_json::Value;

/// The body of `error.to_response()`, as text.
///
/// # Panics
///
/// When the body is not UTF-8.
pub fn raw<E: ApiError>(error: &E) -> String {
    String::from_utf8(error.to_response().into_body()).expect("the body is UTF-8")
}

/// The body of `error.to_response()`, as JSON.
///
/// # Panics
///
/// When the body is not JSON.
pub fn value<E: ApiError>(error: &E) -> Value {
    serde_json::from_slice(error.to_response().body()).expect("the body is JSON")
}

/// The body of `error` rendered in format `F` with `context`, as text.
///
/// # Panics
///
/// When the body is not UTF-8.
pub fn raw_in<F: Format, E: ApiError>(error: &E, context: &Context<'_>) -> String {
    String::from_utf8(error.to_response_in::<F>(context).into_body()).expect("the body is UTF-8")
}

/// The body of `error` rendered in format `F` with `context`, as JSON.
///
/// # Panics
///
/// When the body is not JSON.
pub fn value_in<F: Format, E: ApiError>(error: &E, context: &Context<'_>) -> Value {
    serde_json::from_slice(error.to_response_in::<F>(context).body()).expect("the body is JSON")
}

/// The whole response of `error.to_response()` as text: the status line, every header
/// and the body.
pub fn whole<E: ApiError>(error: &E) -> String {
    let response = error.to_response();
    let mut text = format!("{}\n", response.status());
    for (name, value) in response.headers() {
        text.push_str(&format!(
            "{name}: {}\n",
            String::from_utf8_lossy(value.as_bytes())
        ));
    }
    text.push_str(&String::from_utf8_lossy(response.body()));
    text
}

/// Every header of a response, in order, as `(name, value)` text.
///
/// # Panics
///
/// When a value is not visible ASCII (no test sends one).
#[must_use]
pub fn header_list(headers: &HeaderMap) -> Vec<(&str, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            (
                name.as_str(),
                value.to_str().expect("text header").to_owned(),
            )
        })
        .collect()
}

//! Status phrases, per the standard each format follows.
//!
//! The `http` crate's `canonical_reason` still has the RFC 7231 names for 413 ("Payload
//! Too Large") and 422 ("Unprocessable Entity"); RFC 9110, which RFC 9457 builds on,
//! renamed them "Content Too Large" and "Unprocessable Content".

use http::StatusCode;

/// The phrase of the IANA HTTP status code registry as RFC 9110 left it, used by
/// [`Problem`](crate::Problem). `None` for unregistered codes (490).
///
/// ```
/// use apifault::phrase::rfc9110;
/// use http::StatusCode;
/// assert_eq!(rfc9110(StatusCode::PAYLOAD_TOO_LARGE), Some("Content Too Large"));
/// assert_eq!(rfc9110(StatusCode::UNPROCESSABLE_ENTITY), Some("Unprocessable Content"));
/// assert_eq!(rfc9110(StatusCode::from_u16(490).unwrap()), None);
/// ```
#[must_use]
pub fn rfc9110(status: StatusCode) -> Option<&'static str> {
    match status.as_u16() {
        413 => Some("Content Too Large"),
        422 => Some("Unprocessable Content"),
        // RFC 9110 §15.5.19 marks 418 "(Unused)": no phrase to show as a title.
        418 => None,
        _ => status.canonical_reason(),
    }
}

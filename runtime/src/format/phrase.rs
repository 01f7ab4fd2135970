//! Status phrases, per the standard each format follows.
//!
//! The `http` crate's `canonical_reason` still has the RFC 7231 names for 413 ("Payload
//! Too Large") and 422 ("Unprocessable Entity"); RFC 9110, which RFC 9457 builds on,
//! renamed them "Content Too Large" and "Unprocessable Content". Where the standards
//! disagree, each format uses the table of the world it speaks for:
//!
//! | status | [`rfc9110`]: `Problem`, `JsonApi` | [`nodejs`]: `Boom` |
//! |---|---|---|
//! | 413 | Content Too Large | Payload Too Large |
//! | 418 | none (RFC 9110 marks it unused) | I'm a Teapot |
//! | 422 | Unprocessable Content | Unprocessable Entity |
//! | 509 | none (unregistered) | Bandwidth Limit Exceeded |
//! | 490 and other unregistered codes | none | none (`Boom` writes `Unknown`, as hapi does) |
//!
//! - `Problem` follows RFC 9457, which defines `title` on top of RFC 9110's registry.
//! - `JsonApi` defines no phrases of its own: its `status` member is "the HTTP status code
//!   applicable to this problem", so its default `title` uses the current HTTP standard,
//!   RFC 9110, and switching between the two standards-based formats keeps titles stable.
//!   Declare `#[title("Unprocessable Entity")]` where an API documents the older name.
//! - `Boom` reproduces hapi, whose `error` member is Node.js's `http.STATUS_CODES[status]`
//!   (RFC 7231 era names), so a Rust service answers byte for byte like the Node.js one.

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

/// The phrase of Node.js's `http.STATUS_CODES` for an error status, used by
/// [`Boom`](crate::Boom) for hapi's `error` member. `None` for codes Node.js does not
/// name (490), where hapi writes `Unknown`.
///
/// ```
/// use apifault::phrase::nodejs;
/// use http::StatusCode;
/// assert_eq!(nodejs(StatusCode::PAYLOAD_TOO_LARGE), Some("Payload Too Large"));
/// assert_eq!(nodejs(StatusCode::UNPROCESSABLE_ENTITY), Some("Unprocessable Entity"));
/// assert_eq!(nodejs(StatusCode::IM_A_TEAPOT), Some("I'm a Teapot"));
/// assert_eq!(nodejs(StatusCode::from_u16(490).unwrap()), None);
/// ```
#[must_use]
pub fn nodejs(status: StatusCode) -> Option<&'static str> {
    // Node.js `lib/_http_server.js` `STATUS_CODES`, 4xx and 5xx rows. Spelled out rather
    // than taken from `canonical_reason` so a change in the `http` crate cannot change
    // what a hapi client sees.
    Some(match status.as_u16() {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Payload Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a Teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Entity",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        509 => "Bandwidth Limit Exceeded",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => return None,
    })
}

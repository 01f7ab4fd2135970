//! A machine code in the form AIP-193 asks of `google.rpc.ErrorInfo.reason`. Compiled
//! without the `tonic` feature too: the client helpers and the catalogue use it, and the
//! derive's compile-time check mirrors it (a test keeps the two equal).

/// The longest reason AIP-193 allows.
pub(crate) const MAX_REASON_LEN: usize = 63;

/// The machine code `code` as an AIP-193 `ErrorInfo.reason` (`UPPER_SNAKE_CASE`, matching
/// `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63 characters), or `None` when it has no such form.
///
/// Letters are upper-cased, `-`, `.` and `_` become `_`, and a word boundary in camel
/// case (`notFound`, `HTTPError`) gets a `_`. A code that would start with a digit or a
/// separator, end with a separator, hold another character, or be shorter than 3 or longer
/// than 63 characters has none: the derive rejects such a constant code of an enum with
/// `grpc_domain`, and a runtime one leaves the `ErrorInfo` out.
///
/// ```
/// use apifault::grpc_reason;
///
/// assert_eq!(grpc_reason("duplicate-value").as_deref(), Some("DUPLICATE_VALUE"));
/// assert_eq!(grpc_reason("notFound").as_deref(), Some("NOT_FOUND"));
/// assert_eq!(grpc_reason("auth.token_expired").as_deref(), Some("AUTH_TOKEN_EXPIRED"));
/// assert_eq!(grpc_reason("RATE_LIMITED").as_deref(), Some("RATE_LIMITED"));
/// assert_eq!(grpc_reason("1001"), None);
/// ```
#[must_use]
pub fn grpc_reason(code: &str) -> Option<String> {
    let bytes = code.as_bytes();
    // The usual codes (`not-found`, `rate_limited`, `NOT_FOUND`) are in one case: no camel
    // boundary, each byte maps to one, in one tight pass.
    let one_case =
        !(bytes.iter().any(u8::is_ascii_uppercase) && bytes.iter().any(u8::is_ascii_lowercase));
    if one_case
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
    {
        let mapped: Vec<u8> = bytes
            .iter()
            .map(|&b| match b {
                b'-' | b'.' => b'_',
                b => b.to_ascii_uppercase(),
            })
            .collect();
        let reason = String::from_utf8(mapped).ok()?;
        return is_reason(&reason).then_some(reason);
    }
    let mut reason = String::with_capacity(bytes.len() + 4);
    for (i, &byte) in bytes.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| bytes[p]);
        let next = bytes.get(i + 1).copied();
        match byte {
            b'-' | b'.' | b'_' => reason.push('_'),
            b'a'..=b'z' | b'0'..=b'9' => reason.push(char::from(byte.to_ascii_uppercase())),
            b'A'..=b'Z' => {
                let boundary = previous.is_some_and(|p| p.is_ascii_lowercase())
                    || (previous.is_some_and(|p| p.is_ascii_uppercase())
                        && next.is_some_and(|n| n.is_ascii_lowercase()));
                if boundary {
                    reason.push('_');
                }
                reason.push(char::from(byte));
            }
            _ => return None,
        }
    }
    is_reason(&reason).then_some(reason)
}

/// Whether `reason` matches `[A-Z][A-Z0-9_]+[A-Z0-9]` and has at most 63 characters.
#[must_use]
pub(crate) fn is_reason(reason: &str) -> bool {
    let bytes = reason.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    bytes.len() >= 3
        && bytes.len() <= MAX_REASON_LEN
        && first.is_ascii_uppercase()
        && (last.is_ascii_uppercase() || last.is_ascii_digit())
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
}

//! The `google.rpc.Status` of a derived error, written straight into one buffer of the
//! exact size: the bytes tonic-types' `ErrorDetails` encodes through prost (the same field
//! order, the same omission of empty strings), without its intermediate messages, `Any`
//! values and type URL strings. `tests/grpc_status.rs` and the benchmark's unit tests
//! compare the two byte for byte.

/// What one status carries, gathered from the error (see `details`).
#[derive(Default)]
pub(super) struct Details<'a> {
    /// `ErrorInfo`: the reason, the domain, the exposed fields in declaration order.
    pub error_info: Option<ErrorInfo<'a>>,
    /// `BadRequest.field_violations`: field path, description, reason.
    pub violations: Vec<(String, &'a str, String)>,
    /// `RetryInfo.retry_delay`, in seconds.
    pub retry_seconds: Option<u64>,
    /// `Help.links`: one link, its description and URL.
    pub help: Option<(&'a str, String)>,
    /// `RequestInfo.request_id`.
    pub request_id: Option<&'a str>,
    /// `LocalizedMessage`: the locale and the translated message (feature `i18n`).
    #[cfg(feature = "i18n")]
    pub localized_message: Option<(String, &'a str)>,
}

pub(super) struct ErrorInfo<'a> {
    pub reason: Reason<'a>,
    pub domain: &'a str,
    pub metadata: Vec<(String, String)>,
}

/// A reason computed at compile time, or at run time.
pub(super) enum Reason<'a> {
    Static(&'a str),
    Owned(String),
}

impl Reason<'_> {
    fn as_str(&self) -> &str {
        match self {
            Self::Static(reason) => reason,
            Self::Owned(reason) => reason,
        }
    }
}

impl Details<'_> {
    /// Whether there is any detail to send.
    pub fn is_empty(&self) -> bool {
        #[cfg(feature = "i18n")]
        if self.localized_message.is_some() {
            return false;
        }
        self.error_info.is_none()
            && self.violations.is_empty()
            && self.retry_seconds.is_none()
            && self.help.is_none()
            && self.request_id.is_none()
    }
}

const RETRY_INFO: &str = "type.googleapis.com/google.rpc.RetryInfo";
const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";
const BAD_REQUEST: &str = "type.googleapis.com/google.rpc.BadRequest";
const REQUEST_INFO: &str = "type.googleapis.com/google.rpc.RequestInfo";
const HELP: &str = "type.googleapis.com/google.rpc.Help";
#[cfg(feature = "i18n")]
const LOCALIZED_MESSAGE: &str = "type.googleapis.com/google.rpc.LocalizedMessage";

/// A length-delimited field's key (field numbers here are all below 16: one byte).
const fn key(field: u8, wire_type: u8) -> u8 {
    (field << 3) | wire_type
}

const VARINT: u8 = 0;
const LEN: u8 = 2;

fn varint_len(value: u64) -> usize {
    // 7 bits a byte; 0 takes one.
    (64 - (value | 1).leading_zeros() as usize).div_ceil(7)
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        // The low 7 bits, with the continuation bit.
        out.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A length-delimited field of `len` bytes: key, length, content.
fn field_len(len: usize) -> usize {
    1 + varint_len(len as u64) + len
}

/// A string field, left out when empty (proto3).
fn str_len(text: &str) -> usize {
    if text.is_empty() {
        0
    } else {
        field_len(text.len())
    }
}

fn put_str(out: &mut Vec<u8>, field: u8, text: &str) {
    if !text.is_empty() {
        put_header(out, field, text.len());
        out.extend_from_slice(text.as_bytes());
    }
}

fn put_header(out: &mut Vec<u8>, field: u8, len: usize) {
    out.push(key(field, LEN));
    put_varint(out, len as u64);
}

/// The encoded lengths of each detail's message, in tonic-types' order.
struct Lengths {
    retry_info: Option<usize>,
    error_info: Option<usize>,
    bad_request: Option<usize>,
    request_info: Option<usize>,
    help: Option<usize>,
    #[cfg(feature = "i18n")]
    localized_message: Option<usize>,
}

fn lengths(details: &Details<'_>) -> Lengths {
    Lengths {
        // `retry_delay` (a `Duration` of `seconds` only) is always present.
        retry_info: details.retry_seconds.map(|seconds| {
            let duration = if seconds == 0 {
                0
            } else {
                1 + varint_len(seconds)
            };
            field_len(duration)
        }),
        error_info: details.error_info.as_ref().map(|info| {
            str_len(info.reason.as_str())
                + str_len(info.domain)
                + info
                    .metadata
                    .iter()
                    .map(|(key, value)| field_len(str_len(key) + str_len(value)))
                    .sum::<usize>()
        }),
        bad_request: (!details.violations.is_empty()).then(|| {
            details
                .violations
                .iter()
                .map(|(field, description, reason)| {
                    field_len(str_len(field) + str_len(description) + str_len(reason))
                })
                .sum()
        }),
        request_info: details.request_id.map(str_len),
        help: details
            .help
            .as_ref()
            .map(|(description, url)| field_len(str_len(description) + str_len(url))),
        #[cfg(feature = "i18n")]
        localized_message: details
            .localized_message
            .as_ref()
            .map(|(locale, message)| str_len(locale) + str_len(message)),
    }
}

/// An `Any` holding a message of `len` bytes (its `value`, left out when empty).
fn any_len(type_url: &str, len: usize) -> usize {
    str_len(type_url) + if len == 0 { 0 } else { field_len(len) }
}

/// The `google.rpc.Status` of `code`, `message` and `details`, encoded.
pub(super) fn encode(code: i32, message: &str, details: &Details<'_>) -> Vec<u8> {
    let lengths = lengths(details);
    let anys = [
        (RETRY_INFO, lengths.retry_info),
        (ERROR_INFO, lengths.error_info),
        (BAD_REQUEST, lengths.bad_request),
        (REQUEST_INFO, lengths.request_info),
        (HELP, lengths.help),
        #[cfg(feature = "i18n")]
        (LOCALIZED_MESSAGE, lengths.localized_message),
    ];
    let code = u64::try_from(code).unwrap_or_default();
    let total = if code == 0 { 0 } else { 1 + varint_len(code) }
        + str_len(message)
        + anys
            .iter()
            .filter_map(|&(url, len)| Some(field_len(any_len(url, len?))))
            .sum::<usize>();
    let mut out = Vec::with_capacity(total);
    if code != 0 {
        out.push(key(1, VARINT));
        put_varint(&mut out, code);
    }
    put_str(&mut out, 2, message);
    for (url, len) in anys {
        let Some(len) = len else { continue };
        put_header(&mut out, 3, any_len(url, len));
        put_str(&mut out, 1, url);
        if len > 0 {
            put_header(&mut out, 2, len);
            write_detail(&mut out, url, details);
        }
    }
    debug_assert_eq!(out.len(), total);
    out
}

/// The message of the detail of type `url`.
fn write_detail(out: &mut Vec<u8>, url: &str, details: &Details<'_>) {
    match url {
        RETRY_INFO => {
            let seconds = details.retry_seconds.unwrap_or_default();
            let duration = if seconds == 0 {
                0
            } else {
                1 + varint_len(seconds)
            };
            put_header(out, 1, duration);
            if seconds != 0 {
                out.push(key(1, VARINT));
                put_varint(out, seconds);
            }
        }
        ERROR_INFO => {
            if let Some(info) = &details.error_info {
                put_str(out, 1, info.reason.as_str());
                put_str(out, 2, info.domain);
                for (key, value) in &info.metadata {
                    put_header(out, 3, str_len(key) + str_len(value));
                    put_str(out, 1, key);
                    put_str(out, 2, value);
                }
            }
        }
        BAD_REQUEST => {
            for (field, description, reason) in &details.violations {
                put_header(
                    out,
                    1,
                    str_len(field) + str_len(description) + str_len(reason),
                );
                put_str(out, 1, field);
                put_str(out, 2, description);
                put_str(out, 3, reason);
            }
        }
        REQUEST_INFO => put_str(out, 1, details.request_id.unwrap_or_default()),
        #[cfg(feature = "i18n")]
        LOCALIZED_MESSAGE => {
            if let Some((locale, message)) = &details.localized_message {
                put_str(out, 1, locale);
                put_str(out, 2, message);
            }
        }
        _ => {
            if let Some((description, url)) = &details.help {
                put_header(out, 1, str_len(description) + str_len(url));
                put_str(out, 1, description);
                put_str(out, 2, url);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_are_as_long_as_protobuf_says() {
        for (value, len) in [(0, 1), (1, 1), (127, 1), (128, 2), (16_383, 2), (16_384, 3)] {
            assert_eq!(varint_len(value), len, "{value}");
            let mut out = Vec::new();
            put_varint(&mut out, value);
            assert_eq!(out.len(), len, "{value}");
        }
        assert_eq!(varint_len(u64::MAX), 10);
    }
}

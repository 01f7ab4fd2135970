//! What generated code names. Not public API: no semver guarantees.

use core::fmt;

use crate::integrations::tracing::dropped_header;

pub use ::core;
pub use ::http;
// serde's traits, from `serde_core`: the same traits `serde` re-exports, without waiting
// for `serde_derive` to build.
pub use ::serde_core as serde;
pub use ::serde_json;
pub use ::std;

#[cfg(feature = "actix-web")]
pub use ::actix_web;
#[cfg(feature = "axum")]
pub use ::axum;
#[cfg(feature = "utoipa")]
pub use ::utoipa;

// Short paths for the entries' optional members (one per variant).
pub use ::core::option::Option::{None, Some};

pub use crate::__integrations;

pub use crate::catalogue::{CatalogueItem, len as catalogue_len, overridden, overridden_entry};
pub use crate::{ApiError, Catalogue, Entry, Format, Part, ViolationList, Violations};

/// A derived type must be a `std::error::Error`: the one error a type without one gets.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `std::error::Error`, which `ApiError` needs",
    label = "derive `thiserror::Error` beside `ApiError`",
    note = "write `#[derive(Debug, thiserror::Error, ApiError)]` and an `#[error(\"...\")]` on each variant (or implement `Display` and `std::error::Error` by hand)"
)]
pub trait IsError {}

impl<T: std::error::Error + ?Sized> IsError for T {}

/// Asserts that `T` is an error: called once by each derive.
pub const fn assert_error<T: IsError + ?Sized>() {}

/// `entries[start..end]`, in a constant (slice indexing is not `const`): a derive's
/// catalogue lists the entries between two transparent variants as one run.
#[must_use]
pub const fn entries(entries: &'static [Entry], start: usize, end: usize) -> &'static [Entry] {
    entries.split_at(end).0.split_at(start).1
}

/// The set of `parts` as an [`Entry`] keeps it, for the derive, which names the parts and
/// leaves their bits to [`Part`].
#[must_use]
pub const fn parts(parts: &[Part]) -> u8 {
    let mut bits = 0;
    let mut i = 0;
    while i < parts.len() {
        bits |= parts[i].bit();
        i += 1;
    }
    bits
}

/// The status for a literal the macro has already range-checked; const-evaluated, so an
/// invalid value would be a compile error, never a runtime panic.
#[must_use]
pub const fn status(code: u16) -> http::StatusCode {
    match http::StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => panic!("apifault: status out of range"),
    }
}

/// Appends a header whose value is interpolated at run time. A value `http` rejects
/// (CR, LF, other control characters) is dropped rather than sent split or mangled.
pub fn append_header(
    headers: &mut http::HeaderMap,
    name: http::HeaderName,
    value: fmt::Arguments<'_>,
) {
    let value = match value.as_str() {
        Some(constant) => http::HeaderValue::from_str(constant),
        None => {
            // Not `to_string()`, which panics when a field's `Display` fails: such a
            // header is dropped like an invalid one.
            let mut text = String::new();
            if fmt::write(&mut text, value).is_err() {
                dropped_header(&name, "its value's `Display` failed");
                return;
            }
            http::HeaderValue::try_from(text)
        }
    };
    match value {
        Ok(value) => {
            headers.append(name, value);
        }
        Err(_) => dropped_header(&name, "its value is not a valid header value"),
    }
}

/// Checks at compile time that a format does not reserve an exposed member's name.
#[must_use]
pub const fn member_allowed<F: Format>(name: &str) -> bool {
    let reserved = F::RESERVED_MEMBERS;
    let mut i = 0;
    while i < reserved.len() {
        if str_eq(reserved[i], name) {
            return false;
        }
        i += 1;
    }
    true
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A value interpolated into `source(pointer = "...")`, written as one RFC 6901 reference
/// token: `~` becomes `~0` and `/` becomes `~1`, so a value cannot split the pointer.
pub struct PointerToken<T>(pub T);

impl<T: fmt::Display> fmt::Display for PointerToken<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Write::write_fmt(&mut EscapeToken(f), format_args!("{}", self.0))
    }
}

impl<T: fmt::Debug> fmt::Debug for PointerToken<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Write::write_fmt(&mut EscapeToken(f), format_args!("{:?}", self.0))
    }
}

struct EscapeToken<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for EscapeToken<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text;
        while let Some(at) = rest.find(['~', '/']) {
            self.0.write_str(&rest[..at])?;
            self.0.write_str(if rest[at..].starts_with('~') {
                "~0"
            } else {
                "~1"
            })?;
            rest = &rest[at + 1..];
        }
        self.0.write_str(rest)
    }
}

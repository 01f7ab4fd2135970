//! What generated code names. Not public API: no semver guarantees.

use core::fmt;

use crate::integrations::tracing::{dropped_header, refused_code, refused_status};

pub use ::core;
pub use ::http;
// serde's traits, from `serde_core`: the same traits `serde` re-exports, without waiting
// for `serde_derive` to build.
pub use ::serde_core as serde;
pub use ::serde_json;
pub use ::std;

#[cfg(feature = "actix-web")]
pub use ::actix_web;
#[cfg(feature = "aide")]
pub use ::aide;
#[cfg(feature = "axum")]
pub use ::axum;
#[cfg(feature = "tonic")]
pub use ::tonic;
#[cfg(feature = "utoipa")]
pub use ::utoipa;

// Short paths for the entries' optional members (one per variant).
pub use ::core::option::Option::{None, Some};

pub use crate::{GrpcCode, LogLevel};

pub use crate::header_time::{HeaderTime, HeaderTimeValue, header_time};
#[cfg(feature = "i18n")]
pub use crate::i18n::{Arguments as I18nArguments, Signature as I18nSignature};
pub use crate::{__i18n_impl, __integrations};

pub use crate::catalogue::{
    CatalogueItem, OwnCodes, OwnFormat, VariantFormat, assert_unique_codes, based, code_count,
    len as catalogue_len, overridden, overridden_entry, table_len, type_uris, type_uris_len,
    without_code_in_body,
};
pub use crate::flatten::Flattened;
pub use crate::format::{OwnBody, WholeBody, whole_body};
pub use crate::member::{Interpolated, exposed as exposed_member};
pub use crate::{
    ApiError, Catalogue, Context, DynApiError, Entry, Format, Part, ViolationList, Violations,
    negotiate, response,
};

/// A derived type as a `tonic::Status` (feature `tonic`): what its `From` impl converts
/// through.
#[cfg(feature = "tonic")]
pub trait ToStatus {
    /// The status: [`crate::tonic::status`].
    fn to_status(&self) -> ::tonic::Status;
}

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

/// The error a wrapper (`#[api_error(wrapper)]`) holds, seen as a `std::error::Error`:
/// its `Display` is the wrapper's, its chain is searched for the listed types and logged.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the error of an `#[api_error(wrapper)]`",
    label = "the wrapped field has this type",
    note = "wrap `anyhow::Error` (feature `anyhow` of apifault) or `Box<dyn std::error::Error + Send + Sync>`"
)]
pub trait Wrapped {
    /// The wrapped error, the head of the chain.
    fn as_error(&self) -> &(dyn std::error::Error + 'static);
}

impl Wrapped for Box<dyn std::error::Error + Send + Sync> {
    #[inline]
    fn as_error(&self) -> &(dyn std::error::Error + 'static) {
        &**self
    }
}

impl Wrapped for Box<dyn std::error::Error + Send> {
    #[inline]
    fn as_error(&self) -> &(dyn std::error::Error + 'static) {
        &**self
    }
}

impl Wrapped for Box<dyn std::error::Error> {
    #[inline]
    fn as_error(&self) -> &(dyn std::error::Error + 'static) {
        &**self
    }
}

#[cfg(feature = "anyhow")]
impl Wrapped for ::anyhow::Error {
    #[inline]
    fn as_error(&self) -> &(dyn std::error::Error + 'static) {
        &**self
    }
}

/// A type a wrapper's `find(…)` lists: found in the chain by `downcast_ref`, it answers, in
/// its own formats (its variants' own included). Every use of a listed type goes through
/// this one trait, so a type that cannot be listed gets one error.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be found in a wrapped error's chain",
    label = "listed in `find(…)`",
    note = "list error types of your own deriving `thiserror::Error` and `ApiError` (owned, no borrowed lifetimes)"
)]
pub trait Findable {
    /// Its catalogue, answered in its own formats.
    const ITEM: CatalogueItem;

    /// Looks for it in one error of the chain.
    fn downcast<'a>(
        error: &'a (dyn std::error::Error + 'static),
    ) -> Option<&'a (dyn DynApiError + 'static)>;
}

impl<T: ApiError + std::error::Error + 'static> Findable for T {
    const ITEM: CatalogueItem =
        CatalogueItem::NestedAsInner(T::CATALOGUE, VariantFormat::of::<T::Format>());

    #[inline]
    fn downcast<'a>(
        error: &'a (dyn std::error::Error + 'static),
    ) -> Option<&'a (dyn DynApiError + 'static)> {
        error
            .downcast_ref::<T>()
            .map(|found| found as &(dyn DynApiError + 'static))
    }
}

/// Looks for one listed type in one error of the chain.
pub type Finder =
    for<'a> fn(&'a (dyn std::error::Error + 'static)) -> Option<&'a (dyn DynApiError + 'static)>;

/// What a wrapper that lists types (`#[api_error(wrapper(find(…)))]`) is by itself: its
/// `ApiError` methods look for a listed type first, these never do.
pub trait WrapperOwn: ApiError {
    /// Its own entry.
    fn own_entry(&self) -> &'static Entry;
    /// Its own status.
    fn own_status(&self) -> http::StatusCode;
    /// Its own code.
    fn own_code(&self) -> &str;
    /// Whether it carries `part` itself.
    fn own_has_part(&self, part: Part) -> bool;
    /// Writes its own `part`.
    ///
    /// # Errors
    ///
    /// Only those of the formatter.
    fn own_fmt_part(&self, part: Part, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    /// Appends its own declared headers.
    fn own_headers(&self, headers: &mut http::HeaderMap);
    /// Its own `code_in_body`.
    fn own_code_in_body(&self) -> bool;
}

/// A wrapper answering as itself, once its chain was searched in vain: rendering it looks
/// for no listed type again, so the search costs one downcast per listed type and link.
pub struct Own<'a, W>(pub &'a W);

impl<W: fmt::Debug> fmt::Debug for Own<'_, W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl<W: fmt::Display> fmt::Display for Own<'_, W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

impl<W: WrapperOwn> ApiError for Own<'_, W> {
    type Format = W::Format;

    const LOG: bool = W::LOG;

    const CODE_HEADER: Option<&'static str> = W::CODE_HEADER;

    fn log_level(&self) -> Option<crate::LogLevel> {
        self.0.log_level()
    }

    fn log_source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.log_source()
    }

    #[inline]
    fn entry(&self) -> &'static Entry {
        self.0.own_entry()
    }

    #[inline]
    fn status(&self) -> http::StatusCode {
        self.0.own_status()
    }

    #[inline]
    fn code(&self) -> &str {
        self.0.own_code()
    }

    #[inline]
    fn has_part(&self, part: Part) -> bool {
        self.0.own_has_part(part)
    }

    fn fmt_part(&self, part: Part, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.own_fmt_part(part, f)
    }

    fn headers(&self, headers: &mut http::HeaderMap) {
        self.0.own_headers(headers);
    }

    fn code_in_body(&self) -> bool {
        self.0.own_code_in_body()
    }
}

/// The first error of `wrapped`'s chain (itself, then each source in turn: for `anyhow`,
/// the outermost context first) that is one of the listed types, tried in the listed order.
#[inline]
pub fn find<'a>(
    wrapped: &'a (dyn std::error::Error + 'static),
    finders: &[Finder],
) -> Option<&'a (dyn DynApiError + 'static)> {
    let mut next = Some(wrapped);
    while let Some(error) = next {
        for finder in finders {
            if let Some(found) = finder(error) {
                return Some(found);
            }
        }
        next = error.source();
    }
    None
}

/// `entries[start..end]`, in a constant (slice indexing is not `const`): a derive's
/// catalogue lists the entries between two transparent variants as one run.
#[must_use]
pub const fn entries(entries: &'static [Entry], start: usize, end: usize) -> &'static [Entry] {
    entries.split_at(end).0.split_at(start).1
}

/// Each [`Part`]'s bit in an [`Entry`]'s set, named after the part in upper snake case: the
/// derive writes a variant's set as `MESSAGE | TYPE` (or `NONE`): constants cost the
/// compiler far less than a `const fn` call over a slice would, once per variant of every
/// derived type.
pub mod part_bits {
    use crate::Part;

    pub const NONE: u8 = 0;
    pub const MESSAGE: u8 = Part::Message.bit();
    pub const TYPE: u8 = Part::Type.bit();
    pub const INSTANCE: u8 = Part::Instance.bit();
    pub const LINK: u8 = Part::Link.bit();
    pub const ID: u8 = Part::Id.bit();
    pub const SOURCE_POINTER: u8 = Part::SourcePointer.bit();
    pub const SOURCE_PARAMETER: u8 = Part::SourceParameter.bit();
    pub const SOURCE_HEADER: u8 = Part::SourceHeader.bit();
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

/// A field type that can hold a variant's runtime status (`#[api_error(status)]`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a runtime status",
    label = "the field marked `#[api_error(status)]` has this type",
    note = "use `http::StatusCode` or `u16`"
)]
pub trait AsStatus {
    /// The status, if `http` accepts the number at all.
    fn to_status(&self) -> Option<http::StatusCode>;
    /// The number, for the log line when it is refused.
    fn to_u16(&self) -> u16;
}

impl AsStatus for http::StatusCode {
    #[inline]
    fn to_status(&self) -> Option<http::StatusCode> {
        Some(*self)
    }

    fn to_u16(&self) -> u16 {
        self.as_u16()
    }
}

impl AsStatus for u16 {
    #[inline]
    fn to_status(&self) -> Option<http::StatusCode> {
        http::StatusCode::from_u16(*self).ok()
    }

    fn to_u16(&self) -> u16 {
        *self
    }
}

/// A field type that can hold a variant's runtime code (`#[api_error(code)]`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a runtime code",
    label = "the field marked `#[api_error(code)]` has this type",
    note = "use `&'static str`, `String` or `Cow<'static, str>`"
)]
pub trait AsCode {
    /// The code as text.
    fn as_code(&self) -> &str;
}

impl AsCode for &'static str {
    #[inline]
    fn as_code(&self) -> &str {
        self
    }
}

impl AsCode for String {
    #[inline]
    fn as_code(&self) -> &str {
        self
    }
}

impl AsCode for std::borrow::Cow<'static, str> {
    #[inline]
    fn as_code(&self) -> &str {
        self
    }
}

/// A variant's runtime status when it is an error status (400..=599) other than the
/// `unsendable` ones (a 401 or 405 whose mandated header the variant does not send), else
/// the number refused: a field read and the range check.
#[inline]
pub fn checked_status<S: AsStatus + ?Sized>(
    value: &S,
    unsendable: &[u16],
) -> Result<http::StatusCode, u16> {
    match value.to_status() {
        Some(status) if is_error_status(status) && !unsendable.contains(&status.as_u16()) => {
            Ok(status)
        }
        _ => Err(value.to_u16()),
    }
}

/// A variant's runtime code when it is a code (see [`is_code`]), else the text refused.
#[inline]
pub fn checked_code<C: AsCode + ?Sized>(value: &C) -> Result<&str, &str> {
    let code = value.as_code();
    if is_code(code) { Ok(code) } else { Err(code) }
}

/// Logs (feature `tracing`) a runtime status [`checked_status`] refused.
pub fn warn_refused_status(
    checked: Result<http::StatusCode, u16>,
    declared: http::StatusCode,
    variant: &'static str,
) {
    if let Err(refused) = checked {
        refused_status(variant, refused, declared);
    }
}

/// Logs (feature `tracing`) a runtime code [`checked_code`] refused.
pub fn warn_refused_code(checked: Result<&str, &str>, declared: &str, variant: &'static str) {
    if let Err(refused) = checked {
        refused_code(variant, refused, declared);
    }
}

fn is_error_status(status: http::StatusCode) -> bool {
    status.is_client_error() || status.is_server_error()
}

/// Whether `text` is a code: not empty, and only `A-Z a-z 0-9 - _ .`, the alphabet the
/// derive checks declared codes against (codes travel in URLs, logs and client matches).
#[must_use]
pub const fn is_code(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.') {
            return false;
        }
        i += 1;
    }
    true
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

/// The whole response for `error` in a variant's own format: the derived
/// `to_response_with` of a type where some variant declares one.
#[inline]
pub fn response_in<A: OwnFormat, E: ApiError>(
    error: &E,
    context: &Context<'_>,
) -> http::Response<Vec<u8>> {
    response::<A::Format, E>(error, context)
}

/// [`member_allowed`] for a variant's own format.
#[must_use]
pub const fn member_allowed_in<A: OwnFormat>(name: &str) -> bool {
    member_allowed::<A::Format>(name)
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

/// Byte-wise string equality, in a `const`.
pub(crate) const fn str_eq(a: &str, b: &str) -> bool {
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

/// The violations of the list most variants carry, `Vec<FieldViolation>`, made once here.
/// Never called: its being compiled is the point. Under shared generics (what the dev
/// profile does), a crate deriving `ApiError` then links this crate's copies of
/// `Violations::new`, the list's methods and its drop glue instead of compiling its own,
/// which would be most of the code a rebuild generates for a small enum.
#[allow(clippy::ptr_arg)] // the `Vec` itself is the type whose methods are shared
#[must_use]
pub fn field_violations(list: &Vec<crate::FieldViolation>) -> Violations<'_> {
    Violations::new(list)
}

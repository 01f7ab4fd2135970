//! `#[status(...)]` values: numbers and the `http::StatusCode` constant names.

use proc_macro2::Span;
use syn::LitStr;
use syn::spanned::Spanned;

use crate::internals::suggest;

/// The headers a status mandates (RFC 9110): the status, the header's name, the name with
/// its article, and an example value. The checks require them of declared statuses; a
/// status read at run time that would go out without its header is refused instead.
pub const MANDATED: [(u16, &str, &str, &str); 2] = [
    (401, "WWW-Authenticate", "a `WWW-Authenticate`", "Bearer"),
    (405, "Allow", "an `Allow`", "GET, HEAD"),
];

#[derive(Clone, Copy)]
pub struct Status {
    pub code: u16,
    pub span: Span,
}

/// The error-status constants of `http::StatusCode`.
pub const NAMES: &[(&str, u16)] = &[
    ("BAD_REQUEST", 400),
    ("UNAUTHORIZED", 401),
    ("PAYMENT_REQUIRED", 402),
    ("FORBIDDEN", 403),
    ("NOT_FOUND", 404),
    ("METHOD_NOT_ALLOWED", 405),
    ("NOT_ACCEPTABLE", 406),
    ("PROXY_AUTHENTICATION_REQUIRED", 407),
    ("REQUEST_TIMEOUT", 408),
    ("CONFLICT", 409),
    ("GONE", 410),
    ("LENGTH_REQUIRED", 411),
    ("PRECONDITION_FAILED", 412),
    ("PAYLOAD_TOO_LARGE", 413),
    ("URI_TOO_LONG", 414),
    ("UNSUPPORTED_MEDIA_TYPE", 415),
    ("RANGE_NOT_SATISFIABLE", 416),
    ("EXPECTATION_FAILED", 417),
    ("IM_A_TEAPOT", 418),
    ("MISDIRECTED_REQUEST", 421),
    ("UNPROCESSABLE_ENTITY", 422),
    ("LOCKED", 423),
    ("FAILED_DEPENDENCY", 424),
    ("TOO_EARLY", 425),
    ("UPGRADE_REQUIRED", 426),
    ("PRECONDITION_REQUIRED", 428),
    ("TOO_MANY_REQUESTS", 429),
    ("REQUEST_HEADER_FIELDS_TOO_LARGE", 431),
    ("UNAVAILABLE_FOR_LEGAL_REASONS", 451),
    ("INTERNAL_SERVER_ERROR", 500),
    ("NOT_IMPLEMENTED", 501),
    ("BAD_GATEWAY", 502),
    ("SERVICE_UNAVAILABLE", 503),
    ("GATEWAY_TIMEOUT", 504),
    ("HTTP_VERSION_NOT_SUPPORTED", 505),
    ("VARIANT_ALSO_NEGOTIATES", 506),
    ("INSUFFICIENT_STORAGE", 507),
    ("LOOP_DETECTED", 508),
    ("NOT_EXTENDED", 510),
    ("NETWORK_AUTHENTICATION_REQUIRED", 511),
];

pub fn by_name(name: &str) -> Option<u16> {
    NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, code)| code)
}

/// The `http::StatusCode` constant naming `code`, if there is one.
pub fn name_of(code: u16) -> Option<&'static str> {
    NAMES
        .iter()
        .find(|&&(_, c)| c == code)
        .map(|&(name, _)| name)
}

/// Error statuses are 400..=599; codes in range need not be registered (Kiteworks' 490).
pub fn in_range(code: u16) -> bool {
    (400..=599).contains(&code)
}

/// `404`, `NOT_FOUND` or `StatusCode::NOT_FOUND`, leaving what follows (`, key = ...` in
/// `#[api_error(status = 500, ...)]`) to the caller.
pub fn parse_status_value(input: syn::parse::ParseStream) -> syn::Result<Status> {
    let status = if input.peek(syn::LitInt) {
        let lit: syn::LitInt = input.parse()?;
        let code: u16 = lit
            .base10_parse()
            .map_err(|_| syn::Error::new(lit.span(), "status must be a number from 400 to 599"))?;
        if !in_range(code) {
            return Err(syn::Error::new(
                lit.span(),
                format!("status {code} is not an error status: use a number from 400 to 599"),
            ));
        }
        Status {
            code,
            span: lit.span(),
        }
    } else if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "write the status without quotes: `#[status({})]`",
                lit.value()
            ),
        ));
    } else {
        let path: syn::Path = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected a status: write `#[status(404)]` or `#[status(NOT_FOUND)]`",
            )
        })?;
        let last = path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        match by_name(&last) {
            Some(code) => Status {
                code,
                span: path.span(),
            },
            None => {
                let hint = suggest::hint(&last, NAMES.iter().map(|(n, _)| *n));
                let hint = if hint.is_empty() {
                    ": use a number from 400 to 599 or a constant such as `NOT_FOUND`".to_owned()
                } else {
                    hint
                };
                return Err(syn::Error::new(
                    path.span(),
                    format!("unknown status `{last}`{hint}"),
                ));
            }
        }
    };
    Ok(status)
}

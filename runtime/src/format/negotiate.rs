//! Content negotiation: the format a request's `Accept` header prefers among those an error
//! type offers.
//!
//! A type declares its formats with `#[api_error(negotiate(…))]`; its responses then follow
//! the request's `Accept` ([`Context::accept`], filled by the axum [`ContextLayer`] and the
//! actix-web [`ContextMiddleware`], or given to
//! [`ApiError::to_response_for`](crate::ApiError::to_response_for)) and always carry
//! `Vary: Accept`, so a cache keeps one copy per representation.
//!
//! How a format is chosen (RFC 9110 §12.5.1):
//!
//! - Each offered content type takes the quality (`q`, 1 when absent) of the most specific
//!   media range that matches it: `application/problem+json` exactly, then a range naming
//!   its structured-syntax suffix (`application/json` matches any `application/…+json`,
//!   `application/xml` any `…+xml`, RFC 6839), then `application/*`, then `*/*`. Media
//!   type parameters other than `q` are ignored, and so are the offered type's
//!   (`; charset=utf-8`).
//! - The highest quality wins; of equal qualities, the more specific match (a type named
//!   exactly before one matched by its suffix or a wildcard), then the default, then the
//!   order of the list.
//! - No `Accept` header, an empty one, or one that accepts none of the formats (every
//!   match at `q=0`): the default, as most APIs answer, rather than `406 Not Acceptable`.
//!   An error response the client cannot read still tells it the status.
//!
//! [`ContextLayer`]: https://docs.rs/apifault/latest/apifault/axum/struct.ContextLayer.html
//! [`ContextMiddleware`]: https://docs.rs/apifault/latest/apifault/actix_web/struct.ContextMiddleware.html
//!
//! ```
//! use apifault::negotiate::preferred;
//!
//! let offered = ["application/problem+json", "text/html; charset=utf-8", "application/xml"];
//! // A browser.
//! let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
//! assert_eq!(preferred(browser, &offered), Some(1));
//! // An API client.
//! assert_eq!(preferred("application/json", &offered), Some(0));
//! assert_eq!(preferred("*/*", &offered), Some(0));
//! assert_eq!(preferred("text/*;q=0.5, application/*;q=0.4", &offered), Some(1));
//! // Nothing acceptable: the caller answers in its default.
//! assert_eq!(preferred("image/png", &offered), None);
//! ```

use core::marker::PhantomData;

use http::header::VARY;
use http::{HeaderValue, Response};

use crate::catalogue::OwnFormat;
use crate::{ApiError, Context, Format};

/// The index in `offered` of the content type `accept` prefers; `None` when `accept`
/// accepts none of them (or is empty). Of equal qualities, the more specific match wins,
/// then the earlier one: put the default first.
///
/// Never panics and never allocates, whatever `accept` holds; an unreadable media range or
/// `q` value is skipped.
#[must_use]
pub fn preferred(accept: &str, offered: &[&str]) -> Option<usize> {
    let mut best: Option<(usize, (u16, u8))> = None;
    // Eight at a time, so the qualities live on the stack: one pass over `accept` each.
    for (chunk_index, chunk) in offered.chunks(8).enumerate() {
        for (index, (specificity, quality)) in qualities(accept, chunk).into_iter().enumerate() {
            let rank = (quality, specificity);
            if quality > 0 && best.is_none_or(|(_, best)| rank > best) {
                best = Some((chunk_index * 8 + index, rank));
            }
        }
    }
    best.map(|(index, _)| index)
}

/// The whole response for `error` in the format of `L` that the request's `Accept`
/// ([`Context::accept`]) prefers, the first of `L` when it prefers none, with
/// `Vary: Accept`: what a type declaring `negotiate(…)` answers with.
///
/// `L` is a tuple of formats, the default first: `(Problem, Html, S3Xml)`.
///
/// ```
/// use apifault::{ApiError, Boom, Context, Problem};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum CaseError {
///     #[error("case not found")]
///     #[status(404)]
///     NotFound,
/// }
///
/// let context = Context::new().with_accept("application/json");
/// let response = apifault::negotiate::response::<(Problem, Boom), _>(&CaseError::NotFound, &context);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.headers()["vary"], "Accept");
/// ```
pub fn response<L: Formats, E: ApiError>(error: &E, context: &Context<'_>) -> Response<Vec<u8>> {
    let index = context
        .accept
        .and_then(|accept| preferred(accept, L::CONTENT_TYPES))
        .unwrap_or(0);
    let mut response = L::response(index, error, context);
    response
        .headers_mut()
        .append(VARY, HeaderValue::from_static("Accept"));
    response
}

/// A list of formats to negotiate among, the default first: a tuple of up to eight
/// [`Format`]s, `(Problem,)` to `(A, B, C, D, E, F, G, H)`.
pub trait Formats {
    /// Each format's `Content-Type`, in order.
    const CONTENT_TYPES: &'static [&'static str];

    /// The response for `error` in the format at `index` (the first when out of range).
    fn response<E: ApiError>(index: usize, error: &E, context: &Context<'_>) -> Response<Vec<u8>>;

    /// An example body of `entry` in each format, in order: what the catalogue's
    /// documentation pages show.
    #[doc(hidden)]
    #[cfg(any(feature = "axum", feature = "actix-web"))]
    fn __examples(entry: &'static crate::Entry) -> Vec<crate::integrations::docs::Example>;
}

/// The formats of a derived type's `negotiate(…)`, each named through its
/// [`OwnFormat`](crate::__private::OwnFormat) alias: a type that is not a format is then one
/// error, at the alias, not a second one here.
#[doc(hidden)]
pub struct Aliased<L>(PhantomData<L>);

macro_rules! formats {
    ($first:ident $(, $rest:ident)*) => {
        impl<$first: Format $(, $rest: Format)*> Formats for ($first, $($rest,)*) {
            const CONTENT_TYPES: &'static [&'static str] =
                &[$first::CONTENT_TYPE $(, $rest::CONTENT_TYPE)*];

            fn response<Fault: ApiError>(
                index: usize,
                error: &Fault,
                context: &Context<'_>,
            ) -> Response<Vec<u8>> {
                let responders: &[fn(&Fault, &Context<'_>) -> Response<Vec<u8>>] =
                    &[crate::response::<$first, Fault> $(, crate::response::<$rest, Fault>)*];
                responders.get(index).unwrap_or(&responders[0])(error, context)
            }

            #[cfg(any(feature = "axum", feature = "actix-web"))]
            fn __examples(entry: &'static crate::Entry) -> Vec<crate::integrations::docs::Example> {
                vec![
                    crate::integrations::docs::example::<$first>(entry)
                    $(, crate::integrations::docs::example::<$rest>(entry))*
                ]
            }
        }

        impl<$first: OwnFormat $(, $rest: OwnFormat)*> Formats for Aliased<($first, $($rest,)*)> {
            const CONTENT_TYPES: &'static [&'static str] =
                <($first::Format, $($rest::Format,)*) as Formats>::CONTENT_TYPES;

            fn response<Fault: ApiError>(
                index: usize,
                error: &Fault,
                context: &Context<'_>,
            ) -> Response<Vec<u8>> {
                <($first::Format, $($rest::Format,)*) as Formats>::response(index, error, context)
            }

            #[cfg(any(feature = "axum", feature = "actix-web"))]
            fn __examples(entry: &'static crate::Entry) -> Vec<crate::integrations::docs::Example> {
                <($first::Format, $($rest::Format,)*) as Formats>::__examples(entry)
            }
        }
    };
}

formats!(A);
formats!(A, B);
formats!(A, B, C);
formats!(A, B, C, D);
formats!(A, B, C, D, E);
formats!(A, B, C, D, E, F);
formats!(A, B, C, D, E, F, G);
formats!(A, B, C, D, E, F, G, H);

/// Whether `content_type` is JSON: `application/json` or a `+json` type.
pub(crate) fn is_json(content_type: &str) -> bool {
    let essence = essence(content_type);
    essence.eq_ignore_ascii_case("application/json")
        || essence
            .rsplit_once('+')
            .is_some_and(|(_, suffix)| suffix.eq_ignore_ascii_case("json"))
}

/// A media type without its parameters and surrounding spaces.
fn essence(media_type: &str) -> &str {
    media_type
        .split_once(';')
        .map_or(media_type, |(essence, _)| essence)
        .trim()
}

/// `bytes` up to the first `separator`, and what follows it (`None` without one). A plain
/// loop: the parts of an `Accept` are a few bytes long, too short for `memchr` to pay.
fn split_at_byte(bytes: &[u8], separator: u8) -> (&[u8], Option<&[u8]>) {
    match bytes.iter().position(|&b| b == separator) {
        Some(at) => (&bytes[..at], Some(&bytes[at + 1..])),
        None => (bytes, None),
    }
}

/// `bytes` without the optional whitespace (spaces and tabs) HTTP allows around them.
fn trim_ows(mut bytes: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = bytes {
        bytes = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = bytes {
        bytes = rest;
    }
    bytes
}

/// An offered media type: type, subtype and structured-syntax suffix (`json` of
/// `application/problem+json`).
type MediaType<'a> = (&'a [u8], &'a [u8], Option<&'a [u8]>);

/// The specificity of the most specific range of `accept` matching each of the (at most
/// eight) media types `offered` (4 exact, 3 suffix, 2 `type/*`, 1 `*/*`, 0 none), and its
/// quality in thousandths (0 when none matches).
fn qualities(accept: &str, offered: &[&str]) -> [(u8, u16); 8] {
    let mut types: [Option<MediaType<'_>>; 8] = [None; 8];
    for (slot, offered) in types.iter_mut().zip(offered) {
        let (kind, subtype) = split_at_byte(essence(offered).as_bytes(), b'/');
        *slot = subtype.map(|subtype| {
            let suffix = subtype
                .iter()
                .rposition(|&b| b == b'+')
                .map(|at| &subtype[at + 1..]);
            (kind, subtype, suffix)
        });
    }
    // The specificity and quality of the most specific range matching each so far.
    let mut found = [(0_u8, 0_u16); 8];
    for range in accept.as_bytes().split(|&b| b == b',') {
        let (media, params) = split_at_byte(range, b';');
        let (range_type, range_subtype) = split_at_byte(trim_ows(media), b'/');
        let Some(range_subtype) = range_subtype else {
            continue;
        };
        let any = range_type == b"*" && range_subtype == b"*";
        // Read only when the range matters, once.
        let mut q: Option<Option<u16>> = None;
        for (slot, offered) in found.iter_mut().zip(&types[..offered.len().min(8)]) {
            let Some((kind, subtype, suffix)) = *offered else {
                continue;
            };
            let specificity = if any {
                1
            } else if !range_type.eq_ignore_ascii_case(kind) {
                continue;
            } else if range_subtype == b"*" {
                2
            } else if range_subtype.eq_ignore_ascii_case(subtype) {
                4
            } else if suffix.is_some_and(|suffix| range_subtype.eq_ignore_ascii_case(suffix)) {
                3
            } else {
                continue;
            };
            if specificity <= slot.0 {
                continue;
            }
            // An unreadable `q` disqualifies the whole range.
            let Some(quality) = *q.get_or_insert_with(|| q_value(params.unwrap_or_default()))
            else {
                break;
            };
            *slot = (specificity, quality);
        }
    }
    found
}

/// The `q` parameter among `params` (`;`-separated), in thousandths: 1000 when absent,
/// `None` when unreadable (RFC 9110 `qvalue`: `0`, `1`, `0.` and up to three digits,
/// `1.000`).
fn q_value(params: &[u8]) -> Option<u16> {
    for param in params.split(|&b| b == b';') {
        let (name, value) = split_at_byte(param, b'=');
        let Some(value) = value else {
            continue;
        };
        if !trim_ows(name).eq_ignore_ascii_case(b"q") {
            continue;
        }
        let (whole, fraction) = split_at_byte(trim_ows(value), b'.');
        let fraction = fraction.unwrap_or_default();
        if fraction.len() > 3 || !fraction.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let thousandths = fraction
            .iter()
            .chain(core::iter::repeat(&b'0'))
            .take(3)
            .fold(0_u16, |sum, digit| sum * 10 + u16::from(digit - b'0'));
        return match whole {
            b"0" => Some(thousandths),
            b"1" if thousandths == 0 => Some(1000),
            _ => None,
        };
    }
    Some(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFERED: [&str; 3] = [
        "application/problem+json",
        "text/html; charset=utf-8",
        "application/xml",
    ];

    fn quality(accept: &str, offered: &str) -> u16 {
        qualities(accept, &[offered])[0].1
    }

    #[test]
    fn more_than_eight_offered_types_are_weighed_alike() {
        let offered: Vec<String> = (0..20).map(|i| format!("application/x-{i}")).collect();
        let offered: Vec<&str> = offered.iter().map(String::as_str).collect();
        assert_eq!(
            preferred("application/x-17, application/x-3;q=0.5", &offered),
            Some(17)
        );
        assert_eq!(preferred("application/*", &offered), Some(0));
    }

    #[test]
    fn an_exact_match_wins_a_tie() {
        let offered = ["application/problem+json", "application/json"];
        assert_eq!(preferred("application/json", &offered), Some(1));
        assert_eq!(preferred("application/*", &offered), Some(0));
        assert_eq!(
            preferred("*/*, text/html", &["application/problem+json", "text/html"]),
            Some(1)
        );
    }

    #[test]
    fn the_most_specific_range_sets_the_quality() {
        assert_eq!(quality("text/html;q=2, text/*;q=0.2", "text/html"), 200);
        assert_eq!(quality("text/*;q=0.3, text/html;q=0.7", "text/html"), 700);
        assert_eq!(quality("text/html;q=0.7, text/*;q=0.3", "text/html"), 700);
        assert_eq!(quality("*/*;q=0.1, text/*;q=0.3", "text/html"), 300);
        assert_eq!(
            quality(
                "application/json;q=0.6, */*;q=0.1",
                "application/problem+json"
            ),
            600
        );
        assert_eq!(quality("TEXT/HTML", "text/html"), 1000);
        assert_eq!(quality("image/png", "text/html"), 0);
    }

    #[test]
    fn q_values_follow_the_grammar() {
        assert_eq!(q_value(b"q=0.5"), Some(500));
        assert_eq!(q_value(b" Q = 0.125 "), Some(125));
        assert_eq!(q_value(b"level=1;q=1.000"), Some(1000));
        assert_eq!(q_value(b"q=0"), Some(0));
        assert_eq!(q_value(b"q=0."), Some(0));
        assert_eq!(q_value(b"q=1.5"), None);
        assert_eq!(q_value(b"q=0.1234"), None);
        assert_eq!(q_value(b"q=x"), None);
        assert_eq!(q_value(b"q=-0"), None);
        assert_eq!(q_value(b""), Some(1000));
    }

    #[test]
    fn the_highest_quality_wins_and_ties_go_first() {
        assert_eq!(preferred("text/html, application/xml", &OFFERED), Some(1));
        assert_eq!(preferred("application/xml, text/html", &OFFERED), Some(1));
        assert_eq!(
            preferred("application/xml, text/html;q=0.9", &OFFERED),
            Some(2)
        );
        assert_eq!(preferred("application/*", &OFFERED), Some(0));
        assert_eq!(preferred("*/*, text/html;q=0", &OFFERED), Some(0));
        assert_eq!(preferred("text/html;q=0", &OFFERED), None);
        assert_eq!(preferred("", &OFFERED), None);
        assert_eq!(preferred(",;,=/;q=", &OFFERED), None);
    }
}

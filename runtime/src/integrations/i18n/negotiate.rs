//! `Accept-Language` (RFC 9110 §12.5.4) against the locales a localizer has: the header's
//! weights read here, the matching of each range against the locales (parents, regions,
//! variants) left to `fluent-langneg`, as Fluent itself negotiates.

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// How much of an `Accept-Language` value is read, in bytes: a longer header is cut there
/// (browsers send well under 100).
pub const MAX_HEADER_LEN: usize = 1024;

/// How many language ranges of an `Accept-Language` value are read; later ones are
/// ignored.
pub const MAX_RANGES: usize = 16;

/// The locale of `available` (the default first) that best answers the
/// `Accept-Language` value `accept_language`, else the default; `None` only when
/// `available` is empty.
///
/// The ranges are taken by weight (`q`, highest first; equal weights in the order written),
/// each matched against the locales as Fluent does (`de-CH` asks for `de-CH`, then `de`, then
/// another `de-*`); `*` stands for the default; a range of weight 0 (`de;q=0`) excludes the
/// locales it matches from every other range. A range with a malformed tag or weight is
/// skipped. Only the first [`MAX_HEADER_LEN`] bytes and [`MAX_RANGES`] ranges are read, so a
/// hostile header costs little and allocates a bounded amount; nothing panics.
///
/// ```
/// use apifault::i18n::{LanguageIdentifier, negotiate};
///
/// let available: Vec<LanguageIdentifier> = ["en", "de", "fr"].iter().map(|tag| tag.parse().unwrap()).collect();
/// assert_eq!(negotiate("de-CH, fr;q=0.9", &available).unwrap().to_string(), "de");
/// assert_eq!(negotiate("fr;q=0.5, de;q=0.8", &available).unwrap().to_string(), "de");
/// assert_eq!(negotiate("ja", &available).unwrap().to_string(), "en");
/// assert_eq!(negotiate("*, en;q=0", &available).unwrap().to_string(), "de");
/// ```
#[must_use]
pub fn negotiate<'l>(
    accept_language: &str,
    available: &'l [LanguageIdentifier],
) -> Option<&'l LanguageIdentifier> {
    let default = available.first()?;
    let ranges = Ranges::parse(accept_language);
    let excluded = |locale: &LanguageIdentifier| {
        ranges.excluded().any(|range| match range {
            Range::Any => false,
            Range::Tag(tag) => locale.matches(tag, false, true),
        })
    };
    // The ranges before `*`: those after it are less wanted than any locale.
    let mut requested = Vec::with_capacity(ranges.len);
    for range in ranges.accepted() {
        match range {
            Range::Tag(tag) => requested.push(tag),
            Range::Any => break,
        }
    }
    let allowed: Vec<&LanguageIdentifier> = if ranges.excludes() {
        available
            .iter()
            .filter(|locale| !excluded(locale))
            .collect()
    } else {
        available.iter().collect()
    };
    if let Some(found) =
        negotiate_languages(&requested, &allowed, None, NegotiationStrategy::Lookup).first()
    {
        return Some(found);
    }
    // No range matched, or `*` came first: the first locale not excluded, the default
    // unless the client refused it. Nothing acceptable: the default all the same, an error
    // must be told in some language.
    Some(allowed.first().copied().unwrap_or(default))
}

/// The best of `available` for the locales `requested` (in order), else the default.
pub(crate) fn best<'l>(
    requested: &[LanguageIdentifier],
    available: &'l [LanguageIdentifier],
) -> Option<&'l LanguageIdentifier> {
    let default = available.first()?;
    Some(
        negotiate_languages(
            requested,
            available,
            Some(default),
            NegotiationStrategy::Lookup,
        )
        .first()
        .copied()
        .unwrap_or(default),
    )
}

/// One language range.
#[derive(Debug, Clone, PartialEq)]
enum Range {
    Tag(LanguageIdentifier),
    /// `*`.
    Any,
}

/// The ranges of a header with their weights in thousandths, highest first: a fixed array,
/// so parsing allocates nothing beyond the tags themselves.
struct Ranges {
    items: [(Option<Range>, u16); MAX_RANGES],
    len: usize,
}

impl Ranges {
    fn parse(header: &str) -> Self {
        let mut ranges = Self {
            items: Default::default(),
            len: 0,
        };
        for item in truncated(header).split(',') {
            if ranges.len == MAX_RANGES {
                break;
            }
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            if tag.is_empty() {
                continue;
            }
            let Some(weight) = weight(parts) else {
                continue;
            };
            let range = if tag == "*" {
                Range::Any
            } else {
                match LanguageIdentifier::from_bytes(tag.as_bytes()) {
                    Ok(tag) => Range::Tag(tag),
                    Err(_) => continue,
                }
            };
            // Insertion by weight, after the ranges of the same weight: a stable order.
            let at = ranges.items[..ranges.len]
                .iter()
                .position(|(_, other)| *other < weight)
                .unwrap_or(ranges.len);
            ranges.items[at..=ranges.len].rotate_right(1);
            ranges.items[at] = (Some(range), weight);
            ranges.len += 1;
        }
        ranges
    }

    fn accepted(&self) -> impl Iterator<Item = Range> + '_ {
        self.items[..self.len]
            .iter()
            .filter(|(_, weight)| *weight > 0)
            .filter_map(|(range, _)| range.clone())
    }

    fn excluded(&self) -> impl Iterator<Item = &Range> + '_ {
        self.items[..self.len]
            .iter()
            .filter(|(_, weight)| *weight == 0)
            .filter_map(|(range, _)| range.as_ref())
    }

    fn excludes(&self) -> bool {
        self.excluded().next().is_some()
    }
}

/// The first `MAX_HEADER_LEN` bytes of `header`, cut at a character boundary.
fn truncated(header: &str) -> &str {
    if header.len() <= MAX_HEADER_LEN {
        return header;
    }
    let mut end = MAX_HEADER_LEN;
    while !header.is_char_boundary(end) {
        end -= 1;
    }
    &header[..end]
}

/// The weight of a range from its parameters, in thousandths: 1000 without `q`, `None` for
/// a malformed one (RFC 9110 §12.4.2: `0`, `0.5`, `0.125`, `1`, `1.000`).
fn weight<'a>(parameters: impl Iterator<Item = &'a str>) -> Option<u16> {
    let mut weight = 1000;
    for parameter in parameters {
        let parameter = parameter.trim();
        let Some(value) = parameter
            .strip_prefix("q=")
            .or_else(|| parameter.strip_prefix("Q="))
        else {
            // Another parameter is not defined for `Accept-Language`: ignored.
            continue;
        };
        weight = qvalue(value.trim())?;
    }
    Some(weight)
}

fn qvalue(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, byte) in fraction.bytes().enumerate() {
        thousandths += u16::from(byte - b'0') * [100, 10, 1][i];
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locales(tags: &[&str]) -> Vec<LanguageIdentifier> {
        tags.iter().map(|tag| tag.parse().unwrap()).collect()
    }

    fn pick(header: &str) -> String {
        let available = locales(&["en", "de", "fr-CA", "pt-BR"]);
        negotiate(header, &available).unwrap().to_string()
    }

    #[test]
    fn weights_order_ranges() {
        assert_eq!(pick("fr;q=0.1, de;q=0.9"), "de");
        assert_eq!(pick("de;q=0.5, fr;q=0.5"), "de");
        assert_eq!(pick("fr;q=0.5, de;q=0.5"), "fr-CA");
        assert_eq!(pick("ja, de;q=0.001"), "de");
    }

    #[test]
    fn parents_and_regions_fall_back() {
        assert_eq!(pick("de-CH"), "de");
        assert_eq!(pick("de-Latn-AT-1996"), "de");
        assert_eq!(pick("fr"), "fr-CA");
        assert_eq!(pick("pt-PT"), "pt-BR");
        assert_eq!(pick("EN-us"), "en");
    }

    #[test]
    fn wildcard_and_zero_weight() {
        assert_eq!(pick("*"), "en");
        assert_eq!(pick("ja, *;q=0.5"), "en");
        assert_eq!(pick("*, en;q=0"), "de");
        assert_eq!(pick("en;q=0, de-AT;q=0"), "de");
        assert_eq!(pick("en;q=0, de;q=0"), "fr-CA");
        assert_eq!(pick("de;q=0"), "en");
        // Nothing acceptable: the default all the same.
        assert_eq!(pick("en;q=0, de;q=0, fr;q=0, pt;q=0"), "en");
        assert_eq!(pick("*;q=0"), "en");
    }

    #[test]
    fn malformed_headers_fall_back_to_the_default() {
        for header in [
            "",
            ",,,",
            ";q=1",
            "de;q=2",
            "de;q=0.1234",
            "de;q=abc",
            "de;q=",
            "de;q=-1",
            "12345678901",
            "\u{1F600}",
            "de;;;;q=0.5x",
            "q=0.5",
        ] {
            assert_eq!(pick(header), "en", "{header:?}");
        }
        assert_eq!(pick("de;q=0.8;level=1"), "de");
        assert_eq!(pick(" de ; Q=1.000 "), "de");
    }

    #[test]
    fn huge_headers_are_read_in_part() {
        let header = format!("{}de", "ja, ".repeat(10_000));
        assert_eq!(pick(&header), "en");
        let header = format!("{}de", "x".repeat(MAX_HEADER_LEN - 1));
        assert_eq!(pick(&header), "en");
        let ranges = Ranges::parse(&"ja,".repeat(1000));
        assert_eq!(ranges.len, MAX_RANGES);
        // Cut inside a multi-byte character: no panic.
        let header = "é".repeat(MAX_HEADER_LEN);
        assert_eq!(pick(&header), "en");
    }

    #[test]
    fn qvalues() {
        assert_eq!(qvalue("1"), Some(1000));
        assert_eq!(qvalue("1.000"), Some(1000));
        assert_eq!(qvalue("1.001"), None);
        assert_eq!(qvalue("0.5"), Some(500));
        assert_eq!(qvalue("0.125"), Some(125));
        assert_eq!(qvalue("0."), Some(0));
        assert_eq!(qvalue(".5"), None);
        assert_eq!(qvalue("0.é"), None);
    }

    #[test]
    fn no_locales_no_answer() {
        assert_eq!(negotiate("de", &[]), None);
    }
}

//! What the two OpenAPI integrations (utoipa, aide) say of a type's responses, whatever
//! the document types each builds: the entries by status, a status's description, its
//! content types, and one example body per code.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use http::StatusCode;

use crate::catalogue::VariantFormat;
use crate::{ApiError, Context, Entry, Format, Specimen, phrase};

/// An entry with the format its type answers it in, when not the type's own.
pub(crate) type Answered = (&'static Entry, Option<&'static VariantFormat>);

/// `E`'s entries under each status it can answer with, in status order; a variant with a
/// runtime status is listed under each status it declares.
pub(crate) fn by_status<E: ApiError>() -> BTreeMap<StatusCode, Vec<Answered>> {
    let mut by_status: BTreeMap<StatusCode, Vec<Answered>> = BTreeMap::new();
    for (entry, format) in E::CATALOGUE.entries_with_formats() {
        for status in entry.statuses() {
            by_status.entry(status).or_default().push((entry, format));
        }
    }
    by_status
}

/// A status's description: its phrase, then each entry's codes with its title and doc
/// comment.
pub(crate) fn description(status: StatusCode, entries: &[Answered]) -> String {
    let mut description =
        phrase::rfc9110(status).map_or_else(|| status.as_str().to_owned(), str::to_owned);
    description.push('\n');
    for (entry, _) in entries {
        let codes: Vec<String> = entry.codes().map(|code| format!("`{code}`")).collect();
        let _ = write!(description, "\n- {}", codes.join(", "));
        let summary: Vec<&str> = entry
            .title
            .into_iter()
            .chain(Some(entry.description).filter(|d| !d.is_empty()))
            .collect();
        if !summary.is_empty() {
            let _ = write!(description, ": {}", one_line(&summary.join(" — ")));
        }
    }
    description
}

/// The content type an entry answers in: its own format's, else `F`'s.
pub(crate) fn content_type_of<F: Format>(format: Option<&VariantFormat>) -> &'static str {
    format.map_or(F::CONTENT_TYPE, |format| format.content_type)
}

/// The content types of the entries that have a body (`no_body` has none), in the order
/// their first entry comes; a format of its own sharing `F`'s content type shares it.
pub(crate) fn content_types<F: Format>(entries: &[Answered]) -> Vec<&'static str> {
    let mut content_types: Vec<&'static str> = Vec::new();
    for &(_, format) in entries.iter().filter(|(entry, _)| !entry.no_body) {
        let content_type = content_type_of::<F>(format);
        if !content_types.contains(&content_type) {
            content_types.push(content_type);
        }
    }
    content_types
}

/// The entries with a body answered in `content_type`.
pub(crate) fn in_content_type<'a, F: Format>(
    entries: &'a [Answered],
    content_type: &'static str,
) -> impl Iterator<Item = &'a Answered> + 'a {
    entries.iter().filter(move |&&(entry, format)| {
        !entry.no_body && content_type_of::<F>(format) == content_type
    })
}

/// One example per code the entries answered in `content_type` declare, with `status`:
/// the code, the entry's doc comment on one line, and the body as JSON (a format that
/// writes something else has no JSON example, and is left out).
pub(crate) fn examples<'a, F: Format>(
    status: StatusCode,
    entries: &'a [Answered],
    content_type: &'static str,
) -> impl Iterator<Item = (&'static str, String, serde_json::Value)> + 'a {
    in_content_type::<F>(entries, content_type)
        .flat_map(|&(entry, format)| entry.codes().map(move |code| (entry, format, code)))
        .filter_map(move |(entry, format, code)| {
            let body = match format {
                Some(format) => (format.render_specimen)(entry, status, code),
                None => {
                    let specimen = Specimen::<F>::in_format(entry)
                        .with_status(status)
                        .with_code(code);
                    F::render(&specimen, &Context::new())
                }
            };
            let value = serde_json::from_slice(&body.ok()?).ok()?;
            Some((code, one_line(entry.description), value))
        })
}

/// Doc comments span lines; a list item or an example summary holds one.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

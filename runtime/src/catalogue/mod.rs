use std::collections::HashMap;
use std::fmt::Write as _;

use http::StatusCode;

use crate::phrase;

mod based;
mod entry;
mod specimen;
mod unique;

#[doc(hidden)]
pub use self::based::{based, type_uris, type_uris_len, without_code_in_body};
pub use self::entry::{Entry, OwnFormat, VariantFormat};
pub use self::specimen::Specimen;
#[doc(hidden)]
pub use self::unique::{OwnCodes, assert_unique_codes, code_count, table_len};

#[doc = include_str!("catalogue.md")]
#[derive(Debug)]
pub struct Catalogue {
    // Public only for generated code: a struct literal in a constant extends the borrow of
    // its items to 'static, where a call to a `const fn` would not.
    #[doc(hidden)]
    pub __items: &'static [CatalogueItem],
}

#[doc(hidden)]
#[derive(Debug)]
pub enum CatalogueItem {
    Entry(&'static Entry),
    /// Consecutive entries: a derive lists each run between transparent variants as one
    /// item, not one per variant.
    Entries(&'static [Entry]),
    Nested(&'static Catalogue),
    /// The inner catalogue of a transparent variant with its own format, which answers
    /// every inner entry in it.
    NestedIn(&'static Catalogue, VariantFormat),
    /// The inner catalogue of a transparent variant that answers as its inner error does
    /// on its own (`inner_format`): each inner entry in the format the inner type answers
    /// it in, the `VariantFormat` being the inner type's own
    /// [`ApiError::Format`](crate::ApiError::Format).
    NestedAsInner(&'static Catalogue, VariantFormat),
}

impl Catalogue {
    /// A catalogue with no entries, for hand-written `ApiError` implementations.
    pub const EMPTY: Self = Self { __items: &[] };

    /// Every entry, depth first in declaration order.
    pub fn entries(&'static self) -> impl Iterator<Item = &'static Entry> {
        let mut stack: Vec<std::slice::Iter<'static, CatalogueItem>> = vec![self.__items.iter()];
        let mut run: std::slice::Iter<'static, Entry> = [].iter();
        std::iter::from_fn(move || {
            loop {
                if let Some(entry) = run.next() {
                    return Some(entry);
                }
                let item = stack.last_mut()?.next();
                match item {
                    Some(CatalogueItem::Entry(entry)) => return Some(*entry),
                    Some(CatalogueItem::Entries(entries)) => run = entries.iter(),
                    Some(
                        CatalogueItem::Nested(inner)
                        | CatalogueItem::NestedIn(inner, _)
                        | CatalogueItem::NestedAsInner(inner, _),
                    ) => stack.push(inner.__items.iter()),
                    None => {
                        stack.pop();
                    }
                }
            }
        })
    }

    /// Every entry with the format the type answers it in, when not its own
    /// [`ApiError::Format`](crate::ApiError::Format): the variant's own, or that of the
    /// transparent variant nesting it. A transparent variant answers in the outer type's
    /// formats, so the inner type's own variant formats do not count here; one with
    /// `inner_format` answers as its inner type, whose formats do.
    #[cfg(any(feature = "utoipa", feature = "aide"))]
    pub(crate) fn entries_with_formats(
        &'static self,
    ) -> impl Iterator<Item = (&'static Entry, Option<&'static VariantFormat>)> {
        self.answered_in(None)
    }

    /// [`entries_with_formats`](Self::entries_with_formats) of a catalogue whose type
    /// answers in `format` (`None`: the outermost type's own).
    #[cfg(any(feature = "utoipa", feature = "aide"))]
    fn answered_in(
        &'static self,
        format: Option<&'static VariantFormat>,
    ) -> Box<dyn Iterator<Item = (&'static Entry, Option<&'static VariantFormat>)>> {
        Box::new(
            self.__items.iter().flat_map(
                move |item| -> Box<
                    dyn Iterator<Item = (&'static Entry, Option<&'static VariantFormat>)>,
                > {
                    match item {
                        CatalogueItem::Entry(entry) => {
                            Box::new(std::iter::once((*entry, entry.own_format().or(format))))
                        }
                        CatalogueItem::Entries(entries) => Box::new(
                            entries
                                .iter()
                                .map(move |entry| (entry, entry.own_format().or(format))),
                        ),
                        CatalogueItem::Nested(inner) => {
                            Box::new(inner.entries().map(move |e| (e, format)))
                        }
                        CatalogueItem::NestedIn(inner, own) => {
                            Box::new(inner.entries().map(move |e| (e, Some(own))))
                        }
                        CatalogueItem::NestedAsInner(inner, inner_format) => {
                            inner.answered_in(Some(inner_format))
                        }
                    }
                },
            ),
        )
    }

    /// The entry with `code`: how a client maps a received code back to its meaning. Of
    /// variants sharing a code (`#[code("…", shared)]`), the first; a runtime code listed
    /// with `#[api_error(codes(…))]` finds its variant's entry.
    #[must_use]
    pub fn lookup(&'static self, code: &str) -> Option<&'static Entry> {
        self.entries()
            .find(|entry| entry.codes().any(|declared| declared == code))
    }

    /// The codes used by more than one entry, each once, but those every entry using
    /// them declares shared (`#[code("…", shared)]`). A variant listed twice (its type
    /// nested under two transparent variants, perhaps answered with another status under
    /// one of them) is one use. A derive rejects duplicates among its own variants and
    /// the inner types it names at compile time; this also sees a generic inner type's,
    /// per instantiation.
    #[must_use]
    pub fn duplicate_codes(&'static self) -> Vec<&'static str> {
        // Each code seen, with the entries using it so far.
        let mut seen: HashMap<&str, Vec<&Entry>> = HashMap::new();
        let mut duplicates = Vec::new();
        for entry in self.entries() {
            for code in entry.codes() {
                let users = seen.entry(code).or_default();
                if users.iter().any(|user| unique::same_variant(user, entry)) {
                    continue;
                }
                let clash = users
                    .iter()
                    .any(|user| !(user.shared_code && entry.shared_code));
                if clash && !duplicates.contains(&code) {
                    duplicates.push(code);
                }
                users.push(entry);
            }
        }
        duplicates
    }

    /// Panics with the list of duplicate codes, if any: call it in a test, for a catalogue
    /// the derive cannot check at compile time (a generic type's inner types, per
    /// instantiation, or a hand-written one).
    ///
    /// # Panics
    ///
    /// When two entries share a code.
    pub fn assert_unique_codes(&'static self) {
        let duplicates = self.duplicate_codes();
        assert!(
            duplicates.is_empty(),
            "error codes used by more than one variant: {duplicates:?}"
        );
    }

    /// The catalogue as a Markdown page like a hand-written API error page: one table
    /// for client errors (4xx) and one for server errors (5xx), each ordered by status
    /// (declaration order within a status), with the status, its name (RFC 9110 phrase),
    /// the code, the gRPC code (when the type speaks gRPC: an entry declares a `grpc_domain`
    /// or a `grpc_code`), the title (when any entry declares one) and the description. A code
    /// variants share (`#[code("…", shared)]`) is one row, with each variant's description.
    ///
    /// The codes clients depend on are pinned by `apifault::contract` (feature
    /// `contract`), which names each breaking change; a snapshot of this page pins the
    /// published documentation.
    #[must_use]
    pub fn to_markdown(&'static self, heading: &str) -> String {
        let mut page = format!("# {heading}\n");
        // A Title column only when some entry declares a title.
        let titled = self.entries().any(|e| e.title.is_some());
        // A gRPC column only for a type that declares something of gRPC.
        let grpc = self
            .entries()
            .any(|e| e.grpc_domain.is_some() || e.grpc_code.is_some());
        for (title, range) in [
            ("Client errors (4xx)", 400..500),
            ("Server errors (5xx)", 500..600),
        ] {
            // A variant with a runtime status has a row under each status it declares.
            let mut rows: Vec<(StatusCode, &Entry)> = self
                .entries()
                .flat_map(|e| e.statuses().map(move |status| (status, e)))
                .filter(|(status, _)| range.contains(&status.as_u16()))
                .collect();
            // A stable sort: declaration order within a status.
            rows.sort_by_key(|&(status, _)| status);
            if rows.is_empty() {
                continue;
            }
            let _ = write!(page, "\n## {title}\n\n");
            page.push_str("| Status | Name | Code | ");
            page.push_str(if grpc { "gRPC | " } else { "" });
            page.push_str(if titled { "Title | " } else { "" });
            page.push_str("Description |\n|---|---|---|");
            page.push_str(if grpc { "---|" } else { "" });
            page.push_str(if titled { "---|" } else { "" });
            page.push_str("---|\n");
            let mut listed: Vec<(&str, StatusCode)> = Vec::new();
            for &(status, entry) in &rows {
                if entry.shared_code {
                    if listed.contains(&(entry.code, status)) {
                        continue;
                    }
                    listed.push((entry.code, status));
                }
                let name = phrase::rfc9110(status).unwrap_or("");
                let codes: Vec<String> = entry.codes().map(|code| format!("`{code}`")).collect();
                let _ = write!(
                    page,
                    "| {} | {} | {} | ",
                    status.as_u16(),
                    cell(name),
                    codes.join(", "),
                );
                if grpc {
                    let code = entry
                        .grpc_code
                        .unwrap_or_else(|| crate::GrpcCode::for_status(status));
                    let _ = write!(page, "`{code}` | ");
                }
                if titled {
                    let _ = write!(page, "{} | ", cell(entry.title.unwrap_or("")));
                }
                let description = if entry.shared_code {
                    rows.iter()
                        .filter(|(other_status, other)| {
                            other.shared_code
                                && other.code == entry.code
                                && *other_status == status
                                && !other.description.is_empty()
                        })
                        .map(|(_, other)| cell(other.description))
                        .collect::<Vec<_>>()
                        .join("<br>")
                } else {
                    cell(entry.description)
                };
                let _ = writeln!(page, "{description} |");
            }
        }
        page
    }
}

/// Table cells hold one line and no bare `|`.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// How many entries `catalogue` lists, nested ones included: the length of the array an
/// overriding transparent variant rewrites it into.
#[doc(hidden)]
#[must_use]
pub const fn len(catalogue: &Catalogue) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < catalogue.__items.len() {
        count += match &catalogue.__items[i] {
            CatalogueItem::Entry(_) => 1,
            CatalogueItem::Entries(entries) => entries.len(),
            CatalogueItem::Nested(inner)
            | CatalogueItem::NestedIn(inner, _)
            | CatalogueItem::NestedAsInner(inner, _) => len(inner),
        };
        i += 1;
    }
    count
}

/// The entries of `catalogue`, in order, as a transparent variant that overrides the
/// status or code answers them: what its catalogue lists and its `entry()` returns.
/// Overriding with a 5xx masks the message, as for any 5xx.
#[doc(hidden)]
#[must_use]
pub const fn overridden<const N: usize>(
    catalogue: &Catalogue,
    status: Option<StatusCode>,
    code: Option<&'static str>,
) -> [Entry; N] {
    let mut out = [Entry::PLACEHOLDER; N];
    let written = fill(catalogue, &mut out, 0, status, code);
    assert!(written == N, "apifault: the catalogue changed length");
    out
}

const fn fill(
    catalogue: &Catalogue,
    out: &mut [Entry],
    mut at: usize,
    status: Option<StatusCode>,
    code: Option<&'static str>,
) -> usize {
    let mut i = 0;
    while i < catalogue.__items.len() {
        match &catalogue.__items[i] {
            CatalogueItem::Entry(entry) => {
                out[at] = entry.__overridden(status, code);
                at += 1;
            }
            CatalogueItem::Entries(entries) => {
                let mut j = 0;
                while j < entries.len() {
                    out[at] = entries[j].__overridden(status, code);
                    at += 1;
                    j += 1;
                }
            }
            CatalogueItem::Nested(inner)
            | CatalogueItem::NestedIn(inner, _)
            | CatalogueItem::NestedAsInner(inner, _) => {
                at = fill(inner, out, at, status, code);
            }
        }
        i += 1;
    }
    at
}

/// The entry of `overridden` (the rewritten `catalogue`) in the place of the inner error's
/// `entry`; `entry` itself when `catalogue` does not list it (a hand-written `entry()`).
#[doc(hidden)]
#[must_use]
pub fn overridden_entry(
    overridden: &'static [Entry],
    catalogue: &'static Catalogue,
    entry: &'static Entry,
) -> &'static Entry {
    position(catalogue, entry, &mut 0)
        .and_then(|index| overridden.get(index))
        .unwrap_or(entry)
}

/// Where `entry` is in `catalogue`, by address, counting from `*seen`; no allocation.
fn position(
    catalogue: &'static Catalogue,
    entry: &'static Entry,
    seen: &mut usize,
) -> Option<usize> {
    for item in catalogue.__items {
        match item {
            CatalogueItem::Entry(listed) => {
                if core::ptr::eq(*listed, entry) {
                    return Some(*seen);
                }
                *seen += 1;
            }
            CatalogueItem::Entries(entries) => {
                if let Some(at) = entries
                    .iter()
                    .position(|listed| core::ptr::eq(listed, entry))
                {
                    return Some(*seen + at);
                }
                *seen += entries.len();
            }
            CatalogueItem::Nested(inner)
            | CatalogueItem::NestedIn(inner, _)
            | CatalogueItem::NestedAsInner(inner, _) => {
                if let Some(at) = position(inner, entry, seen) {
                    return Some(at);
                }
            }
        }
    }
    None
}

//! The entries a transparent variant of an enum with `type_base` lists in the enum's
//! catalogue: its inner error's, each without a type URI of its own taking the enum's base
//! followed by its code, as the derived `fmt_part` writes it on the wire. Built at compile
//! time, so the catalogue still lists `&'static` entries whose `type_uri` is the whole URI.
//!
//! An enum with `code_in_body = false` lists them without the code in their bodies
//! ([`without_code_in_body`]), as it answers them.
//!
//! A `&'static str` cannot be concatenated in a `const fn`; the derive has
//! [`type_uris`] write every URI into one static array of bytes, whose length
//! [`type_uris_len`] computes, and [`based`] points each entry at its own piece of it.

use crate::catalogue::VariantFormat;
use crate::{Entry, Part};

/// Whether `entry` takes the enum's base: its values carry no type URI of their own.
const fn takes_base(entry: &Entry) -> bool {
    !entry.has_part(Part::Type)
}

/// How many bytes the type URIs of `entries` take: `base` and the code of each entry that
/// takes the base.
#[doc(hidden)]
#[must_use]
pub const fn type_uris_len(entries: &[Entry], base: &str) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < entries.len() {
        if takes_base(&entries[i]) {
            len += base.len() + entries[i].code.len();
        }
        i += 1;
    }
    len
}

/// The type URIs of the `entries` that take `base`, one after the other, in order: `L` is
/// their [`type_uris_len`].
#[doc(hidden)]
#[must_use]
pub const fn type_uris<const L: usize>(entries: &[Entry], base: &str) -> [u8; L] {
    let mut out = [0; L];
    let mut at = 0;
    let mut i = 0;
    while i < entries.len() {
        if takes_base(&entries[i]) {
            at = copy(&mut out, at, base.as_bytes());
            at = copy(&mut out, at, entries[i].code.as_bytes());
        }
        i += 1;
    }
    assert!(at == L, "apifault: the type URIs changed length");
    out
}

/// Copies `bytes` into `out` from `at`; where the next copy starts.
const fn copy(out: &mut [u8], mut at: usize, bytes: &[u8]) -> usize {
    let mut i = 0;
    while i < bytes.len() {
        out[at] = bytes[i];
        at += 1;
        i += 1;
    }
    at
}

/// `entries` as the transparent variant answers them: each that takes `base` with its type
/// URI, its piece of `uris` (the [`type_uris`] of `entries` and `base`), and every one in
/// the variant's own `format`, if it declares one, else in the enum's (the inner type's
/// own variant formats do not count under a transparent variant).
#[doc(hidden)]
#[must_use]
pub const fn based<const N: usize>(
    mut entries: [Entry; N],
    uris: &'static [u8],
    base: &str,
    format: Option<VariantFormat>,
) -> [Entry; N] {
    let mut rest = uris;
    let mut i = 0;
    while i < N {
        let type_uri = if takes_base(&entries[i]) {
            let (uri, after) = rest.split_at(base.len() + entries[i].code.len());
            rest = after;
            match core::str::from_utf8(uri) {
                Ok(uri) => Some(uri),
                Err(_) => panic!("apifault: a type URI cut inside a character"),
            }
        } else {
            None
        };
        entries[i] = entries[i].with_base_type(type_uri, format);
        i += 1;
    }
    assert!(rest.is_empty(), "apifault: the type URIs changed length");
    entries
}

/// `entries` without the code in their bodies: an enum whose `code_in_body = false` answers
/// its transparent variants' inner errors without it, so its catalogue lists them so.
#[doc(hidden)]
#[must_use]
pub const fn without_code_in_body<const N: usize>(mut entries: [Entry; N]) -> [Entry; N] {
    let mut i = 0;
    while i < N {
        entries[i].code_in_body = false;
        i += 1;
    }
    entries
}

//! The compile-time check that a derived type's catalogue uses each code once, the
//! catalogues of its transparent variants included: a derive evaluates it in a `const`.

use super::{Catalogue, CatalogueItem};
use crate::__private::str_eq;
use crate::Entry;

/// How many codes `catalogue` declares, nested ones and runtime `codes(…)` included: the
/// length of the array [`assert_unique_codes`] collects them in.
#[doc(hidden)]
#[must_use]
pub const fn code_count(catalogue: &Catalogue) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < catalogue.__items.len() {
        count += match &catalogue.__items[i] {
            CatalogueItem::Entry(entry) => codes_of(entry),
            CatalogueItem::Entries(entries) => {
                let mut codes = 0;
                let mut j = 0;
                while j < entries.len() {
                    codes += codes_of(&entries[j]);
                    j += 1;
                }
                codes
            }
            CatalogueItem::Nested(inner)
            | CatalogueItem::NestedIn(inner, _)
            | CatalogueItem::NestedAsInner(inner, _) => code_count(inner),
        };
        i += 1;
    }
    count
}

const fn codes_of(entry: &Entry) -> usize {
    1 + entry.runtime_codes.len()
}

/// The codes of a derived type's own variants, as the derive hands them to
/// [`assert_unique_codes`]: hashed ([`code_hash`]) into an open-addressing table at macro
/// expansion, so the const evaluator never compares them with each other (the derive did)
/// and finds a nested code among them in about one probe.
#[doc(hidden)]
#[derive(Debug)]
pub struct OwnCodes {
    /// A power-of-two number of slots (none when the type has no code of its own), each
    /// the hash of a code and the index of its first use in `codes` plus one, or `(0, 0)`.
    pub table: &'static [(u64, usize)],
    /// Each code of the type's own variants (runtime `codes(…)` included).
    pub codes: &'static [&'static str],
    /// The variant declaring each code.
    pub names: &'static [&'static str],
    /// Whether that variant declares its code shared.
    pub shared: &'static [bool],
}

/// The 64-bit FNV-1a hash of `code`, never 0 (the empty slot). The derive hashes the
/// type's own codes with the same function (`macros/src/expand/entries.rs`).
#[doc(hidden)]
#[must_use]
pub const fn code_hash(code: &str) -> u64 {
    let bytes = code.as_bytes();
    let len = bytes.len();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < len {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    if hash == 0 { 1 } else { hash }
}

/// The number of slots of a table holding `count` codes: a power of two, at least twice
/// `count`, so probes stay short.
#[doc(hidden)]
#[must_use]
pub const fn table_len(count: usize) -> usize {
    (count * 2).next_power_of_two()
}

/// One code of a nested catalogue, and where it is declared.
#[derive(Clone, Copy)]
struct Use {
    code: &'static str,
    hash: u64,
    entry: &'static Entry,
    /// The index of the top-level item of the nested catalogue listing the entry.
    item: usize,
}

/// Fails the build (when evaluated in a `const`) when a code of `nested` (the catalogues
/// of `owner`'s transparent variants, one item each, named by `labels`) is one of `own`,
/// or one of another nested item's, unless both uses declare it shared or they are one
/// variant reached twice. `N` is `nested`'s [`code_count`]; `T` is the [`table_len`] of
/// `N` when there are two nested items or more (their codes are compared with each
/// other), else 0.
///
/// Linear in the number of codes: each is hashed once and looked up in a hash table, as
/// the const evaluator is slow (a sort or a pairwise scan would cost seconds for a type
/// of a thousand variants).
///
/// # Panics
///
/// With a message naming the code and both types, when two of them clash.
#[doc(hidden)]
pub const fn assert_unique_codes<const N: usize, const T: usize>(
    owner: &str,
    own: &OwnCodes,
    nested: &'static Catalogue,
    labels: &[&str],
) {
    let mut uses = [Use {
        code: "",
        hash: 0,
        entry: &Entry::PLACEHOLDER,
        item: 0,
    }; N];
    let mut len = 0;
    let mut i = 0;
    while i < nested.__items.len() {
        len = collect(&nested.__items[i], i, &mut uses, len);
        i += 1;
    }
    assert!(len == N, "apifault: the catalogue changed length");

    // Against the type's own codes.
    let slots = own.table.len();
    if slots > 0 {
        let mask = slots - 1;
        let mut k = 0;
        while k < N {
            let used = &uses[k];
            let mut slot = (used.hash as usize) & mask;
            while own.table[slot].1 != 0 {
                let (hash, first) = own.table[slot];
                if hash == used.hash {
                    let index = first - 1;
                    if str_eq(own.codes[index], used.code)
                        && !(own.shared[index] && used.entry.shared_code)
                    {
                        let mut message = Message::clash(used.code);
                        message.push_own(owner, own.names[index]);
                        message.push(" and by ");
                        message.push_nested(used, labels);
                        message.push_fix(used.code);
                        panic!("{}", message.as_str());
                    }
                }
                slot = (slot + 1) & mask;
            }
            k += 1;
        }
    }

    // Against each other, when there are several nested types.
    if T > 0 {
        let mask = T - 1;
        // The index of the use in each slot, plus one; 0 when empty.
        let mut table = [0usize; T];
        let mut k = 0;
        while k < N {
            let used = &uses[k];
            let mut slot = (used.hash as usize) & mask;
            while table[slot] != 0 {
                let other = &uses[table[slot] - 1];
                if other.hash == used.hash && str_eq(other.code, used.code) && clash(other, used) {
                    let mut message = Message::clash(used.code);
                    message.push_nested(other, labels);
                    message.push(" and by ");
                    message.push_nested(used, labels);
                    message.push_fix(used.code);
                    panic!("{}", message.as_str());
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = k + 1;
            k += 1;
        }
    }
}

/// Whether two uses of the same code in nested catalogues clash: listed under different
/// items, not both declared shared, and not one variant reached through two transparent
/// variants.
const fn clash(a: &Use, b: &Use) -> bool {
    let same_item = a.item == b.item;
    let both_shared = a.entry.shared_code && b.entry.shared_code;
    !(same_item || both_shared || same_variant(a.entry, b.entry))
}

/// Appends the codes of `item` (the top-level item `index`) to `uses` from `len`; the new
/// length.
const fn collect(
    item: &'static CatalogueItem,
    index: usize,
    uses: &mut [Use],
    mut len: usize,
) -> usize {
    match item {
        CatalogueItem::Entry(entry) => collect_entry(entry, index, uses, len),
        CatalogueItem::Entries(entries) => {
            let mut j = 0;
            while j < entries.len() {
                len = collect_entry(&entries[j], index, uses, len);
                j += 1;
            }
            len
        }
        CatalogueItem::Nested(inner)
        | CatalogueItem::NestedIn(inner, _)
        | CatalogueItem::NestedAsInner(inner, _) => {
            let mut j = 0;
            while j < inner.__items.len() {
                len = collect(&inner.__items[j], index, uses, len);
                j += 1;
            }
            len
        }
    }
}

const fn collect_entry(
    entry: &'static Entry,
    index: usize,
    uses: &mut [Use],
    mut len: usize,
) -> usize {
    uses[len] = Use {
        code: entry.code,
        hash: code_hash(entry.code),
        entry,
        item: index,
    };
    len += 1;
    let mut k = 0;
    while k < entry.runtime_codes.len() {
        let code = entry.runtime_codes[k];
        uses[len] = Use {
            code,
            hash: code_hash(code),
            entry,
            item: index,
        };
        len += 1;
        k += 1;
    }
    len
}

/// Whether two entries describe the same variant, perhaps answered with another status or
/// type URI (the const evaluator cannot compare addresses, and an override or an enum's
/// `type_base` copies the entries): an inner type nested under two transparent variants
/// lists its entries twice, and one of them may answer 404 where the other answers 500.
pub(crate) const fn same_variant(a: &Entry, b: &Entry) -> bool {
    str_eq(a.name, b.name)
        && str_eq(a.code, b.code)
        && a.shared_code == b.shared_code
        && str_eq(a.description, b.description)
        && option_eq(a.title, b.title)
        && a.members.len() == b.members.len()
        && a.runtime_codes.len() == b.runtime_codes.len()
}

const fn option_eq(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => str_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// A panic message built in the const evaluator, which cannot format.
struct Message {
    bytes: [u8; 1024],
    len: usize,
}

impl Message {
    const fn new() -> Self {
        Self {
            bytes: [0; 1024],
            len: 0,
        }
    }

    /// Appends `text`, or as much of it as fits, cut at a character boundary.
    const fn push(&mut self, text: &str) {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
        // A cut through a character drops the character's leading bytes written so far.
        while self.len > 0 && core::str::from_utf8(self.bytes.split_at(self.len).0).is_err() {
            self.len -= 1;
        }
    }

    /// The message's start: "apifault: the code `…` is used by ".
    const fn clash(code: &str) -> Self {
        let mut message = Self::new();
        message.push("apifault: the code `");
        message.push(code);
        message.push("` is used by ");
        message
    }

    /// "`Owner::Variant`".
    const fn push_own(&mut self, owner: &str, name: &str) {
        self.push("`");
        self.push(owner);
        self.push("::");
        self.push(name);
        self.push("`");
    }

    /// "`Inner` (variant `Variant`)", or "`Inner`" for an inner struct.
    const fn push_nested(&mut self, used: &Use, labels: &[&str]) {
        let label = labels[used.item];
        self.push("`");
        self.push(label);
        self.push("`");
        if !str_eq(label, used.entry.name) {
            self.push(" (variant `");
            self.push(used.entry.name);
            self.push("`)");
        }
    }

    /// What to do about it.
    const fn push_fix(&mut self, code: &str) {
        self.push(", nested through a transparent variant: give one of them another code, or declare each `#[code(\"");
        self.push(code);
        self.push("\", shared)]` if they mean the same error");
    }

    const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.bytes.split_at(self.len).0) {
            Ok(text) => text,
            Err(_) => "apifault: duplicate code across transparent variants",
        }
    }
}

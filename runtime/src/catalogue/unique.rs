//! The compile-time check that a derived type's catalogue uses each code once, the
//! catalogues of its transparent variants included: a derive evaluates it in a `const`.

use http::StatusCode;

use super::{Catalogue, CatalogueItem};
use crate::__private::str_eq;
use crate::Entry;

/// How many codes `catalogue` declares, nested ones and runtime `codes(…)` included: the
/// length of the array [`assert_unique_codes`] sorts them in.
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
            CatalogueItem::Nested(inner) | CatalogueItem::NestedIn(inner, _) => code_count(inner),
        };
        i += 1;
    }
    count
}

const fn codes_of(entry: &Entry) -> usize {
    1 + entry.runtime_codes.len()
}

/// One code of a catalogue, and where it is declared.
#[derive(Clone, Copy)]
struct Use {
    code: &'static str,
    entry: &'static Entry,
    /// The index of the catalogue's top-level item listing the entry.
    item: usize,
}

const PLACEHOLDER: Entry = Entry::__new(
    "",
    StatusCode::INTERNAL_SERVER_ERROR,
    "",
    false,
    None,
    "",
    false,
    &[],
    None,
    true,
    0,
);

/// Fails the build (when evaluated in a `const`) if two entries of `catalogue` listed under
/// different top-level items use the same code, unless both declare it shared. `N` is the
/// catalogue's [`code_count`]. `labels` names each top-level item: the empty string for the
/// entries of `owner` itself (the derive has compared those already), else the type nested
/// through a transparent variant.
///
/// Sorting the codes keeps the check O(n log n) in the const evaluator; only codes
/// used more than once are compared pairwise.
///
/// # Panics
///
/// With a message naming the code and both types, when two of them clash.
#[doc(hidden)]
pub const fn assert_unique_codes<const N: usize>(
    catalogue: &'static Catalogue,
    owner: &str,
    labels: &[&str],
) {
    let mut uses = [Use {
        code: "",
        entry: &PLACEHOLDER,
        item: 0,
    }; N];
    let mut len = 0;
    let mut i = 0;
    while i < catalogue.__items.len() {
        len = collect(&catalogue.__items[i], i, &mut uses, len);
        i += 1;
    }
    assert!(len == N, "apifault: the catalogue changed length");
    heap_sort(&mut uses);
    let mut start = 0;
    while start < N {
        let mut end = start + 1;
        while end < N && str_eq(uses[end].code, uses[start].code) {
            end += 1;
        }
        let mut a = start;
        while a < end {
            let mut b = a + 1;
            while b < end {
                if clash(&uses[a], &uses[b], labels) {
                    // In declaration order, whatever the sort did.
                    let (first, second) = if uses[a].item < uses[b].item {
                        (&uses[a], &uses[b])
                    } else {
                        (&uses[b], &uses[a])
                    };
                    let mut message = Message::new();
                    message.push("apifault: the code `");
                    message.push(first.code);
                    message.push("` is used by ");
                    message.push_use(first, owner, labels);
                    message.push(" and by ");
                    message.push_use(second, owner, labels);
                    message.push(", nested through a transparent variant: give one of them another code, or declare each `#[code(\"");
                    message.push(first.code);
                    message.push("\", shared)]` if they mean the same error");
                    panic!("{}", message.as_str());
                }
                b += 1;
            }
            a += 1;
        }
        start = end;
    }
}

/// Whether two uses of the same code clash: listed under different items, not both the
/// owner's own entries, not both declared shared, and not one variant reached through two
/// transparent variants.
const fn clash(a: &Use, b: &Use, labels: &[&str]) -> bool {
    let same_item = a.item == b.item;
    let both_own = labels[a.item].is_empty() && labels[b.item].is_empty();
    let both_shared = a.entry.shared_code && b.entry.shared_code;
    !(same_item || both_own || both_shared || same_variant(a.entry, b.entry))
}

/// Whether two entries describe the same variant, perhaps answered with another status
/// (the const evaluator cannot compare addresses, and an override copies the entries): an
/// inner type nested under two transparent variants lists its entries twice, and one of
/// them may answer 404 where the other answers 500.
pub(crate) const fn same_variant(a: &Entry, b: &Entry) -> bool {
    str_eq(a.name, b.name)
        && str_eq(a.code, b.code)
        && a.shared_code == b.shared_code
        && str_eq(a.description, b.description)
        && option_eq(a.title, b.title)
        && option_eq(a.type_uri, b.type_uri)
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
        CatalogueItem::Nested(inner) | CatalogueItem::NestedIn(inner, _) => {
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
        entry,
        item: index,
    };
    len += 1;
    let mut k = 0;
    while k < entry.runtime_codes.len() {
        uses[len] = Use {
            code: entry.runtime_codes[k],
            entry,
            item: index,
        };
        len += 1;
        k += 1;
    }
    len
}

/// Sorts `uses` by code, in place, in O(n log n).
const fn heap_sort(uses: &mut [Use]) {
    let n = uses.len();
    let mut start = n / 2;
    while start > 0 {
        start -= 1;
        sift_down(uses, start, n);
    }
    let mut end = n;
    while end > 1 {
        end -= 1;
        uses.swap(0, end);
        sift_down(uses, 0, end);
    }
}

const fn sift_down(uses: &mut [Use], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && str_less(uses[child].code, uses[child + 1].code) {
            child += 1;
        }
        if !str_less(uses[root].code, uses[child].code) {
            return;
        }
        uses.swap(root, child);
        root = child;
    }
}

const fn str_less(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
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

    /// "`Owner::Variant`" for the owner's own entries, "`Inner` (variant `Variant`)" for
    /// nested ones, or "`Inner`" for an inner struct.
    const fn push_use(&mut self, used: &Use, owner: &str, labels: &[&str]) {
        let label = labels[used.item];
        self.push("`");
        if label.is_empty() {
            self.push(owner);
            self.push("::");
            self.push(used.entry.name);
            self.push("`");
        } else if str_eq(label, used.entry.name) {
            self.push(label);
            self.push("`");
        } else {
            self.push(label);
            self.push("` (variant `");
            self.push(used.entry.name);
            self.push("`)");
        }
    }

    const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.bytes.split_at(self.len).0) {
            Ok(text) => text,
            Err(_) => "apifault: duplicate code across transparent variants",
        }
    }
}

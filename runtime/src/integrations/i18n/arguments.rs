//! The arguments a translation may read: what the derive passes for each variant.

use core::fmt;
use std::borrow::Cow;

use crate::ApiError;
use crate::member_texts::MemberText;

/// The arguments a variant offers its translations, each by name with its text: the fields
/// its `#[message]` interpolates, formatted as the message formats them (`{id:?}` as
/// `Debug`), then the members its body carries (its declared members and exposed fields,
/// by their member names) as their JSON values (a string's text, a number's digits), an
/// exposed `None` left out. Nothing else: a translation cannot show a field the body does
/// not.
///
/// A named field is offered by its name (`{id}` as `$id` in Fluent), a tuple field by
/// `field` and its index (`{0}` as `$field0`), a nested one by its path joined with `-`
/// (`{range.start}` as `$range-start`); a member by its name in the body
/// (`expose = "supportId"` as `$supportId`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Arguments {
    entries: Vec<(Cow<'static, str>, String)>,
}

impl Arguments {
    /// No arguments.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    /// Adds `name` with the text `value`; a name already there keeps its first value.
    pub fn push(&mut self, name: &'static str, value: impl fmt::Display) {
        if self.get(name).is_none() {
            self.entries.push((Cow::Borrowed(name), value.to_string()));
        }
    }

    /// Adds the members the body of `error` carries (declared members, exposed fields) as
    /// their JSON values: a string's text, a number's or a boolean's literal, an array or
    /// object as JSON; `null` (an exposed `None`) and a value that fails to serialize are
    /// left out, and so is a name already there.
    pub(crate) fn push_members<E: ApiError>(&mut self, error: &E) {
        crate::member_texts::each(error, |name, text| {
            if let MemberText::Json(json) = &text
                && json == "null"
            {
                return;
            }
            if self.get(&name).is_none() {
                self.entries.push((Cow::Owned(name), text.into_string()));
            }
        });
    }

    /// The text of argument `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(own, _)| own == name)
            .map(|(_, value)| value.as_str())
    }

    /// Each argument, name and text, in the order given.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> + '_ {
        self.entries
            .iter()
            .map(|(name, value)| (name.as_ref(), value.as_str()))
    }

    /// How many there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The argument names each code of a derived type's `#[message]` offers its translations,
/// for the catalogue check (its body members are in its catalogue entry): the derive
/// writes one `Own` per variant, one `Nested` per transparent variant's inner type.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub enum Signature {
    /// A variant's code and the names of its arguments.
    Own(&'static str, &'static [&'static str]),
    /// The signatures of a transparent variant's inner type.
    Nested(&'static [Signature]),
}

impl Signature {
    /// The argument names `code` offers among `signatures`, depth first.
    pub(crate) fn find(signatures: &'static [Self], code: &str) -> Option<&'static [&'static str]> {
        signatures.iter().find_map(|signature| match signature {
            Self::Own(own, arguments) => (*own == code).then_some(*arguments),
            Self::Nested(inner) => Self::find(inner, code),
        })
    }
}

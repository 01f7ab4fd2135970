use http::StatusCode;

use crate::Part;

/// What is known about one error variant at compile time: the row of the error catalogue.
///
/// Every derived type hands out `&'static Entry` values, so reading a variant's status,
/// code or title never allocates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// The Rust name of the variant (or of the struct).
    pub name: &'static str,
    /// The HTTP status.
    pub status: StatusCode,
    /// The stable machine code.
    pub code: &'static str,
    /// The declared `#[title]`, if any; formats fall back to the status phrase.
    pub title: Option<&'static str>,
    /// The variant's doc comment, trimmed (empty when it has none).
    pub description: &'static str,
    /// Whether the body carries a human message (`#[message]`, or `Display` for a 4xx).
    pub public_message: bool,
    /// The body member names of the exposed fields, in declaration order.
    pub members: &'static [&'static str],
    /// The problem type URI when every value of the variant has the same one (`type_base`
    /// plus the code, or a `type = "…"` that interpolates nothing); `None` otherwise.
    pub type_uri: Option<&'static str>,
    /// Whether formats that can carry the code in the body do so (`code_in_body`).
    pub code_in_body: bool,
    /// One bit per [`Part`] the variant carries (`1 << part as u8`).
    parts: u8,
}

impl Entry {
    #[doc(hidden)]
    #[must_use]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        name: &'static str,
        status: StatusCode,
        code: &'static str,
        title: Option<&'static str>,
        description: &'static str,
        public_message: bool,
        members: &'static [&'static str],
        type_uri: Option<&'static str>,
        code_in_body: bool,
        parts: u8,
    ) -> Self {
        Self {
            name,
            status,
            code,
            title,
            description,
            public_message,
            members,
            type_uri,
            code_in_body,
            parts,
        }
    }

    /// This entry answered with another status or code (a transparent variant that
    /// overrides them); a 5xx status masks the message.
    #[doc(hidden)]
    #[must_use]
    pub const fn __overridden(
        &self,
        status: Option<StatusCode>,
        code: Option<&'static str>,
    ) -> Self {
        let mut entry = *self;
        if let Some(status) = status {
            entry.status = status;
            if status.as_u16() >= 500 {
                entry.public_message = false;
                entry.parts &= !Part::Message.bit();
            }
        }
        if let Some(code) = code {
            entry.code = code;
        }
        entry
    }

    /// Whether every value of the variant carries `part` (its message, type URI, …); the
    /// derived [`ApiError::has_part`](crate::ApiError::has_part) answers from here.
    #[must_use]
    pub const fn has_part(&self, part: Part) -> bool {
        self.parts & part.bit() != 0
    }
}

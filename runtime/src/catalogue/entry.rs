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
    /// Whether the status is taken at run time from a field (`#[api_error(status)]`);
    /// `status` is then the declared one, sent when the field's is not an error status.
    pub runtime_status: bool,
    /// The other statuses a runtime status is declared to take
    /// (`#[api_error(statuses(…))]`), besides `status`.
    pub runtime_statuses: &'static [StatusCode],
    /// Whether the code is taken at run time from a field (`#[api_error(code)]`); `code`
    /// is then the declared one, sent when the field's is not a valid code.
    pub runtime_code: bool,
    /// The other codes a runtime code is declared to take (`#[api_error(codes(…))]`),
    /// besides `code`.
    pub runtime_codes: &'static [&'static str],
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
            runtime_status: false,
            runtime_statuses: &[],
            runtime_code: false,
            runtime_codes: &[],
            parts,
        }
    }

    /// The entry of a variant whose status or code is taken at run time from a field.
    #[doc(hidden)]
    #[must_use]
    pub const fn __runtime(
        mut self,
        runtime_status: bool,
        runtime_statuses: &'static [StatusCode],
        runtime_code: bool,
        runtime_codes: &'static [&'static str],
    ) -> Self {
        self.runtime_status = runtime_status;
        self.runtime_statuses = runtime_statuses;
        self.runtime_code = runtime_code;
        self.runtime_codes = runtime_codes;
        self
    }

    /// Every status the variant is declared to answer with: `status`, then the
    /// `runtime_statuses`.
    pub fn statuses(&self) -> impl Iterator<Item = StatusCode> + use<> {
        core::iter::once(self.status).chain(self.runtime_statuses.iter().copied())
    }

    /// Every code the variant is declared to answer with: `code`, then the
    /// `runtime_codes`.
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + use<> {
        core::iter::once(self.code).chain(self.runtime_codes.iter().copied())
    }

    /// Whether every value of the variant carries `part` (its message, type URI, …); the
    /// derived [`ApiError::has_part`](crate::ApiError::has_part) answers from here.
    #[must_use]
    pub const fn has_part(&self, part: Part) -> bool {
        self.parts & part.bit() != 0
    }
}

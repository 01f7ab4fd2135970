use core::fmt;
use core::marker::PhantomData;

use http::StatusCode;

use crate::catalogue::VariantFormat;
use crate::{ApiError, Context, Entry, Format, Part, Problem, RenderError, phrase};

/// A stand-in error built from a catalogue [`Entry`] alone, to show what a variant's body
/// looks like without a value of the type: the example bodies of the OpenAPI responses
/// (feature `utoipa`) are rendered from it, and so can an API's documentation.
///
/// It renders through the real format: the entry's own when its variant declares one
/// (`#[api_error(format = …)]` on the variant), else `F`, so it has the variant's status,
/// code and title, and the format's own rules (Boom's masked 500, the status phrase as a
/// fallback title, the type's `code_in_body` setting). What needs a value is left out or
/// stood in for: the message, when the variant has a public one, is the entry's description
/// (else its title, else the status phrase); the type URI is there when it is the same for
/// every value (`type_base`, which an enum's catalogue gives the inner errors of its
/// transparent variants too, or a `type` that interpolates nothing); exposed fields and
/// violations are absent.
///
/// ```
/// use apifault::{ApiError, Format, Problem, Specimen};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum CaseError {
///     /// No case has this id.
///     #[error("case {id} not found")]
///     #[status(404)]
///     NotFound { id: u64 },
/// }
///
/// let entry = CaseError::CATALOGUE.lookup("not_found").unwrap();
/// let body = Specimen::<Problem>::new(entry).render_json().unwrap();
/// assert_eq!(
///     body,
///     serde_json::json!({
///         "type": "about:blank",
///         "title": "Not Found",
///         "status": 404,
///         "detail": "No case has this id.",
///         "code": "not_found"
///     })
/// );
/// ```
pub struct Specimen<F = Problem> {
    entry: &'static Entry,
    /// Whether the entry's own format, if it has one, renders it rather than `F`.
    own_format: bool,
    status: StatusCode,
    code: &'static str,
    format: PhantomData<fn() -> F>,
}

impl<F: Format> Specimen<F> {
    /// The stand-in for `entry`, rendered in the entry's own format, else in `F`.
    #[must_use]
    pub const fn new(entry: &'static Entry) -> Self {
        Self {
            entry,
            own_format: true,
            status: entry.status,
            code: entry.code,
            format: PhantomData,
        }
    }

    /// With another of the statuses the entry declares (`Entry::runtime_statuses`), as a
    /// value with that runtime status would answer.
    #[must_use]
    pub const fn with_status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// With another of the codes the entry declares (`Entry::runtime_codes`), as a value
    /// with that runtime code would answer.
    #[must_use]
    pub const fn with_code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    /// The stand-in for `entry`, rendered in `F` whatever the entry's own format.
    #[must_use]
    pub(crate) const fn in_format(entry: &'static Entry) -> Self {
        Self {
            own_format: false,
            ..Self::new(entry)
        }
    }

    /// The entry's own format, when it renders this specimen.
    fn own_format(&self) -> Option<&'static VariantFormat> {
        self.entry.own_format().filter(|_| self.own_format)
    }

    /// The `Content-Type` of the body: the entry's own format's, else `F`'s.
    #[must_use]
    pub fn content_type(&self) -> &'static str {
        self.own_format()
            .map_or(F::CONTENT_TYPE, |format| format.content_type)
    }

    /// The body, in the entry's own format, else in `F`.
    ///
    /// # Errors
    ///
    /// Never with the built-in formats; a house format's own errors otherwise.
    pub fn render(&self) -> Result<Vec<u8>, RenderError> {
        match self.own_format() {
            Some(format) => (format.render_specimen)(self.entry, self.status, self.code),
            None => F::render(self, &Context::new()),
        }
    }

    /// The body, as JSON.
    ///
    /// # Errors
    ///
    /// When the format writes something that is not JSON (the built-in formats never do).
    pub fn render_json(&self) -> Result<serde_json::Value, RenderError> {
        Ok(serde_json::from_slice(&self.render()?)?)
    }

    /// The text standing in for the public message.
    fn message(&self) -> &'static str {
        let entry = self.entry;
        if !entry.description.is_empty() {
            return entry.description;
        }
        entry
            .title
            .or_else(|| phrase::rfc9110(self.status))
            .unwrap_or(self.code)
    }
}

impl<F> Clone for Specimen<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for Specimen<F> {}

impl<F> fmt::Debug for Specimen<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Specimen")
            .field("entry", &self.entry)
            .finish()
    }
}

impl<F> fmt::Display for Specimen<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code, self.status)
    }
}

impl<F> std::error::Error for Specimen<F> {}

impl<F: Format> ApiError for Specimen<F> {
    type Format = F;

    fn to_response_with(&self, context: &Context<'_>) -> http::Response<Vec<u8>> {
        match self.own_format() {
            Some(format) => (format.specimen_response)(self.entry, self.status, self.code, context),
            None => crate::response::<F, Self>(self, context),
        }
    }

    fn entry(&self) -> &'static Entry {
        self.entry
    }

    fn status(&self) -> StatusCode {
        self.status
    }

    fn code(&self) -> &str {
        self.code
    }

    fn has_part(&self, part: Part) -> bool {
        match part {
            Part::Message => self.entry.public_message,
            Part::Type => self.entry.type_uri.is_some(),
            _ => false,
        }
    }

    fn fmt_part(&self, part: Part, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match part {
            Part::Message if self.entry.public_message => f.write_str(self.message()),
            Part::Type => f.write_str(self.entry.type_uri.unwrap_or_default()),
            _ => Ok(()),
        }
    }
}

#![doc = include_str!("i18n.md")]

use std::borrow::Cow;
use std::fmt;

pub use unic_langid::LanguageIdentifier;

mod arguments;
mod check;
#[cfg(feature = "fluent")]
mod fluent;
mod localized;
mod negotiate;

pub use self::arguments::{Arguments, Signature};
pub use self::check::{CheckReport, Finding, assert_translated, check};
#[cfg(feature = "fluent")]
#[cfg_attr(docsrs, doc(cfg(feature = "fluent")))]
pub use self::fluent::{FluentLocalizer, FluentLocalizerBuilder, LocaleError, fluent_id};
pub(crate) use self::localized::{Localized, set_headers};
pub use self::negotiate::{MAX_HEADER_LEN, MAX_RANGES, negotiate};

/// What a translation is looked up by: an error's machine code (its message, its title) or
/// a violation's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Key<'a> {
    /// The public message of the error whose code this is (`detail`, `message`).
    Message(&'a str),
    /// The title of the error whose code this is: a constant, it takes no arguments.
    Title(&'a str),
    /// The message of a violation whose code this is.
    ViolationMessage(&'a str),
}

impl Key<'_> {
    /// The code looked up.
    #[must_use]
    pub const fn code(&self) -> &str {
        match self {
            Self::Message(code) | Self::Title(code) | Self::ViolationMessage(code) => code,
        }
    }
}

/// What a localizer holds for one key in one locale, for [`check`]: its own entry, never a
/// fallback.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Translation {
    /// The locale has no translation of the key.
    Missing,
    /// The locale's source has an entry for the key that does not parse.
    Unparsable {
        /// The parser's message, with where in the source.
        error: String,
    },
    /// The translation, with the names of the arguments it reads.
    Found {
        /// The argument names, each once, in the order first read.
        arguments: Vec<String>,
    },
}

/// A catalogue of translations: the backend the runtime asks for an error's texts in the
/// request's language (Fluent's [`FluentLocalizer`] with the feature `fluent`, or one of
/// the service's own over gettext, rust-i18n or a database).
///
/// A localizer lives as long as the service (`&'static`: a `static` built with
/// `LazyLock`, or `Box::leak` at start-up), so the texts it answers with are borrowed, not
/// copied per response.
pub trait Localizer: Send + Sync {
    /// The locales it has texts for, the service's default first. Requests are negotiated
    /// against these.
    fn locales(&self) -> &[LanguageIdentifier];

    /// The text of `key` in `locale` (one of [`locales`](Localizer::locales)), falling
    /// back along the locale's parents (`de-CH`, then `de`) to the default locale, with
    /// the arguments the error offers; `None` when no locale has it, and the error's
    /// declared text is used.
    fn message(
        &self,
        locale: &LanguageIdentifier,
        key: Key<'_>,
        arguments: &Arguments,
    ) -> Option<Cow<'_, str>>;

    /// The title of the error whose code is `code` in `locale`, with the same fallback as
    /// [`message`](Localizer::message).
    fn title(&self, locale: &LanguageIdentifier, code: &str) -> Option<&str>;

    /// What `locale` itself (no fallback) holds for `key`: what [`check`] reads.
    fn translation(&self, locale: &LanguageIdentifier, key: Key<'_>) -> Translation;

    /// The locale the declared texts (`#[message]`, `Display`, `#[title]`, violations'
    /// messages) are written in, when it is one of [`locales`](Localizer::locales): its
    /// translations are optional, a text it lacks is the declared one, and [`check`]
    /// reports none missing there. `None` by default: every locale translates everything.
    fn declared(&self) -> Option<&LanguageIdentifier> {
        None
    }
}

/// The language an error response is rendered in: a localizer and one of its locales, as
/// negotiated from a request's `Accept-Language` ([`Locale::negotiate`]) or chosen by the
/// service ([`Locale::new`]). It joins the request [`Context`](crate::Context) with
/// [`Context::with_locale`](crate::Context::with_locale).
#[derive(Clone, Copy)]
pub struct Locale {
    localizer: &'static dyn Localizer,
    id: &'static LanguageIdentifier,
}

impl Locale {
    /// The locale of `localizer` that best answers the `Accept-Language` header value
    /// `accept_language` ([`negotiate`]), or its default; `None` when it has no locales.
    #[must_use]
    pub fn negotiate(localizer: &'static dyn Localizer, accept_language: &str) -> Option<Self> {
        let id = negotiate(accept_language, localizer.locales())?;
        Some(Self { localizer, id })
    }

    /// The locale of `localizer` for `locale` (a language tag such as `de-CH`): itself
    /// when the localizer has it, else its nearest parent it has (`de`), else its default;
    /// `None` when it has no locales.
    #[must_use]
    pub fn new(localizer: &'static dyn Localizer, locale: &LanguageIdentifier) -> Option<Self> {
        let id = negotiate::best(core::slice::from_ref(locale), localizer.locales())?;
        Some(Self { localizer, id })
    }

    /// The localizer's default locale; `None` when it has no locales.
    #[must_use]
    pub fn default_of(localizer: &'static dyn Localizer) -> Option<Self> {
        let id = localizer.locales().first()?;
        Some(Self { localizer, id })
    }

    /// The locale, one of the localizer's.
    #[must_use]
    pub fn id(&self) -> &'static LanguageIdentifier {
        self.id
    }

    /// The localizer.
    #[must_use]
    pub fn localizer(&self) -> &'static dyn Localizer {
        self.localizer
    }
}

impl fmt::Debug for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Locale").field(&self.id.to_string()).finish()
    }
}

impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::addr_eq(self.localizer, other.localizer) && self.id == other.id
    }
}

impl Eq for Locale {}

//! An error seen in a locale: every format renders the localized texts by asking it what
//! it asks any error (`message()`, `title()`, `violations()`), so house formats localize
//! without a change. Everything else (status, code, type, members, violations' codes and
//! paths) is the error's own.

use std::borrow::Cow;
use std::fmt;

use http::header::{CONTENT_LANGUAGE, VARY};
use http::{HeaderMap, HeaderValue, StatusCode};
use serde_core::ser::SerializeMap;

use super::{Arguments, Key, Locale};
use crate::format::OwnBody;
use crate::integrations::tracing::translation_missing;
use crate::{ApiError, Catalogue, Entry, GrpcCode, LogLevel, Part, Path, Violation, Violations};

/// `error` with its texts looked up in `locale`, each once, when the wrapper is made.
pub(crate) struct Localized<'e, E> {
    error: &'e E,
    message: Option<Cow<'static, str>>,
    title: Option<&'static str>,
    /// Empty unless some violation has a translation.
    violations: Vec<LocalizedViolation<'e>>,
}

impl<'e, E: ApiError> Localized<'e, E> {
    pub(crate) fn new(error: &'e E, locale: Locale) -> Self {
        let localizer = locale.localizer;
        let id = locale.id;
        let code = error.code();
        // Only a message the error shows is localized: a 5xx without `#[message]` stays
        // without one in every language.
        let message = if error.has_part(Part::Message) {
            let mut arguments = Arguments::new();
            error.__i18n_arguments(&mut arguments);
            arguments.push_members(error);
            let message = localizer.message(id, Key::Message(code), &arguments);
            if message.is_none() {
                translation_missing("message", code, id);
            }
            message
        } else {
            None
        };
        let title = localizer.title(id, code);
        let mut violations = Vec::new();
        let list = error.violations();
        if !list.is_empty() {
            let mut any = false;
            let mut localized: Vec<LocalizedViolation<'e>> = Vec::with_capacity(list.len());
            for violation in list.iter() {
                let message = violation.code().and_then(|code| {
                    let mut arguments = Arguments::new();
                    arguments.push("path", violation.path().dotted());
                    let message = localizer.message(id, Key::ViolationMessage(code), &arguments);
                    if message.is_none() {
                        translation_missing("violation", code, id);
                    }
                    message
                });
                any |= message.is_some();
                localized.push(LocalizedViolation {
                    inner: violation,
                    message,
                });
            }
            if any {
                violations = localized;
            }
        }
        Self {
            error,
            message,
            title,
            violations,
        }
    }
}

impl<E> Localized<'_, E> {
    /// The translated message, when the localizer had one.
    #[cfg(feature = "tonic")]
    pub(crate) fn translated_message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}

/// A violation with its translated message, when there is one.
struct LocalizedViolation<'e> {
    inner: &'e dyn Violation,
    message: Option<Cow<'static, str>>,
}

impl Violation for LocalizedViolation<'_> {
    fn path(&self) -> Path<'_> {
        self.inner.path()
    }

    fn message(&self) -> &str {
        self.message
            .as_deref()
            .unwrap_or_else(|| self.inner.message())
    }

    fn code(&self) -> Option<&str> {
        self.inner.code()
    }
}

impl<E: fmt::Debug> fmt::Debug for Localized<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.error, f)
    }
}

impl<E: fmt::Display> fmt::Display for Localized<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.error, f)
    }
}

impl<E: ApiError> ApiError for Localized<'_, E> {
    type Format = E::Format;

    const CATALOGUE: &'static Catalogue = E::CATALOGUE;
    const LOG: bool = E::LOG;

    fn log_level(&self) -> Option<LogLevel> {
        self.error.log_level()
    }

    fn log_source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error.log_source()
    }

    fn entry(&self) -> &'static Entry {
        self.error.entry()
    }

    fn status(&self) -> StatusCode {
        self.error.status()
    }

    fn code(&self) -> &str {
        self.error.code()
    }

    fn grpc_code(&self) -> GrpcCode {
        self.error.grpc_code()
    }

    fn title(&self) -> Option<&'static str> {
        self.title.or_else(|| self.error.title())
    }

    fn has_part(&self, part: Part) -> bool {
        self.error.has_part(part)
    }

    fn fmt_part(&self, part: Part, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (part, &self.message) {
            (Part::Message, Some(message)) => f.write_str(message),
            _ => self.error.fmt_part(part, f),
        }
    }

    fn serialize_members<M: SerializeMap>(
        &self,
        map: &mut M,
        reserved: &[&str],
    ) -> Result<(), M::Error> {
        self.error.serialize_members(map, reserved)
    }

    fn violations(&self) -> Violations<'_> {
        if self.violations.is_empty() {
            self.error.violations()
        } else {
            Violations::new(&self.violations)
        }
    }

    fn headers(&self, headers: &mut HeaderMap) {
        self.error.headers(headers);
    }

    fn code_in_body(&self) -> bool {
        self.error.code_in_body()
    }

    fn __own_body(&self) -> OwnBody<'_> {
        self.error.__own_body()
    }

    fn __warn_refused(&self) {
        self.error.__warn_refused();
    }

    fn __i18n_arguments(&self, arguments: &mut Arguments) {
        self.error.__i18n_arguments(arguments);
    }

    fn __localized_title(&self) -> Option<&'static str> {
        self.title
    }
}

/// `Content-Language` (the negotiated locale) and `Vary: Accept-Language` on a response
/// rendered in a locale.
pub(crate) fn set_headers(headers: &mut HeaderMap, locale: Locale) {
    if let Ok(language) = HeaderValue::try_from(locale.id.to_string()) {
        headers.insert(CONTENT_LANGUAGE, language);
    }
    headers.append(VARY, HeaderValue::from_static("Accept-Language"));
}

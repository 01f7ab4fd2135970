//! The catalogue check: every code of a type translated in every locale, each translation
//! parsed, reading only what its variant offers. Run in `cargo test`, not in production.

use std::collections::BTreeSet;
use std::fmt;

use super::{Key, Localizer, Signature, Translation};
use crate::ApiError;

/// One problem [`check`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Finding {
    /// A code whose error shows a message has no translation in a locale; or a title, or
    /// a violation code, that another locale translates.
    Missing {
        /// What is missing: `message`, `title` or `violation`.
        what: &'static str,
        /// The code.
        code: String,
        /// The locale.
        locale: String,
    },
    /// The translation does not parse.
    Unparsable {
        /// What: `message`, `title` or `violation`.
        what: &'static str,
        /// The code.
        code: String,
        /// The locale.
        locale: String,
        /// The parser's message.
        error: String,
    },
    /// The translation reads an argument its variant does not offer (a title, none).
    UnknownArgument {
        /// What: `message`, `title` or `violation`.
        what: &'static str,
        /// The code.
        code: String,
        /// The locale.
        locale: String,
        /// The argument it reads.
        argument: String,
        /// Those the variant offers.
        offered: Vec<&'static str>,
    },
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing { what, code, locale } => {
                write!(f, "code `{code}`, locale `{locale}`: no {what} translation")
            }
            Self::Unparsable {
                what,
                code,
                locale,
                error,
            } => write!(
                f,
                "code `{code}`, locale `{locale}`: the {what} translation does not parse: {error}"
            ),
            Self::UnknownArgument {
                what,
                code,
                locale,
                argument,
                offered,
            } => {
                write!(
                    f,
                    "code `{code}`, locale `{locale}`: the {what} translation reads argument `{argument}`, which "
                )?;
                if offered.is_empty() {
                    f.write_str("is not offered (none is)")
                } else {
                    write!(f, "is not offered (only `{}`)", offered.join("`, `"))
                }
            }
        }
    }
}

/// What [`check`] found: one line per finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// The findings, by code, then locale.
    pub findings: Vec<Finding>,
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} translation problem(s):", self.findings.len())?;
        for finding in &self.findings {
            writeln!(f, "  {finding}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CheckReport {}

/// Checks the translations `localizer` holds for the codes of `E`'s catalogue (inner types
/// of transparent variants included) and for the violation codes `violation_codes`: in
/// every locale (but the [declared](Localizer::declared) one, where the declared texts
/// stand in), each code whose error shows a message has a message that parses and reads
/// only the arguments its variant offers ([`Arguments`](super::Arguments): a flattened
/// field's members, known only at run time, are not); a title, when a
/// locale has one for a code, exists in every locale and reads none; a violation message
/// reads only `path`.
///
/// # Errors
///
/// Every finding, each naming the code, the locale and the argument at fault.
pub fn check<E: ApiError>(
    localizer: &dyn Localizer,
    violation_codes: &[&str],
) -> Result<(), CheckReport> {
    let mut findings = Vec::new();
    let mut seen = BTreeSet::new();
    for entry in E::CATALOGUE.entries() {
        let mut offered: Vec<&'static str> = Signature::find(E::__I18N_SIGNATURES, entry.code)
            .unwrap_or_default()
            .to_vec();
        for member in entry.members {
            if !offered.contains(member) {
                offered.push(member);
            }
        }
        for code in entry.codes() {
            if !seen.insert(code) {
                continue;
            }
            if entry.public_message {
                check_key(localizer, Key::Message(code), &offered, true, &mut findings);
            }
            check_key(localizer, Key::Title(code), &[], false, &mut findings);
        }
    }
    for code in violation_codes {
        check_key(
            localizer,
            Key::ViolationMessage(code),
            &["path"],
            true,
            &mut findings,
        );
    }
    if findings.is_empty() {
        Ok(())
    } else {
        Err(CheckReport { findings })
    }
}

/// [`check`], panicking with the report: for a test.
///
/// ```
/// # #[cfg(feature = "fluent")] {
/// use apifault::ApiError;
/// use apifault::i18n::{FluentLocalizer, assert_translated};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api_error(rename_all = "kebab-case")]
/// enum CaseError {
///     #[error("case {id} not found")]
///     #[status(404)]
///     #[message("case {id} not found")]
///     NotFound { id: u64, owner: String },
/// }
///
/// let localizer = FluentLocalizer::builder()
///     .locale("en", "not-found = Case { $id } not found.")
///     .locale("de", "not-found = Fall { $id } von { $owner } nicht gefunden.")
///     .build()
///     .unwrap();
/// let report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| assert_translated::<CaseError>(&localizer, &[])))
///     .unwrap_err();
/// assert!(report.downcast_ref::<String>().unwrap().contains(
///     "code `not-found`, locale `de`: the message translation reads argument `owner`, which is not offered (only `id`)"
/// ));
/// # }
/// ```
///
/// # Panics
///
/// When [`check`] finds a problem, with every finding.
#[track_caller]
pub fn assert_translated<E: ApiError>(localizer: &dyn Localizer, violation_codes: &[&str]) {
    if let Err(report) = check::<E>(localizer, violation_codes) {
        panic!("{report}");
    }
}

fn check_key(
    localizer: &dyn Localizer,
    key: Key<'_>,
    offered: &[&'static str],
    required: bool,
    findings: &mut Vec<Finding>,
) {
    let what = match key {
        Key::Message(_) => "message",
        Key::Title(_) => "title",
        Key::ViolationMessage(_) => "violation",
    };
    let code = key.code();
    let translations: Vec<_> = localizer
        .locales()
        .iter()
        .map(|locale| (locale, localizer.translation(locale, key)))
        .collect();
    let anywhere = translations
        .iter()
        .any(|(_, translation)| !matches!(translation, Translation::Missing));
    let declared = localizer.declared();
    for (locale, translation) in translations {
        let in_declared = declared == Some(locale);
        let locale = locale.to_string();
        match translation {
            Translation::Missing if (required || anywhere) && !in_declared => {
                findings.push(Finding::Missing {
                    what,
                    code: code.to_owned(),
                    locale,
                })
            }
            Translation::Missing => {}
            Translation::Unparsable { error } => findings.push(Finding::Unparsable {
                what,
                code: code.to_owned(),
                locale,
                error,
            }),
            Translation::Found { arguments } => {
                for argument in arguments {
                    if !offered.contains(&argument.as_str()) {
                        findings.push(Finding::UnknownArgument {
                            what,
                            code: code.to_owned(),
                            locale: locale.clone(),
                            argument,
                            offered: offered.to_vec(),
                        });
                    }
                }
            }
        }
    }
}

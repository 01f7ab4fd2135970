//! [`FluentLocalizer`]: Project Fluent bundles, one per locale, from `.ftl` sources.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use super::{Arguments, Key, Localizer, Translation};
use crate::integrations::tracing::translation_missing;

/// The Fluent message id of a code: the code itself when Fluent accepts it as an
/// identifier (`[a-zA-Z][a-zA-Z0-9_-]*`), else the code with each other character
/// (`.`) written `-`, prefixed `code-` when it does not begin with a letter:
/// `not-found` stays, `token.expired` is `token-expired`, `404` is `code-404`.
///
/// A violation's message is the message `violation-` followed by its code written the same
/// way (`string.min` is `violation-string-min`). [`check`](super::check) reports a code
/// whose id another code of the catalogue already has only as a missing or surplus
/// translation; choose codes that stay apart (`a.b` and `a-b` do not).
#[must_use]
pub fn fluent_id(code: &str) -> Cow<'_, str> {
    let bytes = code.as_bytes();
    let starts_with_letter = bytes.first().is_some_and(u8::is_ascii_alphabetic);
    if starts_with_letter && bytes.iter().all(|&byte| ID_BYTE[usize::from(byte)]) {
        return Cow::Borrowed(code);
    }
    let mut id = String::with_capacity(code.len() + 5);
    if !starts_with_letter {
        id.push_str("code-");
    }
    id.extend(code.chars().map(|c| {
        if c.is_ascii() && ID_BYTE[c as usize] {
            c
        } else {
            '-'
        }
    }));
    Cow::Owned(id)
}

/// The bytes of a Fluent identifier after its first: `[a-zA-Z0-9_-]`, as a table (every
/// lookup reads it once per byte of a code).
const ID_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        byte += 1;
    }
    table
};

/// The message id of `key`: see [`fluent_id`].
fn message_id(key: Key<'_>) -> Cow<'_, str> {
    match key {
        Key::Message(code) | Key::Title(code) => fluent_id(code),
        Key::ViolationMessage(code) => {
            let id = fluent_id(code);
            let id = id.strip_prefix("code-").unwrap_or(&id);
            Cow::Owned(format!("violation-{id}"))
        }
    }
}

/// A [`Localizer`] over Project Fluent (`fluent-bundle`): one bundle per locale, from one
/// or more `.ftl` sources each, with Fluent's plurals, selectors and functions (`NUMBER`).
///
/// An error's message is the Fluent message whose id is its code ([`fluent_id`]), its
/// title that message's `.title` attribute, a violation's message `violation-` and its
/// code:
///
/// ```ftl
/// not-found = Der Fall { $id } wurde nicht gefunden.
///     .title = Fall nicht gefunden
/// rate-limited = { $secs ->
///     [one] Bitte warten Sie eine Sekunde.
///    *[other] Bitte warten Sie { $secs } Sekunden.
/// }
/// violation-string-min = { $path } ist zu kurz.
/// ```
///
/// A locale without a message falls back to its parents it has (`de-CH` to `de`), then to
/// the default locale (the first added), then the error's declared text, each miss logged
/// at debug (feature `tracing`). A translation that fails to resolve (it reads an argument
/// the error did not give) counts as a miss, so a response never carries a broken text.
/// An entry that does not parse is left out (its code falls back) and reported by
/// [`check`](super::check); the rest of its source is used.
///
/// Fluent's bidi isolation marks (U+2068 and U+2069 around each argument) are off by
/// default: API clients compare and display the texts themselves, and the marks would be
/// invisible characters in every JSON body. Turn them on with
/// [`use_isolating`](FluentLocalizerBuilder::use_isolating) for texts shown as they are in
/// right-to-left interfaces.
pub struct FluentLocalizer {
    locales: Vec<LanguageIdentifier>,
    /// The language of the declared texts, when it is one of the locales.
    declared: Option<LanguageIdentifier>,
    bundles: Vec<FluentBundle<FluentResource>>,
    /// Per locale: the bundles asked in turn (itself, its parents it has, the default).
    chains: Vec<Vec<usize>>,
    /// Per locale: the ids of entries that did not parse, with the parser's message.
    broken: Vec<HashMap<String, String>>,
    /// Per locale: each message's `.title`, resolved once (titles are constant), sorted by
    /// id.
    titles: Vec<Vec<(String, String)>>,
    /// Whether the bundles wrap arguments in bidi isolation marks; without, a pattern of
    /// text and variable references is written without Fluent's resolver.
    isolating: bool,
}

impl fmt::Debug for FluentLocalizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FluentLocalizer")
            .field(
                "locales",
                &self
                    .locales
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

/// Builds a [`FluentLocalizer`]: [`FluentLocalizer::builder`].
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct FluentLocalizerBuilder {
    sources: Vec<(String, String)>,
    use_isolating: bool,
    declared: Option<String>,
}

/// Why a [`FluentLocalizer`] could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LocaleError {
    /// A locale's tag is not a language identifier.
    InvalidTag(String),
    /// No locale was added.
    NoLocale,
}

impl fmt::Display for LocaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidTag(tag) => write!(f, "`{tag}` is not a language identifier"),
            Self::NoLocale => f.write_str("a localizer needs at least one locale"),
        }
    }
}

impl std::error::Error for LocaleError {}

impl FluentLocalizerBuilder {
    /// Adds the Fluent source `ftl` (an `.ftl` file's text, `include_str!` it) to the
    /// locale `tag` (`en`, `de-CH`). The first locale added is the default; a locale may
    /// be given several sources, whose messages it takes in the order added (the first of
    /// an id wins).
    pub fn locale(mut self, tag: &str, ftl: impl Into<String>) -> Self {
        self.sources.push((tag.to_owned(), ftl.into()));
        self
    }

    /// Declares `tag` the language of the declared texts (`#[message]`, `#[title]`,
    /// violations' messages): a locale whose translations are optional, a text it lacks
    /// being the declared one ([`Localizer::declared`]). It needs no source; added first,
    /// it is the default locale.
    ///
    /// ```
    /// use apifault::i18n::{FluentLocalizer, Localizer};
    ///
    /// let localizer = FluentLocalizer::builder()
    ///     .declared("en")
    ///     .locale("de", "not-found = Fall { $id } nicht gefunden.")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(localizer.locales()[0].to_string(), "en");
    /// ```
    pub fn declared(mut self, tag: &str) -> Self {
        self.sources.push((tag.to_owned(), String::new()));
        self.declared = Some(tag.to_owned());
        self
    }

    /// Whether arguments are wrapped in Unicode bidi isolation marks (U+2068 FIRST STRONG
    /// ISOLATE, U+2069 POP DIRECTIONAL ISOLATE), as Fluent does by default; off unless
    /// turned on here.
    pub fn use_isolating(mut self, on: bool) -> Self {
        self.use_isolating = on;
        self
    }

    /// The localizer.
    ///
    /// # Errors
    ///
    /// When a tag is not a language identifier, or no locale was added. A source that does
    /// not parse is no error here: its other entries are used, and
    /// [`check`](super::check) reports the broken ones.
    pub fn build(self) -> Result<FluentLocalizer, LocaleError> {
        let mut locales: Vec<LanguageIdentifier> = Vec::new();
        let mut bundles: Vec<FluentBundle<FluentResource>> = Vec::new();
        let mut broken: Vec<HashMap<String, String>> = Vec::new();
        // Per locale, the message ids its sources define: a bundle does not list them.
        let mut ids: Vec<Vec<String>> = Vec::new();
        for (tag, source) in self.sources {
            let locale: LanguageIdentifier = tag
                .parse()
                .map_err(|_| LocaleError::InvalidTag(tag.clone()))?;
            let index = match locales.iter().position(|known| *known == locale) {
                Some(index) => index,
                None => {
                    let mut bundle = FluentBundle::new_concurrent(vec![locale.clone()]);
                    bundle.set_use_isolating(self.use_isolating);
                    bundle.set_formatter(Some(integer));
                    // NUMBER and friends: adding them to a fresh bundle cannot clash.
                    let _ = bundle.add_builtins();
                    locales.push(locale);
                    bundles.push(bundle);
                    broken.push(HashMap::new());
                    ids.push(Vec::new());
                    locales.len() - 1
                }
            };
            let resource = match FluentResource::try_new(source) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    for error in errors {
                        let (id, message) = broken_entry(resource.source(), &error);
                        broken[index].entry(id).or_insert(message);
                    }
                    resource
                }
            };
            ids[index].extend(resource.entries().filter_map(|entry| match entry {
                ast::Entry::Message(message) => Some(message.id.name.to_owned()),
                _ => None,
            }));
            // An id given twice: the first wins (`add_resource` reports the others).
            let _ = bundles[index].add_resource(resource);
        }
        if locales.is_empty() {
            return Err(LocaleError::NoLocale);
        }
        let declared = match self.declared {
            Some(tag) => Some(
                tag.parse::<LanguageIdentifier>()
                    .map_err(|_| LocaleError::InvalidTag(tag.clone()))?,
            ),
            None => None,
        };
        let chains = locales
            .iter()
            .map(|locale| chain(locale, &locales, declared.as_ref()))
            .collect();
        let titles = bundles
            .iter()
            .zip(&ids)
            .map(|(bundle, ids)| titles(bundle, ids))
            .collect();
        Ok(FluentLocalizer {
            declared,
            locales,
            bundles,
            chains,
            broken,
            titles,
            isolating: self.use_isolating,
        })
    }
}

impl FluentLocalizer {
    /// A builder: add each locale's sources, the default first.
    ///
    /// ```
    /// use apifault::i18n::FluentLocalizer;
    ///
    /// let localizer = FluentLocalizer::builder()
    ///     .locale("en", "not-found = Case { $id } not found.")
    ///     .locale("de", "not-found = Fall { $id } nicht gefunden.")
    ///     .build()
    ///     .unwrap();
    /// # let _ = localizer;
    /// ```
    pub fn builder() -> FluentLocalizerBuilder {
        FluentLocalizerBuilder::default()
    }

    fn index(&self, locale: &LanguageIdentifier) -> Option<usize> {
        self.locales
            .iter()
            .position(|own| core::ptr::eq(own, locale))
            .or_else(|| self.locales.iter().position(|own| own == locale))
    }
}

impl Localizer for FluentLocalizer {
    fn locales(&self) -> &[LanguageIdentifier] {
        &self.locales
    }

    fn message(
        &self,
        locale: &LanguageIdentifier,
        key: Key<'_>,
        arguments: &Arguments,
    ) -> Option<Cow<'_, str>> {
        let start = self.index(locale).unwrap_or(0);
        let id = message_id(key);
        // Built only for a pattern the fast path does not write.
        let mut args: Option<FluentArgs<'_>> = None;
        for &index in &self.chains[start] {
            let bundle = &self.bundles[index];
            let Some(pattern) = bundle.get_message(&id).and_then(|message| message.value()) else {
                translation_missing("message in this locale", key.code(), &self.locales[index]);
                continue;
            };
            let mut errors = Vec::new();
            let simple = if self.isolating {
                Simple::Other
            } else {
                simple(pattern, arguments)
            };
            let text =
                if let [ast::PatternElement::TextElement { value }] = pattern.elements.as_slice() {
                    Cow::Borrowed(*value)
                } else if let Simple::Written(text) = simple {
                    Cow::Owned(text)
                } else if let Simple::Unresolved = simple {
                    translation_missing(
                        "message in this locale (it does not resolve)",
                        key.code(),
                        &self.locales[index],
                    );
                    continue;
                } else {
                    let args = args.get_or_insert_with(|| {
                        let mut args = FluentArgs::with_capacity(arguments.len());
                        for (name, value) in arguments.iter() {
                            args.set(name, fluent_value(value));
                        }
                        args
                    });
                    // Written once into a buffer of a sentence's size.
                    let mut text = String::with_capacity(96);
                    if bundle
                        .write_pattern(&mut text, pattern, Some(args), &mut errors)
                        .is_err()
                    {
                        continue;
                    }
                    Cow::Owned(text)
                };
            if errors.is_empty() {
                return Some(text);
            }
            translation_missing(
                "message in this locale (it does not resolve)",
                key.code(),
                &self.locales[index],
            );
        }
        None
    }

    fn title(&self, locale: &LanguageIdentifier, code: &str) -> Option<&str> {
        let start = self.index(locale).unwrap_or(0);
        let id = fluent_id(code);
        self.chains[start].iter().find_map(|&index| {
            let titles = &self.titles[index];
            titles
                .binary_search_by(|(own, _)| own.as_str().cmp(&id))
                .ok()
                .map(|at| titles[at].1.as_str())
        })
    }

    fn declared(&self) -> Option<&LanguageIdentifier> {
        self.declared.as_ref()
    }

    fn translation(&self, locale: &LanguageIdentifier, key: Key<'_>) -> Translation {
        let Some(index) = self.index(locale) else {
            return Translation::Missing;
        };
        let id = message_id(key);
        if let Some(error) = self.broken[index].get(id.as_ref()) {
            return Translation::Unparsable {
                error: error.clone(),
            };
        }
        let bundle = &self.bundles[index];
        let Some(message) = bundle.get_message(&id) else {
            return Translation::Missing;
        };
        let pattern = match key {
            Key::Title(_) => message.get_attribute("title").map(|title| title.value()),
            Key::Message(_) | Key::ViolationMessage(_) => message.value(),
        };
        let Some(pattern) = pattern else {
            return Translation::Missing;
        };
        let mut arguments = Vec::new();
        variables(bundle, pattern, &mut arguments, 0);
        Translation::Found { arguments }
    }
}

/// An argument's text as a Fluent value: a number when it reads as one and writes back the
/// same (`3`, `2.50`), so plurals and `NUMBER()` apply, else a string (`007` stays as it
/// is).
/// What [`simple`] made of a pattern.
enum Simple {
    /// The pattern has more than text and variable references: Fluent's resolver writes it.
    Other,
    /// A variable the arguments do not hold: the pattern does not resolve.
    Unresolved,
    /// The text, as Fluent writes it.
    Written(String),
}

/// A pattern of text and variable references (`Der Fall { $id } …`), the most common
/// kind, written as Fluent's resolver writes it without isolation marks: each text as it
/// is, each argument's text as it is (an integer argument formats back to the same digits,
/// see [`fluent_value`] and [`integer`]).
fn simple(pattern: &ast::Pattern<&str>, arguments: &Arguments) -> Simple {
    let mut text = String::with_capacity(96);
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
            } => match arguments.get(id.name) {
                // `-0` is the one text whose number Fluent writes otherwise (`0`).
                Some("-0") => return Simple::Other,
                Some(value) => text.push_str(value),
                None => return Simple::Unresolved,
            },
            ast::PatternElement::Placeable { .. } => return Simple::Other,
        }
    }
    Simple::Written(text)
}

fn fluent_value(text: &str) -> FluentValue<'_> {
    // An integer as Rust prints one (no sign `+`, no leading zero), exact in an `f64`: a
    // number without the round trip's formatting.
    let digits = text.strip_prefix('-').unwrap_or(text);
    if (1..=15).contains(&digits.len())
        && digits.bytes().all(|byte| byte.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && let Ok(value) = text.parse::<i64>()
    {
        #[allow(clippy::cast_precision_loss)] // 15 digits at most: exact.
        return FluentValue::Number(FluentNumber::new(
            value as f64,
            FluentNumberOptions::default(),
        ));
    }
    if let Ok(number) = FluentNumber::from_str(text)
        && number.as_string() == text
    {
        return FluentValue::Number(number);
    }
    FluentValue::String(Cow::Borrowed(text))
}

/// An integral number without formatting options as an integer: what Fluent writes, without
/// its shortest-float formatting.
fn integer<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    match value {
        FluentValue::Number(number)
            if number.value.fract() == 0.0
                && number.value.abs() < EXACT
                && number.options == FluentNumberOptions::default() =>
        {
            #[allow(clippy::cast_possible_truncation)] // integral and below 2^53: exact.
            Some((number.value as i64).to_string())
        }
        _ => None,
    }
}

/// The bundles `locale` asks in turn: itself, each parent it has (variants, then region,
/// then script dropped), then the default; none after the declared locale, whose missing
/// texts are the declared ones.
fn chain(
    locale: &LanguageIdentifier,
    locales: &[LanguageIdentifier],
    declared: Option<&LanguageIdentifier>,
) -> Vec<usize> {
    let mut chain = Vec::new();
    let mut done = false;
    let mut push = |candidate: &LanguageIdentifier| {
        if done {
            return;
        }
        if let Some(index) = locales.iter().position(|own| own == candidate)
            && !chain.contains(&index)
        {
            chain.push(index);
            done = declared == Some(candidate);
        }
    };
    let mut parent = locale.clone();
    push(&parent);
    parent.clear_variants();
    push(&parent);
    parent.region = None;
    push(&parent);
    parent.script = None;
    push(&parent);
    if let Some(default) = locales.first() {
        push(default);
    }
    chain
}

/// The `.title` of each message `ids` names, resolved once.
fn titles(bundle: &FluentBundle<FluentResource>, ids: &[String]) -> Vec<(String, String)> {
    let mut titles: Vec<(String, String)> = Vec::new();
    for id in ids {
        let Some(title) = bundle
            .get_message(id)
            .and_then(|message| message.get_attribute("title"))
        else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(title.value(), None, &mut errors);
        if errors.is_empty() && !titles.iter().any(|(own, _)| own == id) {
            titles.push((id.clone(), text.into_owned()));
        }
    }
    titles.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    titles
}

/// The id of the entry a parser error is in, and the error's message with its line.
fn broken_entry(source: &str, error: &fluent_syntax::parser::ParserError) -> (String, String) {
    let range = error.slice.clone().unwrap_or_else(|| error.pos.clone());
    let start = range.start.min(source.len());
    let entry = source.get(start..).unwrap_or_default().trim_start();
    let id = entry
        .split(['=', '\n'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    let line = source
        .get(..error.pos.start.min(source.len()))
        .map_or(1, |before| before.lines().count().max(1));
    (id, format!("line {line}: {}", error.kind))
}

/// The variables `pattern` reads, each once, following the messages it references (to a
/// depth of 8, against cycles).
fn variables(
    bundle: &FluentBundle<FluentResource>,
    pattern: &ast::Pattern<&str>,
    out: &mut Vec<String>,
    depth: usize,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(bundle, expression, out, depth);
        }
    }
}

fn expression_variables(
    bundle: &FluentBundle<FluentResource>,
    expression: &ast::Expression<&str>,
    out: &mut Vec<String>,
    depth: usize,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(bundle, selector, out, depth);
            for variant in variants {
                variables(bundle, &variant.value, out, depth);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(bundle, inline, out, depth),
    }
}

fn inline_variables(
    bundle: &FluentBundle<FluentResource>,
    inline: &ast::InlineExpression<&str>,
    out: &mut Vec<String>,
    depth: usize,
) {
    match inline {
        ast::InlineExpression::VariableReference { id }
            if !out.iter().any(|known| known == id.name) =>
        {
            out.push(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(bundle, argument, out, depth);
            }
            for argument in &arguments.named {
                inline_variables(bundle, &argument.value, out, depth);
            }
        }
        // A term sees only the arguments it is called with.
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for argument in &arguments.positional {
                inline_variables(bundle, argument, out, depth);
            }
            for argument in &arguments.named {
                inline_variables(bundle, &argument.value, out, depth);
            }
        }
        ast::InlineExpression::MessageReference { id, attribute } if depth < 8 => {
            let Some(message) = bundle.get_message(id.name) else {
                return;
            };
            let pattern = match attribute {
                Some(attribute) => message
                    .get_attribute(attribute.name)
                    .map(|attribute| attribute.value()),
                None => message.value(),
            };
            if let Some(pattern) = pattern {
                variables(bundle, pattern, out, depth + 1);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(bundle, expression, out, depth);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(source: &str) -> FluentBundle<FluentResource> {
        let resource = FluentResource::try_new(source.to_owned()).expect("parses");
        let mut bundle = FluentBundle::new_concurrent(vec!["de".parse().expect("a tag")]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(integer));
        bundle.add_resource(resource).expect("added");
        bundle
    }

    /// The fast path writes what Fluent's resolver writes, whatever the arguments' texts.
    #[test]
    fn simple_patterns_are_written_as_fluent_writes_them() {
        let bundle = bundle("m = Der Fall { $id } von {$owner}: { $state }.\n");
        let pattern = bundle
            .get_message("m")
            .and_then(|message| message.value())
            .expect("a message");
        for value in [
            "42",
            "-7",
            "0",
            "-0",
            "007",
            "1.5",
            "1.50",
            "-2.25",
            "1e3",
            "NaN",
            "inf",
            "9007199254740993",
            "123456789012345678",
            "<b>&\"'",
            "ü\u{202e}\u{2068}",
            "",
        ] {
            let mut arguments = Arguments::new();
            for name in ["id", "owner", "state"] {
                arguments.push(name, value);
            }
            let mut args = FluentArgs::new();
            for (name, text) in arguments.iter() {
                args.set(name, fluent_value(text));
            }
            let mut expected = String::new();
            let mut errors = Vec::new();
            bundle
                .write_pattern(&mut expected, pattern, Some(&args), &mut errors)
                .expect("written");
            assert!(errors.is_empty(), "{errors:?}");
            match simple(pattern, &arguments) {
                Simple::Written(text) => assert_eq!(text, expected, "{value:?}"),
                Simple::Other => assert_eq!(value, "-0", "only -0 goes to Fluent"),
                Simple::Unresolved => panic!("{value:?}: every argument is there"),
            }
        }
        let mut partial = Arguments::new();
        partial.push("id", 1);
        assert!(matches!(simple(pattern, &partial), Simple::Unresolved));
    }

    /// Selectors, terms, functions and literals are Fluent's to write.
    #[test]
    fn other_patterns_go_to_fluent() {
        let bundle = bundle(
            "a = { $n ->\n    [one] eins\n   *[other] viele\n}\nb = { -brand }\n-brand = X\nc = { NUMBER($n) }\nd = { \"literal\" }\n",
        );
        let mut arguments = Arguments::new();
        arguments.push("n", 1);
        for id in ["a", "b", "c", "d"] {
            let pattern = bundle
                .get_message(id)
                .and_then(|message| message.value())
                .expect("a message");
            assert!(matches!(simple(pattern, &arguments), Simple::Other), "{id}");
        }
    }
}

//! The machine code of a variant: `#[code]`, else the name in the `rename_all` case.

use proc_macro2::Span;

use crate::internals::ast::{Input, Variant};
use crate::internals::case::RenameRule;

/// The code and where to point when it is wrong.
pub fn of(input: &Input, variant: &Variant) -> (String, Span) {
    let attrs = input.variant_attrs(variant);
    if let Some(code) = &attrs.code {
        return (code.value(), code.span());
    }
    let rule = input
        .attrs
        .rename_all
        .as_ref()
        .map_or(RenameRule::Snake, |(rule, _)| *rule);
    (rule.apply(&variant.name()), variant.ident.span())
}

/// The field a code written as a template (`"{kind}"`) would interpolate: a code is fixed
/// text, and a code decided at run time is a field's (`#[api_error(code)]`).
pub fn placeholder(code: &str) -> Option<&str> {
    let (_, rest) = code.split_once('{')?;
    let (name, _) = rest.split_once('}')?;
    let name = name.split(':').next().unwrap_or(name).trim();
    (!name.is_empty()).then_some(name)
}

/// Why a code is not allowed, if it is not: codes travel in URLs, logs and client
/// `match`es, so they are kept to `A-Z a-z 0-9 - _ .`.
pub fn invalid(code: &str) -> Option<String> {
    if code.is_empty() {
        return Some("the code is empty".to_owned());
    }
    code.chars().find(|&c| !allowed(c)).map(|bad| {
        let bad = match bad {
            ' ' => "a space".to_owned(),
            _ => format!("{bad:?}"),
        };
        format!("the code `{code}` has {bad}, outside `A-Z a-z 0-9 - _ .`")
    })
}

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// The code with each run of other characters made one `-`, offered as the fix.
pub fn repaired(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    for c in code.chars() {
        if allowed(c) {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

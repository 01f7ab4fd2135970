//! The machine code of a variant: `#[code]`, else the name in the `rename_all` case.

use proc_macro2::Span;

use crate::ast::{Input, Variant};
use crate::case::RenameRule;

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

/// Why a code is not allowed, if it is not: codes travel in URLs, logs and client
/// `match`es, so they are kept to `A-Z a-z 0-9 - _ .`.
pub fn invalid(code: &str) -> Option<String> {
    if code.is_empty() {
        Some("the code is empty".to_owned())
    } else if let Some(bad) = code
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        Some(format!(
            "the code `{code}` has `{bad}`, outside `A-Z a-z 0-9 - _ .`"
        ))
    } else {
        None
    }
}

//! The attribute grammar: `#[status]`, `#[code]`, `#[message]`, `#[title]` and the keys of
//! `#[api_error(...)]`, parsed into typed values that keep their spans.

use syn::spanned::Spanned;
use syn::{Attribute, Expr, Lit};

use crate::internals::attr::symbol::{API_ERROR, CODE, MESSAGE, STATUS, TITLE};
use crate::internals::ctxt::Errors;

mod attrs;
mod helper;
mod keys;
mod level;
mod symbol;

pub use attrs::{Attrs, DeclaredMember, Header, Log, Role, SourceKind, With};
pub use level::Level;
pub use symbol::HELPERS;

pub fn parse(attrs: &[Attribute], level: Level, errors: &mut Errors) -> Attrs {
    let mut out = Attrs::default();
    let mut doc_lines = Vec::new();
    for attr in attrs {
        let path = attr.path();
        let Some(ident) = path.get_ident() else {
            continue;
        };
        let name = ident.to_string();
        if name == "doc" {
            if let syn::Meta::NameValue(nv) = &attr.meta
                && let Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                }) = &nv.value
            {
                doc_lines.push(s.value());
            }
            continue;
        }
        if !HELPERS.contains(&name.as_str()) {
            // `#[stauts(404)]`: rustc reports the unknown attribute at the typo, naming
            // `status`; "missing status" would only repeat it.
            out.status_written |= level != Level::Field && misspells_status(&name);
            continue;
        }
        out.status_written |= name == STATUS;
        // Misplaced `#[status]`, `#[code]`, ... are reported as such by their parsers.
        let placed = name == API_ERROR || level.takes_variant_keys();
        if placed && let Err(error) = require_list(attr, &name, level) {
            errors.push(error);
            continue;
        }
        let result = match name.as_str() {
            API_ERROR => {
                attr.parse_nested_meta(|meta| keys::parse_key(&meta, level, &mut out, errors))
            }
            STATUS => helper::parse_status_attr(attr, level, &mut out, errors),
            _ => helper::parse_text_attr(attr, &name, level, &mut out, errors),
        };
        if let Err(error) = result {
            // A broken `#[api_error(...)]` may have held `transparent` or a default status.
            out.status_written |= name == API_ERROR && level != Level::Field;
            errors.push(error);
        }
    }
    out.doc = trim_doc(&doc_lines);
    out
}

/// Whether an attribute name that is none of ours is a misspelling of one that can set
/// the status. The attributes thiserror, serde and rustc read are never taken for one.
fn misspells_status(name: &str) -> bool {
    !matches!(
        name,
        "error" | "source" | "from" | "backtrace" | "serde" | "allow" | "expect" | "warn" | "deny"
    ) && crate::internals::suggest::closest(name, [STATUS, API_ERROR]).is_some()
}

/// `#[name(...)]` with something inside; `#[name]`, `#[name()]` and `#[name = ...]` are
/// answered with the form to write.
fn require_list(attr: &Attribute, name: &str, level: Level) -> syn::Result<()> {
    let example = match (name, level) {
        (STATUS, _) => "#[status(404)]",
        (CODE, _) => "#[code(\"not-found\")]",
        (MESSAGE, _) => "#[message(\"...\")]",
        (TITLE, _) => "#[title(\"...\")]",
        (_, Level::Field) => "#[api_error(expose)]",
        (_, Level::Variant) => "#[api_error(transparent)]",
        (_, Level::Enum | Level::Struct) => "#[api_error(rename_all = \"kebab-case\")]",
    };
    match &attr.meta {
        syn::Meta::List(list) if list.tokens.is_empty() => Err(syn::Error::new(
            list.delimiter.span().join(),
            if name == API_ERROR {
                format!("`#[api_error()]` is empty: add a key, such as `{example}`, or remove it")
            } else {
                format!("`#[{name}()]` is empty: write `{example}`")
            },
        )),
        syn::Meta::List(_) => Ok(()),
        syn::Meta::Path(path) => Err(syn::Error::new(
            path.span(),
            format!("`#[{name}]` needs arguments: write `{example}`"),
        )),
        syn::Meta::NameValue(meta) => Err(syn::Error::new(
            meta.eq_token.span,
            format!("`#[{name} = ...]` is not supported: write `{example}`"),
        )),
    }
}

fn trim_doc(lines: &[String]) -> String {
    let lines: Vec<&str> = lines
        .iter()
        // `split`, not `lines`: a blank `///` line is an empty string, which `lines` drops,
        // and it separates paragraphs.
        .flat_map(|l| l.split('\n'))
        .map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end())
        .collect();
    lines.join("\n").trim().to_owned()
}

//! The attribute grammar: `#[status]`, `#[code]`, `#[message]`, `#[title]` and the keys of
//! `#[api_error(...)]`, parsed into typed values that keep their spans.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Lit, LitBool, LitStr};

use crate::internals::case::RenameRule;
use crate::internals::ctxt::Errors;
use crate::internals::part::PartName;
use crate::internals::status::{Status, parse_status_value};
use crate::internals::template::{self, Template};

pub mod keys;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Enum,
    Variant,
    /// A struct item takes the type-level and the variant-level attributes.
    Struct,
    Field,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Self::Enum => "an enum",
            Self::Variant => "a variant",
            Self::Struct => "a struct",
            Self::Field => "a field",
        }
    }

    pub fn takes_type_keys(self) -> bool {
        matches!(self, Self::Enum | Self::Struct)
    }

    pub fn takes_variant_keys(self) -> bool {
        matches!(self, Self::Variant | Self::Struct)
    }
}

pub struct Header {
    pub name: LitStr,
    pub value: Template,
}

/// Which JSON:API `source` member a variant's `source(kind = "...")` fills.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Pointer,
    Parameter,
    Header,
}

impl SourceKind {
    /// Each kind under the name `source(...)` takes it by.
    pub const NAMED: [(&str, Self); 3] = [
        ("pointer", Self::Pointer),
        ("parameter", Self::Parameter),
        ("header", Self::Header),
    ];

    /// The runtime `Part` that carries it.
    pub fn part(self) -> PartName {
        match self {
            Self::Pointer => PartName::SourcePointer,
            Self::Parameter => PartName::SourceParameter,
            Self::Header => PartName::SourceHeader,
        }
    }
}

pub struct Source {
    pub kind: SourceKind,
    pub value: Template,
}

pub struct Expose {
    pub name: Option<LitStr>,
    pub span: Span,
}

// The attributes the derive reads, each named once here. `lib.rs` must list them too, in
// `#[proc_macro_derive]`, which takes no constant: a test keeps the two equal.
pub const STATUS: &str = "status";
pub const CODE: &str = "code";
pub const MESSAGE: &str = "message";
pub const TITLE: &str = "title";
pub const API_ERROR: &str = "api_error";
pub const HELPERS: [&str; 5] = [STATUS, CODE, MESSAGE, TITLE, API_ERROR];

/// Every attribute of one item, variant or field; which ones may be set depends on the level.
#[derive(Default)]
pub struct Attrs {
    pub rename_all: Option<(RenameRule, LitStr)>,
    pub format: Option<syn::Path>,
    pub type_base: Option<LitStr>,
    pub default_status: Option<Status>,
    pub krate: Option<syn::Path>,
    pub code_in_body: Option<LitBool>,

    pub status: Option<Status>,
    /// A status was written here, even if invalid or misplaced: "missing status" would
    /// only repeat that error.
    pub status_written: bool,
    pub code: Option<LitStr>,
    pub message: Option<Template>,
    pub title: Option<LitStr>,
    pub transparent: Option<Span>,
    pub type_uri: Option<Template>,
    pub instance: Option<Template>,
    pub link: Option<Template>,
    pub headers: Vec<Header>,
    pub id: Option<Template>,
    pub source: Option<Source>,
    /// The first attribute of ours, for errors about the variant as a whole.
    pub any_span: Option<Span>,
    pub doc: String,

    pub expose: Option<Expose>,
    pub violations: Option<Span>,
}

/// What a template of a variant writes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Part(PartName),
    Header,
}

impl Attrs {
    /// Every template of a variant with what it writes, the parts in `Part` order, then
    /// the headers: the one list the checks, the bounds and the expansion read.
    pub fn templates(&self) -> impl Iterator<Item = (Role, &Template)> {
        [
            (PartName::Message, self.message.as_ref()),
            (PartName::Type, self.type_uri.as_ref()),
            (PartName::Instance, self.instance.as_ref()),
            (PartName::Link, self.link.as_ref()),
            (PartName::Id, self.id.as_ref()),
        ]
        .into_iter()
        .chain(
            self.source
                .iter()
                .map(|source| (source.kind.part(), Some(&source.value))),
        )
        .filter_map(|(part, template)| Some((Role::Part(part), template?)))
        .chain(
            self.headers
                .iter()
                .map(|header| (Role::Header, &header.value)),
        )
    }

    /// The template that writes `part`, if the variant has one.
    pub fn template_of(&self, part: PartName) -> Option<&Template> {
        self.templates()
            .find_map(|(role, template)| (role == Role::Part(part)).then_some(template))
    }
}

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
        out.any_span.get_or_insert(attr.span());
        out.status_written |= name == STATUS;
        // Misplaced `#[status]`, `#[code]`, ... are reported as such by their parsers.
        let placed = name == API_ERROR || level.takes_variant_keys();
        if placed && let Err(error) = require_list(attr, &name, level) {
            errors.push(error);
            continue;
        }
        let result = match name.as_str() {
            API_ERROR => attr.parse_nested_meta(|meta| {
                crate::internals::attr::keys::parse_key(&meta, level, &mut out, errors)
            }),
            STATUS => parse_status_attr(attr, level, &mut out, errors),
            _ => parse_text_attr(attr, &name, level, &mut out, errors),
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

pub fn set<T>(slot: &mut Option<T>, value: T, span: Span, what: &str, errors: &mut Errors) {
    if slot.is_some() {
        errors.at(span, format!("{what} is given twice: keep one"));
    } else {
        *slot = Some(value);
    }
}

fn misplaced(span: Span, what: &str, level: Level, instead: &str) -> syn::Error {
    syn::Error::new(
        span,
        format!("{what} does not go on {}: {instead}", level.name()),
    )
}

fn parse_status_attr(
    attr: &Attribute,
    level: Level,
    out: &mut Attrs,
    errors: &mut Errors,
) -> syn::Result<()> {
    match level {
        Level::Enum => {
            return Err(misplaced(
                attr.path().span(),
                "`#[status]`",
                level,
                "put it on each variant, or set a default with `#[api_error(status = 500)]`",
            ));
        }
        Level::Field => {
            return Err(misplaced(
                attr.path().span(),
                "`#[status]`",
                level,
                "put it on the variant",
            ));
        }
        Level::Variant | Level::Struct => {}
    }
    let status = attr.parse_args_with(|input: syn::parse::ParseStream| {
        let status = parse_status_value(input)?;
        if !input.is_empty() {
            return Err(input.error("expected one status: write `#[status(404)]`"));
        }
        Ok(status)
    })?;
    set(&mut out.status, status, status.span, "`#[status]`", errors);
    Ok(())
}

fn parse_text_attr(
    attr: &Attribute,
    name: &str,
    level: Level,
    out: &mut Attrs,
    errors: &mut Errors,
) -> syn::Result<()> {
    if !level.takes_variant_keys() {
        let instead = if level == Level::Field {
            "put it on the variant"
        } else {
            "put it on each variant"
        };
        return Err(misplaced(
            attr.path().span(),
            &format!("`#[{name}]`"),
            level,
            instead,
        ));
    }
    let lit: LitStr = attr.parse_args_with(|input: syn::parse::ParseStream| {
        let lit: LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("expected a string: write `#[{name}(\"...\")]`"),
            )
        })?;
        if !input.is_empty() {
            let fix = if name == MESSAGE {
                "`#[message]` takes one string, with fields interpolated inside it: \
                    write `#[message(\"... {field} ...\")]`"
            } else if name == CODE {
                "`#[code]` takes one string: write `#[code(\"not-found\")]`"
            } else {
                "`#[title]` takes one string: write `#[title(\"...\")]`"
            };
            return Err(input.error(fix));
        }
        Ok(lit)
    })?;
    let span = lit.span();
    match name {
        CODE => set(&mut out.code, lit, span, "`#[code]`", errors),
        TITLE => set(&mut out.title, lit, span, "`#[title]`", errors),
        _ => set(
            &mut out.message,
            template::parse(lit, MESSAGE)?,
            span,
            "`#[message]`",
            errors,
        ),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// `#[proc_macro_derive(ApiError, attributes(...))]` takes no constant, so `lib.rs`
    /// spells the helper names out: they must be the ones the parser reads.
    #[test]
    fn lib_declares_the_helpers_the_parser_reads() {
        let lib = include_str!("../../lib.rs");
        let declared = lib
            .split_once("attributes(")
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(list, _)| list.split(',').map(str::trim).collect::<Vec<_>>());
        assert_eq!(declared.as_deref(), Some(&super::HELPERS[..]));
    }
}

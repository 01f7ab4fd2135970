//! The keys of `#[api_error(...)]` at each level, each parsed into its typed value.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{LitStr, Token, meta::ParseNestedMeta};

use crate::attr::{
    Attrs, Expose, FIELD_KEYS, Header, Level, Source, SourceKind, TYPE_KEYS, VARIANT_KEYS,
    parse_status_value, set,
};
use crate::case::{self, RenameRule};
use crate::diag::Errors;
use crate::suggest;
use crate::template;

pub fn parse_key(
    meta: &ParseNestedMeta,
    level: Level,
    out: &mut Attrs,
    errors: &mut Errors,
) -> syn::Result<()> {
    let key = meta.path.get_ident().map_or_else(
        || {
            quote::ToTokens::to_token_stream(&meta.path)
                .to_string()
                .replace(' ', "")
        },
        |i| i.to_string().trim_start_matches("r#").to_owned(),
    );
    let span = meta.path.span();
    out.status_written |= key == "status";
    let allowed = (level.takes_type_keys()
        && TYPE_KEYS.contains(&key.as_str())
        && !(key == "status" && level == Level::Struct))
        || (level.takes_variant_keys() && VARIANT_KEYS.contains(&key.as_str()))
        || (level == Level::Field && FIELD_KEYS.contains(&key.as_str()));
    if !allowed {
        return Err(unknown_key(&key, span, level));
    }
    match key.as_str() {
        "rename_all" => {
            let lit = string_value(meta, "rename_all", "kebab-case")?;
            match RenameRule::from_name(&lit.value()) {
                Some(rule) => set(
                    &mut out.rename_all,
                    (rule, lit.clone()),
                    span,
                    "`rename_all`",
                    errors,
                ),
                None => {
                    let names: Vec<String> = case::NAMES
                        .iter()
                        .map(|(n, _)| format!("\"{n}\""))
                        .collect();
                    let hint = suggest::closest(&lit.value(), case::NAMES.iter().map(|(n, _)| *n))
                        .map(|rule| format!("did you mean \"{rule}\"? "))
                        .unwrap_or_default();
                    errors.at(
                        lit.span(),
                        format!(
                            "unknown `rename_all` rule {:?}: {hint}use one of {}",
                            lit.value(),
                            names.join(", ")
                        ),
                    );
                }
            }
        }
        "format" => set(
            &mut out.format,
            parse_path(meta, "format", "apifault::JsonApi")?,
            span,
            "`format`",
            errors,
        ),
        "crate" => set(
            &mut out.krate,
            parse_path(meta, "crate", "::apifault")?,
            span,
            "`crate`",
            errors,
        ),
        "type_base" => set(
            &mut out.type_base,
            string_value(meta, "type_base", "https://docs.example.com/errors/")?,
            span,
            "`type_base`",
            errors,
        ),
        "code_in_body" => set(
            &mut out.code_in_body,
            meta.value().and_then(|value| value.parse()).map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected `true` or `false`: write `code_in_body = false`",
                )
            })?,
            span,
            "`code_in_body`",
            errors,
        ),
        "status" => set(
            &mut out.default_status,
            meta.value()
                .map_err(|e| syn::Error::new(e.span(), "expected a status: write `status = 500`"))
                .and_then(parse_status_value)?,
            span,
            "the default `status`",
            errors,
        ),
        "transparent" => {
            flag(meta, "write `#[api_error(transparent)]`")?;
            set(&mut out.transparent, span, span, "`transparent`", errors);
        }
        "type" => set(
            &mut out.type_uri,
            template::parse(
                string_value(meta, "type", "https://docs.example.com/errors/{field}")?,
                "type",
            )?,
            span,
            "`type`",
            errors,
        ),
        "instance" => set(
            &mut out.instance,
            template::parse(string_value(meta, "instance", "/cases/{id}")?, "instance")?,
            span,
            "`instance`",
            errors,
        ),
        "link" => set(
            &mut out.link,
            template::parse(
                string_value(meta, "link", "https://docs.example.com/errors/{field}")?,
                "link",
            )?,
            span,
            "`link`",
            errors,
        ),
        "id" => set(
            &mut out.id,
            template::parse(meta.value()?.parse()?, "id")?,
            span,
            "`id`",
            errors,
        ),
        "source" => {
            let source = parse_source(meta)?;
            set(&mut out.source, source, span, "`source`", errors);
        }
        "header" => {
            const EXPECTED: &str = "expected `header(\"Name\" = \"value\")`";
            if !meta.input.peek(syn::token::Paren) {
                return Err(syn::Error::new(meta.input.span(), EXPECTED));
            }
            let content;
            syn::parenthesized!(content in meta.input);
            let name: LitStr = content.parse().map_err(|e| {
                syn::Error::new(e.span(), "expected `header(\"Name\" = \"value\")`")
            })?;
            content.parse::<Token![=]>().map_err(|e| {
                syn::Error::new(e.span(), "expected `header(\"Name\" = \"value\")`")
            })?;
            let value: LitStr = content.parse().map_err(|e| {
                syn::Error::new(e.span(), "expected `header(\"Name\" = \"value\")`")
            })?;
            if !content.is_empty() {
                return Err(content.error(
                    "one header per `header(...)`: write `header(\"A\" = \"1\"), header(\"B\" = \"2\")`",
                ));
            }
            out.headers.push(Header {
                name,
                value: template::parse(value, "header value")?,
            });
        }
        "expose" => {
            let name = if meta.input.peek(Token![=]) {
                Some(string_value(meta, "expose", "name")?)
            } else {
                flag(
                    meta,
                    "write `#[api_error(expose)]` or `#[api_error(expose = \"name\")]`",
                )?;
                None
            };
            set(
                &mut out.expose,
                Expose { name, span },
                span,
                "`expose`",
                errors,
            );
        }
        "violations" => {
            flag(meta, "write `#[api_error(violations)]`")?;
            set(&mut out.violations, span, span, "`violations`", errors);
        }
        // The level table above lets only these keys through.
        _ => {}
    }
    Ok(())
}

/// `key = "..."`, or an error showing that form.
fn string_value(meta: &ParseNestedMeta, key: &str, example: &str) -> syn::Result<LitStr> {
    let expected = |e: syn::Error| {
        syn::Error::new(
            e.span(),
            format!("expected a string: write `{key} = \"{example}\"`"),
        )
    };
    meta.value().map_err(expected)?.parse().map_err(expected)
}

/// A key that stands alone (`transparent`), with `fix` saying how to write it.
fn flag(meta: &ParseNestedMeta, fix: &str) -> syn::Result<()> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        return Ok(());
    }
    let key = quote::ToTokens::to_token_stream(&meta.path).to_string();
    Err(syn::Error::new(
        meta.input.span(),
        format!("`{key}` takes no value: {fix}"),
    ))
}

/// `source(pointer = "/data/attributes/{field}")`, `source(parameter = "...")` or
/// `source(header = "...")`: exactly one.
fn parse_source(meta: &ParseNestedMeta) -> syn::Result<Source> {
    let expected = "expected one of `source(pointer = \"/data/attributes/name\")`, `source(parameter = \"filter\")` or `source(header = \"If-Match\")`";
    let mut source: Option<Source> = None;
    meta.parse_nested_meta(|inner| {
        let key = inner.path.get_ident().map(ToString::to_string).unwrap_or_default();
        let kind = match key.as_str() {
            "pointer" => SourceKind::Pointer,
            "parameter" => SourceKind::Parameter,
            "header" => SourceKind::Header,
            _ => {
                let hint = suggest::hint(&key, SourceKind::NAMES.iter().copied());
                let hint = if hint.is_empty() { format!(": {expected}") } else { hint };
                return Err(syn::Error::new(inner.path.span(), format!("unknown `source` member `{key}`{hint}")));
            }
        };
        if source.is_some() {
            return Err(syn::Error::new(inner.path.span(), "`source` names one member of the request: keep one of `pointer`, `parameter` and `header`"));
        }
        let value: LitStr = inner.value()?.parse()?;
        source = Some(Source { kind, value: template::parse(value, &key)? });
        Ok(())
    })?;
    source.ok_or_else(|| syn::Error::new(meta.path.span(), expected))
}

/// `key = path`, or the same path quoted as serde accepts it (`key = "path"`).
fn parse_path(meta: &ParseNestedMeta, key: &str, example: &str) -> syn::Result<syn::Path> {
    let expected =
        |span| syn::Error::new(span, format!("expected a path: write `{key} = {example}`"));
    let value = meta.value().map_err(|e| expected(e.span()))?;
    if value.peek(LitStr) {
        let lit: LitStr = value.parse()?;
        return lit.parse::<syn::Path>().map_err(|_| expected(lit.span()));
    }
    value.parse().map_err(|e| expected(e.span()))
}

fn unknown_key(key: &str, span: Span, level: Level) -> syn::Error {
    let mut here: Vec<&str> = Vec::new();
    if level.takes_type_keys() {
        here.extend(
            TYPE_KEYS
                .iter()
                .filter(|k| !(**k == "status" && level == Level::Struct)),
        );
    }
    if level.takes_variant_keys() {
        here.extend(VARIANT_KEYS);
    }
    if level == Level::Field {
        here.extend(FIELD_KEYS);
    }
    let elsewhere = if FIELD_KEYS.contains(&key) {
        Some("it goes on a field")
    } else if VARIANT_KEYS.contains(&key) {
        Some("it goes on a variant")
    } else if key == "status" && level == Level::Variant {
        Some("write `#[status(404)]` on the variant")
    } else if key == "status" {
        Some("write `#[status(404)]` on the struct")
    } else if TYPE_KEYS.contains(&key) {
        Some("it goes on the enum or struct")
    } else {
        None
    };
    let message = match elsewhere {
        Some(instead) => format!("`{key}` does not go on {}: {instead}", level.name()),
        None => {
            let hint = suggest::hint(key, here.iter().copied());
            let hint = if hint.is_empty() {
                format!(
                    ": expected one of {}",
                    here.iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            } else {
                hint
            };
            format!("unknown `api_error` key `{key}`{hint}")
        }
    };
    syn::Error::new(span, message)
}

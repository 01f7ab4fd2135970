//! The attributes of ours besides `#[api_error(...)]`: `#[status(...)]`, `#[code(...)]`,
//! `#[message(...)]` and `#[title(...)]`, each parsed into its value.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr};

use crate::internals::attr::attrs::{Attrs, set};
use crate::internals::attr::level::Level;
use crate::internals::attr::symbol::{CODE, MESSAGE, TITLE};
use crate::internals::ctxt::Errors;
use crate::internals::status::parse_status_value;
use crate::internals::template;

fn misplaced(span: Span, what: &str, level: Level, instead: &str) -> syn::Error {
    syn::Error::new(
        span,
        format!("{what} does not go on {}: {instead}", level.name()),
    )
}

pub fn parse_status_attr(
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

pub fn parse_text_attr(
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
    let (lit, shared, extra) = attr.parse_args_with(|input: syn::parse::ParseStream| {
        let lit: LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                format!("expected a string: write `#[{name}(\"...\")]`"),
            )
        })?;
        let shared = if name == CODE && input.peek(syn::Token![,]) {
            Some(parse_shared(input)?)
        } else {
            None
        };
        // thiserror's extra format arguments: `#[message("{}", .items.len())]`.
        let extra = if name == MESSAGE {
            template::parse_extra(input)?
        } else {
            Vec::new()
        };
        if !input.is_empty() {
            let fix = if name == MESSAGE {
                "`#[message]` takes a string, with fields interpolated inside it, and format \
                    arguments: write `#[message(\"... {field} ...\")]` or \
                    `#[message(\"... {} ...\", .field.len())]`"
            } else if name == CODE {
                "`#[code]` takes one string, and `shared` when other variants use the code \
                    too: write `#[code(\"not-found\")]` or `#[code(\"BAD_REQUEST\", shared)]`"
            } else {
                "`#[title]` takes one string: write `#[title(\"...\")]`"
            };
            return Err(input.error(fix));
        }
        Ok((lit, shared, extra))
    })?;
    let span = lit.span();
    match name {
        CODE => {
            if out.code.is_none()
                && let Some(shared) = shared
            {
                out.code_shared = Some(shared);
            }
            set(&mut out.code, lit, span, "`#[code]`", errors);
        }
        TITLE => set(&mut out.title, lit, span, "`#[title]`", errors),
        _ => set(
            &mut out.message,
            template::with_args(lit, extra, MESSAGE)?,
            span,
            "`#[message]`",
            errors,
        ),
    }
    Ok(())
}

/// `, shared` after the code: the variant shares it with others on purpose.
fn parse_shared(input: syn::parse::ParseStream) -> syn::Result<Span> {
    const EXPECTED: &str = "expected `shared`: write `#[code(\"BAD_REQUEST\", shared)]` when \
        several variants answer with one code";
    input.parse::<syn::Token![,]>()?;
    let ident: syn::Ident = input
        .parse()
        .map_err(|e| syn::Error::new(e.span(), EXPECTED))?;
    if ident != "shared" {
        let hint = crate::internals::suggest::hint(&ident.to_string(), ["shared"]);
        let message = if hint.is_empty() {
            EXPECTED.to_owned()
        } else {
            format!("unknown `#[code]` option `{ident}`{hint}")
        };
        return Err(syn::Error::new(ident.span(), message));
    }
    Ok(ident.span())
}

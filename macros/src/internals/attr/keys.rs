//! The keys of `#[api_error(...)]` at each level, each parsed into its typed value.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{LitStr, Token, meta::ParseNestedMeta};

use crate::internals::attr::attrs::{
    Attrs, DeclaredMember, Expose, Header, Listed, Log, Source, SourceKind, With, Wrapper, set,
};
use crate::internals::attr::level::Level;
use crate::internals::case::{self, RenameRule};
use crate::internals::ctxt::Errors;
use crate::internals::grpc::{self, GrpcCodeName};
use crate::internals::status::{Status, parse_status_value};
use crate::internals::suggest;
use crate::internals::template;

/// A key of `#[api_error(...)]`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    RenameAll,
    Format,
    TypeBase,
    DefaultStatus,
    Crate,
    CodeInBody,
    NoMessage,
    FrameworkImpls,
    Log,
    Wrapper,
    Transparent,
    InnerFormat,
    Type,
    Instance,
    Link,
    Header,
    OmitHeader,
    Id,
    Source,
    Expose,
    Violations,
    Statuses,
    Codes,
    RuntimeStatus,
    RuntimeCode,
    Negotiate,
    Member,
    NoBody,
    Body,
    GrpcDomain,
    GrpcCode,
    GrpcCodes,
    CodeHeader,
}

/// The items a key goes on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The enum or the struct.
    Type,
    /// A variant or the struct.
    Variant,
    /// The enum (the default of every variant), a variant (for itself) or the struct.
    TypeOrVariant,
    Field,
    /// The struct only.
    Struct,
}

/// Every key, as written and where it goes: the one table the parser and its errors read,
/// in the order "expected one of" lists them.
const KEYS: [(&str, Key, Place); 33] = [
    ("rename_all", Key::RenameAll, Place::Type),
    ("format", Key::Format, Place::TypeOrVariant),
    ("type_base", Key::TypeBase, Place::Type),
    ("status", Key::DefaultStatus, Place::Type),
    ("crate", Key::Crate, Place::Type),
    ("code_in_body", Key::CodeInBody, Place::TypeOrVariant),
    ("no_message", Key::NoMessage, Place::TypeOrVariant),
    ("framework_impls", Key::FrameworkImpls, Place::Type),
    ("log", Key::Log, Place::TypeOrVariant),
    ("wrapper", Key::Wrapper, Place::Struct),
    ("transparent", Key::Transparent, Place::Variant),
    ("inner_format", Key::InnerFormat, Place::Variant),
    ("type", Key::Type, Place::Variant),
    ("instance", Key::Instance, Place::Variant),
    ("link", Key::Link, Place::Variant),
    ("header", Key::Header, Place::TypeOrVariant),
    ("omit_header", Key::OmitHeader, Place::TypeOrVariant),
    ("id", Key::Id, Place::Variant),
    ("source", Key::Source, Place::Variant),
    ("expose", Key::Expose, Place::Field),
    ("violations", Key::Violations, Place::Field),
    ("statuses", Key::Statuses, Place::Variant),
    ("codes", Key::Codes, Place::Variant),
    ("status", Key::RuntimeStatus, Place::Field),
    ("code", Key::RuntimeCode, Place::Field),
    ("negotiate", Key::Negotiate, Place::Type),
    ("member", Key::Member, Place::TypeOrVariant),
    ("no_body", Key::NoBody, Place::Variant),
    ("body", Key::Body, Place::Field),
    ("grpc_domain", Key::GrpcDomain, Place::Type),
    ("grpc_code", Key::GrpcCode, Place::Variant),
    ("grpc_codes", Key::GrpcCodes, Place::Type),
    ("code_header", Key::CodeHeader, Place::Type),
];

/// The key `name` names on an item of `level`, else the first key of that name (which
/// goes elsewhere): `status` is the default status on the enum, the runtime one on a field.
fn lookup(name: &str, level: Level) -> Option<(Key, Place)> {
    let mut named = KEYS.iter().filter(|(known, ..)| *known == name);
    let first = named.clone().next();
    named
        .find(|&&(_, key, place)| goes_on(key, place, level))
        .or(first)
        .map(|&(_, key, place)| (key, place))
}

/// Whether `key` may be written on an item of `level`; a struct's status is `#[status]`.
fn goes_on(key: Key, place: Place, level: Level) -> bool {
    match place {
        Place::Type => {
            level.takes_type_keys() && !(key == Key::DefaultStatus && level == Level::Struct)
        }
        Place::Variant => level.takes_variant_keys(),
        Place::TypeOrVariant => level != Level::Field,
        Place::Field => level == Level::Field,
        Place::Struct => level == Level::Struct,
    }
}

pub fn parse_key(
    meta: &ParseNestedMeta,
    level: Level,
    out: &mut Attrs,
    errors: &mut Errors,
) -> syn::Result<()> {
    let name = meta.path.get_ident().map_or_else(
        || {
            quote::ToTokens::to_token_stream(&meta.path)
                .to_string()
                .replace(' ', "")
        },
        |i| i.to_string().trim_start_matches("r#").to_owned(),
    );
    let span = meta.path.span();
    let found = lookup(&name, level);
    out.status_written |= found.is_some_and(|(key, _)| key == Key::DefaultStatus);
    let Some((key, _)) = found.filter(|&(key, place)| goes_on(key, place, level)) else {
        return Err(unknown_key(&name, span, level));
    };
    let name = name.as_str();
    let what = format!("`{name}`");
    match key {
        Key::RenameAll => {
            let lit = string_value(meta, name, "kebab-case")?;
            match RenameRule::from_name(&lit.value()) {
                Some(rule) => set(
                    &mut out.rename_all,
                    (rule, lit.clone()),
                    span,
                    &what,
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
        Key::Format => set(
            &mut out.format,
            parse_path(meta, name, "apifault::JsonApi")?,
            span,
            &what,
            errors,
        ),
        Key::Crate => set(
            &mut out.krate,
            parse_path(meta, name, "::apifault")?,
            span,
            &what,
            errors,
        ),
        Key::TypeBase => set(
            &mut out.type_base,
            string_value(meta, name, "https://docs.example.com/errors/")?,
            span,
            &what,
            errors,
        ),
        Key::CodeInBody => set(
            &mut out.code_in_body,
            bool_value(meta, name)?,
            span,
            &what,
            errors,
        ),
        Key::FrameworkImpls => set(
            &mut out.framework_impls,
            bool_value(meta, name)?,
            span,
            &what,
            errors,
        ),
        Key::Log => set(&mut out.log, parse_log(meta)?, span, &what, errors),
        Key::DefaultStatus => set(
            &mut out.default_status,
            meta.value()
                .map_err(|e| syn::Error::new(e.span(), "expected a status: write `status = 500`"))
                .and_then(parse_status_value)?,
            span,
            "the default `status`",
            errors,
        ),
        Key::NoMessage => {
            flag(meta, "write `#[api_error(no_message)]`")?;
            set(&mut out.no_message, span, span, &what, errors);
        }
        Key::Wrapper => {
            let find = if meta.input.peek(syn::token::Paren) {
                parse_find(meta)?
            } else {
                flag(
                    meta,
                    "write `#[api_error(wrapper)]` or `#[api_error(wrapper(find(NotFound)))]`",
                )?;
                Vec::new()
            };
            set(
                &mut out.wrapper,
                Wrapper { span, find },
                span,
                &what,
                errors,
            );
        }
        Key::Transparent => {
            flag(meta, "write `#[api_error(transparent)]`")?;
            set(&mut out.transparent, span, span, &what, errors);
        }
        Key::InnerFormat => {
            flag(meta, "write `#[api_error(transparent, inner_format)]`")?;
            set(&mut out.inner_format, span, span, &what, errors);
        }
        Key::Type => set(
            &mut out.type_uri,
            template_value(meta, name, "https://docs.example.com/errors/{field}")?,
            span,
            &what,
            errors,
        ),
        Key::Instance => set(
            &mut out.instance,
            template_value(meta, name, "/cases/{id}")?,
            span,
            &what,
            errors,
        ),
        Key::Link => set(
            &mut out.link,
            template_value(meta, name, "https://docs.example.com/errors/{field}")?,
            span,
            &what,
            errors,
        ),
        Key::Id => set(
            &mut out.id,
            if meta.input.peek(syn::token::Paren) {
                template_value(meta, name, "{id}")?
            } else {
                template::parse(meta.value()?.parse()?, name)?
            },
            span,
            &what,
            errors,
        ),
        Key::Source => {
            let source = parse_source(meta)?;
            set(&mut out.source, source, span, &what, errors);
        }
        Key::Header => {
            const EXPECTED: &str = "expected `header(\"Name\" = \"value\")`";
            if !meta.input.peek(syn::token::Paren) {
                return Err(syn::Error::new(meta.input.span(), EXPECTED));
            }
            let content;
            syn::parenthesized!(content in meta.input);
            let expected = |e: syn::Error| syn::Error::new(e.span(), EXPECTED);
            let header_name: LitStr = content.parse().map_err(expected)?;
            content.parse::<Token![=]>().map_err(expected)?;
            let value: LitStr = content.parse().map_err(expected)?;
            let extra = template::parse_extra(&content)?;
            if !content.is_empty() {
                return Err(content.error(
                    "one header per `header(...)`: write `header(\"A\" = \"1\"), header(\"B\" = \
                        \"2\")`",
                ));
            }
            out.headers.push(Header {
                name: header_name,
                value: template::with_args(value, extra, "header value")?,
            });
        }
        Key::OmitHeader => {
            const EXPECTED: &str = "expected a header name: write \
                `omit_header(\"WWW-Authenticate\")`";
            if !meta.input.peek(syn::token::Paren) {
                return Err(syn::Error::new(meta.input.span(), EXPECTED));
            }
            let content;
            syn::parenthesized!(content in meta.input);
            let names = content
                .parse_terminated(<LitStr as syn::parse::Parse>::parse, Token![,])
                .map_err(|e| syn::Error::new(e.span(), EXPECTED))?;
            if names.is_empty() {
                return Err(syn::Error::new(span, EXPECTED));
            }
            out.omitted_headers.extend(names);
        }
        Key::Expose => {
            let expose = if meta.input.peek(Token![=]) {
                Expose {
                    name: Some(string_value(meta, name, "name")?),
                    span,
                    null: None,
                    flatten: None,
                    with: None,
                }
            } else if meta.input.peek(syn::token::Paren) {
                parse_expose(meta, span)?
            } else {
                flag(
                    meta,
                    "write `#[api_error(expose)]` or `#[api_error(expose = \"name\")]`",
                )?;
                Expose {
                    name: None,
                    span,
                    null: None,
                    flatten: None,
                    with: None,
                }
            };
            set(&mut out.expose, expose, span, &what, errors);
        }
        Key::Member => {
            const EXPECTED: &str = "expected `member(\"name\" = \"value\")`";
            if !meta.input.peek(syn::token::Paren) {
                return Err(syn::Error::new(meta.input.span(), EXPECTED));
            }
            let content;
            syn::parenthesized!(content in meta.input);
            let expected = |e: syn::Error| syn::Error::new(e.span(), EXPECTED);
            let member_name: LitStr = content.parse().map_err(expected)?;
            content.parse::<Token![=]>().map_err(expected)?;
            let value: LitStr = content.parse().map_err(expected)?;
            if !content.is_empty() {
                return Err(content.error(
                    "one member per `member(...)`: write `member(\"a\" = \"1\"), member(\"b\" = \
                        \"2\")`",
                ));
            }
            out.members.push(DeclaredMember {
                name: member_name,
                value: template::parse(value, "member value")?,
            });
        }
        Key::NoBody => {
            flag(meta, "write `#[api_error(no_body)]`")?;
            set(&mut out.no_body, span, span, &what, errors);
        }
        Key::Body => {
            flag(meta, "write `#[api_error(body)]` on the field")?;
            set(&mut out.body, span, span, &what, errors);
        }
        Key::Violations => {
            flag(meta, "write `#[api_error(violations)]`")?;
            set(&mut out.violations, span, span, &what, errors);
        }
        Key::RuntimeStatus => {
            flag(meta, "write `#[api_error(status)]` on the field")?;
            set(&mut out.runtime_status, span, span, &what, errors);
        }
        Key::RuntimeCode => {
            flag(meta, "write `#[api_error(code)]` on the field")?;
            set(&mut out.runtime_code, span, span, &what, errors);
        }
        Key::Statuses => {
            let items = list(meta, "statuses(502, 503, 504)", parse_status_value)?;
            set(
                &mut out.statuses,
                Listed { span, items },
                span,
                &what,
                errors,
            );
        }
        Key::Codes => {
            let items = list(
                meta,
                "codes(\"M_UNKNOWN\", \"M_FORBIDDEN\")",
                <LitStr as syn::parse::Parse>::parse,
            )?;
            set(&mut out.codes, Listed { span, items }, span, &what, errors);
        }
        Key::Negotiate => {
            let items = list(
                meta,
                "negotiate(apifault::Problem, Html)",
                <syn::Path as syn::parse::Parse>::parse,
            )?;
            set(
                &mut out.negotiate,
                Listed { span, items },
                span,
                &what,
                errors,
            );
        }
        Key::CodeHeader => set(
            &mut out.code_header,
            string_value(meta, name, "x-ms-error-code")?,
            span,
            &what,
            errors,
        ),
        Key::GrpcDomain => set(
            &mut out.grpc_domain,
            string_value(meta, name, "cases.example.com")?,
            span,
            &what,
            errors,
        ),
        Key::GrpcCode => {
            if meta.input.peek(syn::token::Paren) {
                return Err(syn::Error::new(
                    meta.input.span(),
                    "a variant names its one gRPC code: write `grpc_code = ALREADY_EXISTS` \
                        (the enum maps statuses with `grpc_codes(409 = ALREADY_EXISTS)`)",
                ));
            }
            let value = meta.value().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected a gRPC code: write `grpc_code = ALREADY_EXISTS`",
                )
            })?;
            set(
                &mut out.grpc_code,
                grpc::parse_code_name(value)?,
                span,
                &what,
                errors,
            );
        }
        Key::GrpcCodes => {
            if meta.input.peek(Token![=]) {
                return Err(syn::Error::new(
                    meta.input.span(),
                    "the enum maps statuses to gRPC codes: write `grpc_codes(409 = \
                        ALREADY_EXISTS)` (a variant takes `grpc_code = ALREADY_EXISTS`)",
                ));
            }
            let items = list(
                meta,
                "grpc_codes(409 = ALREADY_EXISTS, 422 = INVALID_ARGUMENT)",
                parse_status_to_code,
            )?;
            set(
                &mut out.grpc_codes,
                Listed { span, items },
                span,
                &what,
                errors,
            );
        }
    }
    Ok(())
}

/// `409 = ALREADY_EXISTS`, one item of `grpc_codes(…)`.
fn parse_status_to_code(input: syn::parse::ParseStream) -> syn::Result<(Status, GrpcCodeName)> {
    let status = parse_status_value(input)?;
    input.parse::<Token![=]>().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected `=` and a gRPC code: write `grpc_codes(409 = ALREADY_EXISTS)`",
        )
    })?;
    Ok((status, grpc::parse_code_name(input)?))
}

/// `key(item, item, …)` with at least one item, or an error showing `example`.
fn list<T>(
    meta: &ParseNestedMeta,
    example: &str,
    item: fn(syn::parse::ParseStream) -> syn::Result<T>,
) -> syn::Result<Vec<T>> {
    let expected = |span| syn::Error::new(span, format!("expected a list: write `{example}`"));
    if !meta.input.peek(syn::token::Paren) {
        return Err(expected(meta.input.span()));
    }
    let content;
    let parens = syn::parenthesized!(content in meta.input);
    if content.is_empty() {
        return Err(syn::Error::new(
            parens.span.join(),
            format!("the list is empty: write `{example}`, or remove it"),
        ));
    }
    let items = content.parse_terminated(item, Token![,])?;
    Ok(items.into_iter().collect())
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

/// `key = "template"`, or `key("template", arguments…)` with thiserror's extra format
/// arguments; an error shows the first form.
fn template_value(
    meta: &ParseNestedMeta,
    key: &str,
    example: &str,
) -> syn::Result<template::Template> {
    if !meta.input.peek(syn::token::Paren) {
        return template::parse(string_value(meta, key, example)?, key);
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let template = template::parse_with_args(&content, key).map_err(|e| {
        if e.to_string().starts_with("expected string literal") {
            syn::Error::new(
                e.span(),
                format!("expected a string: write `{key}(\"{example}\", .field)`"),
            )
        } else {
            e
        }
    })?;
    if !content.is_empty() {
        return Err(content.error(format!(
            "expected a format argument: write `{key}(\"{example}\", .field)`"
        )));
    }
    Ok(template)
}

/// `key = false` (or `true`), or an error showing that form.
fn bool_value(meta: &ParseNestedMeta, key: &str) -> syn::Result<syn::LitBool> {
    meta.value().and_then(|value| value.parse()).map_err(|e| {
        syn::Error::new(
            e.span(),
            format!("expected `true` or `false`: write `{key} = false`"),
        )
    })
}

/// `log = "info"` (a level by name), `log = false` or `log = true`.
fn parse_log(meta: &ParseNestedMeta) -> syn::Result<Log> {
    let levels = Log::LEVELS
        .iter()
        .map(|(name, _)| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let expected = |span| {
        syn::Error::new(
            span,
            format!(
                "expected a level or `false`: write `log = \"info\"` (one of {levels}), or `log = \
                    false` for no event"
            ),
        )
    };
    let value = meta.value().map_err(|e| expected(e.span()))?;
    if value.peek(syn::LitBool) {
        return Ok(Log::Flag(value.parse()?));
    }
    if !value.peek(LitStr) {
        return Err(expected(value.span()));
    }
    let lit: LitStr = value.parse()?;
    let name = lit.value();
    if let Some(index) = Log::LEVELS.iter().position(|(level, _)| *level == name) {
        return Ok(Log::Level(index));
    }
    let instead =
        if ["off", "none", "silent", "false"].contains(&name.to_ascii_lowercase().as_str()) {
            "write `log = false` for no event".to_owned()
        } else {
            let hint = suggest::closest(
                &name.to_ascii_lowercase(),
                Log::LEVELS.iter().map(|(level, _)| *level),
            )
            .map(|level| format!("did you mean \"{level}\"? "))
            .unwrap_or_default();
            format!("{hint}write one of {levels}, or `log = false` for no event")
        };
    Err(syn::Error::new(
        lit.span(),
        format!("unknown log level {name:?}: {instead}"),
    ))
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

/// `expose(name = "supportId", null)`, `expose(flatten)`, `expose(with = module)`,
/// `expose(serialize_with = function)`: each option at most once.
fn parse_expose(meta: &ParseNestedMeta, span: Span) -> syn::Result<Expose> {
    const OPTIONS: [&str; 5] = ["name", "null", "flatten", "with", "serialize_with"];
    let mut expose = Expose {
        name: None,
        span,
        null: None,
        flatten: None,
        with: None,
    };
    let fork = meta.input.fork();
    let options;
    syn::parenthesized!(options in fork);
    if options.is_empty() {
        return Err(syn::Error::new(
            span,
            "`expose()` is empty: write `expose`, or an option such as `expose(null)`",
        ));
    }
    meta.parse_nested_meta(|inner| {
        let key = inner
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        let at = inner.path.span();
        let twice = || syn::Error::new(at, format!("`{key}` is given twice: keep one"));
        match key.as_str() {
            "name" => {
                if expose.name.is_some() {
                    return Err(twice());
                }
                expose.name = Some(string_value(&inner, "name", "supportId")?);
            }
            "null" | "flatten" => {
                flag(&inner, &format!("write `expose({key})`"))?;
                let slot = if key == "null" {
                    &mut expose.null
                } else {
                    &mut expose.flatten
                };
                if slot.is_some() {
                    return Err(twice());
                }
                *slot = Some(at);
            }
            "with" | "serialize_with" => {
                if expose.with.is_some() {
                    return Err(syn::Error::new(
                        at,
                        "a field is serialized one way: keep one `with` or `serialize_with`",
                    ));
                }
                let example = if key == "with" {
                    "my_module"
                } else {
                    "my_module::serialize"
                };
                expose.with = Some(With {
                    module: key == "with",
                    path: parse_path(&inner, &key, example)?,
                    span: at,
                });
            }
            _ => {
                let hint = suggest::hint(&key, OPTIONS);
                let hint = if hint.is_empty() {
                    ": expected one of `name = \"…\"`, `null`, `flatten`, `with = module`, \
                        `serialize_with = function`"
                        .to_owned()
                } else {
                    hint
                };
                return Err(syn::Error::new(
                    at,
                    format!("unknown `expose` option `{key}`{hint}"),
                ));
            }
        }
        Ok(())
    })?;
    Ok(expose)
}

/// `source(pointer = "/data/attributes/{field}")`, `source(parameter = "...")` or
/// `source(header = "...")`: exactly one.
fn parse_source(meta: &ParseNestedMeta) -> syn::Result<Source> {
    let expected = "expected one of `source(pointer = \"/data/attributes/name\")`, \
        `source(parameter = \"filter\")` or `source(header = \"If-Match\")`";
    let mut source: Option<Source> = None;
    meta.parse_nested_meta(|inner| {
        let key = inner
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        let kind = match SourceKind::NAMED.iter().find(|(name, _)| *name == key) {
            Some(&(_, kind)) => kind,
            None => {
                let hint = suggest::hint(&key, SourceKind::NAMED.iter().map(|&(name, _)| name));
                let hint = if hint.is_empty() {
                    format!(": {expected}")
                } else {
                    hint
                };
                return Err(syn::Error::new(
                    inner.path.span(),
                    format!("unknown `source` member `{key}`{hint}"),
                ));
            }
        };
        if source.is_some() {
            return Err(syn::Error::new(
                inner.path.span(),
                "`source` names one member of the \
                    request: keep one of `pointer`, `parameter` and `header`",
            ));
        }
        let value = if inner.input.peek(syn::token::Paren) {
            template_value(&inner, &key, "/data/attributes/{}")?
        } else {
            template::parse(inner.value()?.parse()?, &key)?
        };
        source = Some(Source { kind, value });
        Ok(())
    })?;
    source.ok_or_else(|| syn::Error::new(meta.path.span(), expected))
}

/// `wrapper(find(A, B))`: the error types to look for in the wrapped chain.
fn parse_find(meta: &ParseNestedMeta) -> syn::Result<Vec<syn::Type>> {
    const EXAMPLE: &str = "wrapper(find(NotFound, AuthError))";
    let mut find: Option<Vec<syn::Type>> = None;
    meta.parse_nested_meta(|inner| {
        if !inner.path.is_ident("find") {
            let key = quote::ToTokens::to_token_stream(&inner.path).to_string();
            return Err(syn::Error::new(
                inner.path.span(),
                format!("unknown `wrapper` key `{key}`: write `{EXAMPLE}`"),
            ));
        }
        if find.is_some() {
            return Err(syn::Error::new(
                inner.path.span(),
                format!("`find` is given twice: list every type in one, `{EXAMPLE}`"),
            ));
        }
        find = Some(list(
            &inner,
            EXAMPLE,
            <syn::Type as syn::parse::Parse>::parse,
        )?);
        Ok(())
    })?;
    find.ok_or_else(|| {
        syn::Error::new(
            meta.path.span(),
            format!("expected `find(…)`: write `{EXAMPLE}`, or `wrapper` alone"),
        )
    })
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

fn unknown_key(name: &str, span: Span, level: Level) -> syn::Error {
    let here: Vec<&str> = KEYS
        .iter()
        .filter(|&&(_, key, place)| goes_on(key, place, level))
        .map(|&(name, ..)| name)
        .collect();
    // `expose`'s options written as keys of their own.
    if level == Level::Field && ["flatten", "null", "with", "serialize_with"].contains(&name) {
        let example = match name {
            "with" => "expose(with = my_module)",
            "serialize_with" => "expose(serialize_with = my_function)",
            _ => &format!("expose({name})"),
        };
        return syn::Error::new(
            span,
            format!("`{name}` is an option of `expose`: write `#[api_error({example})]`"),
        );
    }
    let elsewhere = match lookup(name, level) {
        Some((Key::RuntimeCode, _)) if level.takes_variant_keys() => Some(
            "write `#[code(\"not-found\")]`, or mark a field `#[api_error(code)]` to take the code from it",
        ),
        Some((Key::RuntimeCode, _)) => Some("put `#[code(\"...\")]` on each variant"),
        Some((_, Place::Field)) => Some("it goes on a field"),
        Some((_, Place::Variant)) => Some("it goes on a variant"),
        Some((Key::DefaultStatus, _)) if level == Level::Variant => {
            Some("write `#[status(404)]` on the variant")
        }
        Some((Key::DefaultStatus, _)) => Some("write `#[status(404)]` on the struct"),
        Some((_, Place::Type)) => Some("it goes on the enum or struct"),
        Some((_, Place::Struct)) => Some(
            "a wrapper is a struct holding the error: `#[api_error(wrapper)] struct AppError(anyhow::Error);`",
        ),
        Some((_, Place::TypeOrVariant)) => Some("it goes on the enum, a variant or the struct"),
        None => None,
    };
    let message = match elsewhere {
        Some(instead) => format!("`{name}` does not go on {}: {instead}", level.name()),
        None => {
            let hint = suggest::hint(name, here.iter().copied());
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
            format!("unknown `api_error` key `{name}`{hint}")
        }
    };
    syn::Error::new(span, message)
}

//! Rules across attributes, fields and variants. Every broken rule is recorded; nothing
//! stops at the first.

use std::collections::HashMap;

use proc_macro2::Span;

use crate::ast::{Input, Variant};
use crate::attr::Attrs;
use crate::diag::Errors;
use crate::template::Template;
use crate::{code, suggest};

pub fn check(input: &Input, errors: &mut Errors) {
    let mut codes: HashMap<String, (Span, String)> = HashMap::new();
    let mut reported_first: std::collections::HashSet<String> = std::collections::HashSet::new();
    for variant in &input.variants {
        let attrs = input.variant_attrs(variant);
        if let Some(span) = attrs.transparent {
            check_transparent(variant, attrs, span, errors);
            continue;
        }
        if attrs.status.is_none() && input.attrs.default_status.is_none() {
            let fix = if input.is_enum {
                "add `#[status(404)]` (or a constant such as `#[status(NOT_FOUND)]`) to the variant, or a default `#[api_error(status = 500)]` to the enum"
            } else {
                "add `#[status(404)]` (or a constant such as `#[status(NOT_FOUND)]`) to the struct"
            };
            errors.at(
                variant.ident.span(),
                format!("missing status for `{}`: {fix}", variant.name()),
            );
        }
        for template in [
            &attrs.message,
            &attrs.type_uri,
            &attrs.instance,
            &attrs.link,
        ]
        .into_iter()
        .flatten()
        {
            check_template(variant, template, errors);
        }
        check_headers(variant, attrs, input, errors);
        check_fields(variant, input, errors);

        let (code, span) = code::of(input, variant);
        if let Some(problem) = code::invalid(&code) {
            let fix = if attrs.code.is_some() {
                "write a code such as `not-found`"
            } else {
                "give the variant a `#[code(\"...\")]`"
            };
            errors.at(span, format!("{problem}: {fix}"));
            continue;
        }
        match codes.get(&code) {
            Some((first_span, first_name)) => {
                errors.at(span, format!("duplicate code `{code}`, also used by `{first_name}`: give one of them a distinct `#[code(\"...\")]`"));
                if reported_first.insert(code.clone()) {
                    errors.at(*first_span, format!("duplicate code `{code}`, also used by `{}`: give one of them a distinct `#[code(\"...\")]`", variant.name()));
                }
            }
            None => {
                codes.insert(code, (span, variant.name()));
            }
        }
    }
}

fn check_transparent(variant: &Variant, attrs: &Attrs, span: Span, errors: &mut Errors) {
    if variant.fields.len() != 1 {
        errors.at(span, format!(
            "`transparent` needs exactly one field, the inner error, but `{}` has {}: write `{}(#[from] InnerError)`",
            variant.name(),
            variant.fields.len(),
            variant.name()
        ));
    }
    let delegated = [
        ("`#[status]`", attrs.status.map(|s| s.span)),
        ("`#[code]`", attrs.code.as_ref().map(syn::LitStr::span)),
        ("`#[message]`", attrs.message.as_ref().map(Template::span)),
        ("`#[title]`", attrs.title.as_ref().map(syn::LitStr::span)),
        ("`type`", attrs.type_uri.as_ref().map(Template::span)),
        ("`instance`", attrs.instance.as_ref().map(Template::span)),
        ("`link`", attrs.link.as_ref().map(Template::span)),
        ("`header`", attrs.headers.first().map(|h| h.name.span())),
    ];
    for (what, span) in delegated {
        if let Some(span) = span {
            errors.at(span, format!("{what} has no effect on a transparent variant, whose inner error decides everything: remove it"));
        }
    }
    for field in &variant.fields {
        for span in [
            field.attrs.expose.as_ref().map(|e| e.span),
            field.attrs.violations,
        ]
        .into_iter()
        .flatten()
        {
            errors.at(span, "a transparent variant's field is the inner error, which decides its own body: remove this");
        }
    }
}

fn check_template(variant: &Variant, template: &Template, errors: &mut Errors) {
    for (name, _) in template.args() {
        if variant.field(name).is_none() {
            let fields: Vec<String> = variant
                .fields
                .iter()
                .map(|f| match &f.member {
                    syn::Member::Named(ident) => crate::ast::unraw(ident),
                    syn::Member::Unnamed(index) => index.index.to_string(),
                })
                .collect();
            let listing = if fields.is_empty() {
                format!("`{}` has no fields", variant.name())
            } else {
                let hint = match name {
                    crate::template::ArgName::Named(n) => {
                        suggest::closest(n, fields.iter().map(String::as_str))
                            .map(|c| format!("did you mean `{{{c}}}`? "))
                    }
                    crate::template::ArgName::Index(_) => None,
                };
                format!(
                    "{}the fields of `{}` are {}",
                    hint.unwrap_or_default(),
                    variant.name(),
                    fields
                        .iter()
                        .map(|f| format!("`{f}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            errors.at(
                template.span(),
                format!("`{}` names no field: {listing}", name.describe()),
            );
        }
    }
}

fn check_headers(variant: &Variant, attrs: &Attrs, input: &Input, errors: &mut Errors) {
    let mut names = Vec::new();
    for header in &attrs.headers {
        let name = header.name.value();
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            errors.at(header.name.span(), format!("{name:?} is not a valid header name: use letters, digits and `-`, such as \"Retry-After\""));
        }
        check_template(variant, &header.value, errors);
        let constant = header.value.constant();
        let bad = match &constant {
            Some(value) => value
                .bytes()
                .any(|b| !(b == b'\t' || (0x20..0x7f).contains(&b))),
            None => header
                .value
                .fixed_text()
                .any(|t| t.bytes().any(|b| b != b'\t' && (b < 0x20 || b == 0x7f))),
        };
        if bad {
            errors.at(header.value.span(), "invalid header value: use visible ASCII characters, spaces and tabs (no line breaks or control characters)");
        }
        if name.eq_ignore_ascii_case("retry-after")
            && let Some(value) = &constant
            && !value.bytes().all(|b| b.is_ascii_digit())
            && !value.ends_with("GMT")
        {
            errors.at(header.value.span(), "`Retry-After` takes a number of seconds (\"120\") or an HTTP date (\"Wed, 21 Oct 2015 07:28:00 GMT\")");
        }
        names.push(name.to_ascii_lowercase());
    }
    let status = attrs.status.or(input.attrs.default_status);
    let required = match status.map(|s| s.code) {
        Some(401) => Some(("www-authenticate", "WWW-Authenticate", "Bearer")),
        Some(405) => Some(("allow", "Allow", "GET, HEAD")),
        _ => None,
    };
    if let (Some(status), Some((lower, header, example))) = (status, required)
        && !names.iter().any(|n| n == lower)
    {
        errors.at(status.span, format!(
            "a {} response must carry a `{header}` header (RFC 9110): add `#[api_error(header(\"{header}\" = \"{example}\"))]`",
            status.code
        ));
    }
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn check_fields(variant: &Variant, input: &Input, errors: &mut Errors) {
    let mut exposed: Vec<String> = Vec::new();
    let mut violations_field = false;
    let has_violations = variant.fields.iter().any(|f| f.attrs.violations.is_some());
    let reserved = reserved_members(input, has_violations);
    for field in &variant.fields {
        if let Some(span) = field.attrs.violations {
            if violations_field {
                errors.at(
                    span,
                    "only one field can hold the violations: merge them into one list",
                );
            }
            violations_field = true;
            if let Some(expose) = &field.attrs.expose {
                errors.at(expose.span, "the violations field is rendered as the format's list of violations: remove `expose`");
            }
        }
        let Some(expose) = &field.attrs.expose else {
            continue;
        };
        let Some(name) = field.exposed_name() else {
            errors.at(expose.span, "a tuple field has no name to expose it under: write `#[api_error(expose = \"name\")]`");
            continue;
        };
        let span = expose.name.as_ref().map_or(expose.span, syn::LitStr::span);
        if name.is_empty() {
            errors.at(
                span,
                "an exposed member needs a name: write `#[api_error(expose = \"name\")]`",
            );
        } else if let Some(reserved) = &reserved
            && reserved.contains(&name.as_str())
        {
            errors.at(span, format!("`{name}` is a member the format already writes: expose the field under another name, `#[api_error(expose = \"other_name\")]`"));
        } else if exposed.contains(&name) {
            errors.at(span, format!("`{name}` is exposed twice in `{}`: give one field another name with `#[api_error(expose = \"...\")]`", variant.name()));
        }
        exposed.push(name);
    }
}

/// The body members a built-in format writes itself; `None` for other formats, whose
/// `Format::RESERVED_MEMBERS` is checked by a constant assertion in the generated code.
pub fn reserved_members(input: &Input, has_violations: bool) -> Option<Vec<&'static str>> {
    let format = input
        .attrs
        .format
        .as_ref()
        .and_then(|p| p.segments.last())
        .map(|s| s.ident.to_string());
    match format.as_deref() {
        None | Some("Problem") => {
            let mut names = vec![
                "type",
                "title",
                "status",
                "detail",
                "instance",
                "request_id",
            ];
            if input
                .attrs
                .code_in_body
                .as_ref()
                .is_none_or(syn::LitBool::value)
            {
                names.push("code");
            }
            if has_violations {
                names.push("errors");
            }
            Some(names)
        }
        _ => None,
    }
}

//! Rules across attributes, fields and variants. Every broken rule is recorded; nothing
//! stops at the first.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::internals::ast::{Input, Variant};
use crate::internals::attr::{Attrs, Role};
use crate::internals::ctxt::Errors;
use crate::internals::template::Template;
use crate::internals::{code, reserved, suggest};

pub fn check(input: &Input, errors: &mut Errors) {
    // The first variant using each code: where, its name, and whether the code is derived.
    let mut codes: HashMap<String, (Span, String, bool)> = HashMap::new();
    let mut reported_first: std::collections::HashSet<String> = std::collections::HashSet::new();
    for variant in &input.variants {
        let attrs = input.variant_attrs(variant);
        if let Some(span) = attrs.transparent {
            check_transparent(input, variant, attrs, span, errors);
            // Its code is the inner error's, unless it overrides it.
            if attrs.code.is_some() {
                check_code(input, variant, &mut codes, &mut reported_first, errors);
            }
            continue;
        }
        let status_written = attrs.status_written
            || input.attrs.status_written
            || variant.fields.iter().any(|f| f.attrs.status_written);
        if attrs.status.is_none() && input.attrs.default_status.is_none() && !status_written {
            let fix = if input.is_enum {
                "add `#[status(404)]` (or a constant such as `#[status(NOT_FOUND)]`) to the \
                    variant, or a default `#[api_error(status = 500)]` to the enum"
            } else {
                "add `#[status(404)]` (or a constant such as `#[status(NOT_FOUND)]`) to the struct"
            };
            errors.at(
                variant.ident.span(),
                format!("missing status for `{}`: {fix}", variant.name()),
            );
        }
        // Header values are checked with their names, in `check_headers`.
        for (role, template) in attrs.templates() {
            if role != Role::Header {
                check_template(variant, template, errors);
            }
        }
        check_source(attrs, errors);
        check_headers(variant, attrs, input, errors);
        check_fields(variant, input, errors);

        check_code(input, variant, &mut codes, &mut reported_first, errors);
    }
}

/// The code of `variant` is valid and no other variant's: each duplicate is reported at
/// both variants. `codes` holds the first variant using each code (where, its name,
/// whether the code is derived).
fn check_code(
    input: &Input,
    variant: &Variant,
    codes: &mut HashMap<String, (Span, String, bool)>,
    reported_first: &mut std::collections::HashSet<String>,
    errors: &mut Errors,
) {
    let attrs = input.variant_attrs(variant);
    let (code, span) = code::of(input, variant);
    if let Some(problem) = code::invalid(&code) {
        let repaired = code::repaired(&code);
        let fix = if repaired.is_empty() || attrs.code.is_none() {
            "give the variant a code such as `#[code(\"not-found\")]`".to_owned()
        } else {
            format!("write `#[code(\"{repaired}\")]`")
        };
        errors.at(span, format!("{problem}: {fix}"));
        return;
    }
    let derived = attrs.code.is_none();
    match codes.get(&code) {
        Some((first_span, first_name, first_derived)) => {
            let duplicate = |derived: bool, other: &str| {
                let origin = if derived {
                    " (derived from the variant name)"
                } else {
                    ""
                };
                format!(
                    "duplicate code `{code}`{origin}, also used by `{other}`: give one of \
                        them a distinct `#[code(\"...\")]`"
                )
            };
            errors.at(span, duplicate(derived, first_name));
            if reported_first.insert(code.clone()) {
                errors.at(*first_span, duplicate(*first_derived, &variant.name()));
            }
        }
        None => {
            codes.insert(code, (span, variant.name(), derived));
        }
    }
}

fn check_transparent(
    input: &Input,
    variant: &Variant,
    attrs: &Attrs,
    span: Span,
    errors: &mut Errors,
) {
    if variant.fields.len() != 1 {
        errors.at(
            span,
            format!(
                "`transparent` needs exactly one field, the inner error, but `{}` has {}: write \
                    `{}(#[from] InnerError)`",
                variant.name(),
                variant.fields.len(),
                variant.name()
            ),
        );
    }
    check_delegate(input, variant, attrs, errors);
    let delegated = [
        ("`#[message]`", attrs.message.as_ref().map(Template::span)),
        ("`#[title]`", attrs.title.as_ref().map(syn::LitStr::span)),
        ("`type`", attrs.type_uri.as_ref().map(Template::span)),
        ("`instance`", attrs.instance.as_ref().map(Template::span)),
        ("`link`", attrs.link.as_ref().map(Template::span)),
        ("`id`", attrs.id.as_ref().map(Template::span)),
        ("`source`", attrs.source.as_ref().map(|s| s.value.span())),
        ("`header`", attrs.headers.first().map(|h| h.name.span())),
    ];
    for (what, span) in delegated {
        if let Some(span) = span {
            errors.at(
                span,
                format!(
                    "{what} has no effect on a transparent variant, whose inner \
                        error decides all but its status and code: remove it"
                ),
            );
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
            errors.at(
                span,
                "a transparent variant's field is the inner error, which decides its \
                    own body: remove this",
            );
        }
    }
}

/// The field of a transparent variant is an error to delegate to (through `Box` and
/// `Arc`), and one whose catalogue an overriding `#[status]` or `#[code]` can rewrite.
fn check_delegate(input: &Input, variant: &Variant, attrs: &Attrs, errors: &mut Errors) {
    let [field] = variant.fields.as_slice() else {
        return;
    };
    let delegate = field.delegate();
    if field.delegates_to_option() {
        errors.at(
            delegate.ty.span(),
            "a transparent field cannot be an `Option`: when it is `None` there is no error \
                to delegate to. Make the field the inner error itself and give the `None` case \
                a variant of its own (`.ok_or(AppError::Missing)?` before converting)",
        );
        return;
    }
    let overrides = [
        attrs.status.map(|s| s.span),
        attrs.code.as_ref().map(syn::LitStr::span),
    ];
    if let Some(status) = attrs.status
        && matches!(status.code, 401 | 405)
    {
        errors.at(
            status.span,
            format!(
                "a {} response must carry a header the status mandates (RFC 9110), and a \
                    transparent variant declares none: give the inner error a variant that \
                    answers {} with its header",
                status.code, status.code
            ),
        );
    }
    if input.generic(delegate.ty) {
        for span in overrides.into_iter().flatten() {
            errors.at(
                span,
                "a transparent variant overrides the status or code of a concrete inner \
                    error only: its catalogue is rewritten at compile time. Give the variant a \
                    concrete inner type, or remove this",
            );
        }
    }
}

/// A JSON Pointer is empty or starts with `/` (RFC 6901); checked on the written text.
fn check_source(attrs: &Attrs, errors: &mut Errors) {
    let Some(source) = &attrs.source else {
        return;
    };
    if source.kind == crate::internals::attr::SourceKind::Pointer
        && let Some(crate::internals::template::Piece::Text(text)) = source.value.pieces.first()
        && !text.starts_with('/')
    {
        errors.at(
            source.value.span(),
            format!(
                "a JSON Pointer starts with `/`: write `source(pointer = \"/{}\")`",
                source.value.lit.value()
            ),
        );
    }
}

fn check_template(variant: &Variant, template: &Template, errors: &mut Errors) {
    for (name, _) in template.args() {
        if variant.field(name).is_none() {
            let fields: Vec<String> = variant
                .fields
                .iter()
                .map(|f| match &f.member {
                    syn::Member::Named(ident) => crate::internals::ast::unraw(ident),
                    syn::Member::Unnamed(index) => index.index.to_string(),
                })
                .collect();
            let listing = if fields.is_empty() {
                format!("`{}` has no fields", variant.name())
            } else {
                let hint = match name {
                    crate::internals::template::ArgName::Named(n) => {
                        suggest::closest(n, fields.iter().map(String::as_str))
                            .map(|c| format!("did you mean `{{{c}}}`? "))
                    }
                    crate::internals::template::ArgName::Index(_) => None,
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
            errors.at(
                header.name.span(),
                format!(
                    "{name:?} is not a valid header name: use \
                        letters, digits and `-`, such as \"Retry-After\""
                ),
            );
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
            errors.at(
                header.value.span(),
                "invalid header value: use visible ASCII characters, \
                    spaces and tabs (no line breaks or control characters)",
            );
        }
        if name.eq_ignore_ascii_case("retry-after")
            && let Some(value) = &constant
            && !value.bytes().all(|b| b.is_ascii_digit())
            && !value.ends_with("GMT")
        {
            errors.at(
                header.value.span(),
                "`Retry-After` takes a number of seconds or an HTTP \
                    date: write \"120\" or \"Wed, 21 Oct 2015 07:28:00 GMT\"",
            );
        }
        names.push(name.to_ascii_lowercase());
    }
    let status = attrs.status.or(input.attrs.default_status);
    let required = match status.map(|s| s.code) {
        Some(401) => Some((
            "www-authenticate",
            "a `WWW-Authenticate`",
            "WWW-Authenticate",
            "Bearer",
        )),
        Some(405) => Some(("allow", "an `Allow`", "Allow", "GET, HEAD")),
        _ => None,
    };
    if let (Some(status), Some((lower, article_header, header, example))) = (status, required)
        && !names.iter().any(|n| n == lower)
    {
        errors.at(
            status.span,
            format!(
                "a {} response must carry {article_header} header (RFC 9110): add \
                    `#[api_error(header(\"{header}\" = \"{example}\"))]`",
                status.code
            ),
        );
    }
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn check_fields(variant: &Variant, input: &Input, errors: &mut Errors) {
    let mut exposed: Vec<String> = Vec::new();
    let mut violations_field = false;
    let has_violations = variant.fields.iter().any(|f| f.attrs.violations.is_some());
    let reserved = reserved::members(input, has_violations);
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
                errors.at(
                    expose.span,
                    "the violations field is rendered as the format's list of \
                        violations: remove `expose`",
                );
            }
        }
        let Some(expose) = &field.attrs.expose else {
            continue;
        };
        let Some(name) = field.exposed_name() else {
            errors.at(
                expose.span,
                "a tuple field has no name to expose it under: write \
                    `#[api_error(expose = \"name\")]`",
            );
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
            errors.at(
                span,
                format!(
                    "`{name}` is a member the format already writes: expose the \
                        field under another name with `#[api_error(expose = \"other_name\")]`"
                ),
            );
        } else if exposed.contains(&name) {
            errors.at(
                span,
                format!(
                    "`{name}` is exposed twice in `{}`: give one field another \
                        name with `#[api_error(expose = \"...\")]`",
                    variant.name()
                ),
            );
        }
        exposed.push(name);
    }
}

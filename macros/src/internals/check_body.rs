//! The rules of what a body holds besides its texts: declared members (`member(…)`), the
//! ways a field is exposed (`null`, `flatten`, `with`), a field that is the whole body
//! (`body`) and a variant without one (`no_body`).

use std::collections::HashSet;

use proc_macro2::Span;

use crate::internals::ast::{Input, Variant};
use crate::internals::attr::DeclaredMember;
use crate::internals::check::check_template;
use crate::internals::ctxt::Errors;
use crate::internals::reserved;

/// The enum's own `member(…)`s: named, and each name once.
pub fn check_enum(input: &Input, errors: &mut Errors) {
    if input.is_enum {
        check_list(&input.attrs.members, "the enum", errors);
    }
}

/// One variant's members, its exposed fields' options, its body.
pub fn check_variant(input: &Input, variant: &Variant, errors: &mut Errors) {
    let attrs = input.variant_attrs(variant);
    let site = if input.is_enum {
        "this variant"
    } else {
        "the struct"
    };
    check_list(&attrs.members, site, errors);
    // A variant's template is checked with its other templates; an enum's, against each
    // variant that takes it.
    for member in input.inherited_members(variant) {
        let mut found = Errors::default();
        check_template(variant, &member.value, &mut found);
        if let Err(error) = found.into_result() {
            errors.push(syn::Error::new(
                member.value.span(),
                format!(
                    "{error}; the enum's `member(\"{}\" = …)` is written by every variant: \
                        give `{}` its own `member(\"{}\" = …)`",
                    member.name.value(),
                    variant.name(),
                    member.name.value()
                ),
            ));
        }
    }
    check_names(input, variant, errors);
    check_fields(variant, errors);
    check_own_body(input, variant, errors);
}

/// Each member named, and named once in one list (both places reported).
fn check_list(members: &[DeclaredMember], site: &str, errors: &mut Errors) {
    let mut seen: Vec<&DeclaredMember> = Vec::new();
    for member in members {
        let name = member.name.value();
        if name.is_empty() {
            errors.at(
                member.name.span(),
                "a member needs a name: write `member(\"type\" = \"invalid_request\")`",
            );
            continue;
        }
        if let Some(first) = seen.iter().find(|m| m.name.value() == name) {
            let message = format!(
                "the member `{name}` is declared twice on {site}: keep one `member(\"{name}\" = \
                    …)`"
            );
            errors.at(first.name.span(), &message);
            errors.at(member.name.span(), message);
            continue;
        }
        seen.push(member);
    }
}

/// Declared members never take a name the format writes, nor an exposed field's.
fn check_names(input: &Input, variant: &Variant, errors: &mut Errors) {
    let has_violations = variant.fields.iter().any(|f| f.attrs.violations.is_some());
    let reserved = reserved::members(input, variant, has_violations);
    let declared = input.declared_members(variant);
    // An enum's member is reported once, however many variants take it.
    let mut reported: HashSet<String> = HashSet::new();
    for member in &declared {
        let name = member.name.value();
        if let Some(reserved) = &reserved
            && reserved.contains(&name.as_str())
            && reported.insert(name.clone())
        {
            errors.at(
                member.name.span(),
                format!(
                    "`{name}` is a member the format already writes: declare it under another \
                        name, or write a house format (`apifault::Format`) that places it"
                ),
            );
        }
        for field in &variant.fields {
            if field.exposed_name().as_deref() == Some(name.as_str())
                && field
                    .attrs
                    .expose
                    .as_ref()
                    .is_some_and(|e| e.flatten.is_none())
            {
                let at = field.attrs.expose.as_ref().map_or(field.span, |expose| {
                    expose.name.as_ref().map_or(expose.span, syn::LitStr::span)
                });
                let message = format!(
                    "`{name}` is both a declared member and an exposed field of `{}`: expose \
                        the field under another name with `#[api_error(expose = \"other_name\")]`, \
                        or remove the `member`",
                    variant.name()
                );
                errors.at(member.name.span(), &message);
                errors.at(at, message);
            }
        }
    }
}

/// `null`, `flatten` and `with` go together only where they mean something.
fn check_fields(variant: &Variant, errors: &mut Errors) {
    for field in &variant.fields {
        let Some(expose) = &field.attrs.expose else {
            continue;
        };
        if expose.flatten.is_none() {
            continue;
        }
        let conflicts: [(Option<Span>, &str); 3] = [
            (
                expose.name.as_ref().map(syn::LitStr::span),
                "a flattened field has no member of its own to name: its members keep their \
                    names; remove `name`, or remove `flatten` to expose it as one member",
            ),
            (
                expose.null,
                "a flattened `None` gives no members, never a `null`: remove `null`",
            ),
            (
                expose.with.as_ref().map(|with| with.span),
                "a flattened field is written by its own `Serialize`: remove `with`, or \
                    flatten a field whose type serializes as you want",
            ),
        ];
        for (span, message) in conflicts {
            if let Some(span) = span {
                errors.at(span, message);
            }
        }
    }
}

/// A body field is the whole body, and a variant without a body writes nothing.
fn check_own_body(input: &Input, variant: &Variant, errors: &mut Errors) {
    let attrs = input.variant_attrs(variant);
    let mut body_fields = variant.fields.iter().filter(|f| f.attrs.body.is_some());
    let body = body_fields.next();
    for extra in body_fields {
        if let Some(span) = extra.attrs.body {
            errors.at(
                span,
                "only one field can be the whole body: keep one `#[api_error(body)]`",
            );
        }
    }
    if let Some(field) = body {
        for (other, what) in [
            (field.attrs.expose.as_ref().map(|e| e.span), "`expose`"),
            (field.attrs.violations, "`violations`"),
            (field.attrs.runtime_status, "`status`"),
            (field.attrs.runtime_code, "`code`"),
        ] {
            if let Some(other) = other {
                errors.at(
                    other,
                    format!("the body field is written whole, as it is: remove {what}"),
                );
            }
        }
        for other in &variant.fields {
            if other.index == field.index {
                continue;
            }
            if let Some(span) = other
                .attrs
                .expose
                .as_ref()
                .map(|e| e.span)
                .or(other.attrs.violations)
            {
                errors.at(
                    span,
                    "the variant's body is its `#[api_error(body)]` field, whole: nothing else \
                        is written into it; remove this",
                );
            }
        }
        if let Some(member) = variant_members(attrs) {
            errors.at(
                member,
                "the variant's body is its `#[api_error(body)]` field, whole: its members are \
                    never written; remove `member`",
            );
        }
        if let Some(no_body) = attrs.no_body {
            errors.at(
                no_body,
                "`no_body` contradicts the `#[api_error(body)]` field: remove one",
            );
        }
    }
    if attrs.no_body.is_none() {
        return;
    }
    if let Some(message) = &attrs.message {
        errors.at(
            message.span(),
            "a variant without a body shows no message: remove the `#[message]` (its \
                `Display` still goes to the log), or remove `no_body`",
        );
    }
    if let Some(member) = variant_members(attrs) {
        errors.at(
            member,
            "a variant without a body writes no member: remove `member`, or remove `no_body`",
        );
    }
    for field in &variant.fields {
        if let Some(span) = field
            .attrs
            .expose
            .as_ref()
            .map(|e| e.span)
            .or(field.attrs.violations)
        {
            errors.at(
                span,
                "a variant without a body writes no field: remove this, or remove `no_body`",
            );
        }
    }
}

/// The span of the variant's own first `member`, if it declares one.
fn variant_members(attrs: &crate::internals::attr::Attrs) -> Option<Span> {
    attrs.members.first().map(|member| member.name.span())
}

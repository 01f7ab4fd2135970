//! Rules across attributes, fields and variants. Every broken rule is recorded; nothing
//! stops at the first.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::internals::ast::{Input, Variant};
use crate::internals::attr::{Attrs, Header, Role};
use crate::internals::ctxt::Errors;
use crate::internals::status::MANDATED;
use crate::internals::template::Template;
use crate::internals::{check_body, code, reference, reserved};

pub fn check(input: &Input, errors: &mut Errors) {
    if input.is_enum {
        check_enum_headers(input, errors);
    }
    check_code_header(input, errors);
    check_wrapper(input, errors);
    check_negotiate(input, errors);
    check_body::check_enum(input, errors);
    crate::internals::grpc::check(input, errors);
    // The first variant using each code.
    let mut codes: HashMap<String, CodeUse> = HashMap::new();
    let mut reported_first: std::collections::HashSet<String> = std::collections::HashSet::new();
    for variant in &input.variants {
        let attrs = input.variant_attrs(variant);
        check_own_format(input, variant, errors);
        if let (Some(span), None) = (attrs.inner_format, attrs.transparent) {
            errors.at(
                span,
                "`inner_format` answers as the inner error of a transparent variant: write \
                    `#[api_error(transparent, inner_format)]` on a variant of one field, the \
                    inner error, or remove `inner_format`",
            );
        }
        if let Some(span) = attrs.transparent {
            check_transparent(input, variant, attrs, span, errors);
            check_inner_format(attrs, errors);
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
            let fix = if input.runtime_status_field(variant).is_some() {
                "a runtime status needs a declared one to fall back on: add `#[status(500)]` \
                    (or a constant such as `#[status(BAD_GATEWAY)]`)"
            } else if input.is_enum {
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
        if let (Some(span), Some(_)) = (attrs.no_message, &attrs.message) {
            errors.at(
                span,
                "`no_message` contradicts the `#[message]` of this variant: remove \
                    `no_message` to show the message, or the `#[message]` to show none",
            );
        }
        check_headers(variant, attrs, input, errors);
        check_fields(variant, input, errors);
        check_body::check_variant(input, variant, errors);
        check_runtime(variant, attrs, input, errors);

        check_code(input, variant, &mut codes, &mut reported_first, errors);
    }
    check_listed_codes(input, &codes, errors);
}

/// A wrapper is a plain struct of one field, the wrapped error, answering what it does not
/// find as a masked 5xx.
fn check_wrapper(input: &Input, errors: &mut Errors) {
    let Some(wrapper) = &input.attrs.wrapper else {
        return;
    };
    let fields = input
        .variants
        .first()
        .map_or(0, |variant| variant.fields.len());
    if fields != 1 {
        errors.at(
            wrapper.span,
            "a wrapper holds one field, the wrapped error: write `struct AppError(anyhow::Error);` \
                (or `Box<dyn std::error::Error + Send + Sync>`)",
        );
    }
    if let Some(param) = input.generics.params.first() {
        errors.at(
            param.span(),
            "a wrapper takes no generic parameters: wrap `anyhow::Error` or \
                `Box<dyn std::error::Error + Send + Sync>`",
        );
    }
    if input.attrs.transparent.is_some() {
        errors.at(
            wrapper.span,
            "a wrapper is not transparent: keep `wrapper` and list the types to answer as with \
                `wrapper(find(NotFound))`",
        );
    }
    if let Some(status) = &input.attrs.status
        && !(500..=599).contains(&status.code)
    {
        errors.at(
            status.span,
            "a wrapper answers what it does not find as a masked server error: declare a 5xx \
                status, e.g. `#[status(500)]`, and list the types that answer otherwise with \
                `wrapper(find(NotFound))`",
        );
    }
}

/// The code of `variant` is valid and no other variant's, unless both declare it shared
/// and agree on the status: each duplicate or disagreement is reported at both variants.
/// `codes` holds the first variant using each code.
fn check_code(
    input: &Input,
    variant: &Variant,
    codes: &mut HashMap<String, CodeUse>,
    reported_first: &mut std::collections::HashSet<String>,
    errors: &mut Errors,
) {
    let attrs = input.variant_attrs(variant);
    let (code, span) = code::of(input, variant);
    if attrs.code.is_some()
        && let Some(field) = code::placeholder(&code)
    {
        errors.at(
            span,
            format!(
                "`#[code]` is fixed text and cannot interpolate `{{{field}}}`: take the \
                    code from the field with `#[api_error(code)]` on it (and list the codes \
                    it may take with `#[api_error(codes(\"...\"))]`)"
            ),
        );
        return;
    }
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
    let this = CodeUse {
        span,
        name: variant.name(),
        derived: attrs.code.is_none(),
        shared: attrs.code_shared.is_some(),
        status: attrs.status.or(input.attrs.default_status).map(|status| {
            // Where the status is written: the variant's own, else its `#[code]`.
            let at = attrs.status.map_or(span, |own| own.span);
            (status.code, at)
        }),
    };
    match codes.get(&code) {
        Some(first) if first.shared && this.shared => {
            if let (Some((status, at)), Some((first_status, first_at))) =
                (this.status, first.status)
                && status != first_status
            {
                errors.at(at, disagree(&code, &this.name, &first.name, first_status));
                if reported_first.insert(code.clone()) {
                    errors.at(first_at, disagree(&code, &first.name, &this.name, status));
                }
            }
        }
        Some(first) => {
            errors.at(span, duplicate(&code, this.derived, &first.name));
            if reported_first.insert(code.clone()) {
                errors.at(first.span, duplicate(&code, first.derived, &this.name));
            }
        }
        None => {
            codes.insert(code, this);
        }
    }
}

/// A runtime status or code: one field each, a list only with its field, each listed
/// status and code valid (the statuses by their parser).
fn check_runtime(variant: &Variant, attrs: &Attrs, input: &Input, errors: &mut Errors) {
    let runtime = [
        (
            "status",
            variant
                .fields
                .iter()
                .filter_map(|f| f.attrs.runtime_status)
                .collect::<Vec<_>>(),
            attrs.statuses.as_ref().map(|list| list.span),
            "statuses(502, 503)",
        ),
        (
            "code",
            variant
                .fields
                .iter()
                .filter_map(|f| f.attrs.runtime_code)
                .collect(),
            attrs.codes.as_ref().map(|list| list.span),
            "codes(\"M_UNKNOWN\")",
        ),
    ];
    for (what, fields, list, example) in runtime {
        for &extra in fields.iter().skip(1) {
            errors.at(
                extra,
                format!(
                    "only one field can hold the runtime {what} of `{}`: keep one \
                        `#[api_error({what})]`",
                    variant.name()
                ),
            );
        }
        if fields.is_empty()
            && let Some(span) = list
        {
            errors.at(
                span,
                format!(
                    "`{example}` lists what a runtime {what} may be, but no field of `{}` holds \
                        one: mark that field `#[api_error({what})]`, or remove the list",
                    variant.name()
                ),
            );
        }
    }
    for listed in input.listed_codes(variant) {
        let value = listed.value();
        if let Some(problem) = code::invalid(&value) {
            let repaired = code::repaired(&value);
            let fix = if repaired.is_empty() {
                "list codes such as `codes(\"not-found\")`".to_owned()
            } else {
                format!("write \"{repaired}\"")
            };
            errors.at(listed.span(), format!("{problem}: {fix}"));
        }
    }
}

/// A listed runtime code names one variant: it may be no other variant's declared or
/// listed code, or a client could not tell which variant answered.
fn check_listed_codes(input: &Input, declared: &HashMap<String, CodeUse>, errors: &mut Errors) {
    let mut listed_by: HashMap<String, String> = HashMap::new();
    for variant in &input.variants {
        if input.transparent(variant) {
            continue;
        }
        for listed in input.listed_codes(variant) {
            let value = listed.value();
            let other = match declared.get(&value) {
                Some(declared) => Some(declared.name.clone()),
                None => listed_by.get(&value).cloned(),
            };
            match other {
                Some(other) => errors.at(
                    listed.span(),
                    format!(
                        "`{value}` is a code of `{other}` already: a runtime code names one \
                            variant, remove it from the list"
                    ),
                ),
                None => {
                    listed_by.insert(value, variant.name());
                }
            }
        }
    }
}

/// A variant's use of a code, as the checks across variants compare it.
struct CodeUse {
    /// Where the code is written, or the variant name when it is derived from it.
    span: Span,
    name: String,
    derived: bool,
    /// `#[code("…", shared)]`.
    shared: bool,
    /// The status, and where it is written.
    status: Option<(u16, Span)>,
}

fn duplicate(code: &str, derived: bool, other: &str) -> String {
    let origin = if derived {
        " (derived from the variant name)"
    } else {
        ""
    };
    format!(
        "duplicate code `{code}`{origin}, also used by `{other}`: give one of them a distinct \
            `#[code(\"...\")]`, or, if they share it on purpose, write \
            `#[code(\"{code}\", shared)]` on each"
    )
}

fn disagree(code: &str, name: &str, other: &str, other_status: u16) -> String {
    format!(
        "`{name}` shares the code `{code}` with `{other}`, whose status is {other_status}: \
            variants sharing a code answer with one status, so give them the same \
            `#[status]` or distinct codes"
    )
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
        ("`no_message`", attrs.no_message),
        ("`#[title]`", attrs.title.as_ref().map(syn::LitStr::span)),
        ("`type`", attrs.type_uri.as_ref().map(Template::span)),
        ("`instance`", attrs.instance.as_ref().map(Template::span)),
        ("`link`", attrs.link.as_ref().map(Template::span)),
        ("`id`", attrs.id.as_ref().map(Template::span)),
        ("`source`", attrs.source.as_ref().map(|s| s.value.span())),
        ("`header`", attrs.headers.first().map(|h| h.name.span())),
        (
            "`omit_header`",
            attrs.omitted_headers.first().map(syn::LitStr::span),
        ),
        (
            "`code_in_body`",
            attrs.code_in_body.as_ref().map(syn::LitBool::span),
        ),
        ("`statuses`", attrs.statuses.as_ref().map(|list| list.span)),
        ("`codes`", attrs.codes.as_ref().map(|list| list.span)),
        ("`member`", attrs.members.first().map(|m| m.name.span())),
        ("`no_body`", attrs.no_body),
    ];
    for (what, span) in delegated {
        if let Some(span) = span {
            errors.at(
                span,
                format!(
                    "{what} has no effect on a transparent variant, whose inner \
                        error decides all but its status, code and format: remove it"
                ),
            );
        }
    }
    for field in &variant.fields {
        for span in [
            field.attrs.expose.as_ref().map(|e| e.span),
            field.attrs.violations,
            field.attrs.runtime_status,
            field.attrs.runtime_code,
            field.attrs.body,
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

/// A variant with `inner_format` answers entirely as its inner error: it names no format
/// of its own and overrides neither status nor code.
fn check_inner_format(attrs: &Attrs, errors: &mut Errors) {
    if attrs.inner_format.is_none() {
        return;
    }
    if let Some(format) = &attrs.format {
        errors.push(syn::Error::new_spanned(
            format,
            "`inner_format` answers in the inner error's formats, so a `format` of the \
                variant's own would never be used: keep one of `format` and `inner_format`",
        ));
    }
    let overrides = [
        ("`#[status]`", attrs.status.map(|status| status.span)),
        ("`#[code]`", attrs.code.as_ref().map(syn::LitStr::span)),
    ];
    for (what, span) in overrides {
        if let Some(span) = span {
            errors.at(
                span,
                format!(
                    "{what} has no effect with `inner_format`, which answers entirely as the \
                        inner error: remove it, or remove `inner_format` to override the inner \
                        error's answer in the enum's format"
                ),
            );
        }
    }
}

/// `negotiate(…)` lists each format once, offers at least one besides the default, and at
/// most eight in all (the runtime's `Formats` tuples).
fn check_negotiate(input: &Input, errors: &mut Errors) {
    let Some(listed) = &input.attrs.negotiate else {
        return;
    };
    let mut seen: Vec<String> = Vec::new();
    for path in &listed.items {
        let name = reserved::format_name(path);
        if seen.contains(&name) {
            errors.push(syn::Error::new_spanned(
                path,
                format!("`{name}` is listed twice in `negotiate`: keep one"),
            ));
        }
        seen.push(name);
    }
    let formats = input.negotiated();
    if formats.len() < 2 {
        errors.at(
            listed.span,
            "`negotiate` needs two formats or more to choose among: list the others, \
                `negotiate(apifault::Problem, Html)`, or write `format = …` for one",
        );
    } else if formats.len() > 8 {
        errors.at(
            listed.span,
            format!(
                "`negotiate` chooses among at most eight formats, {} are given: remove some",
                formats.len()
            ),
        );
    }
}

/// A variant's own format differs from the enum's: the same one would only add a
/// per-variant dispatch that chooses nothing.
fn check_own_format(input: &Input, variant: &Variant, errors: &mut Errors) {
    let Some(own) = input.own_format(variant) else {
        return;
    };
    let name = reserved::format_name(own);
    let default = input
        .type_format()
        .map_or_else(|| "Problem".to_owned(), reserved::format_name);
    if name == default {
        errors.push(syn::Error::new_spanned(
            own,
            format!(
                "`{name}` is already the enum's format, which every variant answers in \
                    unless it names another: remove `format` from the variant"
            ),
        ));
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
        && MANDATED.iter().any(|(code, ..)| *code == status.code)
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

/// A template of `variant`: every name refers to something, every argument is used.
pub fn check_template(variant: &Variant, template: &Template, errors: &mut Errors) {
    reference::check(template, Some(variant), "", errors);
}

/// The mandate naming `header`, in any case.
fn mandate_of(header: &str) -> Option<&'static (u16, &'static str, &'static str, &'static str)> {
    MANDATED
        .iter()
        .find(|(_, name, ..)| name.eq_ignore_ascii_case(header))
}

/// The enum's own `header(…)`s, which every variant sends, and `omit_header(…)`s, which
/// every variant whose status mandates the header follows.
fn check_enum_headers(input: &Input, errors: &mut Errors) {
    for header in &input.attrs.headers {
        check_header(None, header, errors);
    }
    for omitted in &input.attrs.omitted_headers {
        if mandate_of(&omitted.value()).is_none() {
            errors.at(
                omitted.span(),
                format!(
                    "only a header a status mandates can be omitted: {}",
                    mandates()
                ),
            );
        } else if declares(&input.attrs, &omitted.value()) {
            errors.at(omitted.span(), both_declared_and_omitted(omitted));
        }
    }
}

/// "`WWW-Authenticate` (401) or `Allow` (405)".
fn mandates() -> String {
    MANDATED
        .iter()
        .map(|(status, name, ..)| format!("`{name}` ({status})"))
        .collect::<Vec<_>>()
        .join(" or ")
}

fn declares(attrs: &Attrs, name: &str) -> bool {
    attrs
        .headers
        .iter()
        .any(|header| header.name.value().eq_ignore_ascii_case(name))
}

fn both_declared_and_omitted(omitted: &syn::LitStr) -> String {
    format!(
        "`{}` is both declared with `header(…)` and omitted: keep one",
        omitted.value()
    )
}

fn check_headers(variant: &Variant, attrs: &Attrs, input: &Input, errors: &mut Errors) {
    for header in &attrs.headers {
        check_header(Some(variant), header, errors);
    }
    let status = attrs.status.or(input.attrs.default_status);
    // The declared status and the statuses a runtime status is listed to take, each with
    // the header it mandates.
    let listed = attrs
        .statuses
        .iter()
        .flat_map(|list| list.items.iter().copied());
    let mandates: Vec<_> = status
        .into_iter()
        .chain(listed)
        .filter_map(|status| {
            MANDATED
                .iter()
                .find(|(code, ..)| *code == status.code)
                .map(|mandate| (status, mandate))
        })
        .collect();
    for omitted in &attrs.omitted_headers {
        if declares(attrs, &omitted.value()) {
            errors.at(omitted.span(), both_declared_and_omitted(omitted));
            continue;
        }
        let mandated = mandates
            .iter()
            .any(|(_, (_, name, ..))| name.eq_ignore_ascii_case(&omitted.value()));
        // Without a status, "missing status" is the one error to give.
        if let (false, Some(status)) = (mandated, status) {
            let what = match mandates.first() {
                Some((_, (_, name, ..))) => format!("mandates only `{name}`"),
                None => "mandates no header".to_owned(),
            };
            errors.at(
                omitted.span(),
                format!(
                    "only a header the status mandates can be omitted, and a {} response \
                        {what}: remove `omit_header(\"{}\")`",
                    status.code,
                    omitted.value()
                ),
            );
        }
    }
    for (status, (_, header, article_header, example)) in mandates {
        let declared = input
            .headers(variant)
            .iter()
            .any(|declared| declared.name.value().eq_ignore_ascii_case(header));
        if !declared && !input.omits(variant, header) {
            errors.at(
                status.span,
                format!(
                    "a {} response must carry {article_header} header (RFC 9110): add \
                        `#[api_error(header(\"{header}\" = \"{example}\"))]` (on the variant, or \
                        once on the enum), or, if the API deliberately sends none, \
                        `#[api_error(omit_header(\"{header}\"))]`",
                    status.code
                ),
            );
        }
    }
}

/// One `header(…)`: of `variant`, or of the enum (`None`), which every variant sends and
/// which so interpolates no field.
fn check_header(variant: Option<&Variant>, header: &Header, errors: &mut Errors) {
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
    if name.eq_ignore_ascii_case("content-type") {
        errors.at(
            header.name.span(),
            "the content type is the format's: choose the variant's format with \
                `#[api_error(format = …)]`",
        );
    }
    match variant {
        Some(variant) => check_template(variant, &header.value, errors),
        None => reference::check(
            &header.value,
            None,
            "a header on the enum goes on every variant, so it interpolates no field: \
                declare it on the variants that have the field",
            errors,
        ),
    }
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
    if let Some((_, mandated, _, example)) = mandate_of(&name)
        && constant
            .as_deref()
            .is_some_and(|value| value.trim().is_empty())
    {
        errors.at(
            header.value.span(),
            format!(
                "an empty `{mandated}` header says nothing: give its value, such as \
                    \"{example}\", or, if the API deliberately sends none, write \
                    `#[api_error(omit_header(\"{mandated}\"))]`"
            ),
        );
    }
}

/// `code_header = "…"`: a header name no other header of the type uses.
fn check_code_header(input: &Input, errors: &mut Errors) {
    let Some(lit) = &input.attrs.code_header else {
        return;
    };
    let name = lit.value();
    if name.is_empty() || !name.bytes().all(is_token_byte) {
        errors.at(
            lit.span(),
            format!(
                "{name:?} is not a valid header name: use letters, digits and `-`, such as \
                    `code_header = \"x-ms-error-code\"`"
            ),
        );
        return;
    }
    if name.eq_ignore_ascii_case("content-type") {
        errors.at(
            lit.span(),
            "the content type is the format's: name another header for the code, such as \
                `code_header = \"x-ms-error-code\"`",
        );
        return;
    }
    let declared = input.attrs.headers.iter().chain(
        input
            .variants
            .iter()
            .flat_map(|variant| input.variant_attrs(variant).headers.iter()),
    );
    if let Some(header) = declared
        .into_iter()
        .find(|header| header.name.value().eq_ignore_ascii_case(&name))
    {
        errors.at(
            header.name.span(),
            format!(
                "`{}` carries the code (`code_header`): remove this `header(…)`, or name \
                    another header for the code",
                header.name.value()
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
    let reserved = reserved::members(input, variant, has_violations);
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
                // Its name as a member would only repeat the mistake.
                continue;
            }
        }
        let Some(expose) = &field.attrs.expose else {
            continue;
        };
        if expose.flatten.is_some() {
            continue;
        }
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

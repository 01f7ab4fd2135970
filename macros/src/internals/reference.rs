//! What the names of a template refer to: a field of the variant (`{id}`, `{range.start}`,
//! `.items` in an argument), an extra format argument, or the variant's `{code}` and
//! `{status}`; the checks of those names; and the field types a header writes its own way
//! (`Option`, `Duration`, `SystemTime`), told from the declared type.

use proc_macro2::Span;
use syn::Type;

use crate::internals::ast::{Field, Variant};
use crate::internals::ctxt::Errors;
use crate::internals::suggest;
use crate::internals::template::{ArgName, ExprToken, Piece, Template};

/// The names every template may use besides its fields: the variant's machine code and
/// its numeric status. A field of the same name wins in the variant's own templates.
pub const BUILTINS: [&str; 2] = ["code", "status"];

/// What a name of a template refers to.
pub enum Target<'v> {
    Field(&'v Field<'v>),
    /// An extra format argument, by its position.
    Extra(usize),
    Code,
    Status,
    Unknown,
}

/// What `name` refers to in `template`. `variant` is `None` for a template of the enum,
/// which every variant shares and which so names no field.
pub fn resolve<'v>(
    template: &Template,
    name: &ArgName,
    variant: Option<&'v Variant<'v>>,
) -> Target<'v> {
    if let Some(field) = variant.and_then(|variant| variant.field(name)) {
        return Target::Field(field);
    }
    match name {
        ArgName::Extra(index) => Target::Extra(*index),
        ArgName::Index(n) => template
            .positional(*n)
            .map_or(Target::Unknown, Target::Extra),
        ArgName::Named(name) if name == BUILTINS[0] => Target::Code,
        ArgName::Named(name) if name == BUILTINS[1] => Target::Status,
        ArgName::Named(_) => Target::Unknown,
    }
}

/// Every name of `template` refers to something, every extra argument is used, and a
/// template of the enum (`variant` `None`) reads no field. `enum_level` is the error for
/// a field read by a template of the enum.
pub fn check(
    template: &Template,
    variant: Option<&Variant>,
    enum_level: &str,
    errors: &mut Errors,
) {
    let mut used = vec![false; template.extra.len()];
    for (name, _) in template.args() {
        if let Target::Extra(index) = resolve(template, name, variant)
            && let Some(slot) = used.get_mut(index)
        {
            *slot = true;
        }
    }
    for piece in &template.pieces {
        let Piece::Arg { name, path, .. } = piece else {
            continue;
        };
        match resolve(template, name, variant) {
            Target::Code | Target::Status if !path.is_empty() => errors.at(
                template.span(),
                format!(
                    "`{}` has no members to reach: write `{}` alone, or pass an expression as an \
                        argument after the string",
                    name.describe(),
                    name.describe()
                ),
            ),
            Target::Unknown => match variant {
                Some(variant) => unknown_field(variant, name, "{", "}", template.span(), errors),
                None => errors.at(template.span(), enum_level),
            },
            Target::Field(_) | Target::Extra(_) | Target::Code | Target::Status => {}
        }
    }
    for (arg, used) in template.extra.iter().zip(used) {
        check_argument(arg, variant, enum_level, errors);
        if !used {
            let placeholder = arg
                .name
                .as_ref()
                .map_or_else(|| "{}".to_owned(), |name| format!("{{{name}}}"));
            errors.at(
                arg.span,
                format!(
                    "this argument is never used: interpolate it with `{placeholder}` in the \
                        string, or remove it"
                ),
            );
        }
    }
}

/// The `.field` shorthands of an extra argument name fields; a bare field name is
/// pointed to the shorthand.
fn check_argument(
    arg: &crate::internals::template::ExtraArg,
    variant: Option<&Variant>,
    enum_level: &str,
    errors: &mut Errors,
) {
    let Some(variant) = variant else {
        if !ExprToken::fields(&arg.expr).is_empty() {
            errors.at(arg.span, enum_level);
        }
        return;
    };
    for (name, span) in ExprToken::fields(&arg.expr) {
        if variant.field(name).is_none() {
            unknown_field(variant, name, ".", "", span, errors);
        }
    }
    if let [ExprToken::Tree(proc_macro2::TokenTree::Ident(ident))] = arg.expr.as_slice() {
        let name = ArgName::Named(crate::internals::ast::unraw(ident));
        if variant.field(&name).is_some() {
            errors.at(
                ident.span(),
                format!(
                    "`{ident}` is a field of `{}`: an argument reads a field as `.{ident}`, as \
                        in thiserror",
                    variant.name()
                ),
            );
        }
    }
}

/// "`{nmae}` names no field: did you mean `{name}`? the fields of `A` are …", the name
/// written between `open` and `close` (`{…}` in the string, `.…` in an argument).
fn unknown_field(
    variant: &Variant,
    name: &ArgName,
    open: &str,
    close: &str,
    span: Span,
    errors: &mut Errors,
) {
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
            // `{code}` and `{status}` are names of the string only.
            ArgName::Named(n) => {
                let builtins = BUILTINS.iter().copied().filter(|_| open == "{");
                suggest::closest(n, fields.iter().map(String::as_str).chain(builtins))
                    .map(|c| format!("did you mean `{open}{c}{close}`? "))
            }
            ArgName::Index(_) | ArgName::Extra(_) => None,
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
        span,
        format!(
            "`{open}{}{close}` names no field: {listing}",
            name.segment()
        ),
    );
}

impl Field<'_> {
    /// The `T` of a field declared `Option<T>` (any path ending in `Option`).
    pub fn option_inner(&self) -> Option<&Type> {
        generic_argument(self.ty, "Option")
    }

    /// Whether the field (or the `T` of its `Option<T>`) is declared a `Duration` or a
    /// `SystemTime` (any path ending in those names): a header writes it as whole seconds
    /// or an HTTP date, through the runtime's `HeaderTime`.
    pub fn header_time(&self) -> bool {
        let ty = self.option_inner().unwrap_or(self.ty);
        last_segment(ty)
            .is_some_and(|segment| segment.ident == "Duration" || segment.ident == "SystemTime")
    }
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Group(group) => last_segment(&group.elem),
        Type::Paren(paren) => last_segment(&paren.elem),
        Type::Path(path) if path.qself.is_none() => path.path.segments.last(),
        _ => None,
    }
}

/// The one type argument of `ty` when its path ends in `name`: `Option<T>` gives `T`.
fn generic_argument<'t>(ty: &'t Type, name: &str) -> Option<&'t Type> {
    let segment = last_segment(ty)?;
    if segment.ident != name {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &segment.arguments else {
        return None;
    };
    match arguments.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

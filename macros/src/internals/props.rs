//! Facts derived from a parsed input, asked of the AST so the checks and the expansion
//! never work them out twice: a variant's status, whether its message is public, its type
//! URI, whether it writes its code in the body, the parts it carries, the headers it sends,
//! and the fields and lists of a runtime status or code.

use std::collections::BTreeSet;

use proc_macro2::{TokenStream, TokenTree};

use crate::internals::ast::{Field, Input, Variant};
use crate::internals::attr::Header;
use crate::internals::code;
use crate::internals::part::PartName;
use crate::internals::status::{MANDATED, Status};
use crate::internals::template::Template;
use syn::LitStr;

/// A variant's type URI: its `type = "…"` template, or `type_base` followed by its code.
pub enum TypeUri<'a> {
    Template(&'a Template),
    Constant(String),
}

impl<'a> Input<'a> {
    /// Whether `variant` delegates everything to its one field.
    pub fn transparent(&self, variant: &Variant) -> bool {
        self.variant_attrs(variant).transparent.is_some()
    }

    /// Whether a transparent `variant` answers entirely as its inner error does on its own,
    /// in the inner type's formats (`#[api_error(transparent, inner_format)]`).
    pub fn inner_format(&self, variant: &Variant) -> bool {
        let attrs = self.variant_attrs(variant);
        attrs.transparent.is_some() && attrs.inner_format.is_some()
    }

    /// The format `variant` declares for itself (`#[api_error(format = …)]` on the
    /// variant); a struct's `format` is its type's.
    pub fn own_format<'v>(&'v self, variant: &'v Variant) -> Option<&'v syn::Path> {
        if self.is_enum {
            variant.attrs.format.as_ref()
        } else {
            None
        }
    }

    /// Whether some variant answers in a format of its own, or as its inner error does
    /// (`inner_format`), so the type needs a `to_response_with` choosing per variant.
    pub fn any_own_format(&self) -> bool {
        self.variants
            .iter()
            .any(|v| self.own_format(v).is_some() || self.inner_format(v))
    }

    /// The format `variant` answers in: its own, else the type's; `None` for the default,
    /// `Problem`.
    pub fn format<'v>(&'v self, variant: &'v Variant) -> Option<&'v syn::Path> {
        self.own_format(variant).or_else(|| self.type_format())
    }

    /// The type's format, `type Format`: its `format`, else the first it negotiates;
    /// `None` for the default, `Problem`.
    pub fn type_format(&self) -> Option<&syn::Path> {
        self.attrs.format.as_ref().or_else(|| {
            self.attrs
                .negotiate
                .as_ref()
                .and_then(|listed| listed.items.first())
        })
    }

    /// The formats the type negotiates among (`negotiate(…)`), its default first, each
    /// once; empty when it declares none.
    pub fn negotiated(&self) -> Vec<&syn::Path> {
        let Some(listed) = &self.attrs.negotiate else {
            return Vec::new();
        };
        let mut formats: Vec<&syn::Path> = self.type_format().into_iter().collect();
        for path in &listed.items {
            let name = crate::internals::reserved::format_name(path);
            if !formats
                .iter()
                .any(|known| crate::internals::reserved::format_name(known) == name)
            {
                formats.push(path);
            }
        }
        formats
    }

    /// Whether a transparent `variant` answers with a status or code of its own, delegating
    /// the rest to its inner error.
    pub fn overrides(&self, variant: &Variant) -> bool {
        let attrs = self.variant_attrs(variant);
        self.transparent(variant) && (attrs.status.is_some() || attrs.code.is_some())
    }

    /// Whether a transparent `variant` overrides its inner error's status with a 5xx,
    /// which masks the inner message as for any 5xx.
    pub fn masks_inner_message(&self, variant: &Variant) -> bool {
        let attrs = self.variant_attrs(variant);
        self.transparent(variant) && attrs.status.is_some_and(|status| status.code >= 500)
    }

    /// The status of `variant`: its own, else the enum's default, else 500.
    pub fn status(&self, variant: &Variant) -> u16 {
        let attrs = self.variant_attrs(variant);
        attrs
            .status
            .or(self.attrs.default_status)
            .map_or(500, |s| s.code)
    }

    /// Whether `variant` shows a message: its `#[message]`, else none when it or the enum
    /// says `no_message`, else its `Display` for a 4xx. A runtime status may be a 5xx,
    /// whose `Display` is for logs: such a variant shows its `#[message]` only.
    pub fn public_message(&self, variant: &Variant) -> bool {
        let attrs = self.variant_attrs(variant);
        if attrs.message.is_some() {
            return true;
        }
        attrs.no_message.is_none()
            && self.attrs.no_message.is_none()
            && self.status(variant) < 500
            && self.runtime_status_field(variant).is_none()
    }

    /// Whether formats write the code of `variant` in the body: its own `code_in_body`,
    /// else the enum's, else yes.
    pub fn code_in_body(&self, variant: &Variant) -> bool {
        self.variant_attrs(variant)
            .code_in_body
            .as_ref()
            .or(self.attrs.code_in_body.as_ref())
            .is_none_or(syn::LitBool::value)
    }

    /// Whether some variant sets its own `code_in_body`, so the enum's is not everyone's.
    pub fn code_in_body_per_variant(&self) -> bool {
        self.is_enum
            && self
                .variants
                .iter()
                .any(|variant| variant.attrs.code_in_body.is_some())
    }

    /// The headers `variant` sends: its own, then the enum's that it neither declares
    /// itself (by name, in any case) nor omits.
    pub fn headers<'v>(&'v self, variant: &'v Variant) -> Vec<&'v Header> {
        let attrs = self.variant_attrs(variant);
        let mut headers: Vec<&Header> = attrs.headers.iter().collect();
        if self.is_enum {
            let own = |name: &str| {
                attrs
                    .headers
                    .iter()
                    .map(|header| &header.name)
                    .chain(&attrs.omitted_headers)
                    .any(|other| other.value().eq_ignore_ascii_case(name))
            };
            headers.extend(
                self.attrs
                    .headers
                    .iter()
                    .filter(|header| !own(&header.name.value())),
            );
        }
        headers
    }

    /// Whether `header` is one of the enum's, which every variant sends (a struct's are
    /// its own).
    pub fn enum_header(&self, header: &Header) -> bool {
        self.is_enum
            && self
                .attrs
                .headers
                .iter()
                .any(|own| std::ptr::eq(own, header))
    }

    /// The statuses whose mandated header (`WWW-Authenticate` on 401, `Allow` on 405)
    /// `variant` neither sends nor omits on purpose: a runtime status of one of them is
    /// refused, as a declared one is rejected.
    pub fn unsendable_statuses(&self, variant: &Variant) -> Vec<u16> {
        let headers = self.headers(variant);
        MANDATED
            .iter()
            .filter(|(_, header, ..)| {
                !headers
                    .iter()
                    .any(|declared| declared.name.value().eq_ignore_ascii_case(header))
                    && !self.omits(variant, header)
            })
            .map(|&(status, ..)| status)
            .collect()
    }

    /// Whether the API leaves out `header` (lowercase) for `variant`: the variant or the
    /// enum says `omit_header`.
    pub fn omits(&self, variant: &Variant, header: &str) -> bool {
        let attrs = self.variant_attrs(variant);
        attrs
            .omitted_headers
            .iter()
            .chain(if self.is_enum {
                &self.attrs.omitted_headers[..]
            } else {
                &[]
            })
            .any(|name| name.value().eq_ignore_ascii_case(header))
    }

    /// The field a variant's status is taken from at run time (`#[api_error(status)]`).
    pub fn runtime_status_field<'v>(&self, variant: &'v Variant<'a>) -> Option<&'v Field<'a>> {
        if self.transparent(variant) {
            return None;
        }
        variant
            .fields
            .iter()
            .find(|f| f.attrs.runtime_status.is_some())
    }

    /// The field a variant's code is taken from at run time (`#[api_error(code)]`).
    pub fn runtime_code_field<'v>(&self, variant: &'v Variant<'a>) -> Option<&'v Field<'a>> {
        if self.transparent(variant) {
            return None;
        }
        variant
            .fields
            .iter()
            .find(|f| f.attrs.runtime_code.is_some())
    }

    /// Whether some variant takes its status or code from a field.
    pub fn any_runtime(&self) -> bool {
        self.variants.iter().any(|variant| {
            self.runtime_status_field(variant).is_some()
                || self.runtime_code_field(variant).is_some()
        })
    }

    /// The statuses listed with `statuses(…)` besides the declared one, each once.
    pub fn listed_statuses(&self, variant: &Variant) -> Vec<Status> {
        let declared = self.status(variant);
        let mut listed: Vec<Status> = Vec::new();
        for status in self
            .variant_attrs(variant)
            .statuses
            .iter()
            .flat_map(|list| &list.items)
        {
            if status.code != declared && !listed.iter().any(|s| s.code == status.code) {
                listed.push(*status);
            }
        }
        listed
    }

    /// The codes listed with `codes(…)` besides the declared one, each once.
    pub fn listed_codes<'v>(&'v self, variant: &'v Variant<'a>) -> Vec<&'v LitStr> {
        let declared = code::of(self, variant).0;
        let mut listed: Vec<&LitStr> = Vec::new();
        for code in self
            .variant_attrs(variant)
            .codes
            .iter()
            .flat_map(|list| &list.items)
        {
            let value = code.value();
            if value != declared && !listed.iter().any(|c| c.value() == value) {
                listed.push(code);
            }
        }
        listed
    }

    pub fn type_uri<'v>(&'v self, variant: &'v Variant) -> Option<TypeUri<'v>> {
        let attrs = self.variant_attrs(variant);
        if let Some(template) = &attrs.type_uri {
            return Some(TypeUri::Template(template));
        }
        let base = self.attrs.type_base.as_ref()?;
        Some(TypeUri::Constant(format!(
            "{}{}",
            base.value(),
            code::of(self, variant).0
        )))
    }

    /// The parts every value of `variant` carries, in `Part` order: what its entry
    /// records and what `fmt_part` writes, decided here once.
    pub fn carried(&self, variant: &Variant) -> Vec<PartName> {
        let attrs = self.variant_attrs(variant);
        PartName::ALL
            .into_iter()
            .filter(|&part| match part {
                // A 4xx shows its `Display` without `#[message]`.
                PartName::Message => self.public_message(variant),
                // `type_base` gives a type without `type = "…"`.
                PartName::Type => self.type_uri(variant).is_some(),
                _ => attrs.template_of(part).is_some(),
            })
            .collect()
    }
}

impl Input<'_> {
    /// Whether `ty` names a generic parameter of the input (a type, lifetime or constant).
    pub fn generic(&self, ty: &syn::Type) -> bool {
        mentions(ty, &self.generic_params())
    }

    /// The names of the generic parameters (types, lifetimes, constants).
    pub fn generic_params(&self) -> BTreeSet<String> {
        self.generics
            .params
            .iter()
            .map(|param| match param {
                syn::GenericParam::Type(param) => param.ident.to_string(),
                syn::GenericParam::Lifetime(param) => param.lifetime.ident.to_string(),
                syn::GenericParam::Const(param) => param.ident.to_string(),
            })
            .collect()
    }
}

/// Whether `ty` names one of `params` (identifiers, lifetimes by their name).
pub fn mentions(ty: &syn::Type, params: &BTreeSet<String>) -> bool {
    fn walk(tokens: TokenStream, params: &BTreeSet<String>) -> bool {
        tokens.into_iter().any(|tree| match tree {
            TokenTree::Ident(ident) => params.contains(&ident.to_string()),
            TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    walk(q!([ty] #ty), params)
}

/// The smart pointers a transparent field may wrap its inner error in, as their paths may
/// be written; the derive delegates through them to the `ApiError` inside.
const POINTERS: &[&str] = &[
    "Box",
    "boxed::Box",
    "std::boxed::Box",
    "alloc::boxed::Box",
    "Arc",
    "sync::Arc",
    "std::sync::Arc",
    "alloc::sync::Arc",
];

const OPTIONS: &[&str] = &[
    "Option",
    "option::Option",
    "std::option::Option",
    "core::option::Option",
];

/// A transparent field's inner error: the type inside any `Box` and `Arc` around it, and
/// how many of them there are (each one more `*` to reach it).
pub struct Delegate<'a> {
    pub ty: &'a syn::Type,
    pub pointers: usize,
}

impl Field<'_> {
    /// The `ApiError` a transparent field delegates to, through `Box<T>` and `Arc<T>`.
    pub fn delegate(&self) -> Delegate<'_> {
        let mut delegate = Delegate {
            ty: self.ty,
            pointers: 0,
        };
        while let Some(inner) = wrapped(delegate.ty, POINTERS) {
            delegate = Delegate {
                ty: inner,
                pointers: delegate.pointers + 1,
            };
        }
        delegate
    }

    /// Whether the delegated type is an `Option`, which has no error to delegate to when
    /// it is `None`.
    pub fn delegates_to_option(&self) -> bool {
        wrapped(self.delegate().ty, OPTIONS).is_some()
    }
}

/// `T` when `ty` is `Name<T>` for one of `names` (written with or without a leading `::`).
fn wrapped<'a>(ty: &'a syn::Type, names: &[&str]) -> Option<&'a syn::Type> {
    let syn::Type::Path(syn::TypePath {
        qself: None, path, ..
    }) = ty
    else {
        return None;
    };
    let written = path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect::<Vec<_>>()
        .join("::");
    if !names.contains(&written.as_str()) {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &path.segments.last()?.arguments else {
        return None;
    };
    let mut types = arguments.args.iter().filter_map(|argument| match argument {
        syn::GenericArgument::Type(ty) => Some(ty),
        _ => None,
    });
    match (types.next(), types.next()) {
        (Some(ty), None) => Some(ty),
        _ => None,
    }
}

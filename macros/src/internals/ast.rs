//! The borrowed form of the derive input, with every attribute parsed.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Member, Type};

use crate::internals::attr::{self, Attrs, Level};
use crate::internals::ctxt::Errors;
use crate::internals::template::ArgName;

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: Attrs,
    pub is_enum: bool,
    pub variants: Vec<Variant<'a>>,
}

pub struct Variant<'a> {
    /// The variant, or the struct itself.
    pub ident: &'a Ident,
    pub attrs: Attrs,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub member: Member,
    pub index: usize,
    pub ty: &'a Type,
    pub attrs: Attrs,
    pub span: Span,
}

impl<'a> Input<'a> {
    pub fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        let (is_enum, level) = match &input.data {
            Data::Enum(_) => (true, Level::Enum),
            Data::Struct(_) => (false, Level::Struct),
            Data::Union(data) => {
                errors.at(
                    data.union_token.span,
                    "`ApiError` cannot be derived for a union: use an enum or a struct",
                );
                return None;
            }
        };
        let attrs = attr::parse(&input.attrs, level, errors);
        let variants = match &input.data {
            Data::Enum(data) => data
                .variants
                .iter()
                .map(|v| Variant {
                    ident: &v.ident,
                    attrs: attr::parse(&v.attrs, Level::Variant, errors),
                    fields: fields(&v.fields, errors),
                })
                .collect(),
            Data::Struct(data) => vec![Variant {
                ident: &input.ident,
                attrs: Attrs::default(),
                fields: fields(&data.fields, errors),
            }],
            Data::Union(_) => Vec::new(),
        };
        Some(Self {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            is_enum,
            variants,
        })
    }

    /// The attributes that describe a variant: a struct's are on the item itself.
    pub fn variant_attrs<'v>(&'v self, variant: &'v Variant<'a>) -> &'v Attrs {
        if self.is_enum {
            &variant.attrs
        } else {
            &self.attrs
        }
    }
}

fn fields<'a>(fields: &'a Fields, errors: &mut Errors) -> Vec<Field<'a>> {
    fields
        .iter()
        .enumerate()
        .map(|(index, field)| Field {
            member: field.ident.clone().map_or_else(
                || {
                    Member::Unnamed(syn::Index {
                        index: index as u32,
                        span: field.ty.span(),
                    })
                },
                Member::Named,
            ),
            index,
            ty: &field.ty,
            attrs: attr::parse(&field.attrs, Level::Field, errors),
            span: field
                .ident
                .as_ref()
                .map_or_else(|| field.ty.span(), Ident::span),
        })
        .collect()
}

impl Variant<'_> {
    /// The field an interpolation names.
    pub fn field(&self, name: &ArgName) -> Option<&Field<'_>> {
        self.fields
            .iter()
            .find(|field| match (&field.member, name) {
                (Member::Named(ident), ArgName::Named(name)) => unraw(ident) == *name,
                (Member::Unnamed(index), ArgName::Index(i)) => index.index as usize == *i,
                _ => false,
            })
    }

    /// The variant name as written, without `r#`.
    pub fn name(&self) -> String {
        unraw(self.ident)
    }
}

impl Field<'_> {
    /// The body member name of an exposed field: the given one, else the field name.
    pub fn exposed_name(&self) -> Option<String> {
        let expose = self.attrs.expose.as_ref()?;
        match (&expose.name, &self.member) {
            (Some(name), _) => Some(name.value()),
            (None, Member::Named(ident)) => Some(unraw(ident)),
            (None, Member::Unnamed(_)) => None,
        }
    }
}

pub fn unraw(ident: &Ident) -> String {
    let name = ident.to_string();
    name.strip_prefix("r#").map_or(name.clone(), str::to_owned)
}

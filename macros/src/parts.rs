//! The texts a variant carries (`apifault::Part`): which ones, for its catalogue entry
//! and `has_part`, and how `fmt_part` writes each straight into the formatter.

use std::collections::BTreeSet;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use crate::ast::Variant;
use crate::expand::{Cx, TypeUri, binding, shared_arms};
use crate::interpolate::{write, write_pointer};

impl Cx<'_> {
    /// The parts every value of `variant` carries, as the bit set `Entry` keeps: bit `n`
    /// for the `n`th variant of `apifault::Part` (`Message` 0, `Type` 1, `Instance` 2,
    /// `Link` 3, `Id` 4, `SourcePointer` 5, `SourceParameter` 6, `SourceHeader` 7).
    pub fn parts(&self, variant: &Variant) -> u8 {
        let attrs = self.input.variant_attrs(variant);
        let source = attrs.source.as_ref().map(|source| match source.kind {
            crate::attr::SourceKind::Pointer => 5,
            crate::attr::SourceKind::Parameter => 6,
            crate::attr::SourceKind::Header => 7,
        });
        [
            (self.public_message(variant), 0),
            (self.type_uri(variant).is_some(), 1),
            (attrs.instance.is_some(), 2),
            (attrs.link.is_some(), 3),
            (attrs.id.is_some(), 4),
        ]
        .into_iter()
        .chain(source.map(|bit| (true, bit)))
        .filter(|&(carried, _)| carried)
        .fold(0, |parts, (_, bit)| parts | 1 << bit)
    }

    /// From the entry, whose parts are known at compile time; a transparent variant asks
    /// its field, which may be an `ApiError` written by hand.
    pub fn has_part(&self) -> TokenStream {
        let private = self.private;
        let delegated = self
            .input
            .variants
            .iter()
            .filter(|variant| self.transparent(variant))
            .filter_map(|variant| {
                let (pattern, inner) = self.inner(variant)?;
                let via = self.via(variant);
                Some(quote!(#pattern => #via::has_part(#inner, __part),))
            })
            .collect::<Vec<_>>();
        let own = quote!(#private::Entry::has_part(#private::ApiError::entry(self), __part));
        if delegated.is_empty() {
            return own;
        }
        quote! {
            #[allow(unreachable_patterns)]
            match self {
                #(#delegated)*
                _ => #own,
            }
        }
    }

    /// One arm per variant that writes something, but variants whose arm binds no field
    /// share one arm when they write alike (a 4xx whose message is its `Display`, say);
    /// the rest write nothing.
    pub fn fmt_part(&self) -> TokenStream {
        let arms = shared_arms(
            self.input
                .variants
                .iter()
                .filter_map(|variant| self.fmt_part_arm(variant))
                .map(|(pattern, body, binds)| (pattern, body, !binds)),
        );
        quote! {
            #[allow(unreachable_patterns)]
            match self {
                #arms
                _ => ::core::result::Result::Ok(()),
            }
        }
    }

    /// The arm of `variant` (its pattern, its body, whether the pattern binds a field), or
    /// `None` when it writes no part.
    fn fmt_part_arm(&self, variant: &Variant) -> Option<(TokenStream, TokenStream, bool)> {
        let private = self.private;
        if self.transparent(variant)
            && let Some((pattern, inner)) = self.inner(variant)
        {
            let via = self.via(variant);
            return Some((
                pattern,
                quote!(#via::fmt_part(#inner, __part, __formatter)),
                true,
            ));
        }
        let attrs = self.input.variant_attrs(variant);
        let mut used = BTreeSet::new();
        let mut parts = Vec::new();
        if let Some(message) = &attrs.message {
            parts.push((quote!(Message), write(variant, message, &mut used)));
        } else if self.public_message(variant) {
            parts.push((
                quote!(Message),
                quote!(::core::fmt::Display::fmt(self, __formatter)),
            ));
        }
        match self.type_uri(variant) {
            Some(TypeUri::Template(template)) => {
                parts.push((quote!(Type), write(variant, template, &mut used)))
            }
            Some(TypeUri::Constant(text)) => {
                parts.push((quote!(Type), quote!(__formatter.write_str(#text))))
            }
            None => {}
        }
        for (part, template) in [
            (quote!(Instance), &attrs.instance),
            (quote!(Link), &attrs.link),
            (quote!(Id), &attrs.id),
        ] {
            if let Some(template) = template {
                parts.push((part, write(variant, template, &mut used)));
            }
        }
        if let Some(source) = &attrs.source {
            let part = format_ident!("{}", source.kind.part());
            let body = if source.kind == crate::attr::SourceKind::Pointer {
                write_pointer(variant, &source.value, &mut used, private)
            } else {
                write(variant, &source.value, &mut used)
            };
            parts.push((quote!(#part), body));
        }
        let pattern = self.pattern(
            variant,
            used.iter().filter_map(|&index| {
                let field = variant.fields.get(index)?;
                Some((field, binding(field, Span::call_site())))
            }),
        );
        if parts.is_empty() {
            return None;
        }
        let parts = parts
            .iter()
            .map(|(part, body)| quote!(#private::Part::#part => #body,));
        let body = quote!(match __part { #(#parts)* _ => ::core::result::Result::Ok(()), });
        Some((pattern, body, !used.is_empty()))
    }
}

//! `to_response_with` choosing each variant's format, for the types where some variant
//! declares its own.

use proc_macro2::{Ident, TokenStream};
use quote::{ToTokens, format_ident};

use crate::code::{join, terminated};
use crate::expand::cx::Cx;

impl Cx<'_> {
    /// A `to_response_with` that answers each variant declaring a format of its own in it,
    /// each `inner_format` variant as its inner error answers on its own, the others in
    /// the type's; nothing when no variant does either, so such types keep the trait's
    /// default, a direct call with no `match`.
    pub fn to_response_with(&self) -> TokenStream {
        let private = self.private;
        let in_type_format = self.in_type_format();
        if !self.input.any_own_format() {
            if self.input.attrs.negotiate.is_none() {
                return TokenStream::new();
            }
            return q! {[private, in_type_format]
                fn to_response_with(&self, __context: &#private::Context<'_>) -> #private::http::Response<#private::std::vec::Vec<u8>> {
                    #in_type_format
                }
            };
        }
        let mut answers_in_type_format = false;
        let arms = self.input.variants.iter().filter_map(|variant| {
            if self.input.inner_format(variant)
                && let Some((pattern, inner)) = self.inner(variant)
            {
                let via = self.via(variant);
                return Some(q!([pattern, via, inner] #pattern => #via::to_response_with(#inner, __context),));
            }
            let Some(format) = self.input.own_format(variant) else {
                answers_in_type_format = true;
                return None;
            };
            let pattern = self.pattern(variant, []);
            let alias = self.format_alias(format);
            Some(q!([pattern, private, alias] #pattern => #private::response_in::<#alias, Self>(self, __context),))
        });
        let arms: Vec<TokenStream> = arms.collect();
        // A transparent variant without a format of its own answers in the type's too.
        let others = answers_in_type_format.then(|| q!([in_type_format] _ => #in_type_format,));
        q! {[private, others, arms = join(arms, None)]
            fn to_response_with(&self, __context: &#private::Context<'_>) -> #private::http::Response<#private::std::vec::Vec<u8>> {
                match self {
                    #arms
                    #others
                }
            }
        }
    }
}

impl Cx<'_> {
    /// The response in the type's format: the one the request's `Accept` chooses among
    /// those of `negotiate(…)`, else `type Format`.
    fn in_type_format(&self) -> TokenStream {
        let private = self.private;
        let negotiated = self.input.negotiated();
        if negotiated.is_empty() {
            q!([private] #private::response::<<Self as #private::ApiError>::Format, Self>(self, __context))
        } else {
            let aliases = negotiated.into_iter().map(|path| self.format_alias(path));
            q!([private, aliases = terminated(aliases, ',')] #private::negotiate::response::<#private::negotiate::Aliased<(#aliases)>, Self>(self, __context))
        }
    }

    /// The formats variants declare for themselves, each once, in declaration order, then
    /// those the type negotiates among.
    fn own_formats(&self) -> Vec<(String, &syn::Path)> {
        let mut formats: Vec<(String, &syn::Path)> = Vec::new();
        let variant_formats = self
            .input
            .variants
            .iter()
            .filter_map(|variant| self.input.own_format(variant));
        for path in variant_formats.chain(self.input.negotiated()) {
            let written = path.to_token_stream().to_string();
            if !formats.iter().any(|(known, _)| *known == written) {
                formats.push((written, path));
            }
        }
        formats
    }

    /// The type through which the expansion names a variant's own or a negotiated format
    /// `path`: the
    /// format is named once, in the alias's `OwnFormat` impl, so a path that is not a
    /// `Format` is one error there, not one per use.
    pub fn format_alias(&self, path: &syn::Path) -> Ident {
        let written = path.to_token_stream().to_string();
        let index = self
            .own_formats()
            .iter()
            .position(|(known, _)| *known == written)
            .unwrap_or_default();
        format_ident!("__ApifaultFormat{}", index)
    }

    /// The aliases of the variants' own and the negotiated formats, with their `OwnFormat`
    /// impls.
    pub fn format_aliases(&self) -> TokenStream {
        let private = self.private;
        let aliases = self.own_formats().into_iter().map(|(_, path)| {
            let alias = self.format_alias(path);
            q! {[alias, private, path]
                struct #alias;

                impl #private::OwnFormat for #alias {
                    type Format = #path;
                }
            }
        });
        join(aliases, None)
    }
}

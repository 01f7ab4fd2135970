//! `log_level`: the level of each variant's response event, from `log = …` on the variant,
//! else on the enum, else the inner error's for a transparent variant, else by status.

use proc_macro2::{Ident, Span, TokenStream};

use crate::expand::cx::Cx;
use crate::internals::attr::Log;

impl Cx<'_> {
    /// The `log_level` method, or nothing when the trait's default (by status, none under
    /// `LOG = false`) is every variant's answer.
    pub fn log_level(&self) -> TokenStream {
        let input = self.input;
        let private = self.private;
        let on_type = input.attrs.log.as_ref();
        // A struct's key is its type's (`variant_attrs` of a struct are the item's).
        let any_key = input.is_enum
            && input
                .variants
                .iter()
                .any(|variant| variant.attrs.log.is_some());
        let any_transparent = input
            .variants
            .iter()
            .any(|variant| input.transparent(variant));
        // The default answers for every variant unless a variant sets a level, the enum
        // sets one by name, or a transparent variant delegates (no setting on the enum).
        let needed = any_key
            || matches!(on_type, Some(Log::Level(_)))
            || (any_transparent && on_type.is_none());
        if input.variants.is_empty() || !needed {
            return TokenStream::new();
        }
        let level = |log: &Log| match log {
            Log::Flag(flag) if !flag.value => q!([private] #private::None),
            Log::Flag(_) => q!([private] #private::Some(#private::LogLevel::for_status(
                #private::ApiError::status(self)
            ))),
            Log::Level(index) => {
                let variant = Ident::new(Log::LEVELS[*index].1, Span::call_site());
                q!([private, variant] #private::Some(#private::LogLevel::#variant))
            }
        };
        let by_status = q!([private] #private::Some(#private::LogLevel::for_status(
            #private::ApiError::status(self)
        )));
        let default = on_type.map_or(by_status, level);
        let body = self.method(
            |_| None,
            |variant| {
                input
                    .variant_attrs(variant)
                    .log
                    .as_ref()
                    .map_or_else(|| default.clone(), level)
            },
            |variant, via, inner| {
                (input.variant_attrs(variant).log.is_none() && on_type.is_none())
                    .then(|| q!([via, inner] #via::log_level(#inner)))
            },
        );
        q! {[private, body]
            fn log_level(&self) -> #private::core::option::Option<#private::LogLevel> {
                #body
            }
        }
    }
}

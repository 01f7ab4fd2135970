//! The impl methods for what a body carries besides its texts: the exposed members, the
//! violations and the response headers.

use std::collections::BTreeSet;

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::LitStr;
use syn::spanned::Spanned;

use crate::expand::cx::{Cx, binding, shared_arms};
use crate::expand::interpolate::append_header;
use crate::internals::ast::Field;
use crate::internals::reserved;

impl Cx<'_> {
    pub fn members(&self, format: &TokenStream) -> TokenStream {
        let private = self.private;
        let mut any = false;
        let arms = self
            .input
            .variants
            .iter()
            .map(|variant| {
                if self.input.transparent(variant)
                    && let Some((pattern, inner)) = self.inner(variant)
                {
                    any = true;
                    let via = self.via(variant);
                    return quote!(#pattern => #via::serialize_members(#inner, __map, __reserved),);
                }
                let exposed: Vec<(&Field, String)> = variant
                    .fields
                    .iter()
                    .filter_map(|f| Some((f, f.exposed_name()?)))
                    .collect();
                if exposed.is_empty() {
                    return TokenStream::new();
                }
                any = true;
                let known = reserved::members(self.input, variant, false).is_some();
                // A variant's own format is named through its alias, so a path that is
                // not a `Format` is reported once, at the alias.
                let (format, allowed) = match self.input.own_format(variant) {
                    Some(path) => {
                        let alias = self.format_alias(path);
                        (quote!(#path), quote!(#private::member_allowed_in::<#alias>))
                    }
                    None => (format.clone(), quote!(#private::member_allowed::<#format>)),
                };
                let pattern = self.pattern(
                    variant,
                    exposed
                        .iter()
                        .map(|(field, _)| (*field, binding(field, field.ty.span()))),
                );
                let (guards, entries): (Vec<_>, Vec<_>) = exposed
                    .iter()
                    .map(|(field, name)| {
                        let ty = field.ty;
                        let binding = binding(field, field.ty.span());
                        let guard = if known {
                            TokenStream::new()
                        } else {
                            let message = format!(
                                "apifault: the format `{}` writes a member named \
                                    `{name}` itself: expose the field under another name with \
                                    `#[api_error(expose = \"other_name\")]`",
                                format.to_string().replace(' ', "")
                            );
                            let at = Span::call_site().located_at(
                                field.attrs.expose.as_ref().map_or(field.span, |e| e.span),
                            );
                            // An item, not an inline `const { }`: evaluated by `cargo check` too, not
                            // only when the generic method is instantiated.
                            quote_spanned! {at=>
                                const _: () = ::core::assert!(
                                    #allowed(#name),
                                    #message
                                );
                            }
                        };
                        // The turbofish puts a missing `Serialize` at the field's whole type.
                        // A member the rendering format writes itself is left out: it may be a
                        // format other than the declared one, which the guard above cannot see.
                        (
                            guard,
                            quote! {
                                if !__reserved.contains(&#name) {
                                    #private::serde::ser::SerializeMap::serialize_entry::<str, #ty>(
                                        __map, #name, #binding,
                                    )?;
                                }
                            },
                        )
                    })
                    .unzip();
                // The guards are items: first, so no item follows a statement.
                quote!(#pattern => { #(#guards)* #(#entries)* ::core::result::Result::Ok(()) })
            })
            .collect::<Vec<_>>();
        if !any {
            return TokenStream::new();
        }
        quote! {
            fn serialize_members<__M: #private::serde::ser::SerializeMap>(&self, __map: &mut __M, __reserved: &[&str]) -> ::core::result::Result<(), __M::Error> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#arms)*
                    _ => ::core::result::Result::Ok(()),
                }
            }
        }
    }

    pub fn violations(&self) -> TokenStream {
        let private = self.private;
        let mut any = false;
        let arms = self
            .input
            .variants
            .iter()
            .map(|variant| {
                if self.input.transparent(variant)
                    && let Some((pattern, inner)) = self.inner(variant)
                {
                    any = true;
                    let via = self.via(variant);
                    return quote!(#pattern => #via::violations(#inner),);
                }
                let Some(field) = variant.fields.iter().find(|f| f.attrs.violations.is_some())
                else {
                    return TokenStream::new();
                };
                any = true;
                let binding = binding(field, field.ty.span());
                let pattern = self.pattern(variant, [(field, binding.clone())]);
                // The turbofish puts a type that is not a list of violations at the field's type.
                let ty = field.ty;
                let call = quote!(#private::Violations::new::<#ty>(#binding));
                quote!(#pattern => #call,)
            })
            .collect::<Vec<_>>();
        if !any {
            return TokenStream::new();
        }
        quote! {
            fn violations(&self) -> #private::Violations<'_> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#arms)*
                    _ => #private::Violations::none(),
                }
            }
        }
    }

    /// Each variant's headers, the enum's included; variants that send the same constant
    /// headers share an arm.
    pub fn headers(&self) -> TokenStream {
        let private = self.private;
        let mut any = false;
        let arms = self
            .input
            .variants
            .iter()
            .filter_map(|variant| {
                if self.input.transparent(variant)
                    && let Some((pattern, inner)) = self.inner(variant)
                {
                    any = true;
                    let via = self.via(variant);
                    return Some((
                        pattern,
                        quote!({ #via::headers(#inner, __headers); }),
                        false,
                    ));
                }
                let headers = self.input.headers(variant);
                if headers.is_empty() {
                    return None;
                }
                any = true;
                let mut used = BTreeSet::new();
                let appends = headers
                    .iter()
                    .map(|header| {
                        let name = LitStr::new(
                            &header.name.value().to_ascii_lowercase(),
                            header.name.span(),
                        );
                        let name = quote!(const { #private::http::HeaderName::from_static(#name) });
                        // A header of the enum reads no field, whatever the variant's are called.
                        let own = !self.input.enum_header(header);
                        append_header(
                            &self.scope(variant, own),
                            &header.value,
                            &name,
                            &mut used,
                            private,
                        )
                    })
                    .collect::<Vec<_>>();
                let pattern = self.pattern(
                    variant,
                    used.iter().filter_map(|&index| {
                        let field = variant.fields.get(index)?;
                        Some((field, binding(field, Span::call_site())))
                    }),
                );
                Some((pattern, quote!({ #(#appends)* }), used.is_empty()))
            })
            .collect::<Vec<_>>();
        if !any {
            return TokenStream::new();
        }
        let arms = shared_arms(arms.into_iter());
        quote! {
            fn headers(&self, __headers: &mut #private::http::HeaderMap) {
                #[allow(unreachable_patterns)]
                match self {
                    #arms
                    _ => {}
                }
            }
        }
    }
}

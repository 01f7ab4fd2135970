//! The body members of each variant (`serialize_members`): its declared members, constant
//! or interpolated, then its exposed fields in declaration order (an exposed `None` left
//! out, `null` kept, a field flattened, a field serialized `with` a module); and what its
//! body is when not its format's (`__own_body`: none, or a field's whole value).

use std::collections::BTreeSet;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote_spanned};
use syn::spanned::Spanned;

use crate::code::join;
use crate::expand::cx::{Cx, binding, bound_types, shared_arms};
use crate::expand::interpolate::member_value;
use crate::internals::ast::{Field, Variant};
use crate::internals::attr::With;
use crate::internals::members::Written;
use crate::internals::reserved;

impl Cx<'_> {
    /// `serialize_members`, and the items it names (the `with` wrappers), which go beside
    /// the impl.
    pub fn members(&self, format: &TokenStream) -> (TokenStream, TokenStream) {
        let mut any = false;
        let mut wrappers = Vec::new();
        let arms = self.input.variants.iter().filter_map(|variant| {
            if self.input.transparent(variant)
                && let Some((pattern, inner)) = self.inner(variant)
            {
                any = true;
                let via = self.via(variant);
                return Some((
                    pattern,
                    q!([via, inner] #via::serialize_members(#inner, __map, __reserved)),
                    None,
                ));
            }
            let arm = self.members_arm(variant, format, &mut wrappers)?;
            any = true;
            Some(arm)
        });
        let arms = shared_arms(arms.collect::<Vec<_>>().into_iter());
        if !any {
            return (TokenStream::new(), TokenStream::new());
        }
        let private = self.private;
        let method = q! {[private, arms]
            fn serialize_members<__M: #private::serde::ser::SerializeMap>(&self, __map: &mut __M, __reserved: &[&str]) -> ::core::result::Result<(), __M::Error> {
                #[allow(unreachable_patterns)]
                match self {
                    #arms
                    _ => ::core::result::Result::Ok(()),
                }
            }
        };
        (method, join(wrappers, None))
    }

    /// The arm of a variant that writes members: its pattern, its body, and its sharing
    /// key, so that variants alike (the same members from fields of the same types) share it.
    fn members_arm(
        &self,
        variant: &Variant,
        format: &TokenStream,
        wrappers: &mut Vec<TokenStream>,
    ) -> Option<(TokenStream, TokenStream, Option<String>)> {
        let private = self.private;
        if self.input.no_body(variant) || variant.body_field().is_some() {
            return None;
        }
        let declared = self.input.declared_members(variant);
        let exposed: Vec<&Field> = variant
            .fields
            .iter()
            .filter(|f| f.attrs.expose.is_some())
            .collect();
        if declared.is_empty() && exposed.is_empty() {
            return None;
        }
        let known = reserved::members(self.input, variant, false).is_some();
        // A variant's own format is named through its alias, so a path that is not a
        // `Format` is reported once, at the alias.
        let (format, allowed) = match self.input.own_format(variant) {
            Some(path) => {
                let alias = self.format_alias(path);
                (
                    q!([path] #path),
                    q!([private, alias] #private::member_allowed_in::<#alias>),
                )
            }
            None => (
                format.clone(),
                q!([private, format] #private::member_allowed::<#format>),
            ),
        };
        // A member named where the format cannot be read by the derive (a house format)
        // is checked by a constant assertion at its name.
        let guard = |name: &str, at: Span, fix: &str| {
            if known {
                return TokenStream::new();
            }
            let message = format!(
                "apifault: the format `{}` writes a member named `{name}` itself: {fix}",
                format.to_string().replace(' ', "")
            );
            let at = Span::call_site().located_at(at);
            // An item, not an inline `const { }`: evaluated by `cargo check` too, not only
            // when the generic method is instantiated.
            quote_spanned! {at=>
                const _: () = ::core::assert!(#allowed(#name), #message);
            }
        };
        let mut guards = Vec::new();
        let mut statements = Vec::new();
        let mut used = BTreeSet::new();
        for member in &declared {
            let name = member.name.value();
            guards.push(guard(
                &name,
                member.name.span(),
                "declare the member under another name",
            ));
            let value = member_value(
                &self.scope(variant, true),
                &member.value,
                &mut used,
                private,
            );
            statements.push(q! {[name, private, value]
                if !__reserved.contains(&#name) {
                    #private::serde::ser::SerializeMap::serialize_entry(__map, #name, #value)?;
                }
            });
        }
        let flattens = variant.flattens();
        for field in &exposed {
            used.insert(field.index);
            let ty = field.ty;
            let binding = binding(field, field.ty.span());
            let written = field.written();
            if written == Some(Written::Flattened) {
                // The turbofish puts a missing `Serialize` at the field's whole type.
                statements.push(q! {[ty, binding]
                    __flattened.write::<__M, #ty>(__map, #binding)?;
                });
                continue;
            }
            let Some(name) = field.exposed_name() else {
                continue;
            };
            let expose = field.attrs.expose.as_ref();
            guards.push(guard(
                &name,
                expose.map_or(field.span, |e| e.span),
                "expose the field under another name with `#[api_error(expose = \"other_name\")]`",
            ));
            let write = match expose.and_then(|e| e.with.as_ref()) {
                Some(with) => {
                    let wrapper = format_ident!("__ApifaultWith{}", wrappers.len());
                    wrappers.push(self.with_wrapper(&wrapper, field, with));
                    // The impl's own parameters, named: the marker cannot infer them.
                    let arguments = self.generic_arguments();
                    self.write_exposed(
                        written,
                        &name,
                        q!([wrapper, arguments = join(&arguments, Some(','))] #wrapper<'_, #arguments>),
                        &q!([wrapper, binding, arguments = join(&arguments, Some(','))] &#wrapper::<'_, #arguments>(#binding, ::core::marker::PhantomData)),
                    )
                }
                None => self.write_exposed(written, &name, q!([ty] #ty), &q!([binding] #binding)),
            };
            // A member the rendering format writes itself is left out: it may be a format
            // other than the declared one, which the guards cannot see.
            statements.push(q! {[name, write]
                if !__reserved.contains(&#name) {
                    #write
                }
            });
        }
        let flattened = flattens.then(|| {
            let variant_name = variant.name();
            let names = self.input.member_names(variant);
            q! {[private, variant_name, names = join(names, Some(','))]
                let mut __flattened = #private::Flattened::new(#variant_name, __reserved, &[#names]);
            }
        });
        let pattern = self.pattern(
            variant,
            used.iter().filter_map(|&index| {
                let field = variant.fields.get(index)?;
                Some((field, binding(field, field.ty.span())))
            }),
        );
        // The guards are items: first, so no item follows a statement.
        Some((
            pattern,
            q!([flattened, guards = join(guards, None), statements = join(statements, None)] { #guards #flattened #statements ::core::result::Result::Ok(()) }),
            Some(bound_types(variant, used.iter().copied())),
        ))
    }

    /// One exposed member of type `ty`: left out when `None`, unless `expose(null)`.
    fn write_exposed(
        &self,
        written: Option<Written>,
        name: &str,
        ty: TokenStream,
        value: &TokenStream,
    ) -> TokenStream {
        let private = self.private;
        // The turbofish puts a missing `Serialize` at the field's whole type.
        if written == Some(Written::MemberOrNull) {
            q!([private, ty, name, value] #private::serde::ser::SerializeMap::serialize_entry::<str, #ty>(__map, #name, #value)?;)
        } else {
            q!([private, ty, name, value] #private::exposed_member::<__M, #ty>(__map, #name, #value)?;)
        }
    }

    /// A type whose `Serialize` calls the field's `with` module (`module::serialize`) or
    /// `serialize_with` function, as serde's derive writes one, beside the impl: generic as
    /// the input is, with a lifetime for the borrowed field.
    fn with_wrapper(&self, wrapper: &syn::Ident, field: &Field, with: &With) -> TokenStream {
        let private = self.private;
        let ident = self.input.ident;
        let ty = field.ty;
        let mut generics = self.input.generics.clone();
        generics.params.insert(0, syn::parse_quote!('__a));
        let (input_params, input_types, input_where) = self.input.generics.split_for_impl();
        let (params, _, where_clause) = generics.split_for_impl();
        let path = &with.path;
        let function = if with.module {
            q!([path] #path::serialize)
        } else {
            q!([path] #path)
        };
        let at = Span::call_site().located_at(with.span);
        let call = quote_spanned!(at=> #function(self.0, __serializer));
        // `'_` in the impl, as clippy's `elidable_lifetime_names` asks.
        let arguments = self.generic_arguments();
        q! {[
            wrapper, params, ty, ident, input_types, where_clause, input_params, private,
            input_where, call, arguments = join(arguments, Some(','))
        ]
            struct #wrapper #params (&'__a #ty, ::core::marker::PhantomData<&'__a #ident #input_types>) #where_clause;

            impl #input_params #private::serde::Serialize for #wrapper<'_, #arguments> #input_where {
                fn serialize<__S: #private::serde::Serializer>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #call
                }
            }
        }
    }

    /// The input's generic parameters as arguments: `'a, T, N`.
    fn generic_arguments(&self) -> Vec<TokenStream> {
        self.input
            .generics
            .params
            .iter()
            .map(|param| match param {
                syn::GenericParam::Lifetime(param) => param.lifetime.to_token_stream(),
                syn::GenericParam::Type(param) => param.ident.to_token_stream(),
                syn::GenericParam::Const(param) => param.ident.to_token_stream(),
            })
            .collect()
    }

    /// `__own_body`, for a type with a variant without a body or with a body field, or with
    /// a transparent variant (which answers as its inner error does).
    pub fn own_body(&self) -> TokenStream {
        let private = self.private;
        let delegates = self
            .input
            .variants
            .iter()
            .any(|v| self.input.transparent(v) && !self.input.inner_format(v));
        if !self.input.any_own_body() && !delegates {
            return TokenStream::new();
        }
        let arms = self.input.variants.iter().filter_map(|variant| {
            if self.input.transparent(variant) {
                if self.input.inner_format(variant) {
                    return None;
                }
                let (pattern, inner) = self.inner(variant)?;
                let via = self.via(variant);
                return Some(q!([pattern, via, inner] #pattern => #via::__own_body(#inner),));
            }
            if self.input.no_body(variant) {
                let pattern = self.pattern(variant, []);
                return Some(q!([pattern, private] #pattern => #private::OwnBody::Empty,));
            }
            let field = variant.body_field()?;
            let binding = binding(field, field.ty.span());
            let pattern = self.pattern(variant, [(field, binding.clone())]);
            let ty = field.ty;
            // The turbofish puts a type that is not `Serialize` at the field's type.
            Some(q!([pattern, private, ty, binding] #pattern => #private::OwnBody::Whole(#private::whole_body::<#ty>(#binding)),))
        });
        q! {[private, arms = join(arms, None)]
            fn __own_body(&self) -> #private::OwnBody<'_> {
                #[allow(unreachable_patterns)]
                match self {
                    #arms
                    _ => #private::OwnBody::Format,
                }
            }
        }
    }
}

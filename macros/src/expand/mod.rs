//! Quotes the `ApiError` impl of a checked input.

use std::collections::{HashMap, hash_map};

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;
use syn::{Ident, Member};

use crate::expand::bounds::with_bounds;
use crate::internals::ast::{Field, Input, Variant};
use crate::internals::props::TypeUri;
use crate::internals::{code, status};

pub mod bounds;
pub mod interpolate;
pub mod parts;
pub mod payload;

pub fn derive(input: &Input) -> TokenStream {
    let krate = input
        .attrs
        .krate
        .as_ref()
        .map_or_else(|| quote!(::apifault), |path| quote!(#path));
    let private = quote!(#krate::__private);
    let cx = Cx {
        input,
        private: &private,
    };
    let format = input
        .attrs
        .format
        .as_ref()
        .map_or_else(|| quote!(#krate::Problem), |path| quote!(#path));
    let ident = input.ident;
    let generics = with_bounds(input, &private);
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();

    let Entries {
        statics,
        lookup: entry,
        catalogue,
    } = cx.entries();
    // `status()` and `code()` as matches of their own: the entry has both, but reading
    // them through it is one load more than the hand-written `match` they must equal.
    let status = cx.method(
        |v| cx.status_constant(v, false),
        |via, inner| quote!(#via::status(#inner)),
    );
    let code = cx.method(
        |v| {
            let code = code::of(input, v).0;
            quote!(#code)
        },
        |via, inner| quote!(#via::code(#inner)),
    );
    let has_part = cx.has_part();
    let fmt_part = cx.fmt_part();
    let members = cx.members(&format);
    let violations = cx.violations();
    let headers = cx.headers();
    // An empty enum has no value to match on, and `match self {}` is rejected (references
    // are always inhabited): `match *self {}` proves each method unreachable.
    let (entry, status, code, has_part, fmt_part) = if input.is_enum && input.variants.is_empty() {
        let never = quote!(match *self {});
        let [entry, status, code, has_part, fmt_part] = [(); 5].map(|()| never.clone());
        (entry, status, code, has_part, fmt_part)
    } else {
        (entry, status, code, has_part, fmt_part)
    };
    let code_in_body = match &input.attrs.code_in_body {
        Some(flag) if !flag.value => quote!(
            fn code_in_body(&self) -> bool {
                false
            }
        ),
        _ => TokenStream::new(),
    };

    // Paths are absolute (`::apifault::…`), which `unused_qualifications` never reports;
    // a `crate = path` of the user's may be relative, and then it would.
    let relative_crate = input
        .attrs
        .krate
        .as_ref()
        .filter(|path| path.leading_colon.is_none())
        .map(|_| quote!(unused_qualifications,));

    // The block scopes the entries' static to this impl; generic impls cannot hold one.
    // Allowed in it, as serde does for its derives: clippy's lints against the shape of
    // per-variant code (a `_` arm for the variants a method has nothing to do for, arms
    // alike, single-arm matches, positional format arguments that keep every field bound
    // by the match).
    quote! {
        #[allow(
            #relative_crate
            clippy::match_same_arms,
            clippy::match_wildcard_for_single_variants,
            clippy::single_match,
            clippy::single_match_else,
            clippy::uninlined_format_args
        )]
        const _: () = {
        #statics

        #[automatically_derived]
        impl #impl_generics #private::ApiError for #ident #type_generics #where_clause {
            type Format = #format;

            const CATALOGUE: &'static #private::Catalogue = #catalogue;

            fn entry(&self) -> &'static #private::Entry { #entry }

            fn status(&self) -> #private::http::StatusCode { #status }

            fn code(&self) -> &'static str { #code }

            fn has_part(&self, __part: #private::Part) -> bool { #has_part }

            fn fmt_part(&self, __part: #private::Part, __formatter: &mut #private::core::fmt::Formatter<'_>) -> #private::core::fmt::Result {
                #fmt_part
            }

            #members
            #violations
            #headers
            #code_in_body
        }

        // The framework impls of the runtime's enabled features (`axum`, `actix-web`):
        // the runtime decides which exist, so the derive needs not know its features.
        #private::__integrations! { [#impl_generics] [#ident #type_generics] [#where_clause] }
        };
    }
}

struct Entries {
    statics: TokenStream,
    lookup: TokenStream,
    catalogue: TokenStream,
}

pub struct Cx<'a> {
    pub input: &'a Input<'a>,
    pub private: &'a TokenStream,
}

/// The binding of a field in a match arm, resolved like generated code but reported at
/// `at` (a field type or an attribute literal), so type errors point at the user's code.
pub fn binding(field: &Field, at: Span) -> Ident {
    Ident::new(
        &format!("__field_{}", field.index),
        Span::call_site().located_at(at),
    )
}

impl Cx<'_> {
    /// `Self::Variant { 0: __field_0, name: __field_1, .. }` binding the given fields.
    pub fn pattern<'f>(
        &self,
        variant: &Variant,
        fields: impl IntoIterator<Item = (&'f Field<'f>, Ident)>,
    ) -> TokenStream {
        let bound = fields.into_iter().map(|(field, binding)| {
            let member = match &field.member {
                Member::Named(ident) => quote!(#ident),
                Member::Unnamed(index) => {
                    let index = syn::Index {
                        index: index.index,
                        span: Span::call_site(),
                    };
                    quote!(#index)
                }
            };
            quote!(#member: #binding,)
        });
        let path = if self.input.is_enum {
            let ident = variant.ident;
            quote!(Self::#ident)
        } else {
            quote!(Self)
        };
        quote!(#path { #(#bound)* .. })
    }

    pub fn inner(&self, variant: &Variant) -> Option<(TokenStream, Ident)> {
        let field = variant.fields.first()?;
        let binding = binding(field, field.ty.span());
        Some((self.pattern(variant, [(field, binding.clone())]), binding))
    }

    /// `<Inner as ApiError>`, through which a transparent variant delegates: an inner type
    /// that is not an `ApiError` is then reported once, at the field's type.
    pub fn via(&self, variant: &Variant) -> TokenStream {
        let private = self.private;
        match variant.fields.first() {
            Some(field) => {
                let ty = field.ty;
                quote!(<#ty as #private::ApiError>)
            }
            None => quote!(#private::ApiError),
        }
    }

    /// A `match self` with an arm per variant, variants with the same answer sharing one
    /// (`Self::A { .. } | Self::B { .. } => StatusCode::NOT_FOUND`); transparent variants
    /// delegate.
    fn method(
        &self,
        own: impl Fn(&Variant) -> TokenStream,
        delegate: impl Fn(&TokenStream, &Ident) -> TokenStream,
    ) -> TokenStream {
        let arms = self.input.variants.iter().map(|variant| {
            match self
                .input
                .transparent(variant)
                .then(|| self.inner(variant))
                .flatten()
            {
                Some((pattern, inner)) => (pattern, delegate(&self.via(variant), &inner), false),
                None => (self.pattern(variant, []), own(variant), true),
            }
        });
        let arms = shared_arms(arms);
        quote!(match self { #arms })
    }

    /// The status as a constant: the `http` constant where there is one (a path is
    /// cheaper for rustc to evaluate than a `const fn` call), else the checked conversion
    /// of the number, in a `const` block unless `in_constant` (a static's initializer)
    /// already makes it one, so it never runs at run time.
    fn status_constant(&self, variant: &Variant, in_constant: bool) -> TokenStream {
        let private = self.private;
        let code = self.input.status(variant);
        match status::name_of(code) {
            Some(name) => {
                let name = Ident::new(name, Span::call_site());
                quote!(#private::http::StatusCode::#name)
            }
            None if in_constant => quote!(#private::status(#code)),
            None => quote!(const { #private::status(#code) }),
        }
    }

    /// The variants' static entries, the `entry()` match over them, and the catalogue:
    /// the entries in declaration order, transparent variants nesting the inner type's.
    fn entries(&self) -> Entries {
        let private = self.private;
        let mut entries = Vec::new();
        let mut catalogue = Vec::new();
        // The first entry of the run not yet in the catalogue: each run of variants between
        // transparent ones is one catalogue item.
        let mut run_start = 0;
        let total = self
            .input
            .variants
            .iter()
            .filter(|variant| !self.input.transparent(variant))
            .count();
        let arms = self.input.variants.iter().map(|variant| {
            if self.input.transparent(variant)
                && let Some((pattern, inner)) = self.inner(variant)
            {
                if run_start < entries.len() {
                    catalogue.push(self.run(run_start, entries.len(), total));
                    run_start = entries.len();
                }
                if let Some(field) = variant.fields.first() {
                    let ty = field.ty;
                    catalogue.push(quote!(#private::CatalogueItem::Nested(<#ty as #private::ApiError>::CATALOGUE)));
                }
                let via = self.via(variant);
                return quote!(#pattern => #via::entry(#inner),);
            }
            let attrs = self.input.variant_attrs(variant);
            let name = variant.name();
            let status = self.status_constant(variant, true);
            let code = code::of(self.input, variant).0;
            let title = match &attrs.title {
                Some(title) => quote!(#private::Some(#title)),
                None => quote!(#private::None),
            };
            let doc = &attrs.doc;
            let public = self.input.public_message(variant);
            let members = variant.fields.iter().filter_map(Field::exposed_name);
            let type_uri = match self.input.type_uri(variant) {
                Some(TypeUri::Constant(text)) => Some(text),
                Some(TypeUri::Template(template)) => template.constant(),
                None => None,
            };
            let type_uri = match type_uri {
                Some(text) => quote!(#private::Some(#text)),
                None => quote!(#private::None),
            };
            let code_in_body = self.input.attrs.code_in_body.as_ref().is_none_or(|flag| flag.value);
            let parts = self.parts(variant);
            let index = entries.len();
            entries.push(quote! {
                #private::Entry::__new(#name, #status, #code, #title, #doc, #public, &[#(#members),*], #type_uri, #code_in_body, #parts)
            });
            let pattern = self.pattern(variant, []);
            quote!(#pattern => &__APIFAULT_ENTRIES[#index],)
        }).collect::<Vec<_>>();
        let count = entries.len();
        if run_start < count {
            catalogue.push(self.run(run_start, count, total));
        }
        Entries {
            statics: quote!(static __APIFAULT_ENTRIES: [#private::Entry; #count] = [#(#entries),*];),
            lookup: quote!(match self { #(#arms)* }),
            catalogue: quote!(&#private::Catalogue { __items: &[#(#catalogue),*] }),
        }
    }

    /// The catalogue item of the entries `start..end` of `total`.
    fn run(&self, start: usize, end: usize, total: usize) -> TokenStream {
        let private = self.private;
        if start == 0 && end == total {
            quote!(#private::CatalogueItem::Entries(&__APIFAULT_ENTRIES))
        } else {
            quote!(#private::CatalogueItem::Entries(#private::entries(&__APIFAULT_ENTRIES, #start, #end)))
        }
    }
}

/// Match arms from `(pattern, body, shareable)` in declaration order: shareable arms (whose
/// pattern binds nothing) with the same body become one arm of `|`-joined patterns, which
/// keeps the expansion of a large enum small.
pub fn shared_arms(arms: impl Iterator<Item = (TokenStream, TokenStream, bool)>) -> TokenStream {
    let mut joined: Vec<(Vec<TokenStream>, TokenStream)> = Vec::new();
    let mut by_body: HashMap<String, usize> = HashMap::new();
    for (pattern, body, shareable) in arms {
        if shareable {
            match by_body.entry(body.to_string()) {
                hash_map::Entry::Occupied(arm) => {
                    joined[*arm.get()].0.push(pattern);
                    continue;
                }
                hash_map::Entry::Vacant(slot) => {
                    slot.insert(joined.len());
                }
            }
        }
        joined.push((vec![pattern], body));
    }
    let arms = joined
        .iter()
        .map(|(patterns, body)| quote!(#(#patterns)|* => #body,));
    quote!(#(#arms)*)
}

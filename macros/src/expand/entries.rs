//! The variants' static entries, the `entry()` match over them, and the catalogue.

use std::collections::BTreeSet;

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote};

use crate::expand::cx::Cx;
use crate::internals::ast::Field;
use crate::internals::code;
use crate::internals::props::{TypeUri, mentions};

/// The parts of the impl built from the entries.
pub struct Entries {
    pub statics: TokenStream,
    pub lookup: TokenStream,
    pub catalogue: TokenStream,
    /// The `const` failing the build when a code of the type's own clashes with one of a
    /// nested type's, or two nested types' clash; empty when nothing is nested.
    pub unique_codes: TokenStream,
}

impl Cx<'_> {
    /// The variants' static entries, the `entry()` match over them, and the catalogue:
    /// the entries in declaration order, transparent variants nesting the inner type's.
    pub fn entries(&self) -> Entries {
        let private = self.private;
        let mut entries = Vec::new();
        let mut catalogue = Vec::new();
        // The catalogue items the duplicate check compares, each with what its message
        // calls it: empty for the type's own entries, the inner type for nested ones.
        let mut checked: Vec<(TokenStream, String)> = Vec::new();
        let generic = self.generic_params();
        let mut overridden = Vec::new();
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
                    let run = self.run(run_start, entries.len(), total);
                    catalogue.push(run.clone());
                    checked.push((run, String::new()));
                    run_start = entries.len();
                }
                let via = self.via(variant);
                // An inner type that mentions the generic parameters is left out of the
                // check: a `const` outside the impl cannot name it.
                let label = variant
                    .fields
                    .first()
                    .map(|field| field.delegate().ty)
                    .filter(|ty| !mentions(ty, &generic))
                    .map(|ty| type_name(&quote!(#ty)));
                let attrs = self.input.variant_attrs(variant);
                if self.input.overrides(variant) {
                    // The inner catalogue rewritten with this variant's status and code, at
                    // compile time; `entry()` answers from it.
                    let name = format_ident!("__APIFAULT_OVERRIDDEN_{}", overridden.len());
                    let status = match attrs.status {
                        Some(_) => {
                            let status = self.status_constant(variant, true);
                            quote!(#private::Some(#status))
                        }
                        None => quote!(#private::None),
                    };
                    let code = match &attrs.code {
                        Some(code) => quote!(#private::Some(#code)),
                        None => quote!(#private::None),
                    };
                    overridden.push(quote! {
                        static #name: [#private::Entry; #private::catalogue_len(#via::CATALOGUE)] =
                            #private::overridden(#via::CATALOGUE, #status, #code);
                    });
                    let item = quote!(#private::CatalogueItem::Entries(&#name));
                    catalogue.push(item.clone());
                    if let Some(label) = label {
                        checked.push((item, label));
                    }
                    return quote!(#pattern => #private::overridden_entry(&#name, #via::CATALOGUE, #via::entry(#inner)),);
                }
                let inner_catalogue = quote!(#via::CATALOGUE);
                catalogue.push(match self.input.own_format(variant) {
                    Some(format) => {
                        let alias = self.format_alias(format);
                        quote!(#private::CatalogueItem::NestedIn(#inner_catalogue, #private::VariantFormat::own::<#alias>()))
                    }
                    None => quote!(#private::CatalogueItem::Nested(#inner_catalogue)),
                });
                // The check compares codes, not formats.
                if let Some(label) = label {
                    checked.push((quote!(#private::CatalogueItem::Nested(#inner_catalogue)), label));
                }
                return quote!(#pattern => #via::entry(#inner),);
            }
            let attrs = self.input.variant_attrs(variant);
            let name = variant.name();
            let status = self.status_constant(variant, true);
            let code = code::of(self.input, variant).0;
            let shared = attrs.code_shared.is_some();
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
            let code_in_body = self.input.code_in_body(variant);
            let parts = self.parts(variant);
            let index = entries.len();
            let own_format = self.input.own_format(variant).map(|format| {
                let alias = self.format_alias(format);
                quote!(.__in_format::<#alias>())
            });
            let runtime = self.runtime_entry(variant);
            entries.push(quote! {
                #private::Entry::__new(#name, #status, #code, #shared, #title, #doc, #public, &[#(#members),*], #type_uri, #code_in_body, #parts) #own_format #runtime
            });
            let pattern = self.pattern(variant, []);
            quote!(#pattern => &__APIFAULT_ENTRIES[#index],)
        }).collect::<Vec<_>>();
        let count = entries.len();
        if run_start < count {
            let run = self.run(run_start, count, total);
            catalogue.push(run.clone());
            checked.push((run, String::new()));
        }
        let unique_codes = self.unique_codes(checked);
        Entries {
            statics: quote! {
                static __APIFAULT_ENTRIES: [#private::Entry; #count] = [#(#entries),*];
                #(#overridden)*
            },
            lookup: quote!(match self { #(#arms)* }),
            catalogue: quote!(&#private::Catalogue { __items: &[#(#catalogue),*] }),
            unique_codes,
        }
    }

    /// The `const` evaluating the duplicate check over the `checked` catalogue items (with
    /// their labels), reported at the type's name; nothing when no nested type can be
    /// checked. An inner type that mentions the generic parameters is not among them: its
    /// catalogue is known only per instantiation, where `Catalogue::assert_unique_codes`
    /// checks it.
    fn unique_codes(&self, checked: Vec<(TokenStream, String)>) -> TokenStream {
        let private = self.private;
        let nested = checked
            .iter()
            .filter(|(_, label)| !label.is_empty())
            .count();
        if nested == 0 || checked.len() < 2 {
            return TokenStream::new();
        }
        let (items, labels): (Vec<_>, Vec<_>) = checked.into_iter().unzip();
        let ident = self.input.ident;
        let owner = ident.to_string();
        // Every token at the type's name: the const evaluator reports a clash at the span
        // of the whole call.
        let at = Span::call_site().located_at(ident.span());
        let check = respan(
            quote! {
                const _: () = #private::assert_unique_codes::<{ #private::code_count(__APIFAULT_CHECKED) }>(
                    __APIFAULT_CHECKED,
                    #owner,
                    &[#(#labels),*],
                );
            },
            at,
        );
        quote! {
            // The codes of the nested types against the type's own and each other's, at
            // compile time: a clash fails the build naming the code and both types.
            const __APIFAULT_CHECKED: &#private::Catalogue =
                &#private::Catalogue { __items: &[#(#items),*] };
            #check
        }
    }

    /// The names of the generic parameters (types, lifetimes, constants), which a `const`
    /// outside the impl cannot name.
    fn generic_params(&self) -> BTreeSet<String> {
        self.input
            .generics
            .params
            .iter()
            .map(|param| match param {
                syn::GenericParam::Type(param) => param.ident.to_string(),
                syn::GenericParam::Lifetime(param) => param.lifetime.ident.to_string(),
                syn::GenericParam::Const(param) => param.ident.to_string(),
            })
            .collect()
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

/// A type as its user wrote it (`store::StoreError`, `Vec<u8>`), without the spaces token
/// printing puts around punctuation.
fn type_name(ty: &TokenStream) -> String {
    let printed = ty.to_string();
    let mut name = String::with_capacity(printed.len());
    let mut chars = printed.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        if c == ' ' {
            let next = chars.peek().copied().unwrap_or(' ');
            // A space is kept only between two words (`dyn Error`).
            let word = |c: char| c.is_alphanumeric() || c == '_';
            if !(word(previous) && word(next)) {
                continue;
            }
        }
        name.push(c);
        previous = c;
    }
    name
}

/// `tokens`, every one of them at `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut respanned = Group::new(group.delimiter(), respan(group.stream(), span));
                respanned.set_span(span);
                tree = TokenTree::Group(respanned);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}

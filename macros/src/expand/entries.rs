//! The variants' static entries, the `entry()` match over them, and the catalogue.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::expand::cx::Cx;
use crate::internals::ast::Field;
use crate::internals::code;
use crate::internals::props::TypeUri;

/// The parts of the impl built from the entries.
pub struct Entries {
    pub statics: TokenStream,
    pub lookup: TokenStream,
    pub catalogue: TokenStream,
}

impl Cx<'_> {
    /// The variants' static entries, the `entry()` match over them, and the catalogue:
    /// the entries in declaration order, transparent variants nesting the inner type's.
    pub fn entries(&self) -> Entries {
        let private = self.private;
        let mut entries = Vec::new();
        let mut catalogue = Vec::new();
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
                    catalogue.push(self.run(run_start, entries.len(), total));
                    run_start = entries.len();
                }
                let via = self.via(variant);
                if self.input.overrides(variant) {
                    // The inner catalogue rewritten with this variant's status and code, at
                    // compile time; `entry()` answers from it.
                    let attrs = self.input.variant_attrs(variant);
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
                    catalogue.push(quote!(#private::CatalogueItem::Entries(&#name)));
                    return quote!(#pattern => #private::overridden_entry(&#name, #via::CATALOGUE, #via::entry(#inner)),);
                }
                let inner_catalogue = quote!(#via::CATALOGUE);
                catalogue.push(match self.input.own_format(variant) {
                    Some(format) => quote!(#private::CatalogueItem::NestedIn(#inner_catalogue, #private::VariantFormat::of::<#format>())),
                    None => quote!(#private::CatalogueItem::Nested(#inner_catalogue)),
                });
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
            let own_format = self.input.own_format(variant).map(|format| quote!(.__in_format::<#format>()));
            let runtime = self.runtime_entry(variant);
            entries.push(quote! {
                #private::Entry::__new(#name, #status, #code, #shared, #title, #doc, #public, &[#(#members),*], #type_uri, #code_in_body, #parts) #own_format #runtime
            });
            let pattern = self.pattern(variant, []);
            quote!(#pattern => &__APIFAULT_ENTRIES[#index],)
        }).collect::<Vec<_>>();
        let count = entries.len();
        if run_start < count {
            catalogue.push(self.run(run_start, count, total));
        }
        Entries {
            statics: quote! {
                static __APIFAULT_ENTRIES: [#private::Entry; #count] = [#(#entries),*];
                #(#overridden)*
            },
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

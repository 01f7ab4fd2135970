//! On error: the compile errors plus a stub impl, so code that uses the type as an
//! `ApiError` elsewhere reports nothing more (no cascade).

use proc_macro2::TokenStream;
use syn::{Data, DeriveInput};

use crate::internals::attr::Attrs;

/// `attrs` are the type's attributes when they could be read: the stub then names the
/// same runtime path and format as a good derive would, so their imports stay used.
pub fn expand(input: &DeriveInput, attrs: Option<&Attrs>, error: &syn::Error) -> TokenStream {
    let errors = error.to_compile_error();
    if matches!(input.data, Data::Union(_)) {
        return errors;
    }
    let krate = attrs
        .and_then(|attrs| attrs.krate.as_ref())
        .map_or_else(|| q!([] ::apifault), |path| q!([path] #path));
    let format = attrs
        .and_then(|attrs| {
            attrs.format.as_ref().or_else(|| {
                attrs
                    .negotiate
                    .as_ref()
                    .and_then(|listed| listed.items.first())
            })
        })
        .map_or_else(|| q!([krate] #krate::Problem), |path| q!([path] #path));
    // Opted out here too, or a hand-written `IntoResponse` would conflict with the stub's.
    let opt_out = attrs
        .is_some_and(|attrs| !attrs.framework_impls())
        .then(|| q!([] framework_impls = false,));
    let ident = &input.ident;
    let mut generics = input.generics.clone();
    let wrapper = attrs.is_some_and(|attrs| attrs.wrapper.is_some());
    // As in a good derive: a type that is not an `Error` is reported once, by it; a wrapper
    // is none, and gets the `Display` a good derive gives it.
    let display = if wrapper {
        let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
        q! {[impl_generics, ident, type_generics, where_clause]
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #type_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }
        }
    } else {
        let bound = if generics.type_params().next().is_some() {
            syn::parse_quote!(Self: ::core::error::Error)
        } else {
            syn::parse_quote!(for<'__apifault> Self: ::core::error::Error)
        };
        generics.make_where_clause().predicates.push(bound);
        TokenStream::new()
    };
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
    q! {[errors, display, impl_generics, krate, ident, type_generics, where_clause, format, opt_out]
        #errors
        #display
        #[automatically_derived]
        impl #impl_generics #krate::__private::ApiError for #ident #type_generics #where_clause {
            type Format = #format;
            fn entry(&self) -> &'static #krate::__private::Entry {
                ::core::unreachable!()
            }
        }
        // The framework impls too, so a handler returning the type reports nothing more.
        #krate::__private::__integrations! { #opt_out [#impl_generics] [#ident #type_generics] [#where_clause] }
    }
}

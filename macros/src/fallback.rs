//! On error: the compile errors plus a stub impl, so code that uses the type as an
//! `ApiError` elsewhere reports nothing more (no cascade).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput};

pub fn expand(input: &DeriveInput, krate: Option<&syn::Path>, error: &syn::Error) -> TokenStream {
    let errors = error.to_compile_error();
    if matches!(input.data, Data::Union(_)) {
        return errors;
    }
    let krate = krate.map_or_else(|| quote!(::apifault), |path| quote!(#path));
    let ident = &input.ident;
    let mut generics = input.generics.clone();
    if generics.type_params().next().is_some() {
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(Self: ::std::error::Error));
    }
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
    quote! {
        #errors
        #[automatically_derived]
        impl #impl_generics #krate::__private::ApiError for #ident #type_generics #where_clause {
            type Format = #krate::Problem;
            fn entry(&self) -> &'static #krate::__private::Entry {
                ::core::unreachable!()
            }
        }
    }
}

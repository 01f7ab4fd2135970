//! The where-clauses a generic input needs: each generic field type bounded by the trait
//! its use requires (`Display` for `{field}`, `Serialize` when exposed, ...).

use std::collections::BTreeSet;

use proc_macro2::TokenStream;

use crate::internals::ast::Input;
use crate::internals::props::mentions;

/// The impl's generics with the bounds its generic fields need.
pub fn with_bounds(input: &Input, private: &TokenStream) -> syn::Generics {
    let mut generics = input.generics.clone();
    let params: BTreeSet<String> = generics
        .type_params()
        .map(|p| p.ident.to_string())
        .collect();
    if params.is_empty() {
        // A wrapper is never an `Error` (it would overlap `From<T> for T`).
        if input.attrs.wrapper.is_some() {
            return generics;
        }
        // Under a binder the bound is not "trivial", so a type that is not an `Error`
        // gets no error from each impl and method: only the one of `assert_error`.
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(for<'__apifault> Self: ::core::error::Error));
        return generics;
    }
    let mut bounds: Vec<TokenStream> = Vec::new();
    for variant in &input.variants {
        let attrs = input.variant_attrs(variant);
        let inherited = input.inherited_members(variant);
        let inherited = inherited.iter().map(|member| &member.value);
        for template in attrs
            .templates()
            .map(|(_, template)| template)
            .chain(inherited)
        {
            for (name, format) in template.whole_args() {
                if let Some(field) = variant.field(name).filter(|f| mentions(f.ty, &params)) {
                    let ty = field.ty;
                    bounds.push(q!([ty, format] #ty: #format));
                }
            }
        }
        for field in variant.fields.iter().filter(|f| mentions(f.ty, &params)) {
            let ty = field.ty;
            if attrs.transparent.is_some() {
                let inner = field.delegate().ty;
                bounds.push(q!([inner, private] #inner: #private::ApiError));
            }
            // A field serialized `with` a module needs only what the module needs.
            if field
                .attrs
                .expose
                .as_ref()
                .is_some_and(|e| e.with.is_none())
                || field.attrs.body.is_some()
            {
                bounds.push(q!([ty, private] #ty: #private::serde::Serialize));
            }
            if field.attrs.violations.is_some() {
                bounds.push(q!([ty, private] #ty: #private::ViolationList));
            }
            if field.attrs.runtime_status.is_some() {
                bounds.push(q!([ty, private] #ty: #private::AsStatus));
            }
            if field.attrs.runtime_code.is_some() {
                bounds.push(q!([ty, private] #ty: #private::AsCode));
            }
        }
    }
    bounds.push(q!([] Self: ::core::error::Error));
    let where_clause = generics.make_where_clause();
    for bound in bounds {
        if let Ok(predicate) = syn::parse2(bound) {
            where_clause.predicates.push(predicate);
        }
    }
    generics
}

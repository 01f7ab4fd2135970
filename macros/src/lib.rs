//! The derive behind [`apifault`](https://docs.rs/apifault). Depend on `apifault`, which
//! re-exports it; this crate's version is pinned by it.
//!
//! The pipeline, one job a file: `ast` (the input with parsed attributes), `attr` and
//! `keys` (the attribute grammar, each name in one table), `template` (interpolation
//! syntax), `case` (`rename_all`), `code` (machine codes), `valid` (rules across
//! attributes and variants), `expand` (the impl), with `interpolate` (templates into
//! `format_args!`), `parts` (the texts a variant carries), `payload` (members,
//! violations, headers) and `bounds` (generic where-clauses), and `fallback` (errors
//! plus a stub impl).

mod expand;
mod fallback;
mod internals;

#[cfg(test)]
mod expansion;
#[cfg(test)]
mod robustness;

use proc_macro::TokenStream;
use syn::DeriveInput;

/// Derives `apifault::ApiError`. See the `apifault` crate for the attributes.
#[proc_macro_derive(ApiError, attributes(status, code, message, title, api_error))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

/// The whole derive, on `proc_macro2` tokens so it can run outside a compiler too.
fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let mut errors = internals::ctxt::Errors::default();
    let Some(ast) = internals::ast::Input::from_syn(input, &mut errors) else {
        return fail(input, None, errors);
    };
    internals::check::check(&ast, &mut errors);
    if !errors.is_empty() {
        return fail(input, Some(&ast.attrs), errors);
    }
    expand::derive(&ast)
}

fn fail(
    input: &DeriveInput,
    attrs: Option<&internals::attr::Attrs>,
    errors: internals::ctxt::Errors,
) -> proc_macro2::TokenStream {
    match errors.into_result() {
        Ok(()) => proc_macro2::TokenStream::new(),
        Err(error) => fallback::expand(input, attrs, &error),
    }
}

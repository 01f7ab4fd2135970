//! The derive behind [`apifault`](https://docs.rs/apifault). Depend on `apifault`, which
//! re-exports it; this crate's version is pinned by it.
//!
//! The pipeline runs one way: parse, check, expand, or fall back. `internals` reads the
//! input and never imports `expand`: `ast` (the input with its attributes parsed by `attr`,
//! whose `keys` is the one table of `#[api_error(...)]` keys), `template` (interpolation
//! syntax), `case` (`rename_all`), `status` and `code` (their values and rules), `part`
//! (the texts a variant can carry), `props` (facts derived from the AST: status, public
//! message, type URI, carried parts), `reserved` (the members built-in formats write),
//! `check` (rules across attributes and variants), `ctxt` (every error, then combined) and
//! `suggest` ("did you mean"). `expand` writes the impl from a checked AST: `cx` (the
//! context and the shapes of match arms), `status`, `entries` (the entries and the
//! catalogue), `parts` (the texts), `interpolate` (templates into `format_args!`),
//! `payload` (members, violations, headers), `format` (the format of each variant),
//! `runtime` (statuses and codes read from fields), `wrapper` (a wrapper's search of its
//! chain) and `bounds` (generic where-clauses), all through `code`'s `q!` templates (the
//! generated code as source text, parsed once per expansion). `fallback` writes the
//! errors plus a stub impl.

#[macro_use]
mod code;
mod expand;
mod fallback;
mod internals;

#[cfg(test)]
mod expansion;
#[cfg(test)]
mod robustness;

use proc_macro::TokenStream;
use syn::DeriveInput;

use crate::internals::ast::Input;
use crate::internals::attr::Attrs;
use crate::internals::check;
use crate::internals::ctxt::Errors;

/// Derives `apifault::ApiError`. See the `apifault` crate for the attributes.
#[proc_macro_derive(ApiError, attributes(status, code, message, title, api_error))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

/// The whole derive, parse -> check -> expand, on `proc_macro2` tokens so it can run
/// outside a compiler too.
fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let _expansion = code::Expansion::begin();
    let mut errors = Errors::default();
    let Some(ast) = Input::from_syn(input, &mut errors) else {
        return fail(input, None, errors);
    };
    check::check(&ast, &mut errors);
    if !errors.is_empty() {
        return fail(input, Some(&ast.attrs), errors);
    }
    expand::derive(&ast)
}

fn fail(input: &DeriveInput, attrs: Option<&Attrs>, errors: Errors) -> proc_macro2::TokenStream {
    match errors.into_result() {
        Ok(()) => proc_macro2::TokenStream::new(),
        Err(error) => fallback::expand(input, attrs, &error),
    }
}

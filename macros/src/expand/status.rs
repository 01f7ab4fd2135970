//! The status as generated code names it.

use proc_macro2::{Span, TokenStream};
use syn::Ident;

use crate::expand::cx::Cx;
use crate::internals::ast::Variant;
use crate::internals::status;

impl Cx<'_> {
    /// The status as a constant: the `http` constant where there is one (a path is
    /// cheaper for rustc to evaluate than a `const fn` call), else the checked conversion
    /// of the number, in a `const` block unless `in_constant` (a static's initializer)
    /// already makes it one, so it never runs at run time.
    pub fn status_constant(&self, variant: &Variant, in_constant: bool) -> TokenStream {
        self.status_of(self.input.status(variant), in_constant)
    }

    /// [`status_constant`](Self::status_constant) for the status `code`.
    pub fn status_of(&self, code: u16, in_constant: bool) -> TokenStream {
        let private = self.private;
        match status::name_of(code) {
            Some(name) => {
                let name = Ident::new(name, Span::call_site());
                q!([private, name] #private::http::StatusCode::#name)
            }
            None if in_constant => q!([private, code] #private::status(#code)),
            None => q!([private, code] const { #private::status(#code) }),
        }
    }
}

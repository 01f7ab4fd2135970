//! `to_response_with` choosing each variant's format, for the types where some variant
//! declares its own.

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::cx::Cx;

impl Cx<'_> {
    /// A `to_response_with` that answers each variant declaring a format of its own in it,
    /// the others in the type's; nothing when no variant declares one, so such types keep
    /// the trait's default, a direct call with no `match`.
    pub fn to_response_with(&self) -> TokenStream {
        if !self.input.any_own_format() {
            return TokenStream::new();
        }
        let private = self.private;
        let respond =
            |format: TokenStream| quote!(#private::response::<#format, Self>(self, __context));
        let mut in_type_format = false;
        let arms = self.input.variants.iter().filter_map(|variant| {
            let Some(format) = self.input.own_format(variant) else {
                in_type_format = true;
                return None;
            };
            let pattern = self.pattern(variant, []);
            let body = respond(quote!(#format));
            Some(quote!(#pattern => #body,))
        });
        let arms: Vec<TokenStream> = arms.collect();
        // A transparent variant without a format of its own answers in the type's too.
        let others = in_type_format.then(|| {
            let body = respond(quote!(<Self as #private::ApiError>::Format));
            quote!(_ => #body,)
        });
        quote! {
            fn to_response_with(&self, __context: &#private::Context<'_>) -> #private::http::Response<#private::std::vec::Vec<u8>> {
                match self {
                    #(#arms)*
                    #others
                }
            }
        }
    }
}

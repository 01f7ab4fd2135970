//! What a variant says over gRPC, in its entry: the declared code and the type's domain.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Ident;

use crate::expand::cx::Cx;
use crate::internals::ast::Variant;
use crate::internals::grpc;

impl Cx<'_> {
    /// `.__grpc(…)` after a variant's `Entry::__new(…)`: its declared gRPC code and the
    /// type's `grpc_domain`; nothing for a type that declares neither.
    pub fn grpc_entry(&self, variant: &Variant) -> TokenStream {
        let private = self.private;
        let code = grpc::declared_code(self.input, variant);
        let domain = self.input.attrs.grpc_domain.as_ref();
        if code.is_none() && domain.is_none() {
            return TokenStream::new();
        }
        let code = match code {
            Some(name) => {
                let variant = Ident::new(&name.variant(), Span::call_site());
                quote!(#private::Some(#private::GrpcCode::#variant))
            }
            None => quote!(#private::None),
        };
        let domain = match domain {
            Some(domain) => quote!(#private::Some(#domain)),
            None => quote!(#private::None),
        };
        quote!(.__grpc(#code, #domain))
    }
}

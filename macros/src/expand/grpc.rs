//! What a variant says over gRPC, in its entry: the declared code and the type's domain.

use proc_macro2::{Span, TokenStream};
use syn::Ident;

use crate::expand::cx::Cx;
use crate::internals::ast::Variant;
use crate::internals::{code, grpc};

impl Cx<'_> {
    /// `.__grpc(…)` after a variant's `Entry::__new(…)`: its declared gRPC code, the type's
    /// `grpc_domain` and its code's AIP-193 reason, computed here once rather than per
    /// `Status`; nothing for a type that declares neither code nor domain.
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
                q!([private, variant] #private::Some(#private::GrpcCode::#variant))
            }
            None => q!([private] #private::None),
        };
        let domain = match domain {
            Some(domain) => q!([private, domain] #private::Some(#domain)),
            None => q!([private] #private::None),
        };
        // The checks rejected a constant code without one, under `grpc_domain`.
        let reason = match grpc::reason(&code::of(self.input, variant).0) {
            Some(reason) => q!([private, reason] #private::Some(#reason)),
            None => q!([private] #private::None),
        };
        q!([code, domain, reason] .__grpc(#code, #domain, #reason))
    }
}

//! The impl methods for what a body carries besides its texts and members: the violations
//! and the response headers (the members are `members.rs`'s).

use std::collections::BTreeSet;

use proc_macro2::{Span, TokenStream};
use syn::LitStr;
use syn::spanned::Spanned;

use crate::code::join;
use crate::expand::cx::{Cx, binding, bound_types, shared_arms};
use crate::expand::interpolate::append_header;

impl Cx<'_> {
    pub fn violations(&self) -> TokenStream {
        let private = self.private;
        let mut any = false;
        let arms = self
            .input
            .variants
            .iter()
            .filter_map(|variant| {
                if self.input.transparent(variant)
                    && let Some((pattern, inner)) = self.inner(variant)
                {
                    any = true;
                    let via = self.via(variant);
                    return Some((pattern, q!([via, inner] #via::violations(#inner)), None));
                }
                let field = variant
                    .fields
                    .iter()
                    .find(|f| f.attrs.violations.is_some())?;
                any = true;
                let binding = binding(field, field.ty.span());
                let pattern = self.pattern(variant, [(field, binding.clone())]);
                // The turbofish puts a type that is not a list of violations at the field's type.
                let ty = field.ty;
                let call = q!([private, ty, binding] #private::Violations::new::<#ty>(#binding));
                Some((pattern, call, Some(bound_types(variant, [field.index]))))
            })
            .collect::<Vec<_>>();
        if !any {
            return TokenStream::new();
        }
        let arms = shared_arms(arms.into_iter());
        q! {[private, arms]
            fn violations(&self) -> #private::Violations<'_> {
                #[allow(unreachable_patterns)]
                match self {
                    #arms
                    _ => #private::Violations::none(),
                }
            }
        }
    }

    /// Each variant's headers, the enum's included; variants that send the same constant
    /// headers share an arm.
    pub fn headers(&self) -> TokenStream {
        let private = self.private;
        let mut any = false;
        let arms = self
            .input
            .variants
            .iter()
            .filter_map(|variant| {
                if self.input.transparent(variant)
                    && let Some((pattern, inner)) = self.inner(variant)
                {
                    any = true;
                    let via = self.via(variant);
                    return Some((
                        pattern,
                        q!([via, inner] { #via::headers(#inner, __headers); }),
                        None,
                    ));
                }
                let headers = self.input.headers(variant);
                if headers.is_empty() {
                    return None;
                }
                any = true;
                let mut used = BTreeSet::new();
                let appends = headers
                    .iter()
                    .map(|header| {
                        let name = LitStr::new(
                            &header.name.value().to_ascii_lowercase(),
                            header.name.span(),
                        );
                        let name = q!([private, name] const { #private::http::HeaderName::from_static(#name) });
                        // A header of the enum reads no field, whatever the variant's are called.
                        let own = !self.input.enum_header(header);
                        append_header(
                            &self.scope(variant, own),
                            &header.value,
                            &name,
                            &mut used,
                            private,
                        )
                    })
                    .collect::<Vec<_>>();
                let pattern = self.pattern(
                    variant,
                    used.iter().filter_map(|&index| {
                        let field = variant.fields.get(index)?;
                        Some((field, binding(field, Span::call_site())))
                    }),
                );
                Some((pattern, q!([appends = join(appends, None)] { #appends }), used.is_empty().then(String::new)))
            })
            .collect::<Vec<_>>();
        if !any {
            return TokenStream::new();
        }
        let arms = shared_arms(arms.into_iter());
        q! {[private, arms]
            fn headers(&self, __headers: &mut #private::http::HeaderMap) {
                #[allow(unreachable_patterns)]
                match self {
                    #arms
                    _ => {}
                }
            }
        }
    }
}

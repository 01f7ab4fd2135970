//! A status or code decided at run time: the `status()` and `code()` arms that read the
//! field and fall back to the declared value, the entry's declared alternatives, and
//! `__warn_refused`, which logs what was refused.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::spanned::Spanned;

use crate::code::join;
use crate::expand::cx::{Cx, binding};
use crate::internals::ast::{Field, Variant, unraw};
use crate::internals::code;

impl Cx<'_> {
    /// The `status()` arm of a variant with a runtime status: its field's value when that
    /// is an error status it can send, else the declared one. A field read and the range
    /// check.
    pub fn runtime_status_arm(&self, variant: &Variant) -> Option<(TokenStream, TokenStream)> {
        let field = self.input.runtime_status_field(variant)?;
        let declared = self.status_constant(variant, false);
        let checked = self.checked_status(variant, field);
        Some((
            self.bound(variant, [field]),
            q!([checked, declared] #checked.unwrap_or(#declared)),
        ))
    }

    /// The `code()` arm of a variant with a runtime code: its field's value when that is a
    /// valid code, else the declared one.
    pub fn runtime_code_arm(&self, variant: &Variant) -> Option<(TokenStream, TokenStream)> {
        let field = self.input.runtime_code_field(variant)?;
        let declared = code::of(self.input, variant).0;
        let checked = self.checked(field, "checked_code");
        Some((
            self.bound(variant, [field]),
            q!([checked, declared] #checked.unwrap_or(#declared)),
        ))
    }

    /// `.__runtime(…)` after a variant's `Entry::__new(…)`: the statuses and codes it
    /// declares besides its own; nothing for a variant whose status and code are fixed.
    pub fn runtime_entry(&self, variant: &Variant) -> TokenStream {
        let runtime_status = self.input.runtime_status_field(variant).is_some();
        let runtime_code = self.input.runtime_code_field(variant).is_some();
        if !runtime_status && !runtime_code {
            return TokenStream::new();
        }
        let statuses = self
            .input
            .listed_statuses(variant)
            .into_iter()
            .map(|status| self.status_of(status.code, true));
        let codes = self.input.listed_codes(variant);
        q!([runtime_status, runtime_code, statuses = join(statuses, Some(',')), codes = join(codes, Some(','))] .__runtime(#runtime_status, &[#statuses], #runtime_code, &[#codes]))
    }

    /// `__warn_refused`, for a type with a runtime status or code or a transparent variant
    /// (whose inner type may have one): logs each runtime value replaced by the declared
    /// one, once per response; transparent variants delegate.
    pub fn warn_refused(&self) -> TokenStream {
        let private = self.private;
        let transparent = self
            .input
            .variants
            .iter()
            .any(|v| self.input.transparent(v));
        if !self.input.any_runtime() && !transparent {
            return TokenStream::new();
        }
        let arms = self.input.variants.iter().filter_map(|variant| {
            if self.input.transparent(variant) {
                let (pattern, inner) = self.inner(variant)?;
                let via = self.via(variant);
                return Some(q!([pattern, via, inner] #pattern => { #via::__warn_refused(#inner); }));
            }
            let status = self.input.runtime_status_field(variant);
            let code = self.input.runtime_code_field(variant);
            if status.is_none() && code.is_none() {
                return None;
            }
            // What the log line names: `Type::Variant`, or the struct.
            let name = if self.input.is_enum {
                format!("{}::{}", unraw(self.input.ident), variant.name())
            } else {
                variant.name()
            };
            let status = status.map(|field| {
                let declared = self.status_constant(variant, false);
                let checked = self.checked_status(variant, field);
                q!([private, checked, declared, name] #private::warn_refused_status(#checked, #declared, #name);)
            });
            let code = code.map(|field| {
                let declared = code::of(self.input, variant).0;
                let checked = self.checked(field, "checked_code");
                q!([private, checked, declared, name] #private::warn_refused_code(#checked, #declared, #name);)
            });
            let fields = [
                self.input.runtime_status_field(variant),
                self.input.runtime_code_field(variant),
            ];
            let pattern = self.bound(variant, fields.into_iter().flatten());
            Some(q!([pattern, status, code] #pattern => { #status #code }))
        });
        let arms: Vec<TokenStream> = arms.collect();
        q! {[arms = join(arms, None)]
            fn __warn_refused(&self) {
                #[allow(unreachable_patterns)]
                match self {
                    #arms
                    _ => {}
                }
            }
        }
    }

    /// `Self::Variant { field: __field_n, .. }` binding `fields` at their types.
    fn bound<'f>(
        &self,
        variant: &Variant,
        fields: impl IntoIterator<Item = &'f Field<'f>>,
    ) -> TokenStream {
        self.pattern(
            variant,
            fields
                .into_iter()
                .map(|field| (field, binding(field, field.ty.span()))),
        )
    }

    /// `__private::checked_…::<FieldType>(__field_n)`, spanned at the field's type so a
    /// type that cannot hold the value is reported there, once: `status()` and
    /// `__warn_refused` write the same call.
    /// `checked_status(field, unsendable)`: the runtime status, refused when it is out of
    /// range or mandates a header the variant does not send.
    fn checked_status(&self, variant: &Variant, field: &Field) -> TokenStream {
        let private = self.private;
        let ty = field.ty;
        let binding = binding(field, ty.span());
        let unsendable = self.input.unsendable_statuses(variant);
        quote_spanned!(ty.span()=> #private::checked_status::<#ty>(#binding, &[#(#unsendable),*]))
    }

    fn checked(&self, field: &Field, function: &str) -> TokenStream {
        let private = self.private;
        let ty = field.ty;
        let function = syn::Ident::new(function, proc_macro2::Span::call_site());
        let binding = binding(field, ty.span());
        quote_spanned!(ty.span()=> #private::#function::<#ty>(#binding))
    }
}

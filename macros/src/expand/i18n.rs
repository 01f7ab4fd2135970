//! The arguments each variant offers its translations (runtime feature `i18n`): written
//! into one `__i18n_impl!` call, which the runtime expands to nothing without the feature,
//! so the derive never learns it. A variant offers the fields its `#[message]` interpolates,
//! formatted as the message formats them; the runtime adds its body members (declared and
//! exposed), which the catalogue entry lists. Nothing else.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::LitStr;

use crate::code::join;
use crate::expand::cx::{Cx, binding};
use crate::internals::ast::{Field, Variant};
use crate::internals::code;
use crate::internals::part::PartName;
use crate::internals::reference::{Target, resolve};
use crate::internals::template::{ArgName, Piece};

/// One argument: its name and the statement that adds it.
struct Offered {
    name: String,
    add: TokenStream,
}

impl Cx<'_> {
    /// `__i18n_impl! { const __I18N_SIGNATURES …; fn __i18n_arguments … }`, inside the
    /// `ApiError` impl.
    pub fn i18n(&self) -> TokenStream {
        let private = self.private;
        let mut signatures = Vec::new();
        let mut arms = Vec::new();
        for variant in &self.input.variants {
            if self.input.transparent(variant) {
                let Some((pattern, inner)) = self.inner(variant) else {
                    continue;
                };
                let via = self.via(variant);
                signatures.push(
                    q!([private, via] #private::I18nSignature::Nested(#via::__I18N_SIGNATURES)),
                );
                if !self.input.masks_inner_message(variant) {
                    arms.push(q!([pattern, via, inner] #pattern => #via::__i18n_arguments(#inner, __arguments),));
                }
                continue;
            }
            let offered = self.offered(variant);
            let code = code::of(self.input, variant).0;
            let names = offered.iter().map(|offered| &offered.name);
            signatures.push(q!([private, code, names = join(names, Some(','))] #private::I18nSignature::Own(#code, &[#names])));
            if offered.is_empty() {
                continue;
            }
            let bound = variant
                .fields
                .iter()
                .filter(|field| offered_field(self, variant, field))
                .map(|field| (field, binding(field, Span::call_site())));
            let pattern = self.pattern(variant, bound);
            let adds = offered.iter().map(|offered| &offered.add);
            arms.push(q!([pattern, adds = join(adds, None)] #pattern => { #adds }));
        }
        let arguments = if arms.is_empty() {
            q!([] let _ = __arguments;)
        } else {
            q! {[arms = join(arms, None)]
                #[allow(unreachable_patterns)]
                match self {
                    #arms
                    _ => {}
                }
            }
        };
        q! {[private, arguments, signatures = join(signatures, Some(','))]
            #private::__i18n_impl! {
                const __I18N_SIGNATURES: &'static [#private::I18nSignature] = &[#signatures];

                fn __i18n_arguments(&self, __arguments: &mut #private::I18nArguments) {
                    #arguments
                }
            }
        }
    }

    /// What `variant`'s `#[message]` offers: the fields it interpolates. A variant that
    /// shows no message offers nothing (its title reads none).
    fn offered(&self, variant: &Variant) -> Vec<Offered> {
        let mut offered: Vec<Offered> = Vec::new();
        if !self.input.public_message(variant) {
            return offered;
        }
        let attrs = self.input.variant_attrs(variant);
        if let Some(template) = attrs.template_of(PartName::Message) {
            for piece in &template.pieces {
                let Piece::Arg {
                    name, path, spec, ..
                } = piece
                else {
                    continue;
                };
                let Target::Field(field) = resolve(template, name, Some(variant)) else {
                    continue;
                };
                let argument = argument_name(name, path);
                if offered.iter().any(|known| known.name == argument) {
                    continue;
                }
                let mut value = binding(field, Span::call_site()).into_token_stream();
                if !path.is_empty() {
                    let members = path.iter().map(|segment| match segment {
                        ArgName::Index(index) => syn::Index::from(*index).into_token_stream(),
                        ArgName::Named(name) => crate::internals::template::member(name)
                            .map(ToTokens::into_token_stream)
                            .unwrap_or_default(),
                        ArgName::Extra(_) => TokenStream::new(),
                    });
                    value = quote!(&#value #(.#members)*);
                }
                let format = if spec.is_empty() {
                    "{0}".to_owned()
                } else {
                    format!("{{0:{spec}}}")
                };
                let format = LitStr::new(&format, template.span());
                let literal = LitStr::new(&argument, Span::call_site());
                offered.push(Offered {
                    name: argument,
                    add: q!([literal, format, value] __arguments.push(#literal, ::core::format_args!(#format, #value));),
                });
            }
        }
        offered
    }
}

/// Whether the arm of `variant` binds `field`: a field its message interpolates.
fn offered_field(cx: &Cx<'_>, variant: &Variant, field: &Field) -> bool {
    if !cx.input.public_message(variant) {
        return false;
    }
    cx.input
        .variant_attrs(variant)
        .template_of(PartName::Message)
        .is_some_and(|template| {
            template.pieces.iter().any(|piece| match piece {
                Piece::Arg { name, .. } => matches!(
                    resolve(template, name, Some(variant)),
                    Target::Field(found) if found.index == field.index
                ),
                Piece::Text(_) => false,
            })
        })
}

/// The argument name of `{name.path}`: `id`, `field0`, `range-start`.
fn argument_name(name: &ArgName, path: &[ArgName]) -> String {
    let mut argument = match name {
        ArgName::Named(name) => name.clone(),
        ArgName::Index(index) | ArgName::Extra(index) => format!("field{index}"),
    };
    for segment in path {
        argument.push('-');
        argument.push_str(&segment.segment());
    }
    argument
}

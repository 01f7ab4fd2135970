//! Templates into `format_args!`, written straight into the formatter from the fields.

use std::collections::BTreeSet;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::LitStr;

use crate::expand::cx::binding;
use crate::internals::ast::Variant;
use crate::internals::template::{FormatTrait, Piece, Template};

/// The indices of the fields a match arm must bind.
pub type Used = BTreeSet<usize>;

/// Writes a template into `__formatter`, straight from the fields.
pub fn write(variant: &Variant, template: &Template, used: &mut Used) -> TokenStream {
    if let Some(text) = template.constant() {
        return quote!(__formatter.write_str(#text));
    }
    let arguments = format_arguments(variant, template, used);
    quote!(__formatter.write_fmt(#arguments))
}

/// `::core::format_args!("… {0} … {1:?}", __field_0, __field_2)`.
pub fn format_arguments(variant: &Variant, template: &Template, used: &mut Used) -> TokenStream {
    let mut format = String::new();
    let mut args = Vec::new();
    for piece in &template.pieces {
        match piece {
            Piece::Text(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Piece::Arg { name, spec, .. } => {
                let Some(field) = variant.field(name) else {
                    continue;
                };
                used.insert(field.index);
                let spec = if spec.is_empty() {
                    String::new()
                } else {
                    format!(":{spec}")
                };
                format.push_str(&format!("{{{}{spec}}}", args.len()));
                args.push(binding(field, Span::call_site()));
            }
        }
    }
    let format = LitStr::new(&format, template.span());
    quote!(::core::format_args!(#format, #(#args),*))
}

/// Writes a `source(pointer = "...")` template: each interpolated value is one reference
/// token, escaped by `PointerToken` so a `/` or `~` in it cannot split the pointer.
pub fn write_pointer(
    variant: &Variant,
    template: &Template,
    used: &mut Used,
    private: &TokenStream,
) -> TokenStream {
    if let Some(text) = template.constant() {
        return quote!(__formatter.write_str(#text));
    }
    let mut format = String::new();
    let mut args = Vec::new();
    for piece in &template.pieces {
        match piece {
            Piece::Text(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Piece::Arg {
                name,
                spec,
                format: format_trait,
            } => {
                let Some(field) = variant.field(name) else {
                    continue;
                };
                used.insert(field.index);
                let binding = binding(field, Span::call_site());
                // `PointerToken` escapes Display and Debug output; `{n:x}` and the other
                // numeric traits print no `/` or `~`.
                let arg = match format_trait {
                    FormatTrait::Display | FormatTrait::Debug => {
                        quote!(#private::PointerToken(#binding))
                    }
                    _ => quote!(#binding),
                };
                let spec = if spec.is_empty() {
                    String::new()
                } else {
                    format!(":{spec}")
                };
                format.push_str(&format!("{{{}{spec}}}", args.len()));
                args.push(arg);
            }
        }
    }
    let format = LitStr::new(&format, template.span());
    quote!(__formatter.write_fmt(::core::format_args!(#format, #(#args),*)))
}

//! Templates into `format_args!`, written straight into the formatter from the fields,
//! nested members, extra arguments, `{code}` and `{status}` (folded into the text where
//! they are constant).

use std::collections::BTreeSet;

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::LitStr;
use syn::spanned::Spanned;

use crate::code::join;
use crate::expand::cx::{Cx, binding};
use crate::internals::ast::Variant;
use crate::internals::code;
use crate::internals::reference::{Target, resolve};
use crate::internals::template::{ArgName, ExprToken, FormatTrait, Piece, Template};

/// The indices of the fields a match arm must bind.
pub type Used = BTreeSet<usize>;

/// How `{code}` or `{status}` is written for one variant.
pub enum Builtin {
    /// Known at compile time: folded into the text.
    Constant(String),
    /// Read at run time (a runtime code or status), an expression of `self`.
    Runtime(TokenStream),
}

/// Where a template is written: the variant whose fields it reads, and what `{code}` and
/// `{status}` are there.
pub struct Scope<'a> {
    pub variant: &'a Variant<'a>,
    /// Whether the template is the variant's own, whose names may be fields; one of the
    /// enum (a header every variant sends) reads `{code}`, `{status}` and arguments only.
    pub fields: bool,
    pub code: Builtin,
    pub status: Builtin,
}

impl Cx<'_> {
    /// The scope of a template of `variant` (`own`), or of the enum written for it.
    pub fn scope<'s>(&'s self, variant: &'s Variant<'s>, own: bool) -> Scope<'s> {
        let private = self.private;
        let code = if self.input.runtime_code_field(variant).is_some() {
            Builtin::Runtime(q!([private] #private::ApiError::code(self)))
        } else {
            Builtin::Constant(code::of(self.input, variant).0)
        };
        let status = if self.input.runtime_status_field(variant).is_some() {
            Builtin::Runtime(q!([private] #private::ApiError::status(self).as_u16()))
        } else {
            Builtin::Constant(self.input.status(variant).to_string())
        };
        Scope {
            variant,
            fields: own,
            code,
            status,
        }
    }
}

/// How the values are wrapped where the template is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Text,
    /// A JSON Pointer: each value is one escaped reference token.
    Pointer,
    /// A header value: `Option` fields are unwrapped, `Duration` and `SystemTime` written
    /// as seconds and HTTP dates.
    Header,
}

/// A template resolved for one scope: the `format_args!` string and arguments, or the
/// whole text when everything in it is constant.
struct Written {
    format: String,
    text: String,
    args: Vec<TokenStream>,
    /// `Option` fields a header reads: their bindings and the names of their values.
    options: Vec<(syn::Ident, syn::Ident)>,
}

impl Written {
    fn constant(&self) -> Option<&str> {
        self.args.is_empty().then_some(self.text.as_str())
    }

    fn format_args(&self, template: &Template) -> TokenStream {
        let format = LitStr::new(&self.format, template.span());
        let args = &self.args;
        q!([format, args = join(args, Some(','))] ::core::format_args!(#format, #args))
    }
}

fn resolve_in<'v>(scope: &Scope<'v>, template: &Template, name: &ArgName) -> Target<'v> {
    resolve(template, name, scope.fields.then_some(scope.variant))
}

fn written(
    scope: &Scope,
    template: &Template,
    used: &mut Used,
    place: Place,
    private: &TokenStream,
) -> Written {
    let mut out = Written {
        format: String::new(),
        text: String::new(),
        args: Vec::new(),
        options: Vec::new(),
    };
    // Where each extra argument went among the `format_args!` ones: each is evaluated once.
    let mut extra_at: Vec<Option<usize>> = vec![None; template.extra.len()];
    for piece in &template.pieces {
        let (name, path, spec, format) = match piece {
            Piece::Text(text) => {
                out.format
                    .push_str(&text.replace('{', "{{").replace('}', "}}"));
                out.text.push_str(text);
                continue;
            }
            Piece::Arg {
                name,
                path,
                spec,
                format,
            } => (name, path, spec, *format),
        };
        let escaped =
            place == Place::Pointer && matches!(format, FormatTrait::Display | FormatTrait::Debug);
        let value = match resolve_in(scope, template, name) {
            Target::Field(field) => {
                used.insert(field.index);
                let mut value = binding(field, Span::call_site()).into_token_stream();
                if place == Place::Header && field.option_inner().is_some() {
                    let some = format_ident!("__some_{}", field.index);
                    let bound = binding(field, Span::call_site());
                    if !out.options.iter().any(|(_, s)| *s == some) {
                        out.options.push((bound, some.clone()));
                    }
                    value = some.into_token_stream();
                }
                let members = path.iter().map(|segment| match segment {
                    ArgName::Index(index) => syn::Index {
                        index: u32::try_from(*index).unwrap_or(u32::MAX),
                        span: template.span(),
                    }
                    .into_token_stream(),
                    ArgName::Named(_) | ArgName::Extra(_) => {
                        let mut ident = member_ident(segment);
                        if let Some(ident) = &mut ident {
                            ident.set_span(template.span());
                        }
                        ident.into_token_stream()
                    }
                });
                if !path.is_empty() {
                    value = quote!(&#value #(.#members)*);
                } else if place == Place::Header && spec.is_empty() && field.header_time() {
                    // A field of another type of that name is reported at its type.
                    let span = Span::call_site().located_at(field.ty.span());
                    let private = respanned(private, span);
                    let value_at_type = respanned(&value, span);
                    value = quote_spanned!(span=> #private::header_time(#value_at_type));
                }
                value
            }
            Target::Extra(index) => {
                if let Some(Some(at)) = extra_at.get(index) {
                    push_placeholder(&mut out.format, *at, spec);
                    continue;
                }
                let Some(arg) = template.extra.get(index) else {
                    continue;
                };
                let expr = expression(scope, &arg.expr, used);
                if let Some(slot) = extra_at.get_mut(index) {
                    *slot = Some(out.args.len());
                }
                expr
            }
            Target::Code | Target::Status => {
                let builtin = if matches!(resolve_in(scope, template, name), Target::Code) {
                    &scope.code
                } else {
                    &scope.status
                };
                match builtin {
                    Builtin::Constant(text) if spec.is_empty() => {
                        out.format.push_str(text);
                        out.text.push_str(text);
                        continue;
                    }
                    Builtin::Constant(text) => {
                        if text.parse::<u16>().is_ok() {
                            let number = proc_macro2::Literal::u16_unsuffixed(
                                text.parse().unwrap_or_default(),
                            );
                            number.into_token_stream()
                        } else {
                            LitStr::new(text, template.span()).into_token_stream()
                        }
                    }
                    Builtin::Runtime(expr) => expr.clone(),
                }
            }
            // Reported by the checks.
            Target::Unknown => continue,
        };
        let value = if escaped {
            q!([private, value] #private::PointerToken(#value))
        } else {
            value
        };
        push_placeholder(&mut out.format, out.args.len(), spec);
        out.args.push(value);
    }
    out
}

/// `tokens` (a path) all at `span`, so an error about the path points there.
fn respanned(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut token| {
            token.set_span(span);
            token
        })
        .collect()
}

/// A named member of a nested access as an identifier, raw if it is a keyword.
fn member_ident(segment: &ArgName) -> Option<syn::Ident> {
    match segment {
        ArgName::Named(name) => crate::internals::template::member(name),
        ArgName::Index(_) | ArgName::Extra(_) => None,
    }
}

fn push_placeholder(format: &mut String, position: usize, spec: &str) {
    if spec.is_empty() {
        format.push_str(&format!("{{{position}}}"));
    } else {
        format.push_str(&format!("{{{position}:{spec}}}"));
    }
}

/// An extra argument's tokens, each `.field` the field's binding.
fn expression(scope: &Scope, tokens: &[ExprToken], used: &mut Used) -> TokenStream {
    let mut out = TokenStream::new();
    for token in tokens {
        match token {
            ExprToken::Tree(tree) => out.extend([tree.clone()]),
            ExprToken::Group(delimiter, span, inner) => {
                let mut group = Group::new(*delimiter, expression(scope, inner, used));
                group.set_span(*span);
                out.extend([TokenTree::Group(group)]);
            }
            ExprToken::Field(name, span) => {
                if let Some(field) = scope.variant.field(name).filter(|_| scope.fields) {
                    used.insert(field.index);
                    binding(field, *span).to_tokens(&mut out);
                }
            }
        }
    }
    out
}

/// Writes a template into `__formatter`, straight from the fields.
pub fn write(
    scope: &Scope,
    template: &Template,
    used: &mut Used,
    private: &TokenStream,
) -> TokenStream {
    let written = written(scope, template, used, Place::Text, private);
    if let Some(text) = written.constant() {
        return q!([text] __formatter.write_str(#text));
    }
    let arguments = written.format_args(template);
    q!([arguments] __formatter.write_fmt(#arguments))
}

/// The whole text of a template when nothing in it is read at run time (`{code}` and a
/// declared `{status}` are constant).
pub fn constant(scope: &Scope, template: &Template, private: &TokenStream) -> Option<String> {
    let written = written(scope, template, &mut Used::new(), Place::Text, private);
    written.constant().map(str::to_owned)
}

/// The value of a declared body member, an expression that serializes as a string: the
/// text itself when constant, else the template formatted when serialized.
pub fn member_value(
    scope: &Scope,
    template: &Template,
    used: &mut Used,
    private: &TokenStream,
) -> TokenStream {
    let written = written(scope, template, used, Place::Text, private);
    if let Some(text) = written.constant() {
        return q!([text] #text);
    }
    let arguments = written.format_args(template);
    q!([private, arguments] &#private::Interpolated(#arguments))
}

/// Writes a `source(pointer = "...")` template: each interpolated value is one reference
/// token, escaped by `PointerToken` so a `/` or `~` in it cannot split the pointer.
pub fn write_pointer(
    scope: &Scope,
    template: &Template,
    used: &mut Used,
    private: &TokenStream,
) -> TokenStream {
    let written = written(scope, template, used, Place::Pointer, private);
    if let Some(text) = written.constant() {
        return q!([text] __formatter.write_str(#text));
    }
    let arguments = written.format_args(template);
    q!([arguments] __formatter.write_fmt(#arguments))
}

/// Appends the header `name` (a constant `HeaderName`) to `__headers`: a constant value
/// checked at compile time, else one formatted at run time and dropped if invalid; a value
/// that reads an `Option` field is sent only when each is `Some`.
pub fn append_header(
    scope: &Scope,
    template: &Template,
    name: &TokenStream,
    used: &mut Used,
    private: &TokenStream,
) -> TokenStream {
    let written = written(scope, template, used, Place::Header, private);
    if let Some(value) = written.constant() {
        let value = LitStr::new(value, template.span());
        // `append` says whether the name was there already; nothing to do with that.
        return q!([name, private, value] let _ = __headers.append(#name, const { #private::http::HeaderValue::from_static(#value) }););
    }
    let arguments = written.format_args(template);
    let append =
        q!([private, name, arguments] #private::append_header(__headers, #name, #arguments););
    match written.options.as_slice() {
        [] => append,
        [(bound, some)] => {
            q!([private, some, bound, append] if let #private::Some(#some) = #bound { #append })
        }
        options => {
            let bound = options.iter().map(|(bound, _)| bound);
            let some = options.iter().map(|(_, some)| some);
            quote!(if let (#(#private::Some(#some),)*) = (#(#bound,)*) { #append })
        }
    }
}

//! Quotes the `ApiError` impl of a checked input.

use std::collections::BTreeSet;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, LitStr, Member};

use crate::ast::{Field, Input, Variant};
use crate::code;
use crate::template::{Piece, Template};

pub fn derive(input: &Input) -> TokenStream {
    let krate = input
        .attrs
        .krate
        .as_ref()
        .map_or_else(|| quote!(::apifault), |path| quote!(#path));
    let private = quote!(#krate::__private);
    let cx = Cx {
        input,
        private: &private,
    };
    let format = input
        .attrs
        .format
        .as_ref()
        .map_or_else(|| quote!(#krate::Problem), |path| quote!(#path));
    let ident = input.ident;
    let generics = with_bounds(input, &private);
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();

    let Entries {
        statics,
        lookup: entry,
        catalogue,
    } = cx.entries();
    let status = cx.method(
        |v| {
            let code = cx.status(v);
            quote!(const { #private::status(#code) })
        },
        |via, inner| quote!(#via::status(#inner)),
    );
    let code = cx.method(
        |v| {
            let code = code::of(input, v).0;
            quote!(#code)
        },
        |via, inner| quote!(#via::code(#inner)),
    );
    let has_part = cx.has_part();
    let fmt_part = cx.fmt_part();
    let members = cx.members(&format);
    let violations = cx.violations();
    let headers = cx.headers();
    // An empty enum has no value to match on, and `match self {}` is rejected (references
    // are always inhabited): `match *self {}` proves each method unreachable.
    let (entry, status, code, has_part, fmt_part) = if input.is_enum && input.variants.is_empty() {
        let never = quote!(match *self {});
        let [entry, status, code, has_part, fmt_part] = [(); 5].map(|()| never.clone());
        (entry, status, code, has_part, fmt_part)
    } else {
        (entry, status, code, has_part, fmt_part)
    };
    let code_in_body = match &input.attrs.code_in_body {
        Some(flag) if !flag.value => quote!(
            fn code_in_body(&self) -> bool {
                false
            }
        ),
        _ => TokenStream::new(),
    };

    // The block scopes the entries' static to this impl; generic impls cannot hold one.
    quote! {
        const _: () = {
        #statics

        #[automatically_derived]
        impl #impl_generics #private::ApiError for #ident #type_generics #where_clause {
            type Format = #format;

            const CATALOGUE: &'static #private::Catalogue = #catalogue;

            fn entry(&self) -> &'static #private::Entry { #entry }

            fn status(&self) -> #private::http::StatusCode { #status }

            fn code(&self) -> &'static str { #code }

            fn has_part(&self, __part: #private::Part) -> bool { #has_part }

            fn fmt_part(&self, __part: #private::Part, __formatter: &mut #private::core::fmt::Formatter<'_>) -> #private::core::fmt::Result {
                #fmt_part
            }

            #members
            #violations
            #headers
            #code_in_body
        }

        // The framework impls of the runtime's enabled features (`axum`, `actix-web`):
        // the runtime decides which exist, so the derive needs not know its features.
        #private::__integrations! { [#impl_generics] [#ident #type_generics] [#where_clause] }
        };
    }
}

struct Entries {
    statics: TokenStream,
    lookup: TokenStream,
    catalogue: TokenStream,
}

struct Cx<'a> {
    input: &'a Input<'a>,
    private: &'a TokenStream,
}

/// The binding of a field in a match arm, resolved like generated code but reported at
/// `at` (a field type or an attribute literal), so type errors point at the user's code.
fn binding(field: &Field, at: Span) -> Ident {
    Ident::new(
        &format!("__field_{}", field.index),
        Span::call_site().located_at(at),
    )
}

impl Cx<'_> {
    fn transparent(&self, variant: &Variant) -> bool {
        self.input.variant_attrs(variant).transparent.is_some()
    }

    /// `Self::Variant { 0: __field_0, name: __field_1, .. }` binding the given fields.
    fn pattern<'f>(
        &self,
        variant: &Variant,
        fields: impl IntoIterator<Item = (&'f Field<'f>, Ident)>,
    ) -> TokenStream {
        let bound = fields.into_iter().map(|(field, binding)| {
            let member = match &field.member {
                Member::Named(ident) => quote!(#ident),
                Member::Unnamed(index) => {
                    let index = syn::Index {
                        index: index.index,
                        span: Span::call_site(),
                    };
                    quote!(#index)
                }
            };
            quote!(#member: #binding,)
        });
        let path = if self.input.is_enum {
            let ident = variant.ident;
            quote!(Self::#ident)
        } else {
            quote!(Self)
        };
        quote!(#path { #(#bound)* .. })
    }

    fn inner(&self, variant: &Variant) -> Option<(TokenStream, Ident)> {
        let field = variant.fields.first()?;
        let binding = binding(field, field.ty.span());
        Some((self.pattern(variant, [(field, binding.clone())]), binding))
    }

    /// `<Inner as ApiError>`, through which a transparent variant delegates: an inner type
    /// that is not an `ApiError` is then reported once, at the field's type.
    fn via(&self, variant: &Variant) -> TokenStream {
        let private = self.private;
        match variant.fields.first() {
            Some(field) => {
                let ty = field.ty;
                quote!(<#ty as #private::ApiError>)
            }
            None => quote!(#private::ApiError),
        }
    }

    /// A `match self` with one arm per variant; transparent variants delegate.
    fn method(
        &self,
        own: impl Fn(&Variant) -> TokenStream,
        delegate: impl Fn(&TokenStream, &Ident) -> TokenStream,
    ) -> TokenStream {
        let arms = self.input.variants.iter().map(|variant| {
            match self
                .transparent(variant)
                .then(|| self.inner(variant))
                .flatten()
            {
                Some((pattern, inner)) => {
                    let body = delegate(&self.via(variant), &inner);
                    quote!(#pattern => #body,)
                }
                None => {
                    let pattern = self.pattern(variant, []);
                    let body = own(variant);
                    quote!(#pattern => #body,)
                }
            }
        });
        quote!(match self { #(#arms)* })
    }

    fn status(&self, variant: &Variant) -> u16 {
        let attrs = self.input.variant_attrs(variant);
        attrs
            .status
            .or(self.input.attrs.default_status)
            .map_or(500, |s| s.code)
    }

    fn public_message(&self, variant: &Variant) -> bool {
        self.input.variant_attrs(variant).message.is_some() || self.status(variant) < 500
    }

    fn type_uri<'v>(&'v self, variant: &'v Variant) -> Option<TypeUri<'v>> {
        let attrs = self.input.variant_attrs(variant);
        if let Some(template) = &attrs.type_uri {
            return Some(TypeUri::Template(template));
        }
        let base = self.input.attrs.type_base.as_ref()?;
        Some(TypeUri::Constant(format!(
            "{}{}",
            base.value(),
            code::of(self.input, variant).0
        )))
    }

    /// The variants' static entries, the `entry()` match over them, and the catalogue:
    /// the entries in declaration order, transparent variants nesting the inner type's.
    fn entries(&self) -> Entries {
        let private = self.private;
        let mut entries = Vec::new();
        let mut catalogue = Vec::new();
        let arms = self.input.variants.iter().map(|variant| {
            if self.transparent(variant)
                && let Some((pattern, inner)) = self.inner(variant)
            {
                if let Some(field) = variant.fields.first() {
                    let ty = field.ty;
                    catalogue.push(quote!(#private::CatalogueItem::Nested(<#ty as #private::ApiError>::CATALOGUE)));
                }
                let via = self.via(variant);
                return quote!(#pattern => #via::entry(#inner),);
            }
            let attrs = self.input.variant_attrs(variant);
            let name = variant.name();
            let status = self.status(variant);
            let code = code::of(self.input, variant).0;
            let title = match &attrs.title {
                Some(title) => quote!(::core::option::Option::Some(#title)),
                None => quote!(::core::option::Option::None),
            };
            let doc = &attrs.doc;
            let public = self.public_message(variant);
            let members = variant.fields.iter().filter_map(Field::exposed_name);
            let index = entries.len();
            entries.push(quote! {
                #private::Entry::__new(#name, #private::status(#status), #code, #title, #doc, #public, &[#(#members),*])
            });
            catalogue.push(quote!(#private::CatalogueItem::Entry(&__APIFAULT_ENTRIES[#index])));
            let pattern = self.pattern(variant, []);
            quote!(#pattern => &__APIFAULT_ENTRIES[#index],)
        }).collect::<Vec<_>>();
        let count = entries.len();
        Entries {
            statics: quote!(static __APIFAULT_ENTRIES: [#private::Entry; #count] = [#(#entries),*];),
            lookup: quote!(match self { #(#arms)* }),
            catalogue: quote!(&#private::Catalogue { __items: &[#(#catalogue),*] }),
        }
    }

    fn has_part(&self) -> TokenStream {
        let private = self.private;
        self.method(
            |variant| {
                let attrs = self.input.variant_attrs(variant);
                let mut parts = Vec::new();
                if self.public_message(variant) {
                    parts.push(quote!(#private::Part::Message));
                }
                if self.type_uri(variant).is_some() {
                    parts.push(quote!(#private::Part::Type));
                }
                if attrs.instance.is_some() {
                    parts.push(quote!(#private::Part::Instance));
                }
                if attrs.link.is_some() {
                    parts.push(quote!(#private::Part::Link));
                }
                if attrs.id.is_some() {
                    parts.push(quote!(#private::Part::Id));
                }
                if let Some(source) = &attrs.source {
                    let part = format_ident!("{}", source.kind.part());
                    parts.push(quote!(#private::Part::#part));
                }
                if parts.is_empty() {
                    quote!(false)
                } else {
                    quote!(::core::matches!(__part, #(#parts)|*))
                }
            },
            |via, inner| quote!(#via::has_part(#inner, __part)),
        )
    }

    fn fmt_part(&self) -> TokenStream {
        let private = self.private;
        let arms = self.input.variants.iter().map(|variant| {
            if self.transparent(variant)
                && let Some((pattern, inner)) = self.inner(variant)
            {
                let via = self.via(variant);
                return quote!(#pattern => #via::fmt_part(#inner, __part, __formatter),);
            }
            let attrs = self.input.variant_attrs(variant);
            let mut used = BTreeSet::new();
            let mut parts = Vec::new();
            if let Some(message) = &attrs.message {
                parts.push((quote!(Message), write(variant, message, &mut used)));
            } else if self.public_message(variant) {
                parts.push((
                    quote!(Message),
                    quote!(::core::fmt::Display::fmt(self, __formatter)),
                ));
            }
            match self.type_uri(variant) {
                Some(TypeUri::Template(template)) => {
                    parts.push((quote!(Type), write(variant, template, &mut used)))
                }
                Some(TypeUri::Constant(text)) => {
                    parts.push((quote!(Type), quote!(__formatter.write_str(#text))))
                }
                None => {}
            }
            for (part, template) in [
                (quote!(Instance), &attrs.instance),
                (quote!(Link), &attrs.link),
                (quote!(Id), &attrs.id),
            ] {
                if let Some(template) = template {
                    parts.push((part, write(variant, template, &mut used)));
                }
            }
            if let Some(source) = &attrs.source {
                let part = format_ident!("{}", source.kind.part());
                let body = if source.kind == crate::attr::SourceKind::Pointer {
                    write_pointer(variant, &source.value, &mut used, private)
                } else {
                    write(variant, &source.value, &mut used)
                };
                parts.push((quote!(#part), body));
            }
            let pattern = self.pattern(
                variant,
                used.iter().filter_map(|&index| {
                    let field = variant.fields.get(index)?;
                    Some((field, binding(field, Span::call_site())))
                }),
            );
            if parts.is_empty() {
                return quote!(#pattern => ::core::result::Result::Ok(()),);
            }
            let parts = parts
                .iter()
                .map(|(part, body)| quote!(#private::Part::#part => #body,));
            quote!(#pattern => match __part { #(#parts)* _ => ::core::result::Result::Ok(()), },)
        });
        quote!(match self { #(#arms)* })
    }

    fn members(&self, format: &TokenStream) -> TokenStream {
        let private = self.private;
        let known = crate::valid::reserved_members(self.input, false).is_some();
        let mut any = false;
        let arms = self.input.variants.iter().map(|variant| {
            if self.transparent(variant)
                && let Some((pattern, inner)) = self.inner(variant)
            {
                any = true;
                let via = self.via(variant);
                return quote!(#pattern => #via::serialize_members(#inner, __map),);
            }
            let exposed: Vec<(&Field, String)> = variant.fields.iter().filter_map(|f| Some((f, f.exposed_name()?))).collect();
            if exposed.is_empty() {
                return TokenStream::new();
            }
            any = true;
            let pattern = self.pattern(variant, exposed.iter().map(|(field, _)| (*field, binding(field, field.ty.span()))));
            let (guards, entries): (Vec<_>, Vec<_>) = exposed.iter().map(|(field, name)| {
                let ty = field.ty;
                let binding = binding(field, field.ty.span());
                let guard = if known {
                    TokenStream::new()
                } else {
                    let message = format!("apifault: the format `{}` writes a member named `{name}` itself: expose the field under another name with `#[api_error(expose = \"other_name\")]`", format.to_string().replace(' ', ""));
                    let at = Span::call_site().located_at(field.attrs.expose.as_ref().map_or(field.span, |e| e.span));
                    // An item, not an inline `const { }`: evaluated by `cargo check` too, not
                    // only when the generic method is instantiated.
                    quote_spanned!(at=> const _: () = ::core::assert!(#private::member_allowed::<#format>(#name), #message);)
                };
                // The turbofish puts a missing `Serialize` at the field's whole type.
                (guard, quote!(#private::serde::ser::SerializeMap::serialize_entry::<str, #ty>(__map, #name, #binding)?;))
            }).unzip();
            // The guards are items: first, so no item follows a statement.
            quote!(#pattern => { #(#guards)* #(#entries)* ::core::result::Result::Ok(()) })
        }).collect::<Vec<_>>();
        if !any {
            return TokenStream::new();
        }
        quote! {
            fn serialize_members<__M: #private::serde::ser::SerializeMap>(&self, __map: &mut __M) -> ::core::result::Result<(), __M::Error> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#arms)*
                    _ => ::core::result::Result::Ok(()),
                }
            }
        }
    }

    fn violations(&self) -> TokenStream {
        let private = self.private;
        let mut any = false;
        let arms = self
            .input
            .variants
            .iter()
            .map(|variant| {
                if self.transparent(variant)
                    && let Some((pattern, inner)) = self.inner(variant)
                {
                    any = true;
                    let via = self.via(variant);
                    return quote!(#pattern => #via::violations(#inner),);
                }
                let Some(field) = variant.fields.iter().find(|f| f.attrs.violations.is_some())
                else {
                    return TokenStream::new();
                };
                any = true;
                let binding = binding(field, field.ty.span());
                let pattern = self.pattern(variant, [(field, binding.clone())]);
                // The turbofish puts a type that is not a list of violations at the field's type.
                let ty = field.ty;
                let call = quote!(#private::Violations::new::<#ty>(#binding));
                quote!(#pattern => #call,)
            })
            .collect::<Vec<_>>();
        if !any {
            return TokenStream::new();
        }
        quote! {
            fn violations(&self) -> #private::Violations<'_> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#arms)*
                    _ => #private::Violations::none(),
                }
            }
        }
    }

    fn headers(&self) -> TokenStream {
        let private = self.private;
        let mut any = false;
        let arms = self.input.variants.iter().map(|variant| {
            if self.transparent(variant)
                && let Some((pattern, inner)) = self.inner(variant)
            {
                any = true;
                let via = self.via(variant);
                return quote!(#pattern => #via::headers(#inner, __headers),);
            }
            let attrs = self.input.variant_attrs(variant);
            if attrs.headers.is_empty() {
                return TokenStream::new();
            }
            any = true;
            let mut used = BTreeSet::new();
            let appends = attrs.headers.iter().map(|header| {
                let name = LitStr::new(&header.name.value().to_ascii_lowercase(), header.name.span());
                let name = quote!(const { #private::http::HeaderName::from_static(#name) });
                match header.value.constant() {
                    Some(value) => {
                        let value = LitStr::new(&value, header.value.span());
                        quote!(__headers.append(#name, const { #private::http::HeaderValue::from_static(#value) });)
                    }
                    None => {
                        let arguments = format_arguments(variant, &header.value, &mut used);
                        quote!(#private::append_header(__headers, #name, #arguments);)
                    }
                }
            }).collect::<Vec<_>>();
            let pattern = self.pattern(variant, used.iter().filter_map(|&index| {
                let field = variant.fields.get(index)?;
                Some((field, binding(field, Span::call_site())))
            }));
            quote!(#pattern => { #(#appends)* })
        }).collect::<Vec<_>>();
        if !any {
            return TokenStream::new();
        }
        quote! {
            fn headers(&self, __headers: &mut #private::http::HeaderMap) {
                #[allow(unreachable_patterns)]
                match self {
                    #(#arms)*
                    _ => {}
                }
            }
        }
    }
}

enum TypeUri<'a> {
    Template(&'a Template),
    Constant(String),
}

/// The indices of the fields a match arm must bind.
type Used = BTreeSet<usize>;

/// Writes a template into `__formatter`, straight from the fields.
fn write(variant: &Variant, template: &Template, used: &mut Used) -> TokenStream {
    if let Some(text) = template.constant() {
        return quote!(__formatter.write_str(#text));
    }
    let arguments = format_arguments(variant, template, used);
    quote!(__formatter.write_fmt(#arguments))
}

/// `::core::format_args!("… {0} … {1:?}", __field_0, __field_2)`.
fn format_arguments(variant: &Variant, template: &Template, used: &mut Used) -> TokenStream {
    let mut format = String::new();
    let mut args = Vec::new();
    for piece in &template.pieces {
        match piece {
            Piece::Text(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Piece::Arg { name, spec } => {
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
fn write_pointer(
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
            Piece::Arg { name, spec } => {
                let Some(field) = variant.field(name) else {
                    continue;
                };
                used.insert(field.index);
                let binding = binding(field, Span::call_site());
                // `PointerToken` escapes Display and Debug output; `{n:x}` and the other
                // numeric traits print no `/` or `~`.
                let arg = match format_trait(spec).to_string().as_str() {
                    "Display" | "Debug" => quote!(#private::PointerToken(#binding)),
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

/// The impl's generics with the bounds its generic fields need.
fn with_bounds(input: &Input, private: &TokenStream) -> syn::Generics {
    let mut generics = input.generics.clone();
    let params: BTreeSet<String> = generics
        .type_params()
        .map(|p| p.ident.to_string())
        .collect();
    if params.is_empty() {
        return generics;
    }
    let mut bounds: Vec<TokenStream> = Vec::new();
    for variant in &input.variants {
        let attrs = input.variant_attrs(variant);
        let templates = [
            &attrs.message,
            &attrs.type_uri,
            &attrs.instance,
            &attrs.link,
            &attrs.id,
        ]
        .into_iter()
        .flatten()
        .chain(attrs.source.iter().map(|s| &s.value))
        .chain(attrs.headers.iter().map(|h| &h.value));
        for template in templates {
            for (name, spec) in template.args() {
                if let Some(field) = variant.field(name).filter(|f| mentions(f.ty, &params)) {
                    let ty = field.ty;
                    let bound = format_trait(spec);
                    bounds.push(quote!(#ty: ::core::fmt::#bound));
                }
            }
        }
        for field in variant.fields.iter().filter(|f| mentions(f.ty, &params)) {
            let ty = field.ty;
            if attrs.transparent.is_some() {
                bounds.push(quote!(#ty: #private::ApiError));
            }
            if field.attrs.expose.is_some() {
                bounds.push(quote!(#ty: #private::serde::Serialize));
            }
            if field.attrs.violations.is_some() {
                bounds.push(quote!(#ty: #private::ViolationList));
            }
        }
    }
    bounds.push(quote!(Self: ::std::error::Error));
    let where_clause = generics.make_where_clause();
    for bound in bounds {
        if let Ok(predicate) = syn::parse2(bound) {
            where_clause.predicates.push(predicate);
        }
    }
    generics
}

fn format_trait(spec: &str) -> Ident {
    let name = match spec.chars().last() {
        Some('?') => "Debug",
        Some('x') => "LowerHex",
        Some('X') => "UpperHex",
        Some('o') => "Octal",
        Some('b') => "Binary",
        Some('e') => "LowerExp",
        Some('E') => "UpperExp",
        Some('p') => "Pointer",
        _ => "Display",
    };
    format_ident!("{}", name)
}

fn mentions(ty: &syn::Type, params: &BTreeSet<String>) -> bool {
    fn walk(tokens: TokenStream, params: &BTreeSet<String>) -> bool {
        tokens.into_iter().any(|tree| match tree {
            TokenTree::Ident(ident) => params.contains(&ident.to_string()),
            TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    walk(quote!(#ty), params)
}

//! What every part of the expansion shares: the context, the bindings and patterns of
//! match arms, and the `match self` shapes whose arms variants share.

use std::collections::{HashMap, hash_map};

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{Ident, Member};

use crate::code::join;
use crate::internals::ast::{Field, Input, Variant};

/// The input being expanded and the path generated code names the runtime by.
pub struct Cx<'a> {
    pub input: &'a Input<'a>,
    pub private: &'a TokenStream,
}

/// The binding of a field in a match arm, resolved like generated code but reported at
/// `at` (a field type or an attribute literal), so type errors point at the user's code.
pub fn binding(field: &Field, at: Span) -> Ident {
    Ident::new(
        &format!("__field_{}", field.index),
        Span::call_site().located_at(at),
    )
}

impl Cx<'_> {
    /// `Self::Variant { 0: __field_0, name: __field_1, .. }` binding the given fields.
    pub fn pattern<'f>(
        &self,
        variant: &Variant,
        fields: impl IntoIterator<Item = (&'f Field<'f>, Ident)>,
    ) -> TokenStream {
        let bound = fields.into_iter().map(|(field, binding)| {
            let member = match &field.member {
                Member::Named(ident) => q!([ident] #ident),
                Member::Unnamed(index) => {
                    let index = syn::Index {
                        index: index.index,
                        span: Span::call_site(),
                    };
                    q!([index] #index)
                }
            };
            q!([member, binding] #member: #binding,)
        });
        let path = if self.input.is_enum {
            let ident = variant.ident;
            q!([ident] Self::#ident)
        } else {
            q!([] Self)
        };
        q!([path, bound = join(bound, None)] #path { #bound .. })
    }

    /// The pattern binding a transparent variant's field, and the inner error as `&Inner`:
    /// the binding, or `&**binding` through a `Box` or an `Arc`.
    pub fn inner(&self, variant: &Variant) -> Option<(TokenStream, TokenStream)> {
        let field = variant.fields.first()?;
        let binding = binding(field, field.ty.span());
        let pattern = self.pattern(variant, [(field, binding.clone())]);
        let pointers = field.delegate().pointers;
        if pointers == 0 {
            return Some((pattern, q!([binding] #binding)));
        }
        let derefs = (0..=pointers).map(|_| q!([] *));
        Some((
            pattern,
            q!([binding, derefs = join(derefs, None)] &#derefs #binding),
        ))
    }

    /// `<Inner as ApiError>`, through which a transparent variant delegates (`Inner` inside
    /// any `Box` or `Arc`): an inner type that is not an `ApiError` is then reported once,
    /// at the field's type.
    pub fn via(&self, variant: &Variant) -> TokenStream {
        let private = self.private;
        match variant.fields.first() {
            Some(field) => {
                let ty = field.delegate().ty;
                q!([ty, private] <#ty as #private::ApiError>)
            }
            None => q!([private] #private::ApiError),
        }
    }

    /// A `match self` with an arm per variant, variants with the same answer sharing one
    /// (`Self::A { .. } | Self::B { .. } => StatusCode::NOT_FOUND`); transparent variants
    /// delegate, unless `delegate` gives `None` (the variant overrides the inner answer).
    /// `bound` gives the arm (pattern and body) of a variant that reads a field, such as a
    /// runtime status, which shares no arm.
    pub fn method(
        &self,
        bound: impl Fn(&Variant) -> Option<(TokenStream, TokenStream)>,
        own: impl Fn(&Variant) -> TokenStream,
        delegate: impl Fn(&Variant, &TokenStream, &TokenStream) -> Option<TokenStream>,
    ) -> TokenStream {
        let arms = self.input.variants.iter().map(|variant| {
            if let Some((pattern, body)) = bound(variant) {
                return (pattern, body, None);
            }
            let delegated = self
                .input
                .transparent(variant)
                .then(|| self.inner(variant))
                .flatten()
                .and_then(|(pattern, inner)| {
                    Some((pattern, delegate(variant, &self.via(variant), &inner)?))
                });
            match delegated {
                Some((pattern, body)) => (pattern, body, None),
                None => (self.pattern(variant, []), own(variant), Some(String::new())),
            }
        });
        let arms = shared_arms(arms);
        q!([arms] match self { #arms })
    }
}

/// Match arms from `(pattern, body, sharing)` in declaration order: arms with a `sharing`
/// key and the same key and body become one arm of `|`-joined patterns, which keeps the
/// expansion of a large enum small. The key of an arm whose pattern binds nothing is
/// empty; one that binds fields names their types ([`bound_types`]), since the patterns
/// of an arm must bind each name at one type.
pub fn shared_arms(
    arms: impl Iterator<Item = (TokenStream, TokenStream, Option<String>)>,
) -> TokenStream {
    let mut joined: Vec<(Vec<TokenStream>, TokenStream)> = Vec::new();
    let mut by_body: HashMap<String, usize> = HashMap::new();
    for (pattern, body, sharing) in arms {
        if let Some(key) = sharing {
            match by_body.entry(format!("{key}\n{body}")) {
                hash_map::Entry::Occupied(arm) => {
                    joined[*arm.get()].0.push(pattern);
                    continue;
                }
                hash_map::Entry::Vacant(slot) => {
                    slot.insert(joined.len());
                }
            }
        }
        joined.push((vec![pattern], body));
    }
    let arms = joined.iter().map(
        |(patterns, body)| q!([body, patterns = join(patterns, Some('|'))] #patterns => #body,),
    );
    join(arms, None)
}

/// The sharing key of an arm whose pattern binds `fields` (by their index in `variant`):
/// their bindings and types, as the patterns sharing it must bind them.
pub fn bound_types(variant: &Variant, fields: impl IntoIterator<Item = usize>) -> String {
    let mut key = String::new();
    for index in fields {
        if let Some(field) = variant.fields.get(index) {
            key.push_str(&format!("{index}: {}; ", field.ty.to_token_stream()));
        }
    }
    key
}

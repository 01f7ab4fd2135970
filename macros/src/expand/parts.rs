//! The texts a variant carries (`apifault::Part`): which ones, for its catalogue entry
//! and `has_part`, and how `fmt_part` writes each straight into the formatter.

use std::collections::BTreeSet;

use proc_macro2::{Span, TokenStream};
use quote::format_ident;

use crate::code::join;
use crate::expand::cx::{Cx, binding, shared_arms};
use crate::expand::interpolate::{write, write_pointer};
use crate::internals::ast::Variant;
use crate::internals::case::RenameRule;
use crate::internals::part::PartName;
use crate::internals::props::TypeUri;

/// `__private::Part::Message` and so on.
fn path(part: PartName, private: &TokenStream) -> TokenStream {
    let ident = format_ident!("{}", part.name());
    q!([private, ident] #private::Part::#ident)
}

impl Cx<'_> {
    /// The parts of `variant` as the bit set `Entry` keeps, a constant expression
    /// (`__private::part_bits::MESSAGE | …`) in the entries' static: named constants, not
    /// a `parts(&[…])` call, which costs the compiler far more per variant.
    pub fn parts(&self, variant: &Variant) -> TokenStream {
        let private = self.private;
        let bits = self.input.carried(variant).into_iter().map(|part| {
            let name = format_ident!("{}", RenameRule::ScreamingSnake.apply(part.name()));
            q!([private, name] #private::part_bits::#name)
        });
        let bits = bits.collect::<Vec<_>>();
        if bits.is_empty() {
            return q!([private] #private::part_bits::NONE);
        }
        join(bits, Some('|'))
    }

    /// From the entry, whose parts are known at compile time; a transparent variant asks
    /// its field, which may be an `ApiError` written by hand.
    pub fn has_part(&self) -> TokenStream {
        let private = self.private;
        let delegated = self
            .input
            .variants
            .iter()
            .filter(|variant| self.input.transparent(variant))
            .filter_map(|variant| {
                let (pattern, inner) = self.inner(variant)?;
                let via = self.via(variant);
                // An inner error without a type of its own takes the enum's `type_base`.
                let based = self
                    .input
                    .attrs
                    .type_base
                    .is_some()
                    .then(|| q!([private] ::core::matches!(__part, #private::Part::Type) ||));
                if self.input.masks_inner_message(variant) {
                    let masked = q! {[private, via, inner]
                        !::core::matches!(__part, #private::Part::Message)
                            && #via::has_part(#inner, __part)
                    };
                    return Some(match based {
                        Some(based) => q!([pattern, based, masked] #pattern => #based (#masked),),
                        None => q!([pattern, masked] #pattern => #masked,),
                    });
                }
                Some(q!([pattern, based, via, inner] #pattern => #based #via::has_part(#inner, __part),))
            })
            .collect::<Vec<_>>();
        let own = q!([private] #private::Entry::has_part(#private::ApiError::entry(self), __part));
        if delegated.is_empty() {
            return own;
        }
        q! {[own, delegated = join(delegated, None)]
            #[allow(unreachable_patterns)]
            match self {
                #delegated
                _ => #own,
            }
        }
    }

    /// One arm per variant that writes something, but variants whose arm binds no field
    /// share one arm when they write alike (a 4xx whose message is its `Display`, say);
    /// the rest write nothing.
    pub fn fmt_part(&self) -> TokenStream {
        let arms = shared_arms(
            self.input
                .variants
                .iter()
                .filter_map(|variant| self.fmt_part_arm(variant))
                .map(|(pattern, body, binds)| (pattern, body, (!binds).then(String::new))),
        );
        // No variant writes a part (a 5xx without a message, say): a `match` of the
        // wildcard alone would be clippy's `match_single_binding`.
        if arms.is_empty() {
            return q!([] ::core::result::Result::Ok(()));
        }
        q! {[arms]
            #[allow(unreachable_patterns)]
            match self {
                #arms
                _ => ::core::result::Result::Ok(()),
            }
        }
    }

    /// The arm of `variant` (its pattern, its body, whether the pattern binds a field), or
    /// `None` when it writes no part.
    fn fmt_part_arm(&self, variant: &Variant) -> Option<(TokenStream, TokenStream, bool)> {
        let private = self.private;
        if self.input.transparent(variant)
            && let Some((pattern, inner)) = self.inner(variant)
        {
            let via = self.via(variant);
            let delegated = q!([via, inner] #via::fmt_part(#inner, __part, __formatter));
            // An inner error without a type of its own takes the enum's `type_base`
            // followed by its code, as the enum's own variants do.
            let body = match &self.input.attrs.type_base {
                Some(base) => q! {[private, via, inner, base, delegated]
                    if ::core::matches!(__part, #private::Part::Type)
                        && !#via::has_part(#inner, #private::Part::Type)
                    {
                        __formatter.write_str(#base)?;
                        __formatter.write_str(#private::ApiError::code(self))
                    } else {
                        #delegated
                    }
                },
                None => delegated,
            };
            return Some((pattern, body, true));
        }
        let attrs = self.input.variant_attrs(variant);
        let scope = self.scope(variant, true);
        let mut used = BTreeSet::new();
        let mut parts = Vec::new();
        for part in self.input.carried(variant) {
            let template = match part {
                PartName::Type => match self.input.type_uri(variant) {
                    Some(TypeUri::Template(template)) => Some(template),
                    Some(TypeUri::Constant(text)) => {
                        parts.push((part, q!([text] __formatter.write_str(#text))));
                        continue;
                    }
                    None => None,
                },
                _ => attrs.template_of(part),
            };
            let body = match template {
                Some(template) if part == PartName::SourcePointer => {
                    write_pointer(&scope, template, &mut used, private)
                }
                Some(template) => write(&scope, template, &mut used, private),
                // A message without `#[message]`: a 4xx shows its `Display`.
                None if part == PartName::Message => {
                    q!([] ::core::fmt::Display::fmt(self, __formatter))
                }
                // `carried` names no other part without its template.
                None => continue,
            };
            parts.push((part, body));
        }
        let pattern = self.pattern(
            variant,
            used.iter().filter_map(|&index| {
                let field = variant.fields.get(index)?;
                Some((field, binding(field, Span::call_site())))
            }),
        );
        if parts.is_empty() {
            return None;
        }
        let parts = parts.iter().map(|(part, body)| {
            let part = path(*part, private);
            q!([part, body] #part => #body,)
        });
        let body = q!([parts = join(parts, None)] match __part { #parts _ => ::core::result::Result::Ok(()), });
        Some((pattern, body, !used.is_empty()))
    }
}

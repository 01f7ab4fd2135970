//! Facts derived from a parsed input, asked of the AST so the checks and the expansion
//! never work them out twice: a variant's status, whether its message is public, its type
//! URI, whether it writes its code in the body and the parts it carries.

use crate::internals::ast::{Input, Variant};
use crate::internals::attr::Header;
use crate::internals::code;
use crate::internals::part::PartName;
use crate::internals::template::Template;

/// A variant's type URI: its `type = "…"` template, or `type_base` followed by its code.
pub enum TypeUri<'a> {
    Template(&'a Template),
    Constant(String),
}

impl<'a> Input<'a> {
    /// Whether `variant` delegates everything to its one field.
    pub fn transparent(&self, variant: &Variant) -> bool {
        self.variant_attrs(variant).transparent.is_some()
    }

    /// The format `variant` declares for itself (`#[api_error(format = …)]` on the
    /// variant); a struct's `format` is its type's.
    pub fn own_format<'v>(&'v self, variant: &'v Variant) -> Option<&'v syn::Path> {
        if self.is_enum {
            variant.attrs.format.as_ref()
        } else {
            None
        }
    }

    /// Whether some variant answers in a format of its own, so the type needs a
    /// `to_response_with` choosing the format per variant.
    pub fn any_own_format(&self) -> bool {
        self.variants.iter().any(|v| self.own_format(v).is_some())
    }

    /// The format `variant` answers in: its own, else the type's; `None` for the default,
    /// `Problem`.
    pub fn format<'v>(&'v self, variant: &'v Variant) -> Option<&'v syn::Path> {
        self.own_format(variant).or(self.attrs.format.as_ref())
    }

    /// The status of `variant`: its own, else the enum's default, else 500.
    pub fn status(&self, variant: &Variant) -> u16 {
        let attrs = self.variant_attrs(variant);
        attrs
            .status
            .or(self.attrs.default_status)
            .map_or(500, |s| s.code)
    }

    /// Whether `variant` shows a message: its `#[message]`, else none when it or the enum
    /// says `no_message`, else its `Display` for a 4xx.
    pub fn public_message(&self, variant: &Variant) -> bool {
        let attrs = self.variant_attrs(variant);
        if attrs.message.is_some() {
            return true;
        }
        attrs.no_message.is_none() && self.attrs.no_message.is_none() && self.status(variant) < 500
    }

    /// Whether formats write the code of `variant` in the body: its own `code_in_body`,
    /// else the enum's, else yes.
    pub fn code_in_body(&self, variant: &Variant) -> bool {
        self.variant_attrs(variant)
            .code_in_body
            .as_ref()
            .or(self.attrs.code_in_body.as_ref())
            .is_none_or(syn::LitBool::value)
    }

    /// Whether some variant sets its own `code_in_body`, so the enum's is not everyone's.
    pub fn code_in_body_per_variant(&self) -> bool {
        self.is_enum
            && self
                .variants
                .iter()
                .any(|variant| variant.attrs.code_in_body.is_some())
    }

    /// The headers `variant` sends: its own, then the enum's that it neither declares
    /// itself (by name, in any case) nor omits.
    pub fn headers<'v>(&'v self, variant: &'v Variant) -> Vec<&'v Header> {
        let attrs = self.variant_attrs(variant);
        let mut headers: Vec<&Header> = attrs.headers.iter().collect();
        if self.is_enum {
            let own = |name: &str| {
                attrs
                    .headers
                    .iter()
                    .map(|header| &header.name)
                    .chain(&attrs.omitted_headers)
                    .any(|other| other.value().eq_ignore_ascii_case(name))
            };
            headers.extend(
                self.attrs
                    .headers
                    .iter()
                    .filter(|header| !own(&header.name.value())),
            );
        }
        headers
    }

    /// Whether the API leaves out `header` (lowercase) for `variant`: the variant or the
    /// enum says `omit_header`.
    pub fn omits(&self, variant: &Variant, header: &str) -> bool {
        let attrs = self.variant_attrs(variant);
        attrs
            .omitted_headers
            .iter()
            .chain(if self.is_enum {
                &self.attrs.omitted_headers[..]
            } else {
                &[]
            })
            .any(|name| name.value().eq_ignore_ascii_case(header))
    }

    pub fn type_uri<'v>(&'v self, variant: &'v Variant) -> Option<TypeUri<'v>> {
        let attrs = self.variant_attrs(variant);
        if let Some(template) = &attrs.type_uri {
            return Some(TypeUri::Template(template));
        }
        let base = self.attrs.type_base.as_ref()?;
        Some(TypeUri::Constant(format!(
            "{}{}",
            base.value(),
            code::of(self, variant).0
        )))
    }

    /// The parts every value of `variant` carries, in `Part` order: what its entry
    /// records and what `fmt_part` writes, decided here once.
    pub fn carried(&self, variant: &Variant) -> Vec<PartName> {
        let attrs = self.variant_attrs(variant);
        PartName::ALL
            .into_iter()
            .filter(|&part| match part {
                // A 4xx shows its `Display` without `#[message]`.
                PartName::Message => self.public_message(variant),
                // `type_base` gives a type without `type = "…"`.
                PartName::Type => self.type_uri(variant).is_some(),
                _ => attrs.template_of(part).is_some(),
            })
            .collect()
    }
}

//! Facts about what a variant's body holds besides its texts: its declared members (the
//! enum's and its own), its exposed fields and how each is written, a field that is the
//! whole body, or no body at all.

use crate::internals::ast::{Field, Input, Variant};
use crate::internals::attr::DeclaredMember;

/// How an exposed field goes into the body.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// As a member of its name, left out when `None`.
    Member,
    /// As a member of its name, `null` when `None` (`expose(null)`).
    MemberOrNull,
    /// Its own members become the body's (`expose(flatten)`).
    Flattened,
}

impl Field<'_> {
    /// How the field goes into the body, if it is exposed.
    pub fn written(&self) -> Option<Written> {
        let expose = self.attrs.expose.as_ref()?;
        Some(if expose.flatten.is_some() {
            Written::Flattened
        } else if expose.null.is_some() {
            Written::MemberOrNull
        } else {
            Written::Member
        })
    }
}

impl<'a> Input<'a> {
    /// The members `variant` declares, in body order: the enum's, each replaced in its
    /// place by the variant's own of the same name, then the variant's other ones. None
    /// for a transparent variant, which answers with its inner error's members.
    pub fn declared_members<'v>(&'v self, variant: &'v Variant) -> Vec<&'v DeclaredMember> {
        if self.transparent(variant) {
            return Vec::new();
        }
        let own = &self.variant_attrs(variant).members;
        let mut members: Vec<&DeclaredMember> = Vec::new();
        if self.is_enum {
            for member in &self.attrs.members {
                let name = member.name.value();
                members.push(
                    own.iter()
                        .find(|m| m.name.value() == name)
                        .unwrap_or(member),
                );
            }
        }
        for member in own {
            if !members
                .iter()
                .any(|m| m.name.value() == member.name.value())
            {
                members.push(member);
            }
        }
        members
    }

    /// The enum's members that `variant` takes as they are (does not override).
    pub fn inherited_members<'v>(&'v self, variant: &'v Variant) -> Vec<&'v DeclaredMember> {
        if !self.is_enum || self.transparent(variant) {
            return Vec::new();
        }
        let own = &variant.attrs.members;
        self.attrs
            .members
            .iter()
            .filter(|member| !own.iter().any(|m| m.name.value() == member.name.value()))
            .collect()
    }

    /// Every member name `variant` may write that is known at compile time: its declared
    /// members, then its exposed (not flattened) fields.
    pub fn member_names(&self, variant: &Variant) -> Vec<String> {
        self.declared_members(variant)
            .iter()
            .map(|member| member.name.value())
            .chain(
                variant
                    .fields
                    .iter()
                    .filter(|f| f.written() != Some(Written::Flattened))
                    .filter_map(Field::exposed_name),
            )
            .collect()
    }

    /// Whether `variant` answers with no body at all (`no_body`).
    pub fn no_body(&self, variant: &Variant) -> bool {
        self.variant_attrs(variant).no_body.is_some()
    }

    /// Whether some variant's body is not its format's: none, or a field's whole value.
    pub fn any_own_body(&self) -> bool {
        self.variants
            .iter()
            .any(|v| self.no_body(v) || v.body_field().is_some())
    }
}

impl<'a> Variant<'a> {
    /// The field that is the variant's whole body (`#[api_error(body)]`).
    pub fn body_field(&self) -> Option<&Field<'a>> {
        self.fields.iter().find(|f| f.attrs.body.is_some())
    }

    /// Whether some field is flattened into the body.
    pub fn flattens(&self) -> bool {
        self.fields
            .iter()
            .any(|f| f.written() == Some(Written::Flattened))
    }
}

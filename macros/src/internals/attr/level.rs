//! Where an attribute is written: the enum, a variant, a struct or a field.

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Enum,
    Variant,
    /// A struct item takes the type-level and the variant-level attributes.
    Struct,
    Field,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Self::Enum => "an enum",
            Self::Variant => "a variant",
            Self::Struct => "a struct",
            Self::Field => "a field",
        }
    }

    pub fn takes_type_keys(self) -> bool {
        matches!(self, Self::Enum | Self::Struct)
    }

    pub fn takes_variant_keys(self) -> bool {
        matches!(self, Self::Variant | Self::Struct)
    }
}

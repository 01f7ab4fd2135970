//! The texts a variant can carry, as the runtime names them (`apifault::Part`).

/// The variants of `apifault::Part` a variant can carry, named in generated code as
/// `__private::Part::…`: their bits are the runtime's alone (`__private::part_bits`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PartName {
    Message,
    Type,
    Instance,
    Link,
    Id,
    SourcePointer,
    SourceParameter,
    SourceHeader,
}

impl PartName {
    /// Every part, in `Part` order: the order of `fmt_part`'s arms.
    pub const ALL: [Self; 8] = [
        Self::Message,
        Self::Type,
        Self::Instance,
        Self::Link,
        Self::Id,
        Self::SourcePointer,
        Self::SourceParameter,
        Self::SourceHeader,
    ];

    /// The name of the `apifault::Part` variant.
    pub fn name(self) -> &'static str {
        match self {
            Self::Message => "Message",
            Self::Type => "Type",
            Self::Instance => "Instance",
            Self::Link => "Link",
            Self::Id => "Id",
            Self::SourcePointer => "SourcePointer",
            Self::SourceParameter => "SourceParameter",
            Self::SourceHeader => "SourceHeader",
        }
    }
}

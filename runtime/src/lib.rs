#![doc = include_str!("../../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_error;
mod catalogue;
mod entry;
mod format;
mod members;
pub mod phrase;
mod problem;
mod response;
mod text;
mod violation;

#[doc(hidden)]
pub mod __private;

pub use crate::api_error::ApiError;
pub use crate::catalogue::Catalogue;
pub use crate::entry::Entry;
pub use crate::format::{Context, Format, RenderError};
pub use crate::members::Members;
pub use crate::problem::Problem;
pub use crate::response::response;
pub use crate::text::{Part, Text};
pub use crate::violation::{
    FieldViolation, Path, PathSegment, Violation, ViolationList, Violations,
};

/// Derives [`ApiError`](trait@ApiError) for an enum or a struct.
///
/// The trait and the derive share a name, as `serde::Serialize` does: `use apifault::ApiError;`
/// brings in both. The attributes are described in the crate documentation.
pub use apifault_macros::ApiError;

#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_error;
mod boom;
mod catalogue;
mod entry;
mod format;
mod json;
mod jsonapi;
mod members;
pub mod phrase;
mod problem;
mod response;
mod specimen;
mod text;
mod violation;

#[doc(hidden)]
pub mod __private;

#[cfg(feature = "actix-web")]
pub mod actix_web;
#[cfg(feature = "axum")]
pub mod axum;
pub mod client;
mod integrations;
mod log;
#[cfg(feature = "utoipa")]
pub mod utoipa;

pub use crate::api_error::ApiError;
pub use crate::boom::Boom;
pub use crate::catalogue::Catalogue;
pub use crate::entry::Entry;
pub use crate::format::{Context, Format, RenderError};
pub use crate::jsonapi::JsonApi;
pub use crate::members::{Member, Members};
pub use crate::problem::Problem;
pub use crate::response::response;
pub use crate::specimen::Specimen;
pub use crate::text::{Part, Text};
pub use crate::violation::{
    FieldViolation, Path, PathSegment, Violation, ViolationList, Violations,
};

/// Derives [`ApiError`](trait@ApiError) for an enum or a struct.
///
/// The trait and the derive share a name, as `serde::Serialize` does: `use apifault::ApiError;`
/// brings in both. The attributes are described in the crate documentation.
pub use apifault_macros::ApiError;

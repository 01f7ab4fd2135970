#![doc = include_str!("../../README.md")]
//!
//! ## Where things live
//!
//! Public paths are short (`apifault::Problem`, `apifault::axum`) whatever file an item is
//! in; in the source, each concept has its place. The core sits at the top of
//! `runtime/src`: the [`ApiError`](trait@ApiError) trait (`api_error.rs`), the texts an
//! error carries ([`Part`], [`Text`]: `part.rs`), its exposed fields ([`Members`]:
//! `exposed.rs`) and its [`Violations`] (`violation.rs`). `catalogue/` holds the
//! [`Catalogue`], its [`Entry`] rows and the [`Specimen`] rendered from one; `format/` the
//! [`Format`] trait and its [`Context`], the built-in [`Problem`], [`JsonApi`] and
//! [`Boom`], the [`phrase`] tables, the JSON writer they share and [`response`];
//! `integrations/` one module per framework (`apifault::axum`, `apifault::actix_web`,
//! `apifault::utoipa`, the `tracing` log) and the glue the derive calls to implement their
//! traits. [`client`] decodes the built-in bodies; `__private` holds only what generated
//! code names.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_error;
mod catalogue;
mod exposed;
mod format;
mod integrations;
mod part;
mod violation;

#[doc(hidden)]
pub mod __private;

pub mod client;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use crate::integrations::actix_web;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use crate::integrations::axum;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use crate::integrations::utoipa;

pub use crate::api_error::ApiError;
pub use crate::catalogue::{Catalogue, Entry, Specimen};
pub use crate::exposed::{Member, Members};
pub use crate::format::{Boom, Context, Format, JsonApi, Problem, RenderError, phrase, response};
pub use crate::part::{Part, Text};
pub use crate::violation::{
    FieldViolation, Path, PathSegment, Violation, ViolationList, Violations,
};

/// Derives [`ApiError`](trait@ApiError) for an enum or a struct.
///
/// The trait and the derive share a name, as `serde::Serialize` does: `use apifault::ApiError;`
/// brings in both. The attributes are described in the crate documentation.
pub use apifault_macros::ApiError;

#![doc = include_str!("../README.md")]
//!
//! ## Where things live
//!
//! Public paths are short (`apifault::Problem`, `apifault::axum`) whatever file an item is
//! in; in the source (`runtime/src`), each concept has its place. The core sits at the top:
//! the [`ApiError`](trait@ApiError) trait (`api_error.rs`) and its object-safe view
//! [`DynApiError`] (`dyn_api_error.rs`), the texts an error carries ([`Part`], [`Text`]:
//! `part.rs`), its exposed fields ([`Members`]: `exposed.rs`) and its [`Violations`]
//! (`violation.rs`). `catalogue/` holds the [`Catalogue`], its [`Entry`] rows, the
//! [`Specimen`] rendered from one and the compile-time duplicate check; `format/` the
//! [`Format`] trait and its [`Context`], the built-in [`Problem`], [`JsonApi`] and
//! [`Boom`], the [`phrase`] tables, the JSON writer they share, [`response`], the
//! [`negotiate`] choice of a format by `Accept`, the [`escape`] writers for XML and HTML
//! and [`Embedded`], an error's body as a value inside another; `integrations/` one module
//! per framework (axum, actix-web, tonic, utoipa, the tracing log, `i18n`: localized
//! messages) and the glue the derive calls
//! to implement their traits. [`client`] decodes the built-in bodies, and any body into
//! [`client::Decoded`]; `__private.rs` holds only what generated code names. The derive is
//! `apifault-macros`: `macros/src/internals/` reads and checks the input, `expand/` writes
//! the impls.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_error;
mod catalogue;
mod dyn_api_error;
mod exposed;
mod flatten;
mod format;
mod header_time;
mod integrations;
mod log_level;
mod member;
mod part;
mod violation;

#[doc(hidden)]
pub mod __private;

pub mod client;

/// The `http` crate apifault answers with, for hand-written impls: no `http` dependency of
/// your own to keep in step.
pub use ::http;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use crate::integrations::actix_web;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use crate::integrations::axum;
#[cfg(feature = "i18n")]
#[cfg_attr(docsrs, doc(cfg(feature = "i18n")))]
pub use crate::integrations::i18n;
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
pub use crate::integrations::rejection::Rejection;
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub use crate::integrations::tonic;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use crate::integrations::utoipa;

pub use crate::api_error::ApiError;
pub use crate::catalogue::{Catalogue, Entry, Specimen};
pub use crate::dyn_api_error::DynApiError;
pub use crate::exposed::{Member, Members};
pub use crate::format::{
    Boom, Context, ContextValues, Embedded, Format, JsonApi, Problem, RenderError, escape,
    negotiate, phrase, response,
};
pub use crate::integrations::tonic::{GrpcCode, grpc_reason};
pub use crate::log_level::LogLevel;
pub use crate::part::{Part, Text};
pub use crate::violation::{
    FieldViolation, Path, PathSegment, Violation, ViolationList, Violations,
};

#[doc = include_str!("derive.md")]
pub use apifault_macros::ApiError;

//! The runtime of [apifault](https://docs.rs/apifault): the `ApiError` trait, the formats,
//! the catalogue and the integrations. Depend on `apifault`, which re-exports all of it
//! beside the derive; this crate exists so that the runtime compiles while the derive
//! does, not after it.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_error;
mod catalogue;
mod dyn_api_error;
mod exposed;
mod flatten;
mod format;
mod grpc;
mod header_time;
mod integrations;
mod log_level;
mod member;
#[cfg(any(feature = "i18n", feature = "tonic"))]
mod member_texts;
mod part;
mod violation;

#[doc(hidden)]
pub mod __private;

#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub mod client;

#[cfg(feature = "contract")]
#[cfg_attr(docsrs, doc(cfg(feature = "contract")))]
pub mod contract;

/// The `http` crate apifault answers with, for hand-written impls: no `http` dependency of
/// your own to keep in step.
pub use ::http;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use crate::integrations::actix_web;
#[cfg(feature = "aide")]
#[cfg_attr(docsrs, doc(cfg(feature = "aide")))]
pub use crate::integrations::aide;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use crate::integrations::axum;
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
pub use crate::integrations::docs::CatalogueDocs;
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
pub use crate::grpc::{GrpcCode, grpc_reason};
pub use crate::log_level::LogLevel;
pub use crate::part::{Part, Text};
pub use crate::violation::{
    FieldViolation, Location, Path, PathSegment, Violation, ViolationList, Violations,
};

#![doc = include_str!("../README.md")]
//!
//! ## Where things live
//!
//! Public paths are short (`apifault::Problem`, `apifault::axum`) whatever file an item is
//! in. apifault is three crates, as serde is: `apifault` (this one, `apifault/`) re-exports
//! the runtime, `apifault-core` (`runtime/`), and the derive, `apifault-macros`
//! (`macros/`). The split is for build time: the runtime compiles while syn and the derive
//! do, instead of after them. Depend on `apifault` only; the other two are pinned to it.
//!
//! In the runtime's source (`runtime/src`), each concept has its place. The core sits at
//! the top: the [`ApiError`](trait@ApiError) trait (`api_error.rs`) and its object-safe
//! view [`DynApiError`] (`dyn_api_error.rs`), the texts an error carries ([`Part`],
//! [`Text`]: `part.rs`), its exposed fields ([`Members`]: `exposed.rs`) and its
//! [`Violations`] (`violation.rs`). `catalogue/` holds the [`Catalogue`], its [`Entry`]
//! rows, the [`Specimen`] rendered from one and the compile-time duplicate check; `format/`
//! the [`Format`] trait and its [`Context`], the built-in [`Problem`], [`JsonApi`] and
//! [`Boom`], the [`phrase`] tables, the JSON writer they share, [`response`], the
//! [`negotiate`] choice of a format by `Accept`, the [`escape`] writers for XML and HTML
//! and [`Embedded`], an error's body as a value inside another; `grpc/` the gRPC codes
//! every entry names (compiled without the `tonic` feature); `integrations/` one module
//! per framework (axum, actix-web, tonic, utoipa, aide, the tracing log, `i18n`: localized
//! messages) and the glue the derive
//! calls to implement their traits. `client` (feature `client`) decodes the built-in
//! bodies, and any body into `client::Decoded`; `__private.rs` holds only what generated
//! code names. In the derive, `macros/src/internals/` reads and checks the input,
//! `expand/` writes the impls.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[doc(inline)]
pub use apifault_core::*;

#[doc = include_str!("derive.md")]
pub use apifault_macros::ApiError;

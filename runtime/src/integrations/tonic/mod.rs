#![cfg_attr(feature = "tonic", doc = include_str!("tonic.md"))]
//!
//! The codes and the reason form are compiled without the feature too: every
//! [`Entry`](crate::Entry) names its gRPC code, and clients can compute reasons without
//! tonic.

mod codes;
mod reason;

pub use self::codes::GrpcCode;
pub use self::reason::grpc_reason;

#[cfg(feature = "tonic")]
mod client;
#[cfg(feature = "tonic")]
mod details;
#[cfg(feature = "tonic")]
mod status;
#[cfg(feature = "tonic")]
mod wire;

#[cfg(feature = "tonic")]
pub use self::client::{DecodedStatus, DecodedViolation, decode};
#[cfg(feature = "tonic")]
pub use self::status::{status, status_with};
#[cfg(feature = "tonic")]
pub use crate::integrations::context::{ContextFuture, ContextLayer, ContextService};
#[cfg(feature = "tonic")]
pub use crate::integrations::context::{RequestFacts, RequestId, with_context};

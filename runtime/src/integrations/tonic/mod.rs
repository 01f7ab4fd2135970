#![doc = include_str!("tonic.md")]

pub use crate::grpc::{GrpcCode, grpc_reason};

mod client;
mod details;
mod status;
mod wire;

pub use self::client::{DecodedStatus, DecodedViolation, decode};
pub use self::status::{status, status_with};
pub use crate::integrations::context::{ContextFuture, ContextLayer, ContextService};
pub use crate::integrations::context::{RequestFacts, RequestId, with_context};

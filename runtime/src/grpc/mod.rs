//! gRPC's vocabulary, compiled without the `tonic` feature: every catalogue
//! [`Entry`](crate::Entry) names its variant's gRPC code, and a client computes reasons
//! without tonic. What needs tonic itself is `integrations/tonic`.

mod codes;
mod reason;

pub use self::codes::GrpcCode;
pub use self::reason::grpc_reason;

//! Everything that reads the input: its parsed form, the attribute grammar, the rules
//! across attributes and variants, and the errors they collect. Nothing here writes code,
//! and nothing here imports `expand`.

pub mod ast;
pub mod attr;
pub mod case;
pub mod check;
pub mod check_body;
pub mod code;
pub mod ctxt;
pub mod grpc;
pub mod members;
pub mod part;
pub mod props;
pub mod reference;
pub mod reserved;
pub mod status;
pub mod suggest;
pub mod template;

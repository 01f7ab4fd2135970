//! The example case API: one domain ([`cases`]) served by axum ([`app`]), by actix-web
//! ([`actix_app`]) and over gRPC by tonic ([`grpc`]), in English or German ([`i18n`]);
//! [`aide_app`] documents it with aide. `cargo run --example service` and `cargo run --example actix` run
//! them; the HTTP tests serve the very same routers on loopback.

pub mod actix_app;
pub mod aide_app;
pub mod app;
pub mod cases;
pub mod grpc;
pub mod i18n;

use apifault::ApiError as _;

/// The case API's error catalogue as a Markdown docs page: one table for client errors
/// and one for server errors, ordered by status (`cargo run --example catalogue`;
/// `tests/catalogue_snapshot.rs` pins it; `tests/contract.rs` pins the codes themselves).
#[must_use]
pub fn catalogue_page() -> String {
    cases::CaseError::CATALOGUE.to_markdown("Case API errors")
}

/// The port an example service listens on: the first argument, else `PORT`, else
/// `default`.
///
/// # Errors
///
/// When the argument or `PORT` is not a port number.
pub fn port(default: u16) -> Result<u16, String> {
    let given = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("PORT").ok());
    match given {
        Some(text) => text
            .parse()
            .map_err(|_| format!("not a port number: {text:?}")),
        None => Ok(default),
    }
}

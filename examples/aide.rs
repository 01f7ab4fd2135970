//! The case API documented with aide: `cargo run --example aide`.
//!
//! Listens on 127.0.0.1:3002 (another port with `PORT` or `-- PORT`); `GET /openapi.json`
//! is the document aide generates from the handlers' types, each error status with its
//! codes, schema and example bodies from `CaseError`'s derived `OperationOutput`.

use std::net::{Ipv4Addr, SocketAddr};

use apifault_suite::service::{aide_app, port};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (app, api) = aide_app::app();
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port(3002)?));
    let listener = tokio::net::TcpListener::bind(address).await?;
    let address = listener.local_addr()?;
    println!("the case API, documented with aide, on http://{address}");
    println!(
        "  curl http://{address}/openapi.json   # {} paths",
        api.paths.as_ref().map_or(0, |paths| paths.paths.len())
    );
    println!("  curl -i http://{address}/cases/42      # 404, as documented");
    axum::serve(listener, app).await?;
    Ok(())
}

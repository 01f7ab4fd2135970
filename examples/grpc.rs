//! The case API over REST and gRPC on one port, from the same `CaseError`:
//! `cargo run --example grpc`.
//!
//! Listens on 127.0.0.1:3000 (another port with `PORT=8080` or `-- 8080`). HTTP/1 requests
//! reach the axum routes of `cargo run --example service`; HTTP/2 gRPC calls reach the
//! `cases.v1.Cases` service (`src/service/grpc/cases.proto`), which answers every failure
//! with the same code, message and exposed fields, as a `tonic::Status` with Google's rich
//! error details. Both share one store: a case created over gRPC is found over REST. Logs
//! every error once, over either protocol. Ctrl-C stops it.

use std::net::{Ipv4Addr, SocketAddr};

use apifault_suite::service::cases::Store;
use apifault_suite::service::grpc;
use tonic::transport::Server;
use tonic::transport::server::TcpIncoming;

fn print_usage(address: SocketAddr) {
    let base = format!("http://{address}");
    println!("apifault example service, REST and gRPC, on {base} (Ctrl-C stops it)\n");
    println!("REST (RFC 9457), as `cargo run --example service`:");
    println!("  curl -i {base}/cases/42");
    println!("gRPC, with grpcurl and the .proto (no server reflection):");
    let grpcurl = "grpcurl -plaintext -import-path src/service/grpc -proto cases.proto";
    for (call, what) in [
        (
            "-d '{\"id\": 42}'",
            "GetCase: NOT_FOUND, ErrorInfo metadata id=42",
        ),
        (
            "-d '{\"name\": \" \", \"priority\": 9}'",
            "CreateCase: INVALID_ARGUMENT, BadRequest",
        ),
        (
            "-d '{\"name\": \"Flood claim\", \"priority\": 2}'",
            "CreateCase: ALREADY_EXISTS",
        ),
    ] {
        let method = what.split(':').next().unwrap_or_default();
        println!("  # {what}\n  {grpcurl} {call} {address} cases.v1.Cases/{method}");
    }
    println!("  # ExportReport: RESOURCE_EXHAUSTED, RetryInfo 30 s");
    println!("  {grpcurl} {address} cases.v1.Cases/ExportReport");
    println!("  # CheckDatabase: INTERNAL, nothing of the cause (see the log)");
    println!("  {grpcurl} {address} cases.v1.Cases/CheckDatabase");
    println!();
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(std::io::stderr)
        .init();
    let port = apifault_suite::service::port(3000)?;
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
    print_usage(listener.local_addr()?);
    // The gRPC service beside the REST router: tonic routes by the gRPC service name, and
    // everything else goes to axum.
    Server::builder()
        .accept_http1(true)
        .add_routes(grpc::routes(Store::default()))
        .serve_with_incoming_shutdown(TcpIncoming::from(listener), async {
            // Without a signal handler, Ctrl-C still ends the process.
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

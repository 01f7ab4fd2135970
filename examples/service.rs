//! An axum service whose every error is an `apifault` error: `cargo run --example service`.
//!
//! Listens on 127.0.0.1:3000; another port with `PORT=8080` or `-- 8080` (`0` picks a free
//! one). Prints example `curl` lines, and logs every error response (the 5xx ones with
//! their whole source chain, which never reaches a body). Ctrl-C stops it.

use std::net::{Ipv4Addr, SocketAddr};

use apifault_suite::service::app;

fn print_usage(address: SocketAddr) {
    let base = format!("http://{address}");
    let json = "-H 'content-type: application/json'";
    println!("apifault example service on {base} (Ctrl-C stops it)\n");
    println!("RFC 9457 (application/problem+json):");
    for (line, what) in [
        (format!("curl -i {base}/cases/1"), "200, case 1"),
        (format!("curl -i {base}/cases/42"), "404, exposed `id`"),
        (
            format!("curl -i {base}/cases {json} -d '{{\"name\":\"Flood claim\",\"priority\":2}}'"),
            "409, name taken",
        ),
        (
            format!("curl -i {base}/cases {json} -d '{{\"name\":\" \",\"priority\":9}}'"),
            "400, one violation per field",
        ),
        (
            format!("curl -i {base}/cases {json} -d '{{\"name\":'"),
            "400, axum's JSON rejection",
        ),
        (format!("curl -i {base}/me"), "401, WWW-Authenticate"),
        (format!("curl -i {base}/reports/export"), "429, Retry-After"),
        (
            format!("curl -i {base}/health/db"),
            "500, cause masked (see the log)",
        ),
        (
            format!("curl -i -H 'x-request-id: my-id-1' {base}/cases/42"),
            "your request id echoed",
        ),
    ] {
        println!("  # {what}\n  {line}");
    }
    println!("\nIn German (English is the default; src/service/locales/*.ftl):");
    println!("  curl -i -H 'Accept-Language: de' {base}/cases/42");
    println!(
        "  curl -i -H 'Accept-Language: de-CH, en;q=0.5' {base}/cases {json} -d '{{\"name\":\" \",\"priority\":9}}'"
    );
    println!("\nThe same routes in JSON:API and in hapi's Boom:");
    println!("  curl -i {base}/jsonapi/cases/42");
    println!("  curl -i {base}/boom/cases {json} -d '{{\"name\":\"\",\"priority\":0}}'");
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
    axum::serve(listener, app::app())
        .with_graceful_shutdown(async {
            // Without a signal handler, Ctrl-C still ends the process.
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

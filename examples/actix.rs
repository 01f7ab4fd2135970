//! The example case API on actix-web: `cargo run --example actix`.
//!
//! The same error enum as the axum example (`apifault_suite::service::cases`), answered
//! through `actix_web::ResponseError`. Listens on 127.0.0.1:3001; another port with
//! `PORT=8081` or `-- 8081`. Ctrl-C stops it.

use std::net::Ipv4Addr;

use actix_web::HttpServer;
use apifault_suite::service::actix_app as app;
use apifault_suite::service::cases;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(std::io::stderr)
        .init();
    let port = apifault_suite::service::port(3001)?;
    let store = cases::Store::default();
    actix_web::rt::System::new().block_on(async move {
        let server = HttpServer::new(move || app::app(store.clone()))
            .workers(2)
            .bind((Ipv4Addr::LOCALHOST, port))?;
        for address in server.addrs() {
            let base = format!("http://{address}");
            println!("apifault actix-web example on {base} (Ctrl-C stops it)\n");
            println!("  curl -i {base}/cases/42                # 404, exposed `id`");
            println!("  curl -i {base}/me                      # 401, WWW-Authenticate");
            println!("  curl -i {base}/reports/export          # 429, Retry-After");
            println!("  curl -i {base}/health/db               # 500, cause masked (see the log)");
            println!("  curl -i -H 'Accept-Language: de' {base}/cases/42   # 404, in German");
            println!(
                "  curl -i {base}/cases -H 'content-type: application/json' -d '{{\"name\":\"\",\"priority\":9}}'   # 400, violations"
            );
            println!();
        }
        server.run().await
    })?;
    Ok(())
}

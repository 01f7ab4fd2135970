//! One error, three representations chosen by the request's `Accept`:
//! `cargo run --example negotiate`.
//!
//! RFC 9457 problem details for API clients, an HTML page for browsers, and the XML body
//! of S3 (as Garage answers it) for S3 clients. The HTML and XML formats live in
//! `apifault_suite::formats` (`html_page`, `s3_xml`); both write every text through
//! `apifault::escape`.

use apifault::{ApiError, Context};
use apifault_suite::formats::html_page::HtmlPage;
use apifault_suite::formats::s3_xml::S3Xml;

/// Errors of an S3-compatible object store.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(
    rename_all = "PascalCase",
    negotiate(apifault::Problem, HtmlPage, S3Xml)
)]
enum StoreError {
    /// The object key does not exist in the bucket.
    #[error("no object {key} in bucket {bucket}")]
    #[status(404)]
    #[message("The specified key does not exist.")]
    NoSuchKey { bucket: String, key: String },

    /// The request's signature does not match.
    #[error("signature mismatch for {access_key}")]
    #[status(403)]
    #[message("The request signature we calculated does not match the signature you provided.")]
    SignatureDoesNotMatch { access_key: String },
}

fn main() {
    let error = StoreError::NoSuchKey {
        bucket: "photos".into(),
        key: "2024/<cat>.jpg".into(),
    };
    // What the axum `ContextLayer` or the actix-web `ContextMiddleware` would know of
    // the request; outside a framework, say it yourself.
    let context = Context::new()
        .with_instance("/photos/2024/<cat>.jpg")
        .with_request_id("4442587FB7D0A2F9");
    for accept in [
        "application/json",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "application/xml",
        "image/png",
    ] {
        let response = error.to_response_for(accept, &context);
        println!("Accept: {accept}");
        println!(
            "{} {}",
            response.status(),
            response.headers()["content-type"].to_str().unwrap_or("")
        );
        println!(
            "vary: {}",
            response.headers()["vary"].to_str().unwrap_or("")
        );
        println!("{}\n", String::from_utf8_lossy(response.body()));
    }
    let forbidden = StoreError::SignatureDoesNotMatch {
        access_key: "GK31c2f218a2e44f485b94239e".into(),
    };
    println!(
        "{}",
        String::from_utf8_lossy(
            forbidden
                .to_response_for("application/xml", &Context::new())
                .body()
        )
    );
}

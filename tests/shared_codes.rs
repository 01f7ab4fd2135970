//! `#[code("…", shared)]`: variants that share one public code on purpose answer with it
//! through `to_response`, axum and actix-web; the catalogue lists the code once, with
//! every sharing variant's documentation, and does not count it as a duplicate.

mod http_support;

use apifault::ApiError;
use http_support::every_integration;

/// Errors of an S3-style API, where several malformed requests share one code.
#[derive(Debug, thiserror::Error, ApiError)]
enum StorageError {
    /// The `Range` header is malformed.
    #[error("bad range {0}")]
    #[status(400)]
    #[code("InvalidRequest", shared)]
    BadRange(String),

    /// The bucket does not exist.
    #[error("no bucket {0}")]
    #[status(404)]
    #[code("NoSuchBucket")]
    NoSuchBucket(String),

    /// Multipart uploads need two parts or more.
    #[error("one part only")]
    #[status(BAD_REQUEST)]
    #[code("InvalidRequest", shared)]
    #[message("A multipart upload needs at least two parts.")]
    SinglePart,
}

/// Wraps the storage errors and shares one of their shared codes, declared on both sides.
#[derive(Debug, thiserror::Error, ApiError)]
enum GatewayError {
    #[error(transparent)]
    #[api_error(transparent)]
    Storage(#[from] StorageError),

    #[error("bad route")]
    #[status(400)]
    #[code("InvalidRequest", shared)]
    BadRoute,
}

/// Wraps any storage errors and repeats one of their codes without declaring it shared:
/// with the inner type generic, only the runtime check sees the clash (naming the inner
/// type, the derive refuses it at compile time).
#[derive(Debug, thiserror::Error, ApiError)]
enum GenericGateway<Storage: ApiError> {
    #[error(transparent)]
    #[api_error(transparent)]
    Storage(Storage),

    #[error("no route")]
    #[status(404)]
    #[code("NoSuchBucket")]
    NoRoute,
}

#[test]
fn each_sharing_variant_answers_with_the_code() {
    let reply = every_integration(StorageError::BadRange("bytes=9-1".into()));
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad range bytes=9-1","code":"InvalidRequest"}"#
    );
    let reply = every_integration(StorageError::SinglePart);
    assert_eq!(
        reply.text(),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"A multipart upload needs at least two parts.","code":"InvalidRequest"}"#
    );
    assert_eq!(StorageError::SinglePart.code(), "InvalidRequest");
    // The code of its own stays its own.
    let reply = every_integration(StorageError::NoSuchBucket("logs".into()));
    assert_eq!(
        (reply.status, reply.json()["code"].clone()),
        (404, "NoSuchBucket".into())
    );
}

#[test]
fn the_entries_say_the_code_is_shared() {
    let entries: Vec<(&str, &str, bool)> = StorageError::CATALOGUE
        .entries()
        .map(|entry| (entry.name, entry.code, entry.shared_code))
        .collect();
    assert_eq!(
        entries,
        [
            ("BadRange", "InvalidRequest", true),
            ("NoSuchBucket", "NoSuchBucket", false),
            ("SinglePart", "InvalidRequest", true),
        ]
    );
    // A client maps the code back to the first variant declaring it.
    assert_eq!(
        StorageError::CATALOGUE
            .lookup("InvalidRequest")
            .map(|entry| entry.name),
        Some("BadRange")
    );
}

#[test]
fn a_declared_shared_code_is_no_duplicate_but_an_undeclared_repeat_is() {
    assert!(StorageError::CATALOGUE.duplicate_codes().is_empty());
    StorageError::CATALOGUE.assert_unique_codes();
    // Shared on both sides of a transparent variant: no duplicate, and the derive's
    // compile-time check accepted it.
    assert!(GatewayError::CATALOGUE.duplicate_codes().is_empty());
    assert_eq!(GatewayError::BadRoute.code(), "InvalidRequest");
    assert_eq!(
        GatewayError::from(StorageError::SinglePart).code(),
        "InvalidRequest"
    );
    let gateway = GenericGateway::<StorageError>::CATALOGUE;
    assert_eq!(gateway.duplicate_codes(), ["NoSuchBucket"]);
    assert_eq!(
        GenericGateway::<StorageError>::NoRoute.code(),
        "NoSuchBucket"
    );
    assert_eq!(
        GenericGateway::Storage(StorageError::NoSuchBucket("logs".into())).code(),
        "NoSuchBucket"
    );
}

#[test]
fn the_markdown_lists_a_shared_code_once_with_each_description() {
    assert_eq!(
        StorageError::CATALOGUE.to_markdown("Storage errors"),
        "# Storage errors\n\
         \n\
         ## Client errors (4xx)\n\
         \n\
         | Status | Name | Code | Description |\n\
         |---|---|---|---|\n\
         | 400 | Bad Request | `InvalidRequest` | The `Range` header is malformed.<br>Multipart uploads need two parts or more. |\n\
         | 404 | Not Found | `NoSuchBucket` | The bucket does not exist. |\n"
    );
}

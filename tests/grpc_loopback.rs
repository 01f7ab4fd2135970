//! The example case API over gRPC on loopback: a tonic client calls every failing method
//! and reads code, message and each rich detail as a client does (tonic-types, and
//! apifault's own `decode`), through apifault's tonic context layer.

mod http_support;

use std::net::SocketAddr;
use std::time::Duration;

use apifault::ApiError as _;
use apifault::tonic::decode;
use apifault_suite::log_capture::capture;
use apifault_suite::service::cases::{CaseError, Store};
use apifault_suite::service::grpc::proto::cases_client::CasesClient;
use apifault_suite::service::grpc::proto::{
    CheckDatabaseRequest, CreateCaseRequest, ExportReportRequest, GetCaseRequest, WhoAmIRequest,
};
use apifault_suite::service::grpc::{PROTO_FINGERPRINT, fingerprint, routes, service};
use tonic::transport::{Channel, Server};
use tonic::{Code, Request, Status};
use tonic_types::StatusExt as _;

/// Serves the case API's gRPC service on a free loopback port, on this thread's runtime.
async fn serve() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let address = listener.local_addr().unwrap();
    let incoming = tonic::transport::server::TcpIncoming::from(listener);
    tokio::spawn(
        Server::builder()
            .add_service(service(Store::default()))
            .serve_with_incoming(incoming),
    );
    address
}

async fn client() -> CasesClient<Channel> {
    let address = serve().await;
    CasesClient::connect(format!("http://{address}"))
        .await
        .unwrap()
}

/// The `x-request-id` metadata of a failed call, which tonic keeps on the `Status`.
fn request_id_metadata(status: &Status) -> String {
    status
        .metadata()
        .get("x-request-id")
        .expect("x-request-id metadata")
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn not_found_carries_reason_domain_metadata_and_the_request_id() {
    let mut client = client().await;
    let status = client
        .get_case(GetCaseRequest { id: 42 })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "case 42 not found");
    let details = status.get_error_details();
    let info = details.error_info().expect("ErrorInfo");
    assert_eq!(info.reason, "NOT_FOUND");
    assert_eq!(info.domain, "cases.example.com");
    assert_eq!(info.metadata.len(), 1);
    assert_eq!(info.metadata["id"], "42");
    // A fresh id, the same in RequestInfo and in the response metadata.
    let id = request_id_metadata(&status);
    assert_eq!(id.len(), 32);
    assert_eq!(details.request_info().expect("RequestInfo").request_id, id);
    assert!(details.debug_info().is_none());
    assert!(details.bad_request().is_none());
}

#[tokio::test]
async fn the_clients_request_id_is_echoed() {
    let mut client = client().await;
    let mut request = Request::new(GetCaseRequest { id: 42 });
    request
        .metadata_mut()
        .insert("x-request-id", "client-id-7".parse().unwrap());
    let status = client.get_case(request).await.unwrap_err();
    assert_eq!(request_id_metadata(&status), "client-id-7");
    assert_eq!(decode(&status).request_id.as_deref(), Some("client-id-7"));
    // An unusable one is replaced.
    let mut request = Request::new(GetCaseRequest { id: 42 });
    request
        .metadata_mut()
        .insert("x-request-id", "has space".parse().unwrap());
    let status = client.get_case(request).await.unwrap_err();
    assert_ne!(request_id_metadata(&status), "has space");
}

#[tokio::test]
async fn invalid_input_is_a_bad_request_with_each_violation() {
    let mut client = client().await;
    let status = client
        .create_case(CreateCaseRequest {
            name: "  ".into(),
            priority: 9,
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(
        status.message(),
        "The case is invalid. See `errors` for details."
    );
    let details = status.get_error_details();
    assert_eq!(details.error_info().expect("ErrorInfo").reason, "INVALID");
    let violations: Vec<(String, String, String)> = details
        .bad_request()
        .expect("BadRequest")
        .field_violations
        .iter()
        .map(|v| (v.field.clone(), v.description.clone(), v.reason.clone()))
        .collect();
    assert_eq!(
        violations,
        [
            ("name".into(), "must not be blank".into(), "BLANK".into()),
            (
                "priority".into(),
                "must be between 1 and 5".into(),
                "OUT_OF_RANGE".into()
            ),
        ]
    );
}

#[tokio::test]
async fn a_taken_name_already_exists() {
    let mut client = client().await;
    let status = client
        .create_case(CreateCaseRequest {
            name: "flood claim".into(),
            priority: 1,
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::AlreadyExists);
    assert_eq!(status.message(), "A case with this name already exists.");
    let decoded = decode(&status);
    assert_eq!(decoded.reason.as_deref(), Some("DUPLICATE_NAME"));
    assert_eq!(decoded.metadata("name"), Some("flood claim"));
    assert_eq!(
        decoded
            .entry_in(CaseError::CATALOGUE)
            .map(|entry| entry.name),
        Some("Duplicate")
    );
}

#[tokio::test]
async fn a_missing_token_is_unauthenticated() {
    let mut client = client().await;
    let status = client.who_am_i(WhoAmIRequest {}).await.unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated);
    assert_eq!(status.message(), "A valid bearer token is required.");
    assert_eq!(decode(&status).reason.as_deref(), Some("UNAUTHORIZED"));
    let mut request = Request::new(WhoAmIRequest {});
    request
        .metadata_mut()
        .insert("authorization", "Bearer demo-token".parse().unwrap());
    assert_eq!(
        client.who_am_i(request).await.unwrap().into_inner().user,
        "demo"
    );
}

#[tokio::test]
async fn a_rate_limit_says_when_to_retry() {
    let mut client = client().await;
    let status = client
        .export_report(ExportReportRequest {})
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert_eq!(status.message(), "Too many exports. Retry in 30 seconds.");
    let decoded = decode(&status);
    assert_eq!(decoded.retry_delay, Some(Duration::from_secs(30)));
    assert_eq!(decoded.reason.as_deref(), Some("RATE_LIMITED"));
    assert_eq!(
        status
            .get_error_details()
            .retry_info()
            .expect("RetryInfo")
            .retry_delay,
        Some(Duration::from_secs(30))
    );
}

/// The 5xx leak test over gRPC: the database error's text (a connection string with a
/// password) is in the log, with the chain, once; nowhere in what the client receives.
#[tokio::test]
async fn a_5xx_sends_nothing_of_its_cause_and_logs_it_once() {
    let mut client = client().await;
    let (log, _guard) = capture();
    let status = client
        .check_database(CheckDatabaseRequest {})
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.message(), "Internal Server Error");
    let decoded = decode(&status);
    assert_eq!(decoded.reason.as_deref(), Some("DATABASE"));
    assert!(decoded.metadata.is_empty());
    assert!(status.get_error_details().debug_info().is_none());
    let received = format!(
        "{status:?} {:?} {}",
        status.metadata(),
        String::from_utf8_lossy(status.details())
    );
    for secret in [
        "hunter2",
        "postgres",
        "db.internal",
        "connection refused",
        "Custom",
    ] {
        assert!(
            !received.contains(secret),
            "{secret} reached the client: {received}"
        );
    }
    let lines: Vec<String> = log
        .lines()
        .into_iter()
        .filter(|line| line.contains("apifault: error response"))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("ERROR"), "{lines:?}");
    assert!(
        lines[0].contains("hunter2"),
        "the chain is logged: {lines:?}"
    );
    assert!(
        lines[0].contains("/cases.v1.Cases/CheckDatabase"),
        "{lines:?}"
    );
}

/// Hostile text in an exposed field crosses as ErrorInfo metadata unchanged, in valid
/// protobuf inside a valid HTTP/2 binary header.
#[tokio::test]
async fn hostile_text_in_an_exposed_field_round_trips() {
    let mut client = client().await;
    let hostile = "x\r\nx-injected: 1\u{0}\u{7f} \"'<>&%41%zz ☃\u{202e}\u{1F600}";
    client
        .create_case(CreateCaseRequest {
            name: hostile.into(),
            priority: 1,
        })
        .await
        .unwrap();
    let status = client
        .create_case(CreateCaseRequest {
            name: hostile.into(),
            priority: 1,
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::AlreadyExists);
    assert_eq!(decode(&status).metadata("name"), Some(hostile));
    assert!(status.metadata().get("x-injected").is_none());
}

/// What `cargo run --example grpc` serves: REST and gRPC on one port, over one store, the
/// same error over both.
#[tokio::test]
async fn rest_and_grpc_share_one_port_and_one_store() {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(
        Server::builder()
            .accept_http1(true)
            .add_routes(routes(Store::default()))
            .serve_with_incoming(tonic::transport::server::TcpIncoming::from(listener)),
    );
    let mut grpc = CasesClient::connect(format!("http://{address}"))
        .await
        .unwrap();
    let rest = http_support::Client::new(address);

    let reply = rest.get("/cases/42").await;
    assert_eq!(reply.status, 404);
    assert_eq!(reply.json()["code"], "not_found");
    assert_eq!(reply.json()["detail"], "case 42 not found");
    let status = grpc.get_case(GetCaseRequest { id: 42 }).await.unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "case 42 not found");
    assert_eq!(decode(&status).reason.as_deref(), Some("NOT_FOUND"));

    // Created over gRPC, found over REST; taken over REST.
    let case = grpc
        .create_case(CreateCaseRequest {
            name: "Storm damage".into(),
            priority: 3,
        })
        .await
        .unwrap()
        .into_inner();
    let reply = rest.get(&format!("/cases/{}", case.id)).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["name"], "Storm damage");
    let reply = rest
        .post_json("/cases", r#"{"name":"storm damage","priority":1}"#)
        .await;
    assert_eq!(reply.status, 409);
    assert_eq!(reply.json()["code"], "duplicate_name");
}

/// The checked-in generated code was generated from this `.proto`.
#[test]
fn the_generated_code_is_of_the_proto() {
    let proto = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/service/grpc/cases.proto"
    ))
    .unwrap();
    assert_eq!(
        fingerprint(&proto),
        PROTO_FINGERPRINT,
        "cases.proto changed: regenerate with `cargo run --manifest-path \
         tools/grpc-codegen/Cargo.toml` and update PROTO_FINGERPRINT to what it prints"
    );
}

#[tokio::test]
async fn accept_language_metadata_gives_a_localized_message() {
    let mut client = client().await;
    let mut request = Request::new(CreateCaseRequest {
        name: "  ".into(),
        priority: 9,
    });
    request
        .metadata_mut()
        .insert("accept-language", "de-AT, en;q=0.5".parse().unwrap());
    let status = client.create_case(request).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    // The status message stays the declared one, for developers (AIP-193).
    assert_eq!(
        status.message(),
        "The case is invalid. See `errors` for details."
    );
    let details = status.get_error_details();
    let localized = details.localized_message().expect("LocalizedMessage");
    assert_eq!(localized.locale, "de");
    assert_eq!(
        localized.message,
        "Der Fall ist ungültig. Einzelheiten stehen unter `errors`."
    );
    let descriptions: Vec<&str> = details
        .bad_request()
        .expect("BadRequest")
        .field_violations
        .iter()
        .map(|v| v.description.as_str())
        .collect();
    assert_eq!(
        descriptions,
        ["darf nicht leer sein", "muss zwischen 1 und 5 liegen"]
    );
    assert_eq!(details.error_info().expect("ErrorInfo").reason, "INVALID");
}

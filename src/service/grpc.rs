//! The case API over gRPC: the same [`Store`] and the same [`CaseError`](cases::CaseError) as the REST
//! routes, so every failure answers with the same code, message and exposed fields, here
//! as a `tonic::Status` with Google's rich error details. `cargo run --example grpc` serves
//! it beside the REST routes on one port; `tests/grpc_loopback.rs` calls every method.
//!
//! The messages and the service traits are generated from `grpc/cases.proto` and checked
//! in (`grpc/cases.v1.rs`): building them needs no `protoc` and no protobuf compiler, which
//! would add about 30 s to every clean build of the tests. A test
//! ([`PROTO_FINGERPRINT`]) fails when the `.proto` changes without the code being
//! regenerated, with `cargo run --manifest-path tools/grpc-codegen/Cargo.toml`.

use tonic::{Request, Response, Status};

use super::cases::{self, NewCase, Store};

/// The messages, the client and the server trait generated from `grpc/cases.proto` by
/// tonic-prost-build.
#[allow(missing_docs, clippy::all, clippy::pedantic)]
pub mod proto {
    include!("grpc/cases.v1.rs");
}

use proto::cases_server::{Cases, CasesServer};
use proto::{
    Case, CheckDatabaseRequest, CheckDatabaseResponse, CreateCaseRequest, ExportReportRequest,
    ExportReportResponse, GetCaseRequest, WhoAmIRequest, WhoAmIResponse,
};

/// The FNV-1a hash of `grpc/cases.proto` the checked-in code was generated from.
pub const PROTO_FINGERPRINT: u64 = 0x9351_72c5_cba9_1422;

/// The FNV-1a (64-bit) hash of `bytes`: what [`PROTO_FINGERPRINT`] holds of the `.proto`.
#[must_use]
pub fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The gRPC service over the cases of `store`, inside apifault's request-context layer
/// (the `x-request-id` metadata in, the same id in `RequestInfo` and out).
#[must_use]
pub fn service(store: Store) -> apifault::tonic::ContextService<CasesServer<CaseService>> {
    apifault::tonic::ContextLayer::new()
        .localizer(&*super::i18n::LOCALIZER)
        .service(CasesServer::new(CaseService { store }))
}

/// REST and gRPC on one port, over one store: tonic routes the `cases.v1.Cases` calls by
/// their service name, and every other request to the axum routes of
/// [`app_with`](super::app::app_with). What `cargo run --example grpc` serves, with
/// `accept_http1(true)` for the REST clients.
#[must_use]
pub fn routes(store: Store) -> tonic::service::Routes {
    tonic::service::Routes::from(super::app::app_with(store.clone())).add_service(service(store))
}

/// The `Cases` service: each method calls the same domain code as its REST route, and
/// `?` turns its `CaseError` into a `Status`.
#[derive(Debug, Clone)]
pub struct CaseService {
    store: Store,
}

#[tonic::async_trait]
impl Cases for CaseService {
    async fn get_case(&self, request: Request<GetCaseRequest>) -> Result<Response<Case>, Status> {
        let case = self.store.find(request.into_inner().id)?;
        Ok(Response::new(to_message(case)))
    }

    async fn create_case(
        &self,
        request: Request<CreateCaseRequest>,
    ) -> Result<Response<Case>, Status> {
        let CreateCaseRequest { name, priority } = request.into_inner();
        let case = self.store.create(NewCase { name, priority })?;
        Ok(Response::new(to_message(case)))
    }

    async fn who_am_i(
        &self,
        request: Request<WhoAmIRequest>,
    ) -> Result<Response<WhoAmIResponse>, Status> {
        let authorization = request
            .metadata()
            .get("authorization")
            .and_then(|value| value.to_str().ok());
        cases::authorize(authorization)?;
        Ok(Response::new(WhoAmIResponse {
            user: "demo".into(),
        }))
    }

    async fn export_report(
        &self,
        _: Request<ExportReportRequest>,
    ) -> Result<Response<ExportReportResponse>, Status> {
        let report = cases::export()?;
        Ok(Response::new(ExportReportResponse { report }))
    }

    async fn check_database(
        &self,
        _: Request<CheckDatabaseRequest>,
    ) -> Result<Response<CheckDatabaseResponse>, Status> {
        let status = cases::database_health()?;
        Ok(Response::new(CheckDatabaseResponse { status }))
    }
}

fn to_message(case: cases::Case) -> Case {
    Case {
        id: case.id,
        name: case.name,
        priority: u32::from(case.priority),
    }
}

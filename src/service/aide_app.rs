//! The case API documented with aide rather than utoipa: `cargo run --example aide`.
//!
//! The handlers name no response at all: aide infers each operation's responses from its
//! types, and `CaseError`'s derived `OperationOutput` adds one response per status it can
//! answer with, each with its codes, the body's schema and an example per code. The
//! extractors' failures answer in the same format through `CaseError` (its transparent
//! `Rejected` variant). `GET /openapi.json` serves the generated document;
//! `tests/aide_openapi.rs` checks it against what the service really answers.

use std::borrow::Cow;
use std::sync::Arc;

use aide::axum::ApiRouter;
use aide::axum::routing::get;
use aide::openapi::{Info, OpenApi};
use apifault::axum::{ContextLayer, Json, Path, Query};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::{Extension, Router};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;

use super::cases::{
    Case, CaseError, ListCases, NewCase, Store, authorize, database_health, export,
};

/// The service and its OpenAPI document, which it also serves at `/openapi.json`.
pub fn app() -> (Router, Arc<OpenApi>) {
    aide::generate::infer_responses(true);
    let mut api = OpenApi {
        info: Info {
            title: "Case API".to_owned(),
            description: Some("The apifault example service, documented with aide.".to_owned()),
            version: "0.1.0".to_owned(),
            ..Info::default()
        },
        ..OpenApi::default()
    };
    let router = ApiRouter::new()
        .api_route("/cases", get(list_cases).post(create_case))
        .api_route("/cases/{id}", get(get_case))
        .api_route("/me", get(me))
        .api_route("/reports/export", get(export_report))
        .api_route("/health/db", get(health))
        .finish_api(&mut api);
    let api = Arc::new(api);
    let router = router
        .route("/openapi.json", axum::routing::get(openapi))
        .layer(Extension(Arc::clone(&api)))
        .layer(ContextLayer::new())
        .with_state(Store::default());
    (router, api)
}

/// `GET /openapi.json`.
async fn openapi(Extension(api): Extension<Arc<OpenApi>>) -> axum::Json<OpenApi> {
    axum::Json((*api).clone())
}

/// The path of `/cases/{id}`.
#[derive(Debug, Deserialize)]
struct CaseId {
    id: u64,
}

/// `GET /cases/{id}`: the case, or 404 with the id exposed.
async fn get_case(
    State(store): State<Store>,
    path: Result<Path<CaseId, CaseError>, CaseError>,
) -> Result<axum::Json<Case>, CaseError> {
    let Path(CaseId { id }, _) = path?;
    Ok(axum::Json(store.find(id)?))
}

/// `GET /cases?limit=20&order=newest`: up to `limit` cases.
async fn list_cases(
    State(store): State<Store>,
    query: Result<Query<ListCases, CaseError>, CaseError>,
) -> Result<axum::Json<Vec<Case>>, CaseError> {
    let Query(query, _) = query?;
    Ok(axum::Json(store.list(&query)))
}

/// `POST /cases`: 201 with the new case; 400 with one violation per bad field; 409 for a
/// name taken.
async fn create_case(
    State(store): State<Store>,
    new: Result<Json<NewCase, CaseError>, CaseError>,
) -> Result<(StatusCode, axum::Json<Case>), CaseError> {
    let Json(new, _) = new?;
    Ok((StatusCode::CREATED, axum::Json(store.create(new)?)))
}

/// `GET /me`: 401 with `WWW-Authenticate` unless `Authorization: Bearer demo-token`.
async fn me(headers: HeaderMap) -> Result<String, CaseError> {
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok());
    authorize(authorization)?;
    Ok("demo".to_owned())
}

/// `GET /reports/export`: always 429 with `Retry-After`.
async fn export_report() -> Result<String, CaseError> {
    export()
}

/// `GET /health/db`: always 500; the database error is logged, never sent.
async fn health() -> Result<String, CaseError> {
    database_health()
}

// The schemas of the API's own types, written out: the example keeps schemars' derive (and
// its syn) out of the build.

impl JsonSchema for CaseId {
    fn schema_name() -> Cow<'static, str> {
        "CaseId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "properties": { "id": { "type": "integer", "format": "uint64", "minimum": 0, "description": "The case's id." } },
            "required": ["id"]
        })
    }
}

impl JsonSchema for Case {
    fn schema_name() -> Cow<'static, str> {
        "Case".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "A case as the API returns it.",
            "properties": {
                "id": { "type": "integer", "minimum": 0, "description": "Assigned by the store." },
                "name": { "type": "string", "description": "Unique, case-insensitively." },
                "priority": { "type": "integer", "minimum": 1, "maximum": 5, "description": "1 (highest) to 5." }
            },
            "required": ["id", "name", "priority"]
        })
    }
}

impl JsonSchema for NewCase {
    fn schema_name() -> Cow<'static, str> {
        "NewCase".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "The body of `POST /cases`.",
            "properties": {
                "name": { "type": "string", "description": "Not blank, at most 80 characters." },
                "priority": { "type": "integer", "description": "1 to 5." }
            },
            "required": ["name", "priority"]
        })
    }
}

impl JsonSchema for ListCases {
    fn schema_name() -> Cow<'static, str> {
        "ListCases".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "properties": {
                "limit": { "type": "integer", "minimum": 0, "description": "How many cases to return, at most 100." },
                "order": { "type": "string", "enum": ["oldest", "newest"], "description": "Which cases come first; oldest unless given." }
            },
            "required": ["limit"],
            "additionalProperties": false
        })
    }
}

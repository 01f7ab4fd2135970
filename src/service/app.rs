//! The axum service's router, built without binding a socket so the HTTP tests
//! (`tests/axum_http.rs`) serve exactly what `cargo run --example service` serves.
//!
//! The same routes are mounted three times: at `/` answering errors in RFC 9457 (the
//! enum's own format), under `/jsonapi` in JSON:API and under `/boom` in hapi's Boom. The
//! handlers are generic over the format only because this example serves three; a service
//! with one format writes `Result<Json<Case>, CaseError>` and nothing else.
//!
//! `GET /openapi.json` serves the OpenAPI document of the RFC 9457 routes: each handler
//! names `CaseError` in `responses(...)`, and its `IntoResponses` lists every status with
//! its codes and an example body per code.

use apifault::axum::{ContextLayer, InFormat, Json, Rejection};
use apifault::{Boom, Format, JsonApi, Problem};
use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::get;
use utoipa::OpenApi;

use super::cases::{Case, CaseError, NewCase, Store, authorize, database_health, export};

/// A `CaseError` answered in format `F`.
type Failure<F> = InFormat<F, CaseError>;

/// A JSON body whose rejection (bad JSON, a missing field) also answers in format `F`.
type Body<T, F> = Json<T, InFormat<F, Rejection>>;

/// The whole service: the three format prefixes, each with its own fallback, inside the
/// request-context layer (path as `instance`, request id in body and header).
pub fn app() -> Router {
    app_with(Store::default())
}

/// The whole service over `store`: what `cargo run --example grpc` serves beside the gRPC
/// service, on the same cases.
pub fn app_with(store: Store) -> Router {
    Router::new()
        .merge(routes::<Problem>())
        .nest("/jsonapi", routes::<JsonApi>())
        .nest("/boom", routes::<Boom>())
        .route("/openapi.json", get(openapi))
        .layer(ContextLayer::new())
        .with_state(store)
}

/// The routes, answering errors in format `F`.
fn routes<F: Format + 'static>() -> Router<Store> {
    Router::new()
        .route("/cases", axum::routing::post(create_case::<F>))
        .route("/cases/{id}", get(get_case::<F>))
        .route("/me", get(me::<F>))
        .route("/reports/export", get(export_report::<F>))
        .route("/health/db", get(health::<F>))
        .fallback(no_route::<F>)
}

/// The OpenAPI document of the routes at `/`.
#[derive(OpenApi)]
#[openapi(
    info(title = "Case API", description = "The apifault example service."),
    paths(get_case, create_case, me, export_report, health)
)]
pub struct ApiDoc;

/// `GET /openapi.json`.
async fn openapi() -> axum::Json<utoipa::openapi::OpenApi> {
    axum::Json(ApiDoc::openapi())
}

/// `GET /cases/{id}`: the case, or 404 with the id exposed; an id that is not a number is
/// axum's path rejection, in the same format.
#[utoipa::path(
    get,
    path = "/cases/{id}",
    params(("id" = u64, Path, description = "The case's id.")),
    responses((status = 200, description = "The case.", body = Case), CaseError)
)]
async fn get_case<F: Format>(
    State(store): State<Store>,
    id: Result<Path<u64>, PathRejection>,
) -> Result<axum::Json<Case>, Failure<F>> {
    let Path(id) = id.map_err(|rejection| CaseError::from(Rejection::from(rejection)))?;
    Ok(axum::Json(store.find(id)?))
}

/// `POST /cases`: 201 with the new case; 400 with one violation per bad field; 409 for a
/// name taken; bad JSON or a missing field is axum's JSON rejection, in the same format.
#[utoipa::path(
    post,
    path = "/cases",
    request_body = NewCase,
    responses((status = 201, description = "The new case.", body = Case), CaseError)
)]
async fn create_case<F: Format>(
    State(store): State<Store>,
    Json(new, _): Body<NewCase, F>,
) -> Result<(StatusCode, axum::Json<Case>), Failure<F>> {
    Ok((StatusCode::CREATED, axum::Json(store.create(new)?)))
}

/// `GET /me`: 401 with `WWW-Authenticate` unless `Authorization: Bearer demo-token`.
#[utoipa::path(get, path = "/me", responses((status = 200, description = "The user."), CaseError))]
async fn me<F: Format>(headers: HeaderMap) -> Result<&'static str, Failure<F>> {
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok());
    authorize(authorization)?;
    Ok("demo")
}

/// `GET /reports/export`: always 429 with `Retry-After`.
#[utoipa::path(get, path = "/reports/export", responses((status = 200, description = "The report."), CaseError))]
async fn export_report<F: Format>() -> Result<String, Failure<F>> {
    Ok(export()?)
}

/// `GET /health/db`: always 500; the database error is logged, never sent.
#[utoipa::path(get, path = "/health/db", responses((status = 200, description = "Healthy."), CaseError))]
async fn health<F: Format>() -> Result<String, Failure<F>> {
    Ok(database_health()?)
}

/// Any other path: 404 in the prefix's format, not axum's empty one.
async fn no_route<F: Format>() -> Failure<F> {
    InFormat::new(CaseError::NoRoute)
}

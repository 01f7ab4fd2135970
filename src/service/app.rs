//! The axum service's router, built without binding a socket so the HTTP tests
//! (`tests/axum_http.rs`) serve exactly what `cargo run --example service` serves.
//!
//! The same routes are mounted three times: at `/` answering errors in RFC 9457 (the
//! enum's own format), under `/jsonapi` in JSON:API and under `/boom` in hapi's Boom. The
//! handlers are generic over the format only because this example serves three; a service
//! with one format writes `Result<Json<Case>, CaseError>` and nothing else.
//!
//! Every error response is in the prefix's format, whoever made it: axum's extractor
//! rejections come as `CaseError::Rejected` (the enum's `type_base` included), the
//! router's bare 405 and tower-http's timeout (`GET /reports/slow`) through apifault's
//! `CatchAllLayer`, a handler's panic (`GET /reports/crash`) through tower-http's
//! `CatchPanicLayer` answering a masked 500.
//!
//! `GET /errors` and `GET /errors/<code>` serve the catalogue as documentation, so each
//! `type` URI of the bodies resolves (its path, here; its host in production).
//!
//! `GET /openapi.json` serves the OpenAPI document of the RFC 9457 routes: each handler
//! names `CaseError` in `responses(...)`, and its `IntoResponses` lists every status with
//! its codes and an example body per code.

use std::any::Any;
use std::time::Duration;

use apifault::axum::{CatchAllLayer, ContextLayer, InFormat, Json, Path, Query, Rejection};
use apifault::{Boom, Format, JsonApi, Problem};
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;
use utoipa::OpenApi;

use super::cases::{
    Case, CaseError, ListCases, NewCase, Store, authorize, database_health, export,
};

/// A `CaseError` answered in format `F`.
type Failure<F> = InFormat<F, CaseError>;

/// A JSON body whose rejection (bad JSON, a missing field) answers as `CaseError` does.
type Body<T> = Json<T, CaseError>;

/// How long a request may take before the service answers 408.
pub const TIMEOUT: Duration = Duration::from_millis(200);

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
        // Every `type` URI of the bodies (`https://docs.example.com/errors/<code>`) is a
        // page here.
        .nest(
            "/errors",
            apifault::axum::catalogue_router(super::cases::docs()),
        )
        .layer(ContextLayer::new().localizer(&*super::i18n::LOCALIZER))
        .with_state(store)
}

/// The routes, answering errors in format `F`.
fn routes<F: Format + 'static>() -> Router<Store> {
    Router::new()
        .route("/cases", get(list_cases::<F>).post(create_case::<F>))
        .route("/cases/{id}", get(get_case::<F>))
        .route("/me", get(me::<F>))
        .route("/reports/export", get(export_report::<F>))
        .route("/health/db", get(health::<F>))
        .route("/reports/slow", get(slow_report))
        .route("/reports/crash", get(crash_report))
        .fallback(no_route::<F>)
        .layer(CatchPanicLayer::custom(panicked::<F>))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            TIMEOUT,
        ))
        .layer(CatchAllLayer::map(|rejection| {
            Failure::<F>::new(CaseError::from(rejection))
        }))
}

/// A handler's panic: a masked 500 in format `F`, the message in the log only.
fn panicked<F: Format>(payload: Box<dyn Any + Send>) -> Response {
    Failure::<F>::new(CaseError::from(Rejection::panicked(&*payload))).into_response()
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
    id: Result<Path<u64>, Rejection>,
) -> Result<axum::Json<Case>, Failure<F>> {
    let Path(id, _) = id.map_err(CaseError::from)?;
    Ok(axum::Json(store.find(id)?))
}

/// `GET /cases?limit=20&order=newest`: up to `limit` cases; a missing `limit`, one that
/// is not a number or an unknown `order` is apifault's query rejection naming the
/// parameter, in the same format.
async fn list_cases<F: Format>(
    State(store): State<Store>,
    query: Result<Query<ListCases, CaseError>, CaseError>,
) -> Result<axum::Json<Vec<Case>>, Failure<F>> {
    let Query(query, _) = query?;
    Ok(axum::Json(store.list(&query)))
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
    new: Result<Body<NewCase>, CaseError>,
) -> Result<(StatusCode, axum::Json<Case>), Failure<F>> {
    let Json(new, _) = new?;
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

/// `GET /reports/slow`: takes longer than [`TIMEOUT`], so the timeout layer answers 408.
async fn slow_report() -> &'static str {
    tokio::time::sleep(TIMEOUT * 50).await;
    "too late"
}

/// `GET /reports/crash`: panics; the client gets a masked 500.
async fn crash_report() -> &'static str {
    panic!("report renderer crashed: token=hunter2")
}

/// Any other path: 404 in the prefix's format, not axum's empty one.
async fn no_route<F: Format>() -> Failure<F> {
    InFormat::new(CaseError::NoRoute)
}

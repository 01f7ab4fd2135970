//! The actix-web service's routes, built without binding a socket so the HTTP tests
//! (`tests/actix_http.rs`) serve exactly what `cargo run --example actix` serves.
//!
//! Handlers return `Result<_, CaseError>`: the `actix-web` feature makes every derived
//! type an `actix_web::ResponseError`, in RFC 9457 here. actix-web's own extractor errors
//! (bad JSON, an unparsable path) become `CaseError::Rejected` through apifault's ready-made
//! configs, exactly as the axum service's; a resource's bare 405, the timeout of
//! `GET /reports/slow` and the panic of `GET /reports/crash` go through apifault's
//! `CatchAll`, inside its `ContextMiddleware` (`instance`, request id).

use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{Next, from_fn};
use actix_web::{App, Error, HttpRequest, HttpResponse, web};
use apifault::actix_web::{
    CatchAll, ContextMiddleware, Json, Query, form_config, json_config, path_config, query_config,
};

use super::cases::{CaseError, ListCases, NewCase, Store, authorize, database_health, export};

/// How long `GET /reports/slow` may take before the service answers 408: the axum
/// service's timeout.
pub const TIMEOUT: Duration = super::app::TIMEOUT;

/// The whole service: the routes inside the catch-all and the request-context
/// middleware.
pub fn app(
    store: Store,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = Error,
        InitError = (),
    >,
> {
    App::new()
        .configure(configure(store))
        .wrap(CatchAll::<CaseError>::new())
        .wrap(ContextMiddleware::new().localizer(&*super::i18n::LOCALIZER))
}

/// Registers the routes, the store and the extractor error handlers.
pub fn configure(store: Store) -> impl FnOnce(&mut web::ServiceConfig) {
    move |config| {
        config
            .app_data(web::Data::new(store))
            .app_data(json_config::<CaseError>())
            .app_data(path_config::<CaseError>())
            .app_data(query_config::<CaseError>())
            .app_data(form_config::<CaseError>())
            // Resources, not `App::route`: a wrong method answers 405 with `Allow`.
            .service(
                web::resource("/cases")
                    .route(web::get().to(list_cases))
                    .route(web::post().to(create_case)),
            )
            .service(web::resource("/cases/{id}").route(web::get().to(get_case)))
            .service(web::resource("/me").route(web::get().to(me)))
            .service(web::resource("/reports/export").route(web::get().to(export_report)))
            .service(web::resource("/health/db").route(web::get().to(health)))
            .service(
                web::resource("/reports/slow")
                    .wrap(from_fn(time_limit))
                    .route(web::get().to(slow_report)),
            )
            .service(web::resource("/reports/crash").route(web::get().to(crash_report)))
            // Every `type` URI of the bodies is a page here.
            .service(apifault::actix_web::catalogue_scope(
                "/errors",
                super::cases::docs(),
            ))
            .default_service(web::to(no_route));
    }
}

/// A bare 408 when the inner service takes longer than [`TIMEOUT`], as tower-http's
/// `TimeoutLayer` answers on axum.
async fn time_limit(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let http_request = request.request().clone();
    match actix_web::rt::time::timeout(TIMEOUT, next.call(request)).await {
        Ok(response) => Ok(response?.map_into_left_body()),
        Err(_) => Ok(ServiceResponse::new(
            http_request,
            HttpResponse::RequestTimeout()
                .finish()
                .map_into_right_body(),
        )),
    }
}

/// `GET /reports/slow`: takes longer than [`TIMEOUT`].
async fn slow_report() -> &'static str {
    actix_web::rt::time::sleep(TIMEOUT * 50).await;
    "too late"
}

/// `GET /reports/crash`: panics; the client gets a masked 500.
async fn crash_report() -> &'static str {
    panic!("report renderer crashed: token=hunter2")
}

/// `GET /cases/{id}`: the case, or 404 with the id exposed.
async fn get_case(store: web::Data<Store>, id: web::Path<u64>) -> Result<HttpResponse, CaseError> {
    Ok(HttpResponse::Ok().json(store.find(id.into_inner())?))
}

/// `GET /cases?limit=20&order=newest`: up to `limit` cases; a bad query names the
/// parameter, as on axum.
async fn list_cases(
    store: web::Data<Store>,
    query: Query<ListCases, CaseError>,
) -> Result<HttpResponse, CaseError> {
    Ok(HttpResponse::Ok().json(store.list(&query)))
}

/// `POST /cases`: 201 with the new case; 400 with violations; 409 for a name taken.
async fn create_case(
    store: web::Data<Store>,
    new: Json<NewCase, CaseError>,
) -> Result<HttpResponse, CaseError> {
    Ok(HttpResponse::Created().json(store.create(new.into_inner())?))
}

/// `GET /me`: 401 with `WWW-Authenticate` unless `Authorization: Bearer demo-token`.
async fn me(request: HttpRequest) -> Result<&'static str, CaseError> {
    let authorization = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok());
    authorize(authorization)?;
    Ok("demo")
}

/// `GET /reports/export`: always 429 with `Retry-After`.
async fn export_report() -> Result<String, CaseError> {
    export()
}

/// `GET /health/db`: always 500; the database error never reaches the body.
async fn health() -> Result<String, CaseError> {
    database_health()
}

/// Any other path: 404 in RFC 9457, not actix-web's empty one.
async fn no_route() -> Result<HttpResponse, CaseError> {
    Err(CaseError::NoRoute)
}

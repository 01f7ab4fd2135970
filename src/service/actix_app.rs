//! The actix-web service's routes, built without binding a socket so the HTTP tests
//! (`tests/actix_http.rs`) serve exactly what `cargo run --example actix` serves.
//!
//! Handlers return `Result<_, CaseError>`: the `actix-web` feature makes every derived
//! type an `actix_web::ResponseError`, in RFC 9457 here. actix-web's own extractor errors
//! (bad JSON, an unparsable path) are turned into `CaseError` by the extractors' configs.

use actix_web::error::JsonPayloadError;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use super::cases::{CaseError, NewCase, Store, authorize, database_health, export};

/// Registers the routes, the store and the extractor error handlers.
pub fn configure(store: Store) -> impl FnOnce(&mut web::ServiceConfig) {
    move |config| {
        config
            .app_data(web::Data::new(store))
            .app_data(web::JsonConfig::default().error_handler(|error, _| {
                match error {
                    JsonPayloadError::ContentType => CaseError::NotJson,
                    other => CaseError::Malformed(other.to_string()),
                }
                .into()
            }))
            .app_data(
                web::PathConfig::default()
                    .error_handler(|error, _| CaseError::Malformed(error.to_string()).into()),
            )
            .route("/cases", web::post().to(create_case))
            .route("/cases/{id}", web::get().to(get_case))
            .route("/me", web::get().to(me))
            .route("/reports/export", web::get().to(export_report))
            .route("/health/db", web::get().to(health))
            .default_service(web::to(no_route));
    }
}

/// `GET /cases/{id}`: the case, or 404 with the id exposed.
async fn get_case(store: web::Data<Store>, id: web::Path<u64>) -> Result<HttpResponse, CaseError> {
    Ok(HttpResponse::Ok().json(store.find(id.into_inner())?))
}

/// `POST /cases`: 201 with the new case; 400 with violations; 409 for a name taken.
async fn create_case(
    store: web::Data<Store>,
    new: web::Json<NewCase>,
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

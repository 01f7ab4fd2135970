//! The catalogue's documentation pages as an actix-web scope.

use ::actix_web::http::header::ACCEPT;
use ::actix_web::{HttpRequest, HttpResponse, Scope, web};

use crate::integrations::docs::CatalogueDocs;

/// A scope at `path` serving `docs`: the index at `path`, each code's page at
/// `path/{code}`. Mount it where the type URIs point, so that each one resolves:
///
/// ```
/// use actix_web::App;
/// use apifault::{ApiError, CatalogueDocs};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api_error(type_base = "https://api.example.com/errors/")]
/// enum CaseError {
///     /// No case has this id.
///     #[error("case not found")]
///     #[status(404)]
///     NotFound,
/// }
///
/// let app = App::new().service(apifault::actix_web::catalogue_scope(
///     "/errors",
///     CatalogueDocs::of::<CaseError>(),
/// ));
/// ```
pub fn catalogue_scope(path: &str, docs: CatalogueDocs) -> Scope {
    let prefix = path.trim_end_matches('/').to_owned();
    web::scope(&prefix)
        .app_data(web::Data::new(docs))
        .route("", web::get().to(index))
        .route("/", web::get().to(index))
        .route("/{code}", web::get().to(page))
}

async fn index(request: HttpRequest, docs: web::Data<CatalogueDocs>) -> HttpResponse {
    respond(&docs, request.path(), None, &request)
}

async fn page(
    request: HttpRequest,
    docs: web::Data<CatalogueDocs>,
    code: web::Path<String>,
) -> HttpResponse {
    let path = request.path();
    let index = path.rsplit_once('/').map_or("", |(index, _)| index);
    respond(&docs, index, Some(&code), &request)
}

fn respond(
    docs: &CatalogueDocs,
    index: &str,
    code: Option<&str>,
    request: &HttpRequest,
) -> HttpResponse {
    let accept = request
        .headers()
        .get(ACCEPT)
        .and_then(|accept| accept.to_str().ok());
    super::from_http(docs.respond(index, code, accept))
}

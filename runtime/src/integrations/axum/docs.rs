//! The catalogue's documentation pages as an axum router.

use ::axum::Router;
use ::axum::body::Body;
use ::axum::extract::{OriginalUri, Path, State};
use ::axum::http::HeaderMap;
use ::axum::http::header::ACCEPT;
use ::axum::response::Response;
use ::axum::routing::get;

use crate::integrations::docs::CatalogueDocs;

/// A router serving `docs`: the index at its root, each code's page at `/{code}`. Nest it
/// where the type URIs point, so that each one resolves:
///
/// ```
/// use apifault::{ApiError, CatalogueDocs};
/// use axum::Router;
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
/// // https://api.example.com/errors/not_found is this service's /errors/not_found.
/// let app: Router = Router::new().nest(
///     "/errors",
///     apifault::axum::catalogue_router(CatalogueDocs::of::<CaseError>()),
/// );
/// ```
pub fn catalogue_router<S: Clone + Send + Sync + 'static>(docs: CatalogueDocs) -> Router<S> {
    Router::new()
        .route("/", get(index))
        .route("/{code}", get(page))
        .with_state(docs)
}

async fn index(
    State(docs): State<CatalogueDocs>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Response {
    respond(&docs, uri.path(), None, &headers)
}

async fn page(
    State(docs): State<CatalogueDocs>,
    OriginalUri(uri): OriginalUri,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    // The index is the page's path without its last segment.
    let path = uri.path();
    let index = path.rsplit_once('/').map_or("", |(index, _)| index);
    respond(&docs, index, Some(&code), &headers)
}

fn respond(docs: &CatalogueDocs, index: &str, code: Option<&str>, headers: &HeaderMap) -> Response {
    let accept = headers.get(ACCEPT).and_then(|accept| accept.to_str().ok());
    docs.respond(index, code, accept).map(Body::from)
}

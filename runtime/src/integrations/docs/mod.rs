//! The catalogue served as documentation, so that every problem `type` URI resolves
//! (RFC 9457 §3.1.1: it should lead to human-readable documentation).
//!
//! [`CatalogueDocs`] answers two kinds of path, whatever framework routes them: the index
//! (every code with its status, title and summary) and one page per code, at
//! `type_base` + code. Mount it where the type URIs point, with
//! [`axum::catalogue_router`](crate::axum::catalogue_router) or
//! [`actix_web::catalogue_scope`](crate::actix_web::catalogue_scope), or call
//! [`CatalogueDocs::respond`] from any other.
//!
//! A page is HTML with no script and no external asset; `Accept: application/json` gets the
//! entry as JSON, `text/markdown` its row of [`Catalogue::to_markdown`].

mod html;

use http::header::{CONTENT_TYPE, VARY};
use http::{HeaderValue, Response, StatusCode};
use serde_json::{Value, json};

use crate::format::negotiate::{Formats, preferred};
use crate::{ApiError, Catalogue, Entry, Format, RenderError, Specimen};

/// One example body: the format's content type and what it renders for an entry.
pub(crate) type Example = (&'static str, Result<Vec<u8>, RenderError>);

/// A type's catalogue as documentation pages: an index and one page per code.
///
/// ```
/// use apifault::{ApiError, CatalogueDocs};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api_error(type_base = "https://api.example.com/errors/")]
/// enum CaseError {
///     /// No case has this id.
///     #[error("case {id} not found")]
///     #[status(404)]
///     NotFound { id: u64 },
/// }
///
/// let docs = CatalogueDocs::of::<CaseError>().title("Case API errors");
/// let page = docs.respond("/errors", Some("not_found"), Some("application/json"));
/// assert_eq!(page.status(), 200);
/// let entry: serde_json::Value = serde_json::from_slice(page.body()).unwrap();
/// assert_eq!(entry["type"], "https://api.example.com/errors/not_found");
/// assert_eq!(entry["description"], "No case has this id.");
///
/// assert_eq!(docs.respond("/errors", Some("no_such_code"), None).status(), 404);
/// ```
#[derive(Clone)]
pub struct CatalogueDocs {
    catalogue: &'static Catalogue,
    title: String,
    examples: fn(&'static Entry) -> Vec<Example>,
}

impl CatalogueDocs {
    /// The pages of `E`'s catalogue, each example body in `E`'s format (or the variant's
    /// own, when it declares one).
    #[must_use]
    pub fn of<E: ApiError>() -> Self {
        Self {
            catalogue: E::CATALOGUE,
            title: "Errors".to_owned(),
            examples: |entry| vec![example::<E::Format>(entry)],
        }
    }

    /// The pages of `E`'s catalogue, with an example body in each format of `L` (a tuple,
    /// `(Problem, JsonApi)`): for a type that negotiates its format, the formats it
    /// declares in `negotiate(…)`.
    #[must_use]
    pub fn in_formats<E: ApiError, L: Formats>() -> Self {
        Self {
            catalogue: E::CATALOGUE,
            title: "Errors".to_owned(),
            examples: L::__examples,
        }
    }

    /// The pages' heading (`Errors` by default).
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// The answer for the index (`code` = `None`) or for one code's page, in the
    /// representation `accept` prefers: HTML by default, `application/json` or
    /// `text/markdown`. `index_path` is the path the index is served at (the pages link to
    /// each other through it). An unknown code is a 404 page. Never panics, whatever the
    /// inputs.
    #[must_use]
    pub fn respond(
        &self,
        index_path: &str,
        code: Option<&str>,
        accept: Option<&str>,
    ) -> Response<Vec<u8>> {
        let index_path = index_path.trim_end_matches('/');
        let representation = preferred(
            accept.unwrap_or("text/html"),
            &["text/html", "application/json", "text/markdown"],
        )
        .unwrap_or(0);
        let (status, content_type, body) = match code.filter(|code| !code.is_empty()) {
            None => match representation {
                1 => (StatusCode::OK, JSON, self.index_json()),
                2 => (
                    StatusCode::OK,
                    MARKDOWN,
                    self.catalogue.to_markdown(&self.title),
                ),
                _ => (StatusCode::OK, HTML, html::index(self, index_path)),
            },
            Some(code) => match self.catalogue.lookup(code) {
                Some(entry) => match representation {
                    1 => (StatusCode::OK, JSON, self.entry_json(entry).to_string()),
                    2 => (StatusCode::OK, MARKDOWN, markdown(entry)),
                    _ => (
                        StatusCode::OK,
                        HTML,
                        html::entry_page(self, index_path, entry),
                    ),
                },
                None => match representation {
                    1 => (
                        StatusCode::NOT_FOUND,
                        JSON,
                        json!({ "error": "no such code" }).to_string(),
                    ),
                    2 => (
                        StatusCode::NOT_FOUND,
                        MARKDOWN,
                        "No such code.\n".to_owned(),
                    ),
                    _ => (
                        StatusCode::NOT_FOUND,
                        HTML,
                        html::not_found(self, index_path),
                    ),
                },
            },
        };
        let mut response = Response::new(body.into_bytes());
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        headers.insert(VARY, HeaderValue::from_static("Accept"));
        response
    }

    /// The entries the pages list: each code once, in declaration order.
    fn entries(&self) -> impl Iterator<Item = &'static Entry> + '_ {
        let mut seen = Vec::new();
        self.catalogue.entries().filter(move |entry| {
            let first = !seen.contains(&entry.code);
            seen.push(entry.code);
            first
        })
    }

    fn index_json(&self) -> String {
        let entries: Vec<Value> = self
            .entries()
            .map(|entry| {
                json!({
                    "code": entry.code,
                    "status": entry.status.as_u16(),
                    "title": title(entry),
                    "summary": summary(entry.description),
                })
            })
            .collect();
        json!({ "title": self.title, "errors": entries }).to_string()
    }

    /// The entry as JSON: what its page shows, example bodies included (as JSON when the
    /// format writes JSON, else as text).
    fn entry_json(&self, entry: &'static Entry) -> Value {
        let examples: Vec<Value> = (self.examples)(entry)
            .into_iter()
            .filter_map(|(content_type, body)| {
                let body = body.ok()?;
                let body = serde_json::from_slice::<Value>(&body)
                    .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&body).into()));
                Some(json!({ "content_type": content_type, "body": body }))
            })
            .collect();
        json!({
            "code": entry.code,
            "name": entry.name,
            "status": entry.status.as_u16(),
            "statuses": entry.statuses().map(|status| status.as_u16()).collect::<Vec<_>>(),
            "title": title(entry),
            "description": entry.description,
            "type": entry.type_uri,
            "grpc_code": entry.grpc().name(),
            "members": entry.members,
            "shared_code": entry.shared_code,
            "examples": examples,
        })
    }
}

const HTML: &str = "text/html; charset=utf-8";
const JSON: &str = "application/json";
const MARKDOWN: &str = "text/markdown; charset=utf-8";

/// The entry's title: declared, else the status phrase.
fn title(entry: &Entry) -> &'static str {
    entry
        .title
        .or_else(|| entry.status.canonical_reason())
        .unwrap_or("Error")
}

/// The first paragraph of a doc comment, on one line.
fn summary(description: &str) -> String {
    description
        .split("\n\n")
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The entry's rows of the catalogue's Markdown table, with its header.
fn markdown(entry: &'static Entry) -> String {
    let cell = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('|', "\\|")
    };
    let mut page =
        String::from("| Status | Code | gRPC | Title | Description |\n|---|---|---|---|---|\n");
    for status in entry.statuses() {
        page.push_str(&format!(
            "| {} | `{}` | `{}` | {} | {} |\n",
            status.as_u16(),
            entry.code,
            entry
                .grpc_code
                .unwrap_or_else(|| crate::GrpcCode::for_status(status)),
            cell(title(entry)),
            cell(entry.description),
        ));
    }
    page
}

/// The example body of `entry` in format `F`.
pub(crate) fn example<F: Format>(entry: &'static Entry) -> Example {
    let specimen = Specimen::<F>::new(entry);
    (specimen.content_type(), specimen.render())
}

//! Issue 14, item 2: the catalogue served as documentation, so every problem `type` URI
//! resolves. Over real loopback HTTP, on the axum and the actix-web example services:
//! every type URI the bodies carry (from the catalogue and from real error responses) is a
//! page at its path, valid HTML with no script and no external asset, naming its code; the
//! index links to every code's page; `Accept` picks JSON or Markdown instead; an unknown
//! code is a 404. A hostile doc comment stays text.

mod http_support;

use apifault::{ApiError, CatalogueDocs};
use apifault_suite::service::cases;
use http::Method;
use http_support::{Client, ExampleActix, Reply, serve_example_axum};

const TYPE_BASE: &str = "https://docs.example.com";

/// The path of a type URI on the example services.
fn path_of(type_uri: &str) -> &str {
    type_uri
        .strip_prefix(TYPE_BASE)
        .unwrap_or_else(|| panic!("{type_uri} is not under {TYPE_BASE}"))
}

/// The start tags of an HTML document (name and attributes), checked on the way: no
/// tokenizer error, a doctype first, every non-void element closed in order, no script,
/// no style sheet or image from elsewhere.
fn html_tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    use html5gum::{Token, Tokenizer};
    const VOID: &[&str] = &["meta", "br", "img", "link", "hr", "input"];
    let mut tags = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut doctype = false;
    for token in Tokenizer::new(html) {
        let Ok(token) = token;
        match token {
            Token::Doctype(_) => doctype = true,
            Token::StartTag(tag) => {
                assert!(doctype, "an element before the doctype");
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let attributes: Vec<(String, String)> = tag
                    .attributes
                    .iter()
                    .map(|(name, value)| {
                        (
                            String::from_utf8_lossy(name).into_owned(),
                            String::from_utf8_lossy(value).into_owned(),
                        )
                    })
                    .collect();
                assert_ne!(name, "script", "a page has no script");
                for (attribute, value) in &attributes {
                    assert!(
                        !attribute.starts_with("on"),
                        "an event handler attribute: {attribute}"
                    );
                    if attribute == "src" || (name == "link" && attribute == "href") {
                        panic!("an external asset: <{name} {attribute}={value:?}>");
                    }
                }
                if !VOID.contains(&name.as_str()) {
                    open.push(name.clone());
                }
                tags.push((name, attributes));
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                assert_eq!(
                    open.pop().as_deref(),
                    Some(name.as_str()),
                    "misnested </{name}>"
                );
            }
            Token::Error(error) => panic!("HTML parse error: {error:?}\n{html}"),
            Token::String(_) | Token::Comment(_) => {}
        }
    }
    assert!(open.is_empty(), "unclosed elements: {open:?}");
    tags
}

fn links(html: &str) -> Vec<String> {
    html_tags(html)
        .into_iter()
        .filter(|(name, _)| name == "a")
        .filter_map(|(_, attributes)| {
            attributes
                .into_iter()
                .find(|(name, _)| name == "href")
                .map(|(_, href)| href)
        })
        .collect()
}

fn assert_html_page(reply: &Reply, what: &str) {
    assert_eq!(reply.status, 200, "{what}: {}", reply.text());
    assert_eq!(
        reply.header("content-type"),
        "text/html; charset=utf-8",
        "{what}"
    );
    html_tags(reply.text());
}

/// A request: method, path, headers, body.
type Request = (
    Method,
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

/// Every type URI the services' bodies can carry: the catalogue's, and those of real
/// error responses (rejections and the catch-all included).
async fn type_uris(client: &Client) -> Vec<String> {
    let mut uris: Vec<String> = cases::CaseError::CATALOGUE
        .entries()
        .filter_map(|entry| entry.type_uri.map(str::to_owned))
        .collect();
    let requests: [Request; 5] = [
        (Method::GET, "/cases/999", &[], ""),
        (Method::GET, "/cases/abc", &[], ""),
        (Method::GET, "/nowhere", &[], ""),
        (Method::DELETE, "/cases/1", &[], ""),
        (
            Method::POST,
            "/cases",
            &[("content-type", "application/json")],
            r#"{"name":"#,
        ),
    ];
    for (method, path, headers, body) in requests {
        let reply = client.send(method, path, headers, body).await;
        assert!(reply.status >= 400, "{path}");
        let type_uri = reply.json()["type"]
            .as_str()
            .unwrap_or_else(|| panic!("{path}: no type"))
            .to_owned();
        uris.push(type_uri);
    }
    uris.sort();
    uris.dedup();
    uris
}

async fn every_type_uri_resolves(framework: &str, client: &Client) {
    let uris = type_uris(client).await;
    assert!(uris.len() >= 5, "{framework}: {uris:?}");
    for uri in &uris {
        let path = path_of(uri);
        let code = path.rsplit('/').next().expect("a code");
        let page = client.get(path).await;
        assert_html_page(&page, uri);
        assert!(
            page.text()
                .contains(&format!("<h1><code>{code}</code></h1>")),
            "{framework}: {uri}: {}",
            page.text()
        );

        let json = client
            .send(Method::GET, path, &[("accept", "application/json")], "")
            .await;
        assert_eq!(json.status, 200, "{framework}: {uri}");
        assert_eq!(json.header("content-type"), "application/json");
        let entry = json.json();
        assert_eq!(entry["code"], code, "{framework}: {uri}");
        let entry_type = entry["type"].as_str();
        assert!(
            entry_type.is_none() || entry_type == Some(uri.as_str()),
            "{framework}: {uri}: the entry says {entry_type:?}"
        );
        // One example per format the service speaks.
        let content_types: Vec<&str> = entry["examples"]
            .as_array()
            .expect("examples")
            .iter()
            .map(|example| example["content_type"].as_str().expect("a content type"))
            .collect();
        assert_eq!(
            content_types,
            [
                "application/problem+json",
                "application/vnd.api+json",
                "application/json"
            ],
            "{framework}: {uri}"
        );

        let markdown = client
            .send(Method::GET, path, &[("accept", "text/markdown")], "")
            .await;
        assert_eq!(markdown.status, 200);
        assert!(markdown.header("content-type").starts_with("text/markdown"));
        assert!(
            markdown.text().contains(&format!("| `{code}` |")),
            "{framework}: {}",
            markdown.text()
        );
    }
}

async fn the_index_links_every_code(framework: &str, client: &Client) {
    let index = client.get("/errors").await;
    assert_html_page(&index, "index");
    let hrefs = links(index.text());
    let codes: Vec<&str> = {
        let mut codes: Vec<&str> = cases::CaseError::CATALOGUE
            .entries()
            .map(|entry| entry.code)
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    };
    for code in &codes {
        let href = format!("/errors/{code}");
        assert!(hrefs.contains(&href), "{framework}: the index lacks {href}");
    }
    for href in hrefs.iter().filter(|href| href.starts_with("/errors/")) {
        let page = client.get(href).await;
        assert_html_page(&page, href);
        assert!(
            links(page.text()).contains(&"/errors".to_owned()),
            "{framework}: {href} does not link back to the index"
        );
    }
    let json = client
        .send(
            Method::GET,
            "/errors",
            &[("accept", "application/json")],
            "",
        )
        .await;
    assert_eq!(json.status, 200);
    assert_eq!(
        json.json()["errors"].as_array().expect("errors").len(),
        codes.len(),
        "{framework}: each code once"
    );

    let unknown = client.get("/errors/no_such_code").await;
    assert_eq!(unknown.status, 404, "{framework}");
    html_tags(unknown.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_type_uri_resolves_on_both_frameworks() {
    let axum = serve_example_axum().await;
    let actix_server = ExampleActix::start();
    let actix = actix_server.client();
    for (framework, client) in [("axum", &axum), ("actix-web", &actix)] {
        every_type_uri_resolves(framework, client).await;
        the_index_links_every_code(framework, client).await;
    }
    // Both serve the same page.
    let page = |client: &Client| {
        let client = client.clone();
        async move { client.get("/errors/not_found").await.text().to_owned() }
    };
    assert_eq!(page(&axum).await, page(&actix).await);
}

/// A doc comment is text, whatever it holds.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(type_base = "https://docs.example.com/errors/")]
enum Hostile {
    /// Look: <script>alert(1)</script> & <img src=x onerror=alert(2)> "quoted" 'too'.
    ///
    /// A second paragraph, with a | pipe.
    #[error("hostile")]
    #[status(400)]
    #[title("<i>Hostile</i> & \"co\"")]
    Hostile,
}

#[test]
fn a_hostile_doc_comment_stays_text() {
    assert_eq!(Hostile::Hostile.code(), "hostile");
    let docs = CatalogueDocs::of::<Hostile>().title("<b>Errors</b>");
    for (code, status) in [(None, 200), (Some("hostile"), 200), (Some("<nope>"), 404)] {
        let response = docs.respond("/errors", code, None);
        assert_eq!(response.status(), status);
        let html = std::str::from_utf8(response.body()).expect("UTF-8");
        html_tags(html);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(!html.contains("<i>"), "{html}");
    }
    let page = docs.respond("/errors", Some("hostile"), None);
    let html = std::str::from_utf8(page.body()).expect("UTF-8");
    assert!(
        html.contains("Look: &lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
        "{html}"
    );
    assert!(
        html.contains("<p>A second paragraph, with a | pipe.</p>"),
        "{html}"
    );
}

#[test]
fn odd_requests_never_panic() {
    let docs = CatalogueDocs::of::<Hostile>();
    for accept in [
        None,
        Some(""),
        Some("*/*"),
        Some("text/markdown;q=0, application/json;q=0"),
        Some(";;;,,q=2"),
        Some("application/json;q=0.5, text/markdown;q=0.9"),
    ] {
        for code in [
            None,
            Some(""),
            Some("hostile"),
            Some("<nope>"),
            Some("\u{0}"),
        ] {
            for index in ["", "/", "/errors/", "//"] {
                let response = docs.respond(index, code, accept);
                assert!(response.status() == 200 || response.status() == 404);
                assert!(response.headers().contains_key("content-type"));
            }
        }
    }
    let markdown = docs.respond(
        "/errors",
        None,
        Some("application/json;q=0.5, text/markdown;q=0.9"),
    );
    assert!(
        std::str::from_utf8(markdown.body())
            .expect("UTF-8")
            .starts_with("# Errors")
    );
}

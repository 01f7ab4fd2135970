//! The HTML pages: a document with an inline style sheet, no script and no external asset,
//! every text written through [`escape`](crate::escape).

use core::fmt;

use super::{CatalogueDocs, summary, title};
use crate::Entry;
use crate::escape::{html_attribute, html_text};

/// The index: every code with its status, title and summary, each linking to its page.
pub(super) fn index(docs: &CatalogueDocs, index_path: &str) -> String {
    let mut page = Page::new(&docs.title);
    page.raw("<h1>");
    page.text(&docs.title);
    page.raw("</h1>\n<table>\n<thead><tr><th>Status</th><th>Code</th><th>Title</th><th>Summary</th></tr></thead>\n<tbody>\n");
    for entry in docs.entries() {
        page.raw("<tr><td>");
        page.text(&entry.status.as_u16());
        page.raw("</td><td><a href=\"");
        page.attribute(&format_args!("{index_path}/{}", entry.code));
        page.raw("\"><code>");
        page.text(&entry.code);
        page.raw("</code></a></td><td>");
        page.text(&title(entry));
        page.raw("</td><td>");
        page.text(&summary(entry.description));
        page.raw("</td></tr>\n");
    }
    page.raw("</tbody>\n</table>\n");
    page.finish()
}

/// One code's page: its documentation, status, gRPC code, members and example bodies.
pub(super) fn entry_page(docs: &CatalogueDocs, index_path: &str, entry: &'static Entry) -> String {
    let mut page = Page::new(&format_args!("{} – {}", entry.code, docs.title));
    index_link(&mut page, docs, index_path);
    page.raw("<h1><code>");
    page.text(&entry.code);
    page.raw("</code></h1>\n<p class=\"title\">");
    page.text(&title(entry));
    page.raw("</p>\n");
    for paragraph in entry
        .description
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
    {
        page.raw("<p>");
        page.text(&paragraph.trim());
        page.raw("</p>\n");
    }
    page.raw("<dl>\n<dt>HTTP status</dt><dd>");
    let statuses: Vec<String> = entry.statuses().map(|s| s.as_u16().to_string()).collect();
    page.text(&statuses.join(", "));
    page.raw("</dd>\n<dt>gRPC code</dt><dd><code>");
    page.text(&entry.grpc().name());
    page.raw("</code></dd>\n");
    if let Some(type_uri) = entry.type_uri {
        page.raw("<dt>Problem type</dt><dd><code>");
        page.text(&type_uri);
        page.raw("</code></dd>\n");
    }
    if entry.shared_code {
        page.raw("<dt>Shared</dt><dd>several errors answer with this code</dd>\n");
    }
    page.raw("<dt>Members</dt><dd>");
    if entry.members.is_empty() && !entry.flattens {
        page.raw("none beyond the format's own");
    }
    for (i, member) in entry.members.iter().enumerate() {
        if i > 0 {
            page.raw(", ");
        }
        page.raw("<code>");
        page.text(member);
        page.raw("</code>");
    }
    if entry.flattens {
        page.raw(if entry.members.is_empty() { "" } else { ", " });
        page.raw("and members decided at run time");
    }
    page.raw("</dd>\n</dl>\n");
    let examples = (docs.examples)(entry);
    if !examples.is_empty() {
        page.raw("<h2>Example</h2>\n");
    }
    for (content_type, body) in examples {
        page.raw("<h3><code>");
        page.text(&content_type);
        page.raw("</code></h3>\n<pre>");
        match body {
            Ok(body) if body.is_empty() => page.raw("(no body)"),
            Ok(body) => page.text(&String::from_utf8_lossy(&body)),
            Err(error) => page.text(&format_args!("(cannot render: {error})")),
        }
        page.raw("</pre>\n");
    }
    page.finish()
}

/// The page of a code the catalogue does not list.
pub(super) fn not_found(docs: &CatalogueDocs, index_path: &str) -> String {
    let mut page = Page::new(&docs.title);
    page.raw("<h1>No such code</h1>\n");
    index_link(&mut page, docs, index_path);
    page.finish()
}

/// A paragraph linking back to the index.
fn index_link(page: &mut Page, docs: &CatalogueDocs, index_path: &str) {
    page.raw("<p><a href=\"");
    // The index of a router mounted at the root is `/`, not the empty path.
    page.attribute(&if index_path.is_empty() {
        "/"
    } else {
        index_path
    });
    page.raw("\">");
    page.text(&docs.title);
    page.raw("</a></p>\n");
}

/// An HTML document being written.
struct Page(Vec<u8>);

impl Page {
    fn new(title: &dyn fmt::Display) -> Self {
        let mut page = Self(Vec::with_capacity(4096));
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        page.text(title);
        page.raw("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}pre{background:#f4f4f4;padding:.8rem;overflow-x:auto;white-space:pre-wrap}dt{font-weight:bold}.title{font-size:1.2rem}</style>\n</head>\n<body>\n<main>\n");
        page
    }

    fn raw(&mut self, markup: &str) {
        self.0.extend_from_slice(markup.as_bytes());
    }

    fn text(&mut self, value: &dyn fmt::Display) {
        // Writing into a Vec cannot fail; a failing Display leaves its text out.
        let _ = html_text(&mut self.0, value);
    }

    fn attribute(&mut self, value: &dyn fmt::Display) {
        let _ = html_attribute(&mut self.0, value);
    }

    fn finish(mut self) -> String {
        self.raw("</main>\n</body>\n</html>\n");
        // Everything written is UTF-8: markup literals and escaped `Display` output.
        String::from_utf8(self.0).unwrap_or_default()
    }
}

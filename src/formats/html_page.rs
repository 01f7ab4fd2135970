//! An HTML error page, as services that answer browsers and API clients from one error do
//! (kanidm, vaultwarden, Garage's website endpoint): every text written through
//! `apifault::escape`, never by hand.

use apifault::{ApiError, Context, Format, RenderError, escape, phrase};

/// `text/html`: a small page with the status, the public message, the violations, the
/// code and the request id.
pub struct HtmlPage;

impl Format for HtmlPage {
    const CONTENT_TYPE: &'static str = "text/html; charset=utf-8";

    fn write_body<E: ApiError>(
        error: &E,
        context: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let status = error.status();
        let phrase = phrase::rfc9110(status).unwrap_or("Error");
        out.extend_from_slice(
            b"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>",
        );
        out.extend_from_slice(status.as_str().as_bytes());
        out.push(b' ');
        escape::html_text(out, &phrase)?;
        out.extend_from_slice(b"</title></head>\n<body><h1>");
        escape::html_text(out, &phrase)?;
        out.extend_from_slice(b"</h1>\n");
        if let Some(message) = error.message() {
            out.extend_from_slice(b"<p class=\"message\">");
            escape::html_text(out, &message)?;
            out.extend_from_slice(b"</p>\n");
        }
        let violations = error.violations();
        if !violations.is_empty() {
            out.extend_from_slice(b"<ul class=\"violations\">\n");
            for violation in violations.iter() {
                out.extend_from_slice(b"<li data-pointer=\"");
                escape::html_attribute(out, &violation.path().pointer())?;
                out.extend_from_slice(b"\"><code>");
                escape::html_text(out, &violation.path().dotted())?;
                out.extend_from_slice(b"</code>: ");
                escape::html_text(out, &violation.message())?;
                out.extend_from_slice(b"</li>\n");
            }
            out.extend_from_slice(b"</ul>\n");
        }
        out.extend_from_slice(b"<p class=\"code\">Error code <code>");
        escape::html_text(out, &error.code())?;
        out.extend_from_slice(b"</code>");
        if let Some(request_id) = context.request_id {
            out.extend_from_slice(b", request <code>");
            escape::html_text(out, &request_id)?;
            out.extend_from_slice(b"</code>");
        }
        out.extend_from_slice(b"</p>\n</body></html>\n");
        Ok(())
    }
}

//! The XML error body of S3 and the APIs compatible with it (Garage, MinIO):
//! `<Error><Code>NoSuchKey</Code><Message>…</Message><Resource>…</Resource>
//! <RequestId>…</RequestId></Error>`, every text written through `apifault::escape`.

use apifault::{ApiError, Context, Format, RenderError, escape, phrase};

/// `application/xml`: S3's `<Error>` document. `Resource` is the declared instance, else
/// the request path; `RequestId` the request id; both left out when unknown.
pub struct S3Xml;

impl Format for S3Xml {
    const CONTENT_TYPE: &'static str = "application/xml";

    fn write_body<E: ApiError>(
        error: &E,
        context: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>");
        escape::xml_text(out, &error.code())?;
        out.extend_from_slice(b"</Code><Message>");
        match error.message() {
            Some(message) => escape::xml_text(out, &message)?,
            None => escape::xml_text(out, &phrase::rfc9110(error.status()).unwrap_or("Error"))?,
        }
        out.extend_from_slice(b"</Message>");
        match error.instance() {
            Some(instance) => {
                out.extend_from_slice(b"<Resource>");
                escape::xml_text(out, &instance)?;
                out.extend_from_slice(b"</Resource>");
            }
            None => {
                if let Some(path) = context.instance {
                    out.extend_from_slice(b"<Resource>");
                    escape::xml_text(out, &path)?;
                    out.extend_from_slice(b"</Resource>");
                }
            }
        }
        if let Some(request_id) = context.request_id {
            out.extend_from_slice(b"<RequestId>");
            escape::xml_text(out, &request_id)?;
            out.extend_from_slice(b"</RequestId>");
        }
        out.extend_from_slice(b"</Error>");
        Ok(())
    }
}

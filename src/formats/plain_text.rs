//! A plain-text body, as services that answer most errors without JSON do: the public
//! message, else the status phrase, and a line break.

use apifault::{ApiError, Context, Format, RenderError, phrase};

/// `text/plain`: the public message, else the status phrase, and a line break.
pub struct PlainText;

impl Format for PlainText {
    const CONTENT_TYPE: &'static str = "text/plain; charset=utf-8";

    fn write_body<E: ApiError>(
        error: &E,
        _: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let text = match error.message() {
            Some(message) => message.to_string(),
            None => phrase::rfc9110(error.status()).unwrap_or("").to_owned(),
        };
        out.extend_from_slice(text.as_bytes());
        out.push(b'\n');
        Ok(())
    }
}

use http::header::CONTENT_TYPE;
use http::{HeaderMap, HeaderValue, Response};

use crate::{ApiError, Context, Entry, Format, Part};

/// The whole response for `error` in format `F`: status, content type, declared headers
/// and body. Works with hyper and every framework built on the `http` crate.
///
/// Never panics. If an exposed field fails to serialize, the body falls back to the
/// error's status, code and title alone (still in format `F`).
pub fn response<F: Format, E: ApiError>(error: &E, context: &Context<'_>) -> Response<Vec<u8>> {
    if E::LOG {
        crate::integrations::tracing::error_response(error, context);
    }
    let body = F::render(error, context).unwrap_or_else(|render_error| {
        crate::integrations::tracing::render_failed(error, &render_error);
        let bare = Bare(error.entry());
        // A bare error has no user data to serialize; should even that fail, send no body.
        F::render(&bare, context).unwrap_or_default()
    });
    let mut response = Response::new(body);
    *response.status_mut() = error.status();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        const { HeaderValue::from_static(F::CONTENT_TYPE) },
    );
    error.headers(headers);
    response
}

/// The status, code and title of an error whose body could not be rendered.
#[derive(Debug)]
struct Bare(&'static Entry);

impl std::fmt::Display for Bare {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.code)
    }
}

impl std::error::Error for Bare {}

impl ApiError for Bare {
    type Format = crate::Problem;

    fn entry(&self) -> &'static Entry {
        self.0
    }

    fn has_part(&self, _: Part) -> bool {
        false
    }

    fn headers(&self, _: &mut HeaderMap) {}
}

use http::header::CONTENT_TYPE;
use http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode};

use crate::format::OwnBody;
use crate::{ApiError, Context, Entry, Format, Part, RenderError};

/// The whole response for `error` in format `F`: status, content type, declared headers
/// and body. Works with hyper and every framework built on the `http` crate.
///
/// The response carries one `Content-Type`, `F`'s: a declared header of that name does
/// not add a second. A type with a [`CODE_HEADER`](ApiError::CODE_HEADER) carries its code
/// on that header too.
///
/// A variant declared `no_body` answers with no body and no `Content-Type`; one with an
/// `#[api_error(body)]` field answers with that field as its whole body, under `F`'s
/// content type.
///
/// Never panics. If an exposed field fails to serialize, the body falls back to the
/// error's status, code and title alone (still in format `F`).
pub fn response<F: Format, E: ApiError>(error: &E, context: &Context<'_>) -> Response<Vec<u8>> {
    // A refused runtime status or code is apifault's own fault to report, as a dropped
    // header is: logged under `log = false` too.
    error.__warn_refused();
    if E::LOG {
        crate::integrations::tracing::error_response(error, context);
    }
    let own_body = error.__own_body();
    let body = match own_body {
        OwnBody::Format => F::render(error, context),
        OwnBody::Empty => Ok(Vec::new()),
        OwnBody::Whole(whole) => {
            let mut out = Vec::new();
            whole
                .write_json(&mut out)
                .map(|()| out)
                .map_err(RenderError::from)
        }
    };
    let body = body.unwrap_or_else(|render_error| {
        crate::integrations::tracing::render_failed(error, &render_error);
        let bare = Bare {
            entry: error.entry(),
            status: error.status(),
            code: error.code(),
        };
        // A bare error has no user data to serialize; should even that fail, send no body.
        F::render(&bare, context).unwrap_or_default()
    });
    let mut response = Response::new(body);
    *response.status_mut() = error.status();
    let headers = response.headers_mut();
    let typed = !matches!(own_body, OwnBody::Empty);
    if typed {
        headers.insert(
            CONTENT_TYPE,
            const { HeaderValue::from_static(F::CONTENT_TYPE) },
        );
    }
    error.headers(headers);
    // The content type is the format's: a `headers` of a hand-written impl that appends
    // another would send two (the derive rejects `header("Content-Type" = …)`). Only an
    // error that appended headers pays for the look-up.
    if typed && headers.len() > 1 && headers.get_all(CONTENT_TYPE).iter().nth(1).is_some() {
        headers.insert(
            CONTENT_TYPE,
            const { HeaderValue::from_static(F::CONTENT_TYPE) },
        );
    }
    // A constant: a type without a code header compiles to no code here at all.
    if let Some(name) = const { code_header_name(E::CODE_HEADER) } {
        // A code is `A-Z a-z 0-9 - _ .` (a runtime one is checked), so always a valid value.
        if let Ok(code) = HeaderValue::from_str(error.code()) {
            headers.insert(name, code);
        }
    }
    #[cfg(feature = "i18n")]
    if let Some(locale) = context.locale() {
        crate::i18n::set_headers(response.headers_mut(), locale);
    }
    response
}

/// The `HeaderName` of [`ApiError::CODE_HEADER`], built at compile time.
const fn code_header_name(name: Option<&'static str>) -> Option<HeaderName> {
    match name {
        Some(name) => Some(HeaderName::from_static(name)),
        None => None,
    }
}

/// The status, code and title of an error whose body could not be rendered.
#[derive(Debug)]
struct Bare<'a> {
    entry: &'static Entry,
    /// The error's own, which a runtime status or code makes differ from the entry's.
    status: StatusCode,
    code: &'a str,
}

impl std::fmt::Display for Bare<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code)
    }
}

impl std::error::Error for Bare<'_> {}

impl ApiError for Bare<'_> {
    type Format = crate::Problem;

    fn entry(&self) -> &'static Entry {
        self.entry
    }

    fn status(&self) -> StatusCode {
        self.status
    }

    fn code(&self) -> &str {
        self.code
    }

    fn has_part(&self, _: Part) -> bool {
        false
    }

    fn headers(&self, _: &mut HeaderMap) {}
}

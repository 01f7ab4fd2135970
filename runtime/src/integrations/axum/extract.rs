//! axum's extractor rejections in the API's wire format.

use core::fmt;
use core::marker::PhantomData;
use core::ops::{Deref, DerefMut};

use ::axum::extract::rejection::{FormRejection, JsonRejection, PathRejection, QueryRejection};
use ::axum::extract::{FromRequest, Request};
use ::axum::response::{IntoResponse, Response};
use http::StatusCode;
use serde_core::de::DeserializeOwned;

use crate::__private::{CatalogueItem, status};
use crate::{ApiError, Catalogue, Entry, Part, Problem};

/// Declares every rejection once, in catalogue order: the [`Kind`] a [`Rejection`] holds,
/// its [`Entry`] and its row in the table of `Rejection`'s docs, so the three cannot
/// disagree.
macro_rules! rejections {
    [
        $(#[$before:meta])*
        @table
        $(#[$after:meta])*
        pub struct Rejection $body:tt
        $(($kind:ident, $status:literal, $code:literal, $description:literal)),* $(,)?
    ] => {
        $(#[$before])*
        #[doc = "| code | status | when |"]
        #[doc = "|---|---|---|"]
        $(#[doc = concat!("| `", $code, "` | ", $status, " | ", $description, " |")])*
        $(#[$after])*
        pub struct Rejection $body

        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Kind {
            $($kind,)*
        }

        /// One entry per [`Kind`], at the kind's index: the catalogue of [`Rejection`].
        static ENTRIES: &[Entry] = &[$(entry(stringify!($kind), $status, $code, $description),)*];
    };
}

rejections![
    /// One of axum's extractor rejections (bad JSON, a missing field, a wrong content type, an
    /// unparsable path or query) as an [`ApiError`], so a service answers malformed requests in
    /// the same format as everything else.
    ///
    /// The message is axum's own public text for the rejection (for example `Failed to parse
    /// the request body as JSON: expected value at line 1 column 1`); a rejection axum answers
    /// with a 5xx (a route declared without the path parameters its extractor wants) keeps it
    /// for the log only. Codes and statuses:
    ///
    @table
    ///
    /// By itself it answers in RFC 9457. To answer in the service's own format and through its
    /// own error type, make it a transparent variant and name that type in [`Json`]:
    ///
    /// ```
    /// use apifault::ApiError;
    /// use apifault::axum::{Json, Rejection};
    ///
    /// #[derive(Debug, thiserror::Error, ApiError)]
    /// #[api_error(format = apifault::JsonApi)]
    /// enum AppError {
    ///     #[error(transparent)]
    ///     #[api_error(transparent)]
    ///     Rejected(#[from] Rejection),
    /// }
    ///
    /// #[derive(serde::Deserialize)]
    /// struct NewCase {
    ///     name: String,
    /// }
    ///
    /// async fn create(Json(case, _): Json<NewCase, AppError>) -> Result<String, AppError> {
    ///     Ok(case.name)
    /// }
    /// ```
    ///
    /// axum's other rejections convert with `From`: take `Result<Query<T>, QueryRejection>` as
    /// the extractor and write `let Query(query) = query.map_err(Rejection::from)?;`.
    #[derive(Debug)]
    pub struct Rejection {
        kind: Kind,
        text: String,
    }
    (InvalidJson, 400, "invalid_json", "The request body is not valid JSON."),
    (InvalidBody, 422, "invalid_body", "The request body does not have the expected shape."),
    (
        UnsupportedMediaType,
        415,
        "unsupported_media_type",
        "The request body's `Content-Type` is not the one expected."
    ),
    (PayloadTooLarge, 413, "payload_too_large", "The request body exceeds the size limit."),
    (UnreadableBody, 400, "unreadable_body", "The request body could not be read."),
    (InvalidPath, 400, "invalid_path", "A path parameter does not parse."),
    (InvalidQuery, 400, "invalid_query", "The query string does not parse."),
    (InvalidForm, 400, "invalid_form", "The form does not parse."),
    (
        Internal,
        500,
        "extractor_failed",
        "The route and its extractors disagree: a bug of the service."
    ),
];

impl Kind {
    /// The kind for a rejection axum answers with `status`; `fallback` for a plain 400.
    fn by_status(status: StatusCode, fallback: Self) -> Self {
        match status {
            StatusCode::PAYLOAD_TOO_LARGE => Self::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::UnsupportedMediaType,
            StatusCode::UNPROCESSABLE_ENTITY => Self::InvalidBody,
            status if status.is_server_error() => Self::Internal,
            _ => fallback,
        }
    }

    fn entry(self) -> &'static Entry {
        &ENTRIES[self as usize]
    }
}

const fn entry(
    name: &'static str,
    code: u16,
    machine_code: &'static str,
    description: &'static str,
) -> Entry {
    Entry::__new(
        name,
        status(code),
        machine_code,
        false,
        None,
        description,
        code < 500,
        &[],
        None,
        true,
        // The message (axum's public text), but for the 500.
        if code < 500 { Part::Message.bit() } else { 0 },
    )
}

impl Rejection {
    fn new(kind: Kind, text: String) -> Self {
        Self { kind, text }
    }

    /// axum's text for the rejection (public for a 4xx, log-only for a 5xx).
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::error::Error for Rejection {}

impl ApiError for Rejection {
    type Format = Problem;

    const CATALOGUE: &'static Catalogue = &Catalogue {
        __items: &[CatalogueItem::Entries(ENTRIES)],
    };

    fn entry(&self) -> &'static Entry {
        self.kind.entry()
    }

    fn has_part(&self, part: Part) -> bool {
        self.kind.entry().has_part(part)
    }

    fn fmt_part(&self, part: Part, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.has_part(part) {
            f.write_str(&self.text)?;
        }
        Ok(())
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        super::into_response::<Problem, Self>(&self)
    }
}

impl From<JsonRejection> for Rejection {
    fn from(rejection: JsonRejection) -> Self {
        let kind = match &rejection {
            JsonRejection::JsonSyntaxError(_) => Kind::InvalidJson,
            JsonRejection::BytesRejection(_) => {
                Kind::by_status(rejection.status(), Kind::UnreadableBody)
            }
            _ => Kind::by_status(rejection.status(), Kind::InvalidJson),
        };
        Self::new(kind, rejection.body_text())
    }
}

impl From<QueryRejection> for Rejection {
    fn from(rejection: QueryRejection) -> Self {
        Self::new(
            Kind::by_status(rejection.status(), Kind::InvalidQuery),
            rejection.body_text(),
        )
    }
}

impl From<PathRejection> for Rejection {
    fn from(rejection: PathRejection) -> Self {
        Self::new(
            Kind::by_status(rejection.status(), Kind::InvalidPath),
            rejection.body_text(),
        )
    }
}

impl From<FormRejection> for Rejection {
    fn from(rejection: FormRejection) -> Self {
        let kind = match &rejection {
            FormRejection::BytesRejection(_) => {
                Kind::by_status(rejection.status(), Kind::UnreadableBody)
            }
            _ => Kind::by_status(rejection.status(), Kind::InvalidForm),
        };
        Self::new(kind, rejection.body_text())
    }
}

/// axum's `Json` extractor whose rejection is an [`ApiError`]: [`Rejection`] by default, or
/// any type `R` built from one (an error enum with a transparent `Rejection` variant, or
/// [`InFormat<F, Rejection>`](super::InFormat) for another format).
///
/// The second field only carries `R`: match it with `_`, as in `Json(case, _)`.
pub struct Json<T, R = Rejection>(pub T, pub PhantomData<fn() -> R>);

impl<T, R> Json<T, R> {
    /// The deserialized body.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T, R> Deref for Json<T, R> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T, R> DerefMut for Json<T, R> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T: fmt::Debug, R> fmt::Debug for Json<T, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Json").field(&self.0).finish()
    }
}

impl<T: Clone, R> Clone for Json<T, R> {
    fn clone(&self) -> Self {
        Self(self.0.clone(), PhantomData)
    }
}

impl<S, T, R> FromRequest<S> for Json<T, R>
where
    T: DeserializeOwned,
    S: Send + Sync,
    R: From<Rejection> + IntoResponse,
{
    type Rejection = R;

    async fn from_request(request: Request, state: &S) -> Result<Self, R> {
        match ::axum::Json::<T>::from_request(request, state).await {
            Ok(::axum::Json(value)) => Ok(Self(value, PhantomData)),
            Err(rejection) => Err(R::from(Rejection::from(rejection))),
        }
    }
}

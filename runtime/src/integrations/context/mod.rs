//! The request context the framework layers share (axum's `ContextLayer`, actix-web's
//! `ContextMiddleware`, tonic's `ContextLayer`): the id rules, the service's configuration and hook, and the
//! task-local scope an error's response is rendered in.
//!
//! Why a task-local rather than a request extension: `IntoResponse::into_response` and
//! `ResponseError::error_response` see the error only, never the request. The handler's
//! future, and with it the conversion of its `Err` into a response, is polled inside the
//! layer's future, so a tokio task-local scoped to that future is exactly "the request
//! being answered". Nothing is re-rendered or parsed afterwards, and without the layer the
//! scope is simply absent.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use http::{HeaderName, HeaderValue};

use crate::{Context, ContextValues};

mod id;
#[cfg(any(feature = "axum", feature = "tonic"))]
mod tower;

pub(crate) use self::id::{generate_id, usable_id};
#[cfg(any(feature = "axum", feature = "tonic"))]
pub use self::tower::{ContextFuture, ContextLayer, ContextService};

/// The request header a client's request id is read from and the response header it is
/// echoed in, unless the layer names another.
pub(crate) const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

tokio::task_local! {
    static REQUEST: Scope;
}

/// The hook a service fills each request's [`ContextValues`] with.
type Hook = dyn Fn(&RequestFacts<'_>, &mut ContextValues) + Send + Sync;

/// Where a service takes its request ids from.
type IdSource = dyn Fn(Option<&str>) -> Option<String> + Send + Sync;

/// What a context layer was configured with. The layers hold `None` for the defaults, so
/// a plain layer costs no reference count per request.
#[derive(Clone)]
pub(crate) struct Config {
    header: HeaderName,
    id_source: Option<Arc<IdSource>>,
    values: ContextValues,
    hook: Option<Arc<Hook>>,
    /// The translations error responses are negotiated into (feature `i18n`).
    #[cfg(feature = "i18n")]
    localizer: Option<&'static dyn crate::i18n::Localizer>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            header: X_REQUEST_ID,
            id_source: None,
            values: ContextValues::new(),
            hook: None,
            #[cfg(feature = "i18n")]
            localizer: None,
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("header", &self.header)
            .field("id_source", &self.id_source.as_ref().map(|_| "<fn>"))
            .field("values", &self.values)
            .field("hook", &self.hook.as_ref().map(|_| "<fn>"))
            .finish()
    }
}

impl Config {
    /// The header the request id is read from and echoed in.
    pub(crate) fn header(config: Option<&Self>) -> HeaderName {
        config.map_or(X_REQUEST_ID, |config| config.header.clone())
    }

    /// The request id for a request whose id header holds `client`: the configured
    /// source's id when it gives a usable one, else the client's when usable, else a
    /// fresh one.
    pub(crate) fn request_id(config: Option<&Self>, client: Option<&[u8]>) -> HeaderValue {
        let client = client.filter(|id| usable_id(id));
        if let Some(source) = config.and_then(|config| config.id_source.as_deref()) {
            let text = client.and_then(|id| core::str::from_utf8(id).ok());
            if let Some(id) = source(text).filter(|id| usable_id(id.as_bytes()))
                && let Ok(id) = HeaderValue::from_str(&id)
            {
                return id;
            }
        }
        client
            .and_then(|id| HeaderValue::from_bytes(id).ok())
            .unwrap_or_else(generate_id)
    }

    /// When a hook will want the request's elapsed time, the instant the layer saw it.
    pub(crate) fn started(config: Option<&Self>) -> Option<Instant> {
        config
            .filter(|config| config.hook.is_some())
            .map(|_| Instant::now())
    }

    pub(crate) fn set_header(&mut self, name: &str) {
        self.header = HeaderName::from_bytes(name.as_bytes())
            .unwrap_or_else(|_| panic!("`request_id_header({name:?})`: not a valid header name"));
    }

    pub(crate) fn set_id_source(
        &mut self,
        source: impl Fn(Option<&str>) -> Option<String> + Send + Sync + 'static,
    ) {
        self.id_source = Some(Arc::new(source));
    }

    pub(crate) fn insert<T: Clone + Send + Sync + 'static>(&mut self, value: T) {
        self.values.insert(value);
    }

    pub(crate) fn member(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        value: impl Into<serde_json::Value>,
    ) {
        self.values.member(name, value);
    }

    /// Whether error responses are localized: the layer then keeps the request's
    /// `Accept-Language`.
    #[cfg(feature = "i18n")]
    pub(crate) fn localizes(config: Option<&Self>) -> bool {
        config.is_some_and(|config| config.localizer.is_some())
    }

    #[cfg(feature = "i18n")]
    pub(crate) fn set_localizer(&mut self, localizer: &'static dyn crate::i18n::Localizer) {
        self.localizer = Some(localizer);
    }

    pub(crate) fn set_hook(
        &mut self,
        hook: impl Fn(&RequestFacts<'_>, &mut ContextValues) + Send + Sync + 'static,
    ) {
        self.hook = Some(Arc::new(hook));
    }
}

/// The builder methods of a context layer holding `config: Option<Arc<Config>>`: one
/// definition for axum's layer and actix-web's middleware.
macro_rules! context_builder {
    () => {
        fn config_mut(&mut self) -> &mut $crate::integrations::context::Config {
            ::std::sync::Arc::make_mut(
                self.config
                    .get_or_insert_with(::std::default::Default::default),
            )
        }

        /// Reads the client's request id from, and sends the id back in, the header `name`
        /// instead of `x-request-id` (a service's own `X-Acme-OPID`, say).
        ///
        /// # Panics
        ///
        /// When `name` is not a valid header name.
        #[must_use]
        pub fn request_id_header(mut self, name: &str) -> Self {
            self.config_mut().set_header(name);
            self
        }

        /// Takes each request's id from `source`, called as the request arrives with the
        /// client's id (when it is 1 to 128 visible ASCII characters) or `None`. The id it
        /// returns is used when it follows the same rule; on `None`, or an id that does not,
        /// the client's id is used, else a fresh one. An id from the current `tracing`
        /// span, say.
        #[must_use]
        pub fn request_id_from(
            mut self,
            source: impl Fn(Option<&str>) -> Option<::std::string::String> + Send + Sync + 'static,
        ) -> Self {
            self.config_mut().set_id_source(source);
            self
        }

        /// A typed value every request's context holds (configuration: a region, a
        /// deployment name), read by a house format with
        /// [`Context::get`](crate::Context::get). A value the hook supplies for a request
        /// comes first.
        #[must_use]
        pub fn value<T: Clone + Send + Sync + 'static>(mut self, value: T) -> Self {
            self.config_mut().insert(value);
            self
        }

        /// A member every error body carries in the built-in formats (`Problem` after
        /// `request_id`, `JsonApi` in `meta`, `Boom` after `message`). A member of that
        /// name the hook supplies for a request comes first.
        #[must_use]
        pub fn member(
            mut self,
            name: impl ::std::convert::Into<::std::borrow::Cow<'static, str>>,
            value: impl ::std::convert::Into<::serde_json::Value>,
        ) -> Self {
            self.config_mut().member(name, value);
            self
        }

        /// Fills the context of each error response with values of the request: called
        /// when an error renders inside the layer (never for a successful response), with
        /// what the layer knows of the request ([`RequestFacts`]: path, id, elapsed time)
        /// and the values to fill (typed ones for a house format, members for the built-in
        /// ones). The current `tracing` span is the request's, so a trace or operation id
        /// can be read from it.
        #[must_use]
        pub fn hook(
            mut self,
            hook: impl Fn(&RequestFacts<'_>, &mut $crate::ContextValues) + Send + Sync + 'static,
        ) -> Self {
            self.config_mut().set_hook(hook);
            self
        }

        /// Renders error responses in the language of the request's `Accept-Language`
        /// (feature `i18n`): the locale of `localizer` it negotiates
        /// ([`negotiate`](crate::i18n::negotiate)) joins each error's context, its
        /// translations replace the declared texts, and the response carries
        /// `Content-Language` and `Vary: Accept-Language`. A request without the header
        /// gets the localizer's default locale.
        #[cfg(feature = "i18n")]
        #[cfg_attr(docsrs, doc(cfg(feature = "i18n")))]
        #[must_use]
        pub fn localizer(mut self, localizer: &'static dyn $crate::i18n::Localizer) -> Self {
            self.config_mut().set_localizer(localizer);
            self
        }
    };
}

pub(crate) use context_builder;

/// The path of the request being answered, as the framework holds it.
#[derive(Debug)]
pub(crate) enum RequestPath {
    #[cfg(any(feature = "axum", feature = "tonic"))]
    Http(http::Uri),
    #[cfg(feature = "actix-web")]
    Actix(::actix_web::http::Uri),
}

impl RequestPath {
    fn as_str(&self) -> &str {
        match self {
            #[cfg(any(feature = "axum", feature = "tonic"))]
            Self::Http(uri) => uri.path(),
            #[cfg(feature = "actix-web")]
            Self::Actix(uri) => uri.path(),
        }
    }
}

/// The request's `Accept` header, as the framework holds it: kept for types that
/// negotiate their format (a reference-counted clone, no copy of the text).
#[derive(Debug)]
pub(crate) enum RequestAccept {
    #[cfg(any(feature = "axum", feature = "tonic"))]
    Http(http::HeaderValue),
    #[cfg(feature = "actix-web")]
    Actix(::actix_web::http::header::HeaderValue),
}

impl RequestAccept {
    /// The header's value, when it is text.
    fn to_str(&self) -> Option<&str> {
        match self {
            #[cfg(any(feature = "axum", feature = "tonic"))]
            Self::Http(value) => value.to_str().ok(),
            #[cfg(feature = "actix-web")]
            Self::Actix(value) => value.to_str().ok(),
        }
    }
}

/// What the layer knows of the request being handled. (Public only because the future
/// types name it; the module is private.)
#[derive(Debug)]
pub struct Scope {
    path: RequestPath,
    id: HeaderValue,
    accept: Option<RequestAccept>,
    started: Option<Instant>,
    config: Option<Arc<Config>>,
    /// The request's `Accept-Language`, kept when the layer localizes (feature `i18n`).
    #[cfg(feature = "i18n")]
    accept_language: Option<RequestAccept>,
}

impl Scope {
    pub(crate) fn new(
        path: RequestPath,
        id: HeaderValue,
        accept: Option<RequestAccept>,
        started: Option<Instant>,
        config: Option<Arc<Config>>,
    ) -> Self {
        Self {
            path,
            id,
            accept,
            started,
            config,
            #[cfg(feature = "i18n")]
            accept_language: None,
        }
    }

    /// With the request's `Accept-Language` header (feature `i18n`).
    #[cfg(feature = "i18n")]
    pub(crate) fn with_accept_language(mut self, accept_language: Option<RequestAccept>) -> Self {
        self.accept_language = accept_language;
        self
    }

    /// Runs `f` with the request's context: its path and id, the app's values, and the
    /// values the hook supplies (the hook runs here, once per rendered error).
    fn with<R>(&self, f: impl Fn(&Context<'_>) -> R) -> R {
        let path = self.path.as_str();
        let request_id = self.id.to_str().ok();
        let mut context = Context::new().with_instance(path);
        if let Some(id) = request_id {
            context = context.with_request_id(id);
        }
        if let Some(accept) = self.accept.as_ref().and_then(RequestAccept::to_str) {
            context = context.with_accept(accept);
        }
        let Some(config) = self.config.as_deref() else {
            return f(&context);
        };
        #[cfg(feature = "i18n")]
        if let Some(localizer) = config.localizer {
            let accept_language = self
                .accept_language
                .as_ref()
                .and_then(RequestAccept::to_str)
                .unwrap_or_default();
            if let Some(locale) = crate::i18n::Locale::negotiate(localizer, accept_language) {
                context = context.with_locale(locale);
            }
        }
        if !config.values.is_empty() {
            context = context.with_app_values(&config.values);
        }
        match &config.hook {
            None => f(&context),
            Some(hook) => {
                let facts = RequestFacts {
                    path,
                    request_id,
                    started: self.started,
                };
                let mut values = ContextValues::new();
                hook(&facts, &mut values);
                f(&context.with_values(&values))
            }
        }
    }
}

/// Runs `future` with `scope` as the request being answered.
pub(crate) fn in_scope<F: Future>(
    scope: Scope,
    future: F,
) -> tokio::task::futures::TaskLocalFuture<Scope, F> {
    REQUEST.scope(scope, future)
}

/// Calls `f` with what is known of the request being handled: its path, request id and
/// `Accept` header, and the values the service supplies, inside a context layer; nothing
/// outside one.
///
/// The derived `IntoResponse` and `ResponseError` render through this; a hand-written
/// response type can too.
pub fn with_context<R>(f: impl Fn(&Context<'_>) -> R) -> R {
    REQUEST
        .try_with(|scope| scope.with(&f))
        .unwrap_or_else(|_| f(&Context::new()))
}

/// The request id header and value of the request being handled, inside a context layer:
/// for a response built where the layer cannot add it (an actix-web error returned as
/// `Err`).
#[cfg(feature = "actix-web")]
pub(crate) fn scoped_id() -> Option<(HeaderName, HeaderValue)> {
    REQUEST
        .try_with(|scope| (Config::header(scope.config.as_deref()), scope.id.clone()))
        .ok()
}

/// What a context layer knows of the request whose error is being rendered, for its hook.
#[derive(Debug, Clone, Copy)]
pub struct RequestFacts<'a> {
    path: &'a str,
    request_id: Option<&'a str>,
    started: Option<Instant>,
}

impl<'a> RequestFacts<'a> {
    /// The request path (never the query string).
    #[must_use]
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// The request id the layer gave the request.
    #[must_use]
    pub fn request_id(&self) -> Option<&'a str> {
        self.request_id
    }

    /// The time since the layer saw the request.
    #[must_use]
    pub fn elapsed(&self) -> Duration {
        self.started
            .map_or(Duration::ZERO, |started| started.elapsed())
    }
}

/// The request id a context layer gave the request, also put in its extensions so a
/// handler or a logging layer can read it (axum's `Extension<RequestId>`, actix-web's
/// `req.extensions().get::<RequestId>()`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub(crate) HeaderValue);

impl RequestId {
    /// The id as text: visible ASCII only, at most 128 bytes.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.0.to_str().unwrap_or_default()
    }
}

//! What the `tracing` feature logs; without it every function here is an empty inline.
//!
//! The log gets what the body must not: the `Display` text, the whole source chain and,
//! for a 5xx, the `Debug` output.
//! Events use the target `apifault`, so `RUST_LOG=apifault=debug` shows the 4xx ones too.

#[cfg(feature = "tracing")]
mod enabled {
    use core::fmt;

    use crate::{ApiError, Context, LogLevel, RenderError};

    /// Logs one error response at its [`ApiError::log_level`] (by default 5xx at error,
    /// 4xx at debug; none for `None`), with the status and the code as fields, the
    /// request's instance and id when known, and the error's text followed by each of its
    /// sources. A 5xx also carries the error's `Debug` output (`debug`): the fields its
    /// `Display` leaves out are what an operator needs to find the fault, and the body
    /// shows none of them.
    pub(crate) fn error_response<E: ApiError>(error: &E, context: &Context<'_>) {
        let Some(level) = error.log_level() else {
            return;
        };
        let status = error.status();
        let server_error = status.is_server_error();
        let status = status.as_u16();
        let code = error.code();
        let request_id = context.request_id;
        let instance = context.instance;
        let chain = Chain(error, error.log_source());
        // `tracing` needs the level as a constant at each call site: one per level, with
        // and without `debug`.
        macro_rules! event {
            ($level:expr) => {
                if server_error {
                    tracing::event!(
                        target: "apifault",
                        $level,
                        status,
                        code,
                        request_id,
                        instance,
                        error = %chain,
                        debug = ?error,
                        "error response"
                    );
                } else {
                    tracing::event!(
                        target: "apifault",
                        $level,
                        status,
                        code,
                        request_id,
                        instance,
                        error = %chain,
                        "error response"
                    );
                }
            };
        }
        match level {
            LogLevel::Error => event!(tracing::Level::ERROR),
            LogLevel::Warn => event!(tracing::Level::WARN),
            LogLevel::Info => event!(tracing::Level::INFO),
            LogLevel::Debug => event!(tracing::Level::DEBUG),
            LogLevel::Trace => event!(tracing::Level::TRACE),
        }
    }

    /// An exposed field failed to serialize: the response goes out with the bare body.
    pub(crate) fn render_failed<E: ApiError>(error: &E, render_error: &RenderError) {
        tracing::error!(
            target: "apifault",
            status = error.status().as_u16(),
            code = error.code(),
            error = %render_error,
            "error body could not be rendered; sent status, code and title only"
        );
    }

    /// A declared header was left out of a response.
    pub(crate) fn dropped_header(name: &http::HeaderName, why: &str) {
        tracing::warn!(
            target: "apifault",
            header = name.as_str(),
            "header dropped from an error response: {why}"
        );
    }

    /// A member of a flattened field was left out of a body: its name is one the body
    /// already has (a member the format writes, a declared or exposed member, an earlier
    /// flattened one), or not a string.
    pub(crate) fn skipped_member(variant: &str, member: &str, why: &str) {
        tracing::warn!(
            target: "apifault",
            variant,
            member = ?Shortened(member),
            "flattened member left out of an error body: {why}"
        );
    }

    /// A runtime status the variant cannot send was replaced by its declared one: one
    /// outside 400..=599, or a 401 or 405 without the header the status mandates.
    pub(crate) fn refused_status(variant: &str, refused: u16, declared: http::StatusCode) {
        if (400..=599).contains(&refused) {
            tracing::warn!(
                target: "apifault",
                variant,
                refused,
                declared = declared.as_u16(),
                "runtime status refused: the variant does not send the header it mandates \
                    (RFC 9110); the declared status was sent"
            );
        } else {
            tracing::warn!(
                target: "apifault",
                variant,
                refused,
                declared = declared.as_u16(),
                "runtime status refused: not an error status (400..=599); the declared status \
                    was sent"
            );
        }
    }

    /// A runtime code outside the code alphabet was replaced by the variant's declared one.
    pub(crate) fn refused_code(variant: &str, refused: &str, declared: &str) {
        tracing::warn!(
            target: "apifault",
            variant,
            refused = ?Shortened(refused),
            declared,
            "runtime code refused: not a code (`A-Z a-z 0-9 - _ .`, not empty); the declared \
                code was sent"
        );
    }

    /// A translation was missing in the locale and its fallbacks (feature `i18n`): the
    /// declared text was sent.
    #[cfg(feature = "i18n")]
    pub(crate) fn translation_missing(what: &str, code: &str, locale: &dyn fmt::Display) {
        tracing::debug!(
            target: "apifault",
            code = ?Shortened(code),
            locale = %locale,
            "no translation of the {what}; the declared text was sent"
        );
    }

    /// At most the first 64 characters of a refused value: it may be hostile, and the log
    /// line needs only enough of it to find where it came from.
    struct Shortened<'a>(&'a str);

    impl fmt::Debug for Shortened<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self.0.char_indices().nth(64) {
                Some((end, _)) => write!(f, "{:?}…", &self.0[..end]),
                None => write!(f, "{:?}", self.0),
            }
        }
    }

    /// `error: source: source of source…`, as `anyhow` prints `{:#}`: the error's text,
    /// then its [`log_source`](ApiError::log_source) and each source of that.
    struct Chain<'a, E>(&'a E, Option<&'a (dyn std::error::Error + 'static)>);

    impl<E: fmt::Display> fmt::Display for Chain<'_, E> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{}", self.0)?;
            let mut source = self.1;
            while let Some(error) = source {
                write!(f, ": {error}")?;
                source = error.source();
            }
            Ok(())
        }
    }
}

#[cfg(all(feature = "tracing", feature = "i18n"))]
pub(crate) use enabled::translation_missing;
#[cfg(feature = "tracing")]
pub(crate) use enabled::{
    dropped_header, error_response, refused_code, refused_status, render_failed, skipped_member,
};

#[cfg(not(feature = "tracing"))]
mod disabled {
    use crate::{ApiError, Context, RenderError};

    #[inline(always)]
    pub(crate) fn error_response<E: ApiError>(_: &E, _: &Context<'_>) {}

    #[inline(always)]
    pub(crate) fn render_failed<E: ApiError>(_: &E, _: &RenderError) {}

    #[inline(always)]
    pub(crate) fn dropped_header(_: &http::HeaderName, _: &str) {}

    #[inline(always)]
    pub(crate) fn refused_status(_: &str, _: u16, _: http::StatusCode) {}

    #[inline(always)]
    pub(crate) fn refused_code(_: &str, _: &str, _: &str) {}

    #[inline(always)]
    pub(crate) fn skipped_member(_: &str, _: &str, _: &str) {}

    #[cfg(feature = "i18n")]
    #[inline(always)]
    pub(crate) fn translation_missing(_: &str, _: &str, _: &dyn core::fmt::Display) {}
}

#[cfg(all(not(feature = "tracing"), feature = "i18n"))]
pub(crate) use disabled::translation_missing;

#[cfg(not(feature = "tracing"))]
pub(crate) use disabled::{
    dropped_header, error_response, refused_code, refused_status, render_failed, skipped_member,
};

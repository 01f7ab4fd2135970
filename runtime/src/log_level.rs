//! The level of an error response's log event.

use http::StatusCode;

/// The level of the one `tracing` event an error response logs (feature `tracing`), as
/// [`ApiError::log_level`](crate::ApiError::log_level) gives it: set per variant or for
/// the whole enum with `#[api_error(log = "info")]`, none with `log = false`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogLevel {
    /// `tracing::Level::ERROR`.
    Error,
    /// `tracing::Level::WARN`.
    Warn,
    /// `tracing::Level::INFO`.
    Info,
    /// `tracing::Level::DEBUG`.
    Debug,
    /// `tracing::Level::TRACE`.
    Trace,
}

impl LogLevel {
    /// The level of an error that sets none: `Error` for a 5xx (a fault of the service),
    /// `Debug` for a 4xx (the client's).
    #[must_use]
    pub const fn for_status(status: StatusCode) -> Self {
        // `StatusCode::is_server_error`, which is not a `const fn`.
        if matches!(status.as_u16(), 500..=599) {
            Self::Error
        } else {
            Self::Debug
        }
    }

    /// The level's name as `log = "…"` takes it: `"error"`, `"warn"`, `"info"`, `"debug"`
    /// or `"trace"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warn => "warn",
            Self::Info => "info",
            Self::Debug => "debug",
            Self::Trace => "trace",
        }
    }
}

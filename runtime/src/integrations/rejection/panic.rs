//! The text of a panic's payload, for the log.

use core::any::Any;

/// The message a panic was raised with (`panic!("…")` gives a `&str` or a `String`), or a
/// placeholder for another payload.
pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a payload that is not text")
}

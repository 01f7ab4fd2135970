use core::fmt;

use crate::ApiError;

/// The interpolated texts an error can carry, each written straight into the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Part {
    /// The public human message: RFC 9457 `detail`, JSON:API `detail`, Boom `message`.
    Message,
    /// The problem type URI: RFC 9457 `type`, JSON:API `links.type`.
    Type,
    /// The URI of this occurrence: RFC 9457 `instance`.
    Instance,
    /// A documentation link: JSON:API `links.about`.
    Link,
}

/// A part of an error that formats itself on demand, without an intermediate `String`.
///
/// ```
/// # use apifault::ApiError;
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[error("no user {id}")]
/// #[status(404)]
/// struct NoUser { id: u32 }
///
/// let message = NoUser { id: 7 }.message().unwrap();
/// assert_eq!(message.to_string(), "no user 7");
/// ```
pub struct Text<'a, E: ?Sized> {
    error: &'a E,
    part: Part,
}

impl<'a, E: ApiError + ?Sized> Text<'a, E> {
    /// The given part of `error`, or `None` when the error does not carry it.
    pub fn of(error: &'a E, part: Part) -> Option<Self> {
        error.has_part(part).then_some(Self { error, part })
    }
}

impl<E: ApiError + ?Sized> fmt::Display for Text<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt_part(self.part, f)
    }
}

impl<E: ApiError + ?Sized> fmt::Debug for Text<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Debug shows the public text only, quoted, like a string would be.
        f.write_str("\"")?;
        self.error.fmt_part(self.part, f)?;
        f.write_str("\"")
    }
}

impl<E: ApiError + ?Sized> Clone for Text<'_, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: ApiError + ?Sized> Copy for Text<'_, E> {}

impl<E: ApiError + ?Sized> serde::Serialize for Text<'_, E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

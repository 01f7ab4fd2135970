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
    /// An identifier of this occurrence, `#[api_error(id = "…")]`: JSON:API `id`.
    Id,
    /// The JSON Pointer to the request member at fault,
    /// `#[api_error(source(pointer = "/data/attributes/{field}"))]`: JSON:API `source.pointer`.
    SourcePointer,
    /// The query parameter at fault, `#[api_error(source(parameter = "…"))]`: JSON:API
    /// `source.parameter`, Kiteworks `field`.
    SourceParameter,
    /// The request header at fault, `#[api_error(source(header = "…"))]`: JSON:API
    /// `source.header`.
    SourceHeader,
}

impl Part {
    /// Its bit in an [`Entry`](crate::Entry)'s set of parts: `Message` is bit 0,
    /// `SourceHeader` bit 7. The derive names the parts (`__private::part_bits`), never bits.
    pub(crate) const fn bit(self) -> u8 {
        1 << self as u8
    }
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

impl<E: ApiError + ?Sized> serde_core::Serialize for Text<'_, E> {
    fn serialize<S: serde_core::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        collect_str(serializer, self)
    }
}

/// `serializer.collect_str(value)`, except that a `Display` that fails on its own (not
/// because the output failed) is a serialization error: `serde_json` would panic on it.
/// Rendering then fails, and [`response`](crate::response) sends the bare body.
pub(crate) fn collect_str<S: serde_core::Serializer>(
    serializer: S,
    value: &dyn fmt::Display,
) -> Result<S::Ok, S::Error> {
    /// Passes the text on, telling the output's own failures from the value's.
    struct Tracked<'a, 'b> {
        out: &'a mut fmt::Formatter<'b>,
        out_failed: bool,
    }

    impl fmt::Write for Tracked<'_, '_> {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            let result = self.out.write_str(text);
            self.out_failed |= result.is_err();
            result
        }
    }

    struct Guarded<'a> {
        value: &'a dyn fmt::Display,
        value_failed: core::cell::Cell<bool>,
    }

    impl fmt::Display for Guarded<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let mut out = Tracked {
                out: f,
                out_failed: false,
            };
            match fmt::write(&mut out, format_args!("{}", self.value)) {
                Err(_) if !out.out_failed => {
                    self.value_failed.set(true);
                    Ok(())
                }
                result => result,
            }
        }
    }

    let guarded = Guarded {
        value,
        value_failed: core::cell::Cell::new(false),
    };
    let result = serializer.collect_str(&guarded);
    if guarded.value_failed.get() {
        return Err(serde_core::ser::Error::custom(
            "a `Display` implementation returned an error",
        ));
    }
    result
}

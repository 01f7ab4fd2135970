//! A variant whose body its format does not write: none at all (`no_body`), or one taken
//! whole from a field (`#[api_error(body)]`).

/// What a value's body is, when not its format's.
#[doc(hidden)]
pub enum OwnBody<'a> {
    /// The format writes it: every variant but the two below.
    Format,
    /// No body and no `Content-Type` (`#[api_error(no_body)]`): an OAuth 401, say. The
    /// declared headers are sent all the same.
    Empty,
    /// The value of a field, serialized as JSON as it is, under the format's content type
    /// (`#[api_error(body)]`): the escape hatch for a body built at run time.
    Whole(&'a dyn WholeBody),
}

/// A serializable value written as JSON, behind a `dyn`.
#[doc(hidden)]
pub trait WholeBody {
    /// Appends the value as JSON to `out`.
    ///
    /// # Errors
    ///
    /// Those of the value's `Serialize`.
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error>;
}

impl<T: serde_core::Serialize + ?Sized> WholeBody for T {
    fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, self)
    }
}

/// A body field's value behind the `dyn`: named by the derive with the field's type, so a
/// type that is not `Serialize` is reported at the field.
#[doc(hidden)]
#[inline]
pub fn whole_body<T: serde_core::Serialize>(value: &T) -> &dyn WholeBody {
    value
}

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::ApiError;

/// The exposed fields of an error as a JSON object, in declaration order: what JSON:API
/// puts under `meta`, and what a house format places wherever it wants them.
///
/// ```
/// use apifault::{ApiError, Members};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[error("duplicate")]
/// #[status(409)]
/// struct Duplicate {
///     #[api_error(expose)]
///     name: String,
///     #[api_error(expose = "supportId")]
///     support_id: u32,
///     secret: String,
/// }
///
/// let error = Duplicate { name: "a".into(), support_id: 7, secret: "hidden".into() };
/// let json = serde_json::to_string(&Members::of(&error)).unwrap();
/// assert_eq!(json, r#"{"name":"a","supportId":7}"#);
/// ```
pub struct Members<'a, E>(&'a E);

impl<'a, E: ApiError> Members<'a, E> {
    /// The exposed fields of `error`.
    pub fn of(error: &'a E) -> Self {
        Self(error)
    }

    /// Whether `error` exposes no field.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.entry().members.is_empty()
    }
}

impl<E: ApiError> Serialize for Members<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.entry().members.len()))?;
        self.0.serialize_members(&mut map)?;
        map.end()
    }
}

use serde_core::ser::{Serialize, SerializeMap, Serializer};

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

    /// Whether `error` writes no member: it exposes no field and declares no member, or
    /// every exposed field it has is a `None` (left out) or flattens to nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        let entry = self.0.entry();
        if entry.members.is_empty() && !entry.flattens {
            return true;
        }
        self.position(None).is_none()
    }

    /// The position, among the members `error` writes, of the one named `name`, or of
    /// the first one when `name` is `None`.
    fn position(&self, name: Option<&str>) -> Option<usize> {
        let mut find = Find {
            name,
            seen: 0,
            key: false,
            found: None,
        };
        // A member that fails to serialize is found all the same: the body fails on it.
        let _ = self.0.serialize_members(&mut find, &[]);
        find.found
    }

    /// The value of the exposed member `name` alone, for a house format that gives one
    /// member a fixed place (awork's `details`); `None` when `error` exposes no such member.
    ///
    /// ```
    /// use apifault::{ApiError, Members};
    ///
    /// #[derive(Debug, thiserror::Error, ApiError)]
    /// #[error("invalid")]
    /// #[status(400)]
    /// struct Invalid {
    ///     #[api_error(expose)]
    ///     details: Vec<&'static str>,
    ///     #[api_error(expose)]
    ///     retry: bool,
    /// }
    ///
    /// let error = Invalid { details: vec!["Or here."], retry: false };
    /// let details = Members::of(&error).get("details").unwrap();
    /// assert_eq!(serde_json::to_string(&details).unwrap(), r#"["Or here."]"#);
    /// assert!(Members::of(&error).get("name").is_none());
    /// ```
    ///
    /// A member the error does not write this time is `None` too: an exposed `None`, a
    /// flattened field without it. A flattened field's members are found by name as
    /// declared ones are.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<Member<'a, E>> {
        let entry = self.0.entry();
        if !entry.flattens && !entry.members.contains(&name) {
            return None;
        }
        let index = self.position(Some(name))?;
        Some(Member {
            error: self.0,
            index,
        })
    }
}

/// One exposed member's value, from [`Members::get`].
pub struct Member<'a, E> {
    error: &'a E,
    /// Its place in the entry's member list, which is the order `serialize_members` writes.
    index: usize,
}

impl<E: ApiError> Serialize for Member<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut pick = Pick {
            serializer: Some(serializer),
            index: self.index,
            seen: 0,
            picked: None,
        };
        self.error.serialize_members(&mut pick, &[])?;
        match (pick.picked, pick.serializer) {
            (Some(ok), _) => Ok(ok),
            // Only a hand-written `serialize_members` that disagrees with its entry's
            // member list gets here: write `null` rather than fail the body.
            (None, Some(serializer)) => serializer.serialize_unit(),
            (None, None) => Err(serde_core::ser::Error::custom("exposed member not written")),
        }
    }
}

/// A map sink that serializes the value of the `index`-th entry with `serializer` and
/// drops the others: members are picked by position, so keys are never compared or
/// copied.
struct Pick<S: Serializer> {
    serializer: Option<S>,
    index: usize,
    seen: usize,
    picked: Option<S::Ok>,
}

impl<S: Serializer> Pick<S> {
    fn value<V: Serialize + ?Sized>(&mut self, value: &V) -> Result<(), S::Error> {
        let position = self.seen;
        self.seen += 1;
        if position == self.index
            && let Some(serializer) = self.serializer.take()
        {
            self.picked = Some(value.serialize(serializer)?);
        }
        Ok(())
    }
}

impl<S: Serializer> SerializeMap for Pick<S> {
    type Ok = ();
    type Error = S::Error;

    fn serialize_key<K: Serialize + ?Sized>(&mut self, _: &K) -> Result<(), S::Error> {
        Ok(())
    }

    fn serialize_value<V: Serialize + ?Sized>(&mut self, value: &V) -> Result<(), S::Error> {
        self.value(value)
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        _: &K,
        value: &V,
    ) -> Result<(), S::Error> {
        self.value(value)
    }

    fn end(self) -> Result<(), S::Error> {
        Ok(())
    }
}

/// A map sink that finds the position of a member by its name, and serializes no value:
/// the keys the derive writes are strings, compared as they come.
struct Find<'n> {
    name: Option<&'n str>,
    seen: usize,
    /// Whether the last key given to `serialize_key` was the one looked for.
    key: bool,
    found: Option<usize>,
}

impl Find<'_> {
    fn key<K: Serialize + ?Sized>(&mut self, key: &K) -> bool {
        let position = self.seen;
        self.seen += 1;
        let matched = self.found.is_none()
            && self
                .name
                .is_none_or(|name| crate::member::key_is(key, name));
        if matched {
            self.found = Some(position);
        }
        matched
    }
}

impl SerializeMap for Find<'_> {
    type Ok = ();
    type Error = crate::member::Stopped;

    fn serialize_key<K: Serialize + ?Sized>(&mut self, key: &K) -> Result<(), Self::Error> {
        self.key = self.key(key);
        Ok(())
    }

    fn serialize_value<V: Serialize + ?Sized>(&mut self, _: &V) -> Result<(), Self::Error> {
        self.stop_if_found()
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        _: &V,
    ) -> Result<(), Self::Error> {
        self.key = self.key(key);
        self.stop_if_found()
    }

    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

impl Find<'_> {
    /// Stops the walk once the member is found: nothing after it is looked at.
    fn stop_if_found(&mut self) -> Result<(), crate::member::Stopped> {
        if self.found.is_some() {
            Err(crate::member::Stopped)
        } else {
            Ok(())
        }
    }
}

impl<E: ApiError> Serialize for Members<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.entry().members.len()))?;
        self.0.serialize_members(&mut map, &[])?;
        map.end()
    }
}

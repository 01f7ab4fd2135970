//! What a service adds to the request context: typed values for its own formats and named
//! members the built-in formats write.

use std::borrow::Cow;

use http::Extensions;
use serde_json::Value;

/// Values a service supplies to the request [`Context`](crate::Context), per request (the
/// context layer's hook) or for the whole app (the layer's `value` and `member`).
///
/// Two kinds, as a format needs them:
///
/// - **typed values**, one per type as in `http::Extensions`, read by a house format with
///   [`Context::get`](crate::Context::get) (a region, a timing, a tenant);
/// - **members**, a name and a JSON value, which the built-in formats write into every body:
///   `Problem` as extension members after `request_id`, `JsonApi` in each error object's
///   `meta`, `Boom` at the top level after `message`. A member never replaces one the format
///   writes itself or a field the error exposes: such a member is left out.
///
/// ```
/// use apifault::ContextValues;
///
/// #[derive(Clone, Debug, PartialEq)]
/// struct Region(&'static str);
///
/// let mut values = ContextValues::new();
/// values.insert(Region("eu-west-1"));
/// values.member("elapsed_ms", 12);
/// assert_eq!(values.get::<Region>(), Some(&Region("eu-west-1")));
/// assert_eq!(values.members().next(), Some(("elapsed_ms", &serde_json::json!(12))));
/// ```
#[derive(Debug, Clone, Default)]
pub struct ContextValues {
    extensions: Extensions,
    members: Vec<(Cow<'static, str>, Value)>,
}

impl ContextValues {
    /// No values. Allocates nothing until a value is added.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a typed value, returning the one of the same type it replaces.
    pub fn insert<T: Clone + Send + Sync + 'static>(&mut self, value: T) -> Option<T> {
        self.extensions.insert(value)
    }

    /// The typed value of type `T`, if one was added.
    #[must_use]
    pub fn get<T: Send + Sync + 'static>(&self) -> Option<&T> {
        self.extensions.get::<T>()
    }

    /// Adds a member the built-in formats write into the body, replacing one of the same
    /// name.
    pub fn member(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<Value>) {
        let name = name.into();
        let value = value.into();
        match self.members.iter_mut().find(|(known, _)| *known == name) {
            Some(member) => member.1 = value,
            None => self.members.push((name, value)),
        }
    }

    /// The members, in the order they were first added.
    pub fn members(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.members
            .iter()
            .map(|(name, value)| (name.as_ref(), value))
    }

    /// Whether a member of that name was added.
    #[must_use]
    pub fn has_member(&self, name: &str) -> bool {
        self.members.iter().any(|(known, _)| known == name)
    }

    /// Whether no typed value and no member was added.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.extensions.is_empty() && self.members.is_empty()
    }
}

/// The values a [`Context`](crate::Context) refers to: the request's, then the app's.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Values<'a> {
    pub(crate) request: Option<&'a ContextValues>,
    pub(crate) app: Option<&'a ContextValues>,
}

impl<'a> Values<'a> {
    pub(crate) const NONE: Self = Self {
        request: None,
        app: None,
    };

    pub(crate) fn get<T: Send + Sync + 'static>(self) -> Option<&'a T> {
        self.request
            .and_then(ContextValues::get::<T>)
            .or_else(|| self.app.and_then(ContextValues::get::<T>))
    }

    /// The request's members, then the app's the request does not override.
    pub(crate) fn members(self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        let request = self.request;
        request.into_iter().flat_map(ContextValues::members).chain(
            self.app
                .into_iter()
                .flat_map(ContextValues::members)
                .filter(move |(name, _)| !request.is_some_and(|r| r.has_member(name))),
        )
    }

    /// Whether any values were supplied (which may hold no member): on the plain path,
    /// where none were, one comparison.
    #[inline]
    pub(crate) fn any(self) -> bool {
        self.request.is_some() || self.app.is_some()
    }
}

/// Two contexts are equal when they refer to the same values (the values themselves have
/// no equality: a typed value need not be `PartialEq`).
impl PartialEq for Values<'_> {
    fn eq(&self, other: &Self) -> bool {
        fn same(a: Option<&ContextValues>, b: Option<&ContextValues>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => core::ptr::eq(a, b),
                (None, None) => true,
                _ => false,
            }
        }
        same(self.request, other.request) && same(self.app, other.app)
    }
}

impl Eq for Values<'_> {}

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt;

/// One step of a location inside a request document: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// An object member name.
    Key(Cow<'static, str>),
    /// An array index.
    Index(usize),
}

impl From<&'static str> for PathSegment {
    fn from(key: &'static str) -> Self {
        Self::Key(Cow::Borrowed(key))
    }
}

impl From<String> for PathSegment {
    fn from(key: String) -> Self {
        Self::Key(Cow::Owned(key))
    }
}

impl From<usize> for PathSegment {
    fn from(index: usize) -> Self {
        Self::Index(index)
    }
}

impl serde_core::Serialize for PathSegment {
    fn serialize<S: serde_core::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Key(key) => serializer.serialize_str(key),
            Self::Index(index) => serializer.serialize_u64(*index as u64),
        }
    }
}

/// A location as path segments, with the renderings formats need.
///
/// ```
/// use apifault::{Path, PathSegment};
/// let segments = [PathSegment::from("steps"), PathSegment::from(0), PathSegment::from("a/b")];
/// let path = Path::new(&segments);
/// assert_eq!(path.pointer().to_string(), "/steps/0/a~1b");
/// assert_eq!(path.dotted().to_string(), "steps[0].a/b");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Path<'a>(&'a [PathSegment]);

impl<'a> Path<'a> {
    /// Wraps the segments.
    #[must_use]
    pub fn new(segments: &'a [PathSegment]) -> Self {
        Self(segments)
    }

    /// The segments.
    #[must_use]
    pub fn segments(self) -> &'a [PathSegment] {
        self.0
    }

    /// An RFC 6901 JSON Pointer (`/profile/color`), escaping `~` and `/`. Serializes as
    /// a string, so a format can put it in a body without building a `String`.
    #[must_use]
    pub fn pointer(self) -> impl fmt::Display + serde_core::Serialize + 'a {
        Pointer(self.0)
    }

    /// A dotted path with bracketed indices (`steps[0].title`), as many APIs name fields.
    /// Serializes as a string.
    #[must_use]
    pub fn dotted(self) -> impl fmt::Display + serde_core::Serialize + 'a {
        Dotted(self.0)
    }
}

impl serde_core::Serialize for Pointer<'_> {
    fn serialize<S: serde_core::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl serde_core::Serialize for Dotted<'_> {
    fn serialize<S: serde_core::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl serde_core::Serialize for Path<'_> {
    /// As an array of strings and integers (`["steps", 0, "title"]`).
    fn serialize<S: serde_core::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0)
    }
}

struct Pointer<'a>(&'a [PathSegment]);

impl fmt::Display for Pointer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in self.0 {
            f.write_str("/")?;
            match segment {
                PathSegment::Index(index) => write!(f, "{index}")?,
                PathSegment::Key(key) => {
                    for (i, part) in key.split('/').enumerate() {
                        if i > 0 {
                            f.write_str("~1")?;
                        }
                        for (j, piece) in part.split('~').enumerate() {
                            if j > 0 {
                                f.write_str("~0")?;
                            }
                            f.write_str(piece)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

struct Dotted<'a>(&'a [PathSegment]);

impl fmt::Display for Dotted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Index(index) => write!(f, "[{index}]")?,
                PathSegment::Key(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
            }
        }
        Ok(())
    }
}

/// What part of the request a violation's [`Path`] points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Location {
    /// The request body (or a path parameter): the path is a JSON Pointer into it.
    #[default]
    Body,
    /// The query string: the path's one segment names the parameter, which JSON:API
    /// writes as `source.parameter` rather than `source.pointer`.
    Query,
}

/// One per-field problem of a validation error.
///
/// Implement it for your own item type, or use [`FieldViolation`].
pub trait Violation {
    /// Where in the request the problem is.
    fn path(&self) -> Path<'_>;
    /// What is wrong, for humans.
    fn message(&self) -> &str;
    /// A machine code for the problem (Joi's `type`, JSON:API's `code`), if any.
    fn code(&self) -> Option<&str> {
        None
    }
    /// What part of the request [`path`](Self::path) points into: the body unless said.
    fn location(&self) -> Location {
        Location::Body
    }
}

/// The ready-made [`Violation`].
///
/// ```
/// use apifault::{FieldViolation, Violation};
/// let violation = FieldViolation::new(["profile", "color"], "must be 'green', 'red' or 'blue'")
///     .with_code("any.only");
/// assert_eq!(violation.path().pointer().to_string(), "/profile/color");
/// assert_eq!(violation.code(), Some("any.only"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldViolation {
    path: Vec<PathSegment>,
    message: Cow<'static, str>,
    code: Option<Cow<'static, str>>,
    location: Location,
}

impl FieldViolation {
    /// A problem at `path` (segments: `&'static str`, `String` or `usize`).
    pub fn new<P, S>(path: P, message: impl Into<Cow<'static, str>>) -> Self
    where
        P: IntoIterator<Item = S>,
        S: Into<PathSegment>,
    {
        Self {
            path: path.into_iter().map(Into::into).collect(),
            message: message.into(),
            code: None,
            location: Location::Body,
        }
    }

    /// Says what part of the request the path points into ([`Location::Query`] for a
    /// query parameter).
    #[must_use]
    pub fn with_location(mut self, location: Location) -> Self {
        self.location = location;
        self
    }

    /// Adds a machine code for the problem.
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = Some(code.into());
        self
    }
}

impl Violation for FieldViolation {
    fn path(&self) -> Path<'_> {
        Path::new(&self.path)
    }

    fn message(&self) -> &str {
        &self.message
    }

    fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    fn location(&self) -> Location {
        self.location
    }
}

impl<V: Violation + ?Sized> Violation for &V {
    fn path(&self) -> Path<'_> {
        (**self).path()
    }

    fn message(&self) -> &str {
        (**self).message()
    }

    fn code(&self) -> Option<&str> {
        (**self).code()
    }

    fn location(&self) -> Location {
        (**self).location()
    }
}

/// A field that holds violations: `Vec<V>`, `[V; N]`, `Box<[V]>`, `VecDeque<V>`,
/// `Option<L>`, slices and references to any of these (`&'a [V]`).
pub trait ViolationList {
    /// How many there are.
    fn len(&self) -> usize;
    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The violation at `index`.
    fn get(&self, index: usize) -> Option<&dyn Violation>;
}

impl<V: Violation> ViolationList for [V] {
    fn len(&self) -> usize {
        <[V]>::len(self)
    }

    fn get(&self, index: usize) -> Option<&dyn Violation> {
        <[V]>::get(self, index).map(|v| v as &dyn Violation)
    }
}

impl<V: Violation> ViolationList for Vec<V> {
    fn len(&self) -> usize {
        Vec::len(self)
    }

    fn get(&self, index: usize) -> Option<&dyn Violation> {
        self.as_slice().get(index).map(|v| v as &dyn Violation)
    }
}

impl<V: Violation, const N: usize> ViolationList for [V; N] {
    fn len(&self) -> usize {
        N
    }

    fn get(&self, index: usize) -> Option<&dyn Violation> {
        self.as_slice().get(index).map(|v| v as &dyn Violation)
    }
}

impl<V: Violation> ViolationList for Box<[V]> {
    fn len(&self) -> usize {
        <[V]>::len(self)
    }

    fn get(&self, index: usize) -> Option<&dyn Violation> {
        <[V]>::get(self, index).map(|v| v as &dyn Violation)
    }
}

impl<V: Violation> ViolationList for VecDeque<V> {
    fn len(&self) -> usize {
        VecDeque::len(self)
    }

    fn get(&self, index: usize) -> Option<&dyn Violation> {
        VecDeque::get(self, index).map(|v| v as &dyn Violation)
    }
}

impl<L: ViolationList> ViolationList for Option<L> {
    fn len(&self) -> usize {
        self.as_ref().map_or(0, ViolationList::len)
    }

    fn get(&self, index: usize) -> Option<&dyn Violation> {
        self.as_ref().and_then(|list| list.get(index))
    }
}

/// A borrowed list, such as a `&'a [V]` field.
impl<L: ViolationList + ?Sized> ViolationList for &L {
    fn len(&self) -> usize {
        (**self).len()
    }

    fn get(&self, index: usize) -> Option<&dyn Violation> {
        (**self).get(index)
    }
}

/// The violations an error carries, possibly none.
#[derive(Clone, Copy)]
pub struct Violations<'a> {
    list: Option<&'a dyn ViolationList>,
}

impl<'a> Violations<'a> {
    /// No violations.
    #[must_use]
    pub const fn none() -> Self {
        Self { list: None }
    }

    /// The violations in `list`.
    pub fn new<L: ViolationList>(list: &'a L) -> Self {
        Self { list: Some(list) }
    }

    /// How many there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.list.map_or(0, ViolationList::len)
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each violation in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a dyn Violation> + 'a {
        let list = self.list;
        (0..self.len()).filter_map(move |i| list.and_then(|l| l.get(i)))
    }
}

impl<'a> Violations<'a> {
    /// A JSON array with one element per violation, each made by `item`: how a format
    /// lays out its own violation objects.
    ///
    /// ```
    /// use apifault::{FieldViolation, Violation, Violations};
    ///
    /// #[derive(serde::Serialize)]
    /// struct Item<'a> { property: String, message: &'a str }
    ///
    /// let list = vec![FieldViolation::new(["name"], "must not be empty")];
    /// let violations = Violations::new(&list);
    /// let json = serde_json::to_string(&violations.serialize_each(|v| Item {
    ///     property: v.path().dotted().to_string(),
    ///     message: v.message(),
    /// })).unwrap();
    /// assert_eq!(json, r#"[{"property":"name","message":"must not be empty"}]"#);
    /// ```
    pub fn serialize_each<T, F>(self, item: F) -> impl serde_core::Serialize + 'a
    where
        T: serde_core::Serialize,
        F: Fn(&'a dyn Violation) -> T + 'a,
    {
        EachViolation {
            violations: self,
            item,
        }
    }
}

struct EachViolation<'a, F> {
    violations: Violations<'a>,
    item: F,
}

impl<'a, T: serde_core::Serialize, F: Fn(&'a dyn Violation) -> T> serde_core::Serialize
    for EachViolation<'a, F>
{
    fn serialize<S: serde_core::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde_core::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.violations.len()))?;
        for violation in self.violations.iter() {
            seq.serialize_element(&(self.item)(violation))?;
        }
        seq.end()
    }
}

impl fmt::Debug for Violations<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(
                self.iter()
                    .map(|v| (v.path().dotted().to_string(), v.message().to_owned())),
            )
            .finish()
    }
}

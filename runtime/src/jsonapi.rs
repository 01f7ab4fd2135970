use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::__private::Fmt;
use crate::{ApiError, Context, Format, Members, Part, RenderError, Text, Violation, phrase};

/// JSON:API error documents, `application/vnd.api+json`: `{"errors":[…]}`.
///
/// Each error object has, in this order and only when there is something to say (never
/// `null`):
///
/// | member | from |
/// |---|---|
/// | `id` | `#[api_error(id = "…")]`, else the request id of the [`Context`] |
/// | `links.about`, `links.type` | `#[api_error(link = "…")]`, `#[api_error(type = "…")]` (or `type_base`); `links.type` is JSON:API 1.1 |
/// | `status` | the HTTP status, as a string (`"422"`) |
/// | `code` | the error's code (unless `code_in_body = false`); for a violation, its own code when it has one |
/// | `title` | `#[title]`, else the RFC 9110 status phrase (see [`phrase`](crate::phrase)) |
/// | `detail` | the public message (absent for a 5xx without `#[message]`); for a violation, its message |
/// | `source` | `#[api_error(source(pointer = "…"))]`, `source(parameter = "…")` or `source(header = "…")` |
/// | `meta` | the exposed fields, in declaration order |
///
/// A variant with violations renders one error object per violation, each with its own
/// `detail`, `code` (when the violation has one) and `source.pointer`: the violation's
/// path as a JSON Pointer, appended to the variant's declared `source(pointer = "…")`
/// when it has one (`/data/attributes` + `/firstName`). The other members are repeated
/// in every object. With an empty violation list the error renders as one object.
///
/// No member name is reserved: exposed fields go under `meta`.
///
/// ```
/// use apifault::{ApiError, JsonApi};
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[api_error(format = JsonApi, code_in_body = false)]
/// enum GuidError {
///     #[error("the provided guid is not a valid UUIDv5")]
///     #[status(422)]
///     #[title("invalid field value")]
///     #[api_error(source(pointer = "/data/id"))]
///     Invalid {
///         #[api_error(expose)]
///         provided_guid: String,
///     },
/// }
///
/// let error = GuidError::Invalid { provided_guid: "1234-invalid-guid".into() };
/// assert_eq!(
///     String::from_utf8(error.to_response().into_body()).unwrap(),
///     r#"{"errors":[{"status":"422","title":"invalid field value","detail":"the provided guid is not a valid UUIDv5","source":{"pointer":"/data/id"},"meta":{"provided_guid":"1234-invalid-guid"}}]}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonApi;

impl Format for JsonApi {
    const CONTENT_TYPE: &'static str = "application/vnd.api+json";
    const RESERVED_MEMBERS: &'static [&'static str] = &[];

    fn write_body<E: ApiError>(
        error: &E,
        context: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let mut serializer = serde_json::Serializer::new(out);
        let mut document = serializer.serialize_map(Some(1))?;
        document.serialize_entry("errors", &ErrorObjects { error, context })?;
        SerializeMap::end(document)?;
        Ok(())
    }

    #[cfg(feature = "utoipa")]
    fn body_schema() -> Option<::utoipa::openapi::RefOr<::utoipa::openapi::schema::Schema>> {
        Some(<Self as ::utoipa::PartialSchema>::schema())
    }

    fn size_hint<E: ApiError>(error: &E, context: &Context<'_>) -> usize {
        let entry = error.entry();
        // `{"status":"404","code":…,"title":…}` and what the error declares.
        let mut object = 40 + entry.code.len() + entry.title.map_or(32, str::len);
        object += entry.members.len() * 48;
        object += context.request_id.map_or(0, |id| id.len() + 8);
        for part in [
            Part::Id,
            Part::Link,
            Part::Type,
            Part::SourcePointer,
            Part::SourceParameter,
            Part::SourceHeader,
        ] {
            if error.has_part(part) {
                object += 64;
            }
        }
        let violations = error.violations();
        if violations.is_empty() {
            return 16 + object + if entry.public_message { 128 } else { 0 };
        }
        let mut size = 16;
        for violation in violations.iter() {
            size += object + 48 + violation.message().len();
            size += violation.path().segments().len() * 16;
            size += violation.code().map_or(0, str::len);
        }
        size
    }
}

/// The `errors` array: one object, or one per violation.
struct ErrorObjects<'a, E> {
    error: &'a E,
    context: &'a Context<'a>,
}

impl<E: ApiError> Serialize for ErrorObjects<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let violations = self.error.violations();
        let mut seq = serializer.serialize_seq(Some(violations.len().max(1)))?;
        if violations.is_empty() {
            seq.serialize_element(&ErrorObject {
                error: self.error,
                context: self.context,
                violation: None,
            })?;
        }
        for violation in violations.iter() {
            seq.serialize_element(&ErrorObject {
                error: self.error,
                context: self.context,
                violation: Some(violation),
            })?;
        }
        seq.end()
    }
}

struct ErrorObject<'a, E> {
    error: &'a E,
    context: &'a Context<'a>,
    violation: Option<&'a dyn Violation>,
}

impl<E: ApiError> Serialize for ErrorObject<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let error = self.error;
        let status = error.status();
        let mut map = serializer.serialize_map(None)?;
        match Text::of(error, Part::Id) {
            Some(id) => map.serialize_entry("id", &id)?,
            None => {
                if let Some(id) = self.context.request_id {
                    map.serialize_entry("id", id)?;
                }
            }
        }
        if error.has_part(Part::Link) || error.has_part(Part::Type) {
            map.serialize_entry("links", &Links(error))?;
        }
        map.serialize_entry("status", status.as_str())?;
        match self.violation.and_then(Violation::code) {
            Some(code) => map.serialize_entry("code", code)?,
            None => {
                if error.code_in_body() {
                    map.serialize_entry("code", error.code())?;
                }
            }
        }
        if let Some(title) = error.title().or_else(|| phrase::rfc9110(status)) {
            map.serialize_entry("title", title)?;
        }
        match self.violation {
            Some(violation) => {
                map.serialize_entry("detail", violation.message())?;
                let path = violation.path();
                let prefix = error.has_part(Part::SourcePointer);
                if prefix || !path.segments().is_empty() {
                    map.serialize_entry("source", &ViolationSource { error, violation })?;
                }
            }
            None => {
                if let Some(message) = error.message() {
                    map.serialize_entry("detail", &message)?;
                }
                if SOURCES.iter().any(|(part, _)| error.has_part(*part)) {
                    map.serialize_entry("source", &DeclaredSource(error))?;
                }
            }
        }
        let members = Members::of(error);
        if !members.is_empty() {
            map.serialize_entry("meta", &members)?;
        }
        map.end()
    }
}

/// `links.about` then `links.type`.
struct Links<'a, E>(&'a E);

impl<E: ApiError> Serialize for Links<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(about) = self.0.link() {
            map.serialize_entry("about", &about)?;
        }
        if let Some(type_uri) = self.0.type_uri() {
            map.serialize_entry("type", &type_uri)?;
        }
        map.end()
    }
}

const SOURCES: [(Part, &str); 3] = [
    (Part::SourcePointer, "pointer"),
    (Part::SourceParameter, "parameter"),
    (Part::SourceHeader, "header"),
];

/// `source` as the variant declares it.
struct DeclaredSource<'a, E>(&'a E);

impl<E: ApiError> Serialize for DeclaredSource<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (part, name) in SOURCES {
            if let Some(text) = Text::of(self.0, part) {
                map.serialize_entry(name, &text)?;
            }
        }
        map.end()
    }
}

/// `source.pointer` of one violation: the declared pointer, if any, then the path.
struct ViolationSource<'a, E> {
    error: &'a E,
    violation: &'a dyn Violation,
}

impl<E: ApiError> Serialize for ViolationSource<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        let pointer = self.violation.path().pointer();
        let pointer = Fmt::str(|f| {
            self.error.fmt_part(Part::SourcePointer, f)?;
            write!(f, "{pointer}")
        });
        map.serialize_entry("pointer", &pointer)?;
        map.end()
    }
}

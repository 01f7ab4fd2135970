use core::fmt;

use crate::format::json::Json;
use crate::{
    ApiError, Context, Format, Location, Members, Part, RenderError, Text, Violation, phrase,
};

#[doc = include_str!("jsonapi.md")]
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
        // Written straight into `out` (see `json.rs`): the member names and constants as
        // they are, the texts escaped as they are written, `meta` by serde.
        let mut json = Json::new(out);
        json.raw(b"{\"errors\":[");
        let violations = error.violations();
        if violations.is_empty() {
            error_object(&mut json, error, context, None)?;
        }
        for (i, violation) in violations.iter().enumerate() {
            // A repeat would be an identical error object, which JSON:API's `errors`
            // (unique items) does not allow. Pairwise, so nothing is allocated.
            if violations
                .iter()
                .take(i)
                .any(|earlier| same(earlier, violation))
            {
                continue;
            }
            if i > 0 {
                json.raw(b",");
            }
            error_object(&mut json, error, context, Some(violation))?;
        }
        json.raw(b"]}");
        Ok(())
    }

    #[cfg(feature = "aide")]
    #[cfg_attr(docsrs, doc(cfg(feature = "aide")))]
    fn json_schema(generator: &mut ::schemars::SchemaGenerator) -> Option<::schemars::Schema> {
        Some(generator.subschema_for::<Self>())
    }

    #[cfg(feature = "utoipa")]
    #[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
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

/// Whether two violations would render the same error object.
fn same(a: &dyn Violation, b: &dyn Violation) -> bool {
    a.message() == b.message() && a.code() == b.code() && a.path().segments() == b.path().segments()
}

/// One error object: of the error, or of one of its violations.
fn error_object<E: ApiError>(
    json: &mut Json<'_>,
    error: &E,
    context: &Context<'_>,
    violation: Option<&dyn Violation>,
) -> Result<(), RenderError> {
    let status = error.status();
    // `status` is always there: the optional members before it end with a comma, the
    // ones after it start with one.
    json.raw(b"{");
    match Text::of(error, Part::Id) {
        Some(id) => {
            json.raw(b"\"id\":");
            json.display(&id)?;
            json.raw(b",");
        }
        None => {
            if let Some(id) = context.request_id {
                json.raw(b"\"id\":");
                json.str(id);
                json.raw(b",");
            }
        }
    }
    if error.has_part(Part::Link) || error.has_part(Part::Type) {
        // `links.about` then `links.type`.
        json.raw(b"\"links\":{");
        let about = error.link();
        if let Some(about) = &about {
            json.raw(b"\"about\":");
            json.display(about)?;
        }
        if let Some(type_uri) = error.type_uri() {
            json.raw(if about.is_some() {
                b",\"type\":"
            } else {
                b"\"type\":"
            });
            json.display(&type_uri)?;
        }
        json.raw(b"},");
    }
    json.raw(b"\"status\":\"");
    json.raw(status.as_str().as_bytes());
    json.raw(b"\"");
    match violation.and_then(Violation::code) {
        Some(code) => {
            json.raw(b",\"code\":");
            json.str(code);
        }
        None => {
            if error.code_in_body() {
                json.raw(b",\"code\":");
                json.str(error.code());
            }
        }
    }
    if let Some(title) = error.title().or_else(|| phrase::rfc9110(status)) {
        json.raw(b",\"title\":");
        json.str(title);
    }
    match violation {
        Some(violation) => {
            json.raw(b",\"detail\":");
            json.str(violation.message());
            // `source.parameter` for a query parameter; else `source.pointer`: the
            // declared pointer, if any, then the path.
            let path = violation.path();
            if violation.location() == Location::Query && !path.segments().is_empty() {
                json.raw(b",\"source\":{\"parameter\":");
                json.display(&path.dotted())?;
                json.raw(b"}");
            } else if error.has_part(Part::SourcePointer) || !path.segments().is_empty() {
                let pointer = path.pointer();
                json.raw(b",\"source\":{\"pointer\":");
                json.display(&FromFn(|f: &mut fmt::Formatter<'_>| {
                    error.fmt_part(Part::SourcePointer, f)?;
                    write!(f, "{pointer}")
                }))?;
                json.raw(b"}");
            }
        }
        None => {
            if let Some(message) = error.message() {
                json.raw(b",\"detail\":");
                json.display(&message)?;
            }
            // `source` as the variant declares it.
            if SOURCES.iter().any(|(part, _)| error.has_part(*part)) {
                json.raw(b",\"source\":{");
                let mut first = true;
                for (part, name) in SOURCES {
                    if let Some(text) = Text::of(error, part) {
                        if !first {
                            json.raw(b",");
                        }
                        first = false;
                        json.str(name);
                        json.raw(b":");
                        json.display(&text)?;
                    }
                }
                json.raw(b"}");
            }
        }
    }
    let members = Members::of(error);
    // `meta`: the exposed fields, then the members the service supplied.
    if !members.is_empty() || context.has_values() {
        json.object_with_context(
            b",\"meta\":",
            (!members.is_empty()).then_some(&members),
            error,
            context,
        )?;
    }
    json.raw(b"}");
    Ok(())
}

const SOURCES: [(Part, &str); 3] = [
    (Part::SourcePointer, "pointer"),
    (Part::SourceParameter, "parameter"),
    (Part::SourceHeader, "header"),
];

/// A `Display` written by a closure: the declared pointer and the violation's path go out
/// as one string, never joined in a `String` first.
struct FromFn<F>(F);

impl<F: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for FromFn<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}

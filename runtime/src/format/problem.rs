use crate::format::json::Json;
use crate::{ApiError, Context, Format, Path, PathSegment, RenderError, phrase};

/// RFC 9457 problem details, `application/problem+json`: the default format.
///
/// Members, in order: `type` (`about:blank` unless declared), `title` (the declared title
/// beside a declared type; with `about:blank`, the RFC 9110 status phrase, as RFC 9457
/// §4.2.1 asks), `status` (always the HTTP status), `detail` (the public message, absent
/// for a 5xx without `#[message]` and with `no_message`), `instance` (declared, else the
/// request path when known), then the extension members `code` (unless `code_in_body =
/// false`), `request_id` (when known), the declared members and the exposed fields in
/// declaration order (an exposed `None` left out), and
/// `errors`, one `{"detail", "pointer"}` object per violation with the pointer as a URI
/// fragment (`#/profile/color`), as RFC 9457 §3 shows.
///
/// ```
/// use apifault::ApiError;
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// enum AccountError {
///     #[error("no account {0}")]
///     #[status(404)]
///     NotFound(u64),
/// }
///
/// let body = AccountError::NotFound(12345).to_response().into_body();
/// assert_eq!(
///     String::from_utf8(body).unwrap(),
///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no account 12345","code":"not_found"}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Problem;

impl Format for Problem {
    const CONTENT_TYPE: &'static str = "application/problem+json";
    const RESERVED_MEMBERS: &'static [&'static str] = &[
        "type",
        "title",
        "status",
        "detail",
        "instance",
        "code",
        "request_id",
        "errors",
    ];

    fn write_body<E: ApiError>(
        error: &E,
        context: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        // Written straight into `out` (see `json.rs`): the member names and constants as
        // they are, the texts escaped as they are written, the exposed fields by serde.
        let status = error.status();
        let mut json = Json::new(out);
        // RFC 9457 §4.2.1: with `about:blank` the title is the status phrase; a declared
        // title summarises a declared type.
        let title = match error.type_uri() {
            Some(type_uri) => {
                json.raw(b"{\"type\":");
                json.display(&type_uri)?;
                error.title().or_else(|| phrase::rfc9110(status))
            }
            None => {
                json.raw(b"{\"type\":\"about:blank\"");
                // RFC 9457 §3.1.4 lets a title change "for localization": the translated
                // title in place of the phrase (feature `i18n`).
                #[cfg(feature = "i18n")]
                let localized = error.__localized_title();
                #[cfg(not(feature = "i18n"))]
                let localized = None;
                localized.or_else(|| phrase::rfc9110(status))
            }
        };
        if let Some(title) = title {
            json.raw(b",\"title\":");
            json.str(title);
        }
        // A `StatusCode` is three digits.
        json.raw(b",\"status\":");
        json.raw(status.as_str().as_bytes());
        if let Some(message) = error.message() {
            json.raw(b",\"detail\":");
            json.display(&message)?;
        }
        match error.instance() {
            Some(instance) => {
                json.raw(b",\"instance\":");
                json.display(&instance)?;
            }
            None => {
                if let Some(instance) = context.instance {
                    json.raw(b",\"instance\":");
                    json.str(instance);
                }
            }
        }
        let code_in_body = error.code_in_body();
        if code_in_body {
            json.raw(b",\"code\":");
            json.str(error.code());
        }
        if let Some(request_id) = context.request_id {
            json.raw(b",\"request_id\":");
            json.str(request_id);
        }
        if context.has_values() {
            json.context_members(error, context, Self::RESERVED_MEMBERS, false)?;
        }
        let violations = error.violations();
        // An exposed field never repeats a member this body has: the error may have been
        // declared for another format, whose compile-time check knew other names. The
        // first five reserved members are always written, the last three when present.
        let mut reserved = [""; Self::RESERVED_MEMBERS.len()];
        let (always, sometimes) = Self::RESERVED_MEMBERS.split_at(5);
        reserved[..5].copy_from_slice(always);
        let mut len = 5;
        let written = [
            code_in_body,
            context.request_id.is_some(),
            !violations.is_empty(),
        ];
        for (name, written) in sometimes.iter().zip(written) {
            if written {
                reserved[len] = name;
                len += 1;
            }
        }
        json.members(error, &reserved[..len])?;
        if !violations.is_empty() {
            json.raw(b",\"errors\":[");
            for (i, violation) in violations.iter().enumerate() {
                json.raw(if i == 0 {
                    b"{\"detail\":"
                } else {
                    b",{\"detail\":"
                });
                json.str(violation.message());
                json.raw(b",\"pointer\":\"#");
                pointer_fragment(&mut json, violation.path());
                json.raw(b"\"");
                if let Some(code) = violation.code() {
                    json.raw(b",\"code\":");
                    json.str(code);
                }
                json.raw(b"}");
            }
            json.raw(b"]");
        }
        json.raw(b"}");
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
        let mut size =
            96 + entry.code.len() + entry.title.map_or(32, str::len) + entry.members.len() * 48;
        if entry.public_message {
            size += 128;
        }
        size += context.instance.map_or(0, str::len) + context.request_id.map_or(0, str::len);
        let violations = error.violations();
        for violation in violations.iter() {
            size += 40 + violation.message().len() + violation.path().segments().len() * 16;
        }
        size
    }
}

/// Writes `path` as a JSON Pointer in a URI fragment, as RFC 6901 §6 says: in keys, `~`
/// becomes `~0` and `/` becomes `~1` (RFC 6901 §3), then the bytes RFC 3986's `fragment`
/// does not allow (space, `"`, `%`, `#`, non-ASCII, ...) are percent-encoded, so
/// `first name` becomes `/first%20name`. Every byte written is printable ASCII other than
/// `"` and `\`, so it goes into the JSON string as it is.
fn pointer_fragment(json: &mut Json<'_>, path: Path<'_>) {
    for segment in path.segments() {
        json.raw(b"/");
        match segment {
            PathSegment::Index(index) => json.usize(*index),
            PathSegment::Key(key) => {
                let key = key.as_bytes();
                if key
                    .iter()
                    .all(|&byte| in_fragment(byte) && byte != b'~' && byte != b'/')
                {
                    json.raw(key);
                    continue;
                }
                for &byte in key {
                    match byte {
                        b'~' => json.raw(b"~0"),
                        b'/' => json.raw(b"~1"),
                        _ if in_fragment(byte) => json.raw(&[byte]),
                        _ => {
                            const HEX: &[u8; 16] = b"0123456789ABCDEF";
                            json.raw(&[
                                b'%',
                                HEX[usize::from(byte >> 4)],
                                HEX[usize::from(byte & 0xF)],
                            ]);
                        }
                    }
                }
            }
        }
    }
}

/// RFC 3986 `fragment = *( pchar / "/" / "?" )`, unencoded.
fn in_fragment(byte: u8) -> bool {
    FRAGMENT[usize::from(byte)]
}

/// `in_fragment` as a table: the check runs once per byte of every violation's path.
const FRAGMENT: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    let others = b"-._~!$&'()*+,;=:@/?";
    let mut i = 0;
    while i < others.len() {
        table[others[i] as usize] = true;
        i += 1;
    }
    table
};

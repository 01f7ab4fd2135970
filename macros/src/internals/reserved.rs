//! The body members each built-in format writes itself, which an exposed field must not
//! take: read by the checks, and by the expansion to skip the check a house format needs.

use crate::internals::ast::{Input, Variant};

/// When a built-in format's body has one of its own members.
#[derive(Clone, Copy)]
enum When {
    Always,
    /// Unless `code_in_body = false`.
    CodeInBody,
    /// When the variant has a violations field.
    Violations,
}

/// The body members each built-in format writes itself, as its `Format::RESERVED_MEMBERS`
/// lists them (a test below keeps the two equal: the derive cannot read the runtime's).
/// JSON:API puts exposed fields under `meta`, a namespace of their own; Boom writes hapi's
/// payload members and no `code`.
const BUILT_IN_FORMATS: [(&str, &[(&str, When)]); 3] = [
    (
        "Problem",
        &[
            ("type", When::Always),
            ("title", When::Always),
            ("status", When::Always),
            ("detail", When::Always),
            ("instance", When::Always),
            ("code", When::CodeInBody),
            ("request_id", When::Always),
            ("errors", When::Violations),
        ],
    ),
    ("JsonApi", &[]),
    (
        "Boom",
        &[
            ("statusCode", When::Always),
            ("error", When::Always),
            ("message", When::Always),
            ("errors", When::Violations),
        ],
    ),
];

/// The body members the format of `variant` writes itself, when it is a built-in one;
/// `None` for other formats, whose `Format::RESERVED_MEMBERS` is checked by a constant
/// assertion in the generated code. `has_violations` is the variant's.
pub fn members(
    input: &Input,
    variant: &Variant,
    has_violations: bool,
) -> Option<Vec<&'static str>> {
    let format = match input.format(variant) {
        None => "Problem".to_owned(),
        Some(path) => built_in_format(path)?,
    };
    let (_, members) = BUILT_IN_FORMATS.iter().find(|(name, _)| *name == format)?;
    let code_in_body = input.code_in_body(variant);
    let written = members.iter().filter(|(_, when)| match when {
        When::Always => true,
        When::CodeInBody => code_in_body,
        When::Violations => has_violations,
    });
    Some(written.map(|&(name, _)| name).collect())
}

/// How `path` names a format, to compare two: a built-in format by its name however
/// written, any other by its path as written.
pub fn format_name(path: &syn::Path) -> String {
    built_in_format(path).unwrap_or_else(|| {
        quote::ToTokens::to_token_stream(path)
            .to_string()
            .replace(' ', "")
    })
}

/// The name of a built-in format named as `Problem` (imported), `apifault::Problem` or
/// `::apifault::Problem`; `None` for any other path, a house format's own `Problem` in a
/// module of the user's included, which the constant assertion checks instead.
fn built_in_format(path: &syn::Path) -> Option<String> {
    let name = path.segments.last()?.ident.to_string();
    let named_alone = path.segments.len() == 1 && path.leading_colon.is_none();
    let in_apifault = path.segments.len() == 2 && path.segments[0].ident == "apifault";
    (named_alone || in_apifault).then_some(name)
}

#[cfg(test)]
mod tests {
    use apifault::Format;

    /// The derive reports a reserved name at the field, so it keeps its own list of each
    /// built-in format's members: it must be the runtime's.
    #[test]
    fn the_reserved_members_are_the_runtimes() {
        for (format, members) in super::BUILT_IN_FORMATS {
            let runtime = match format {
                "Problem" => apifault::Problem::RESERVED_MEMBERS,
                "JsonApi" => apifault::JsonApi::RESERVED_MEMBERS,
                "Boom" => apifault::Boom::RESERVED_MEMBERS,
                _ => panic!("`{format}` is not a built-in format of the runtime"),
            };
            let derive: Vec<&str> = members.iter().map(|&(name, _)| name).collect();
            assert_eq!(derive, runtime, "the members `{format}` writes itself");
        }
    }
}

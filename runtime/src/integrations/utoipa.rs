#![doc = include_str!("utoipa.md")]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use ::utoipa::openapi::RefOr;
use ::utoipa::openapi::content::ContentBuilder;
use ::utoipa::openapi::example::ExampleBuilder;
use ::utoipa::openapi::response::{Response, ResponseBuilder};
use ::utoipa::openapi::schema::{
    AdditionalProperties, ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, Type,
};
use ::utoipa::{PartialSchema, ToSchema};
use http::StatusCode;

use crate::catalogue::VariantFormat;
use crate::{ApiError, Boom, Context, Entry, Format, JsonApi, Problem, Specimen, phrase};

#[doc(inline)]
pub use ::utoipa::IntoResponses;

/// The responses of every status `E` can answer with: what every derived type's
/// [`IntoResponses`] returns. A status whose variants answer in different formats
/// (`#[api_error(format = …)]` on a variant) lists each content type with its schema and
/// the examples of its variants.
#[must_use]
pub fn responses<E: ApiError>() -> BTreeMap<String, RefOr<Response>> {
    // A variant with a runtime status is listed under each status it declares.
    let mut by_status: BTreeMap<StatusCode, Vec<Answered>> = BTreeMap::new();
    for (entry, format) in E::CATALOGUE.entries_with_formats() {
        for status in entry.statuses() {
            by_status.entry(status).or_default().push((entry, format));
        }
    }
    by_status
        .into_iter()
        .map(|(status, entries)| {
            (
                status.as_str().to_owned(),
                RefOr::T(response::<E::Format>(status, &entries)),
            )
        })
        .collect()
}

/// An entry with the format its type answers it in, when not the type's own.
type Answered = (&'static Entry, Option<&'static VariantFormat>);

/// One status's response: the codes in the description, one example per code, under the
/// content type of its format (`F`, the type's, unless the entry's own).
fn response<F: Format>(status: StatusCode, entries: &[Answered]) -> Response {
    let mut description =
        phrase::rfc9110(status).map_or_else(|| status.as_str().to_owned(), str::to_owned);
    description.push('\n');
    for (entry, _) in entries {
        let codes: Vec<String> = entry.codes().map(|code| format!("`{code}`")).collect();
        let _ = write!(description, "\n- {}", codes.join(", "));
        let summary: Vec<&str> = entry
            .title
            .into_iter()
            .chain(Some(entry.description).filter(|d| !d.is_empty()))
            .collect();
        if !summary.is_empty() {
            let _ = write!(description, ": {}", one_line(&summary.join(" — ")));
        }
    }
    // The content types in the order their first entry comes; a format of its own
    // sharing the type's content type shares its content.
    // A variant without a body (`no_body`) has no content to list.
    let mut content_types: Vec<&'static str> = Vec::new();
    for (_, format) in entries.iter().filter(|(entry, _)| !entry.no_body) {
        let content_type = format.map_or(F::CONTENT_TYPE, |format| format.content_type);
        if !content_types.contains(&content_type) {
            content_types.push(content_type);
        }
    }
    let mut builder = ResponseBuilder::new().description(description);
    for content_type in content_types {
        let in_content_type = || {
            entries.iter().filter(move |(entry, format)| {
                !entry.no_body
                    && format.map_or(F::CONTENT_TYPE, |format| format.content_type) == content_type
            })
        };
        let schema = in_content_type()
            .next()
            .and_then(|(_, format)| format.map_or_else(F::body_schema, |f| (f.body_schema)()));
        // One example per code a variant declares, with the status of this response.
        let examples = in_content_type()
            .flat_map(|&(entry, format)| entry.codes().map(move |code| (entry, format, code)));
        let examples = examples.filter_map(|(entry, format, code)| {
            let body = match format {
                Some(format) => (format.render_specimen)(entry, status, code),
                None => {
                    let specimen = Specimen::<F>::in_format(entry)
                        .with_status(status)
                        .with_code(code);
                    F::render(&specimen, &Context::new())
                }
            };
            // A format that writes something other than JSON has no JSON example.
            let value = serde_json::from_slice(&body.ok()?).ok()?;
            let mut example = ExampleBuilder::new().value(Some(value));
            if !entry.description.is_empty() {
                example = example.summary(one_line(entry.description));
            }
            Some((code, example.build()))
        });
        let content = ContentBuilder::new()
            .schema(schema)
            .examples_from_iter(examples)
            .build();
        builder = builder.content(content_type, content);
    }
    builder.build()
}

/// Doc comments span lines; a list item or an example summary holds one.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(all(feature = "axum", feature = "utoipa"))))]
impl IntoResponses for crate::axum::Rejection {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses::<Self>()
    }
}

fn string(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

fn uri_reference(description: &str) -> ObjectBuilder {
    string(description).format(Some(SchemaFormat::Custom("uri-reference".into())))
}

fn open_object(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(description))
        .additional_properties(Some(AdditionalProperties::FreeForm(true)))
}

fn status_number() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(100))
        .maximum(Some(599))
}

/// `ProblemDetails`: RFC 9457 problem details as [`Problem`] writes them.
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl PartialSchema for Problem {
    fn schema() -> RefOr<Schema> {
        let violation = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("detail", string("What is wrong with the member."))
            .property(
                "pointer",
                string("A JSON Pointer to the member, as a URI fragment (`#/profile/color`)."),
            )
            .property("code", string("The violation's machine code."))
            .required("detail")
            .required("pointer");
        open_object(
            "RFC 9457 problem details. Members other than those listed are extension members.",
        )
        .property(
            "type",
            uri_reference("The problem type URI.").default(Some("about:blank".into())),
        )
        .property("title", string("A short summary of the problem type."))
        .property(
            "status",
            status_number().description(Some("The HTTP status, equal to the response's.")),
        )
        .property(
            "detail",
            string("The human explanation of this occurrence."),
        )
        .property("instance", uri_reference("The URI of this occurrence."))
        .property("code", string("The stable machine code of the error."))
        .property("request_id", string("The identifier of the request."))
        .property(
            "errors",
            ArrayBuilder::new()
                .items(violation)
                .description(Some("One item per request member at fault.")),
        )
        .required("type")
        .required("status")
        .into()
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl ToSchema for Problem {
    fn name() -> std::borrow::Cow<'static, str> {
        "ProblemDetails".into()
    }
}

/// `JsonApiErrorDocument`: a JSON:API error document as [`JsonApi`] writes it.
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl PartialSchema for JsonApi {
    fn schema() -> RefOr<Schema> {
        let links = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("about", uri_reference("Details of this occurrence."))
            .property("type", uri_reference("The error type (JSON:API 1.1)."));
        let source = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property(
                "pointer",
                string("A JSON Pointer to the request member at fault."),
            )
            .property("parameter", string("The query parameter at fault."))
            .property("header", string("The request header at fault."));
        let error = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("id", string("An identifier of this occurrence."))
            .property("links", links)
            .property(
                "status",
                string("The HTTP status, as a string.").pattern(Some("^[1-5][0-9][0-9]$")),
            )
            .property("code", string("The stable machine code of the error."))
            .property("title", string("A short summary of the problem."))
            .property(
                "detail",
                string("The human explanation of this occurrence."),
            )
            .property("source", source)
            .property("meta", open_object("Non-standard members."));
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("A JSON:API error document."))
            .property(
                "errors",
                ArrayBuilder::new()
                    .items(error)
                    .min_items(Some(1))
                    .description(Some("One error object per problem.")),
            )
            .property("meta", open_object("Non-standard members."))
            .required("errors")
            .into()
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl ToSchema for JsonApi {
    fn name() -> std::borrow::Cow<'static, str> {
        "JsonApiErrorDocument".into()
    }
}

/// `BoomPayload`: hapi's Boom payload as [`Boom`] writes it.
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl PartialSchema for Boom {
    fn schema() -> RefOr<Schema> {
        let segment = OneOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::String))
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(0)),
            );
        let item = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("message", string("What is wrong with the member."))
            .property(
                "path",
                ArrayBuilder::new()
                    .items(segment)
                    .description(Some("The member's keys and indices.")),
            )
            .property("type", string("The violation's code."))
            .required("message")
            .required("path")
            .required("type");
        open_object("hapi's Boom payload. Other members are the error's exposed fields.")
            .property(
                "statusCode",
                status_number().description(Some("The HTTP status.")),
            )
            .property("error", string("The status phrase."))
            .property("message", string("The human explanation."))
            .property(
                "errors",
                ArrayBuilder::new()
                    .items(item)
                    .description(Some("Joi-style validation details, when there are any.")),
            )
            .required("statusCode")
            .required("error")
            .required("message")
            .into()
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
impl ToSchema for Boom {
    fn name() -> std::borrow::Cow<'static, str> {
        "BoomPayload".into()
    }
}

#![doc = include_str!("utoipa.md")]

use std::collections::BTreeMap;

use ::utoipa::openapi::RefOr;
use ::utoipa::openapi::content::ContentBuilder;
use ::utoipa::openapi::example::ExampleBuilder;
use ::utoipa::openapi::response::{Response, ResponseBuilder};
use ::utoipa::openapi::schema::{
    AdditionalProperties, ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, Type,
};
use ::utoipa::{PartialSchema, ToSchema};
use http::StatusCode;

use crate::integrations::openapi::{self, Answered};
use crate::{ApiError, Boom, Format, JsonApi, Problem};

#[doc(inline)]
pub use ::utoipa::IntoResponses;

/// The responses of every status `E` can answer with: what every derived type's
/// [`IntoResponses`] returns. A status whose variants answer in different formats
/// (`#[api_error(format = …)]` on a variant) lists each content type with its schema and
/// the examples of its variants.
#[must_use]
pub fn responses<E: ApiError>() -> BTreeMap<String, RefOr<Response>> {
    openapi::by_status::<E>()
        .into_iter()
        .map(|(status, entries)| {
            (
                status.as_str().to_owned(),
                RefOr::T(response::<E::Format>(status, &entries)),
            )
        })
        .collect()
}

/// One status's response: the codes in the description, one example per code, under the
/// content type of its format (`F`, the type's, unless the entry's own).
fn response<F: Format>(status: StatusCode, entries: &[Answered]) -> Response {
    let mut builder = ResponseBuilder::new().description(openapi::description(status, entries));
    for content_type in openapi::content_types::<F>(entries) {
        let schema = openapi::in_content_type::<F>(entries, content_type)
            .next()
            .and_then(|(_, format)| format.map_or_else(F::body_schema, |f| (f.body_schema)()));
        let examples =
            openapi::examples::<F>(status, entries, content_type).map(|(code, summary, value)| {
                let mut example = ExampleBuilder::new().value(Some(value));
                if !summary.is_empty() {
                    example = example.summary(summary);
                }
                (code, example.build())
            });
        let content = ContentBuilder::new()
            .schema(schema)
            .examples_from_iter(examples)
            .build();
        builder = builder.content(content_type, content);
    }
    builder.build()
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

#![doc = include_str!("aide.md")]

use std::borrow::Cow;

use ::aide::generate::GenContext;
use ::aide::openapi::{Example, MediaType, ReferenceOr, Response, SchemaObject};
use ::schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use http::StatusCode;

use crate::integrations::openapi::{self, Answered};
use crate::{ApiError, Boom, Format, JsonApi, Problem};

#[doc(inline)]
pub use ::aide::OperationOutput;

/// The responses of every status `E` can answer with, in status order: what every derived
/// type's [`OperationOutput::inferred_responses`] returns. A status whose variants answer
/// in different formats lists each content type with its schema and the examples of its
/// variants.
#[must_use]
pub fn inferred_responses<E: ApiError>(context: &mut GenContext) -> Vec<(Option<u16>, Response)> {
    openapi::by_status::<E>()
        .into_iter()
        .map(|(status, entries)| {
            (
                Some(status.as_u16()),
                response::<E::Format>(context, status, &entries),
            )
        })
        .collect()
}

/// One status's response: the codes in the description, one example per code, under the
/// content type of its format (`F`, the type's, unless the entry's own).
fn response<F: Format>(
    context: &mut GenContext,
    status: StatusCode,
    entries: &[Answered],
) -> Response {
    let mut response = Response {
        description: openapi::description(status, entries),
        ..Response::default()
    };
    for content_type in openapi::content_types::<F>(entries) {
        let schema = openapi::in_content_type::<F>(entries, content_type)
            .next()
            .and_then(|&(_, format)| match format {
                Some(format) => (format.json_schema)(&mut context.schema),
                None => F::json_schema(&mut context.schema),
            });
        let mut media = MediaType {
            schema: schema.map(|json_schema| SchemaObject {
                json_schema,
                external_docs: None,
                example: None,
            }),
            ..MediaType::default()
        };
        for (code, summary, value) in openapi::examples::<F>(status, entries, content_type) {
            let example = Example {
                summary: Some(summary).filter(|summary| !summary.is_empty()),
                value: Some(value),
                ..Example::default()
            };
            media
                .examples
                .insert(code.to_owned(), ReferenceOr::Item(example));
        }
        response.content.insert(content_type.to_owned(), media);
    }
    response
}

/// `ProblemDetails`: RFC 9457 problem details as [`Problem`] writes them.
#[cfg_attr(docsrs, doc(cfg(feature = "aide")))]
impl JsonSchema for Problem {
    fn schema_name() -> Cow<'static, str> {
        "ProblemDetails".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "RFC 9457 problem details. Members other than those listed are extension members.",
            "properties": {
                "type": { "type": "string", "format": "uri-reference", "default": "about:blank", "description": "The problem type URI." },
                "title": { "type": "string", "description": "A short summary of the problem type." },
                "status": { "type": "integer", "minimum": 100, "maximum": 599, "description": "The HTTP status, equal to the response's." },
                "detail": { "type": "string", "description": "The human explanation of this occurrence." },
                "instance": { "type": "string", "format": "uri-reference", "description": "The URI of this occurrence." },
                "code": { "type": "string", "description": "The stable machine code of the error." },
                "request_id": { "type": "string", "description": "The identifier of the request." },
                "errors": {
                    "type": "array",
                    "description": "One item per request member at fault.",
                    "items": {
                        "type": "object",
                        "properties": {
                            "detail": { "type": "string", "description": "What is wrong with the member." },
                            "pointer": { "type": "string", "description": "A JSON Pointer to the member, as a URI fragment (`#/profile/color`)." },
                            "code": { "type": "string", "description": "The violation's machine code." }
                        },
                        "required": ["detail", "pointer"]
                    }
                }
            },
            "required": ["type", "status"],
            "additionalProperties": true
        })
    }
}

/// `JsonApiErrorDocument`: a JSON:API error document as [`JsonApi`] writes it.
#[cfg_attr(docsrs, doc(cfg(feature = "aide")))]
impl JsonSchema for JsonApi {
    fn schema_name() -> Cow<'static, str> {
        "JsonApiErrorDocument".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "A JSON:API error document.",
            "properties": {
                "errors": {
                    "type": "array",
                    "minItems": 1,
                    "description": "One error object per problem.",
                    "items": {
                        "type": "object",
                        "properties": {
                            "id": { "type": "string", "description": "An identifier of this occurrence." },
                            "links": {
                                "type": "object",
                                "properties": {
                                    "about": { "type": "string", "format": "uri-reference", "description": "Details of this occurrence." },
                                    "type": { "type": "string", "format": "uri-reference", "description": "The error type (JSON:API 1.1)." }
                                }
                            },
                            "status": { "type": "string", "pattern": "^[1-5][0-9][0-9]$", "description": "The HTTP status, as a string." },
                            "code": { "type": "string", "description": "The stable machine code of the error." },
                            "title": { "type": "string", "description": "A short summary of the problem." },
                            "detail": { "type": "string", "description": "The human explanation of this occurrence." },
                            "source": {
                                "type": "object",
                                "properties": {
                                    "pointer": { "type": "string", "description": "A JSON Pointer to the request member at fault." },
                                    "parameter": { "type": "string", "description": "The query parameter at fault." },
                                    "header": { "type": "string", "description": "The request header at fault." }
                                }
                            },
                            "meta": { "type": "object", "additionalProperties": true, "description": "Non-standard members." }
                        }
                    }
                },
                "meta": { "type": "object", "additionalProperties": true, "description": "Non-standard members." }
            },
            "required": ["errors"]
        })
    }
}

/// `BoomPayload`: hapi's Boom payload as [`Boom`] writes it.
#[cfg_attr(docsrs, doc(cfg(feature = "aide")))]
impl JsonSchema for Boom {
    fn schema_name() -> Cow<'static, str> {
        "BoomPayload".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "hapi's Boom payload. Other members are the error's exposed fields.",
            "properties": {
                "statusCode": { "type": "integer", "minimum": 100, "maximum": 599, "description": "The HTTP status." },
                "error": { "type": "string", "description": "The status phrase." },
                "message": { "type": "string", "description": "The human explanation." },
                "errors": {
                    "type": "array",
                    "description": "Joi-style validation details, when there are any.",
                    "items": {
                        "type": "object",
                        "properties": {
                            "message": { "type": "string", "description": "What is wrong with the member." },
                            "path": {
                                "type": "array",
                                "description": "The member's keys and indices.",
                                "items": { "oneOf": [{ "type": "string" }, { "type": "integer", "minimum": 0 }] }
                            },
                            "type": { "type": "string", "description": "The violation's code." }
                        },
                        "required": ["message", "path", "type"]
                    }
                }
            },
            "required": ["statusCode", "error", "message"],
            "additionalProperties": true
        })
    }
}

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(all(feature = "axum", feature = "aide"))))]
impl OperationOutput for crate::axum::Rejection {
    type Inner = Self;

    fn inferred_responses(
        context: &mut GenContext,
        _: &mut ::aide::openapi::Operation,
    ) -> Vec<(Option<u16>, Response)> {
        inferred_responses::<Self>(context)
    }
}

/// apifault's axum extractors document their input as axum's own do in aide: `Json` the
/// request body, `Path` and `Query` their parameters, `Form` the form body. Their failures
/// answer through `R`, whose responses the handler's error type documents.
#[cfg(feature = "axum")]
mod axum_inputs {
    use ::aide::OperationInput;
    use ::aide::generate::GenContext;
    use ::aide::openapi::Operation;
    use ::schemars::JsonSchema;

    use crate::axum::{Form, Json, Path, Query};

    impl<T: JsonSchema, R> OperationInput for Json<T, R> {
        fn operation_input(context: &mut GenContext, operation: &mut Operation) {
            <::axum::Json<T> as OperationInput>::operation_input(context, operation);
        }
    }

    impl<T: JsonSchema, R> OperationInput for Path<T, R> {
        fn operation_input(context: &mut GenContext, operation: &mut Operation) {
            <::axum::extract::Path<T> as OperationInput>::operation_input(context, operation);
        }
    }

    impl<T: JsonSchema, R> OperationInput for Query<T, R> {
        fn operation_input(context: &mut GenContext, operation: &mut Operation) {
            <::axum::extract::Query<T> as OperationInput>::operation_input(context, operation);
        }
    }

    impl<T: JsonSchema, R> OperationInput for Form<T, R> {
        fn operation_input(context: &mut GenContext, operation: &mut Operation) {
            <::axum::extract::Form<T> as OperationInput>::operation_input(context, operation);
        }
    }
}

//! Pax8's error body, a house format written against apifault's public API only.
//!
//! ```json
//! {"type": "NOT_FOUND", "message": "Company Not Found: 3d06…", "instance": "/public/v1/companies/3d06…",
//!  "status": 404, "details": []}
//! ```
//!
//! `type` is the error's code, `instance` the declared one or else the request path
//! (`""` when unknown, as every member is always present), `details` one item per
//! violation (`type`, `status`, `message`, `instance`) and, when the request id is known,
//! a last `{"supportId": …}` item, as Pax8's vendor endpoints answer. Exposed fields
//! follow as extra members.

use apifault::{ApiError, Context, Format, RenderError, phrase};
use serde::ser::{SerializeMap, Serializer};

/// Pax8's `{type, message, instance, status, details}`, `application/json`.
pub struct Pax8;

impl Format for Pax8 {
    const CONTENT_TYPE: &'static str = "application/json";
    const RESERVED_MEMBERS: &'static [&'static str] =
        &["type", "message", "instance", "status", "details"];

    fn write_body<E: ApiError>(
        error: &E,
        context: &Context<'_>,
        out: &mut Vec<u8>,
    ) -> Result<(), RenderError> {
        let mut serializer = serde_json::Serializer::new(out);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", error.code())?;
        match error.message() {
            Some(message) => map.serialize_entry("message", &message)?,
            None => map.serialize_entry(
                "message",
                error
                    .title()
                    .or(phrase::rfc9110(error.status()))
                    .unwrap_or(""),
            )?,
        }
        match error.instance() {
            Some(instance) => map.serialize_entry("instance", &instance)?,
            None => map.serialize_entry("instance", context.instance.unwrap_or(""))?,
        }
        map.serialize_entry("status", &error.status().as_u16())?;
        map.serialize_entry("details", &Details { error, context })?;
        error.serialize_members(&mut map, Self::RESERVED_MEMBERS)?;
        map.end()?;
        Ok(())
    }
}

struct Details<'a, E> {
    error: &'a E,
    context: &'a Context<'a>,
}

#[derive(serde::Serialize)]
#[serde(untagged)]
enum Detail<'a> {
    Violation {
        r#type: &'a str,
        status: u16,
        message: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        instance: Option<&'a str>,
    },
    Support {
        #[serde(rename = "supportId")]
        support_id: &'a str,
    },
}

impl<E: ApiError> serde::Serialize for Details<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (error, context) = (self.error, self.context);
        let violations = error.violations().iter().map(|v| Detail::Violation {
            r#type: v.code().unwrap_or(error.code()),
            status: error.status().as_u16(),
            message: v.message(),
            instance: context.instance,
        });
        let support = context
            .request_id
            .map(|support_id| Detail::Support { support_id });
        serializer.collect_seq(violations.chain(support))
    }
}

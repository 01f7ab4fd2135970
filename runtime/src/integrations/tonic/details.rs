//! The rich error details (`google.rpc.ErrorInfo`, `BadRequest`, `RetryInfo`, `Help`,
//! `RequestInfo`) of a derived error: what it already says over HTTP.

use http::HeaderMap;
use http::header::RETRY_AFTER;
use serde_core::Serialize;
use serde_core::ser::{Impossible, SerializeMap};

use super::wire::{Details, ErrorInfo, Reason};
use crate::{ApiError, Context};

/// Every detail `error` carries.
pub(super) fn of<'a, E: ApiError>(error: &'a E, context: &Context<'a>) -> Details<'a> {
    let entry = error.entry();
    let code = error.code();
    // The reason computed at compile time, unless a runtime code replaced the entry's.
    let reason = match entry.grpc_reason {
        Some(reason) if code == entry.code => Some(Reason::Static(reason)),
        _ => super::grpc_reason(code).map(Reason::Owned),
    };
    let mut details = Details {
        error_info: reason.map(|reason| ErrorInfo {
            reason,
            domain: entry.grpc_domain.unwrap_or_default(),
            metadata: metadata(error),
        }),
        request_id: context.request_id,
        ..Details::default()
    };
    let violations = error.violations();
    if !violations.is_empty() {
        details.violations = violations
            .iter()
            .map(|violation| {
                (
                    violation.path().dotted().to_string(),
                    violation.message(),
                    violation
                        .code()
                        .and_then(super::grpc_reason)
                        .unwrap_or_default(),
                )
            })
            .collect();
    }
    // `Retry-After` is read on the error statuses that take it (RFC 9110 413 and 503, RFC
    // 6585 429): the others skip building the headers.
    if matches!(error.status().as_u16(), 413 | 429 | 503) {
        details.retry_seconds = retry_after(error);
    }
    if let Some(link) = error.link() {
        let description = error.title().unwrap_or(code);
        details.help = Some((description, link.to_string()));
    }
    details
}

/// The declared `Retry-After`, when it is a number of seconds.
fn retry_after<E: ApiError>(error: &E) -> Option<u64> {
    let mut headers = HeaderMap::new();
    error.headers(&mut headers);
    headers.get(RETRY_AFTER)?.to_str().ok()?.trim().parse().ok()
}

/// The exposed fields as `ErrorInfo.metadata`, in declaration order: strings as they are,
/// other values as their JSON text. A field that fails to serialize is left out.
fn metadata<E: ApiError>(error: &E) -> Vec<(String, String)> {
    let mut metadata = Vec::new();
    // Members the format would reserve do not apply here: nothing else is in the map.
    let _ = error.serialize_members(&mut Metadata(&mut metadata), &[]);
    metadata
}

/// A `SerializeMap` filling `ErrorInfo.metadata`.
struct Metadata<'a>(&'a mut Vec<(String, String)>);

impl SerializeMap for Metadata<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Self::Error> {
        // Members are written with `serialize_entry` only.
        Err(serde_core::ser::Error::custom("a member without its value"))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Self::Error> {
        Err(serde_core::ser::Error::custom("a member without its name"))
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), Self::Error> {
        let Ok(key) = key.serialize(Text) else {
            return Ok(());
        };
        let value = match value.serialize(Text) {
            Ok(text) => text,
            Err(_) => serde_json::to_string(value)?,
        };
        self.0.push((key, value));
        Ok(())
    }

    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// A serializer accepting a string (or a char) only: a string member is metadata as it
/// is, anything else is written as JSON instead.
struct Text;

/// Not a string: the caller writes JSON instead.
#[derive(Debug)]
struct NotText;

impl core::fmt::Display for NotText {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("not a string")
    }
}

impl std::error::Error for NotText {}

impl serde_core::ser::Error for NotText {
    fn custom<T: core::fmt::Display>(_: T) -> Self {
        Self
    }
}

macro_rules! not_text {
    ($($method:ident($($arg:ty),*);)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<String, NotText> { Err(NotText) })*
    };
}

impl serde_core::Serializer for Text {
    type Ok = String;
    type Error = NotText;
    type SerializeSeq = Impossible<String, NotText>;
    type SerializeTuple = Impossible<String, NotText>;
    type SerializeTupleStruct = Impossible<String, NotText>;
    type SerializeTupleVariant = Impossible<String, NotText>;
    type SerializeMap = Impossible<String, NotText>;
    type SerializeStruct = Impossible<String, NotText>;
    type SerializeStructVariant = Impossible<String, NotText>;

    fn serialize_str(self, value: &str) -> Result<String, NotText> {
        Ok(value.to_owned())
    }

    fn serialize_char(self, value: char) -> Result<String, NotText> {
        Ok(value.to_string())
    }

    fn collect_str<T: core::fmt::Display + ?Sized>(self, value: &T) -> Result<String, NotText> {
        Ok(value.to_string())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, NotText> {
        value.serialize(self)
    }

    not_text! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, NotText> {
        Err(NotText)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, NotText> {
        Err(NotText)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotText> {
        Err(NotText)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotText> {
        Err(NotText)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotText> {
        Err(NotText)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotText> {
        Err(NotText)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotText> {
        Err(NotText)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotText> {
        Err(NotText)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotText> {
        Err(NotText)
    }
}

//! Each member a derived error's body carries, as its name and its text, for what takes
//! text rather than JSON: gRPC's `ErrorInfo.metadata` and a translation's arguments.

use serde_core::ser::{Error as _, Impossible, Serialize, SerializeMap, Serializer};

use crate::ApiError;

/// A member's value as text.
pub(crate) enum MemberText {
    /// A string (or a char), as it is.
    Text(String),
    /// Any other value, as its JSON (`null` included).
    Json(String),
}

impl MemberText {
    /// The text, whichever way it was written.
    pub(crate) fn into_string(self) -> String {
        match self {
            Self::Text(text) | Self::Json(text) => text,
        }
    }
}

/// Calls `visit` with each member `error`'s body carries (declared members, exposed
/// fields), in order. A member whose name is not a string, or whose value fails to
/// serialize, is left out.
pub(crate) fn each<E: ApiError>(error: &E, visit: impl FnMut(String, MemberText)) {
    // Members a format reserves do not apply: nothing else is in this map.
    let _ = error.serialize_members(&mut Walk(visit), &[]);
}

struct Walk<F>(F);

impl<F: FnMut(String, MemberText)> SerializeMap for Walk<F> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Self::Error> {
        // Members are written with `serialize_entry` only.
        Err(serde_json::Error::custom("a member without its value"))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, _: &T) -> Result<(), Self::Error> {
        Err(serde_json::Error::custom("a member without its name"))
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), Self::Error> {
        let Ok(name) = key.serialize(Text) else {
            return Ok(());
        };
        let text = match value.serialize(Text) {
            Ok(text) => MemberText::Text(text),
            Err(NotText) => match serde_json::to_string(value) {
                Ok(json) => MemberText::Json(json),
                Err(_) => return Ok(()),
            },
        };
        (self.0)(name, text);
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

impl Serializer for Text {
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

    // An exposed `Some(text)` is its text, as JSON writes it.
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, NotText> {
        value.serialize(self)
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

//! How the derive writes one body member: an exposed field (left out when it is `None`),
//! a declared member's constant or interpolated text, a field through its `with` module.

use core::fmt;

use serde_core::ser::{self, Impossible, Serialize, SerializeMap, Serializer};

/// Writes the member `name` unless `value` serializes as `None`: an exposed `None` is
/// left out of the body, as `#[serde(skip_serializing_if = "Option::is_none")]` would,
/// whatever the field's type is called (an alias, a generic parameter).
///
/// # Errors
///
/// Those of the map and of the value's `Serialize`.
#[inline]
pub fn exposed<M: SerializeMap, T: Serialize + ?Sized>(
    map: &mut M,
    name: &str,
    value: &T,
) -> Result<(), M::Error> {
    if is_none(value) {
        return Ok(());
    }
    map.serialize_entry(name, value)
}

/// Whether `value` serializes as `None`. The probe stops at the first call the value's
/// `Serialize` makes: a string, a number or a struct is never written out, nor is the
/// inside of a `Some`.
#[inline]
pub fn is_none<T: Serialize + ?Sized>(value: &T) -> bool {
    matches!(value.serialize(Probe(None)), Ok(true))
}

/// Whether `key` serializes as the string `name`: the derive's member names are strings.
pub(crate) fn key_is<K: Serialize + ?Sized>(key: &K, name: &str) -> bool {
    matches!(key.serialize(Probe(Some(name))), Ok(true))
}

/// The text of a declared member (`member("link" = "…/{code}")`), serialized as a
/// string straight from its `format_args!`: no intermediate `String`.
pub struct Interpolated<'a>(pub fmt::Arguments<'a>);

impl Serialize for Interpolated<'_> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_str() {
            Some(text) => serializer.serialize_str(text),
            None => serializer.collect_str(&self.0),
        }
    }
}

/// The answer of a probe that stopped before the value was written.
#[derive(Debug)]
pub struct Stopped;

impl fmt::Display for Stopped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a `None`")
    }
}

impl std::error::Error for Stopped {}

impl ser::Error for Stopped {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Self
    }
}

/// A serializer that writes nothing and answers whether the value is the string it holds
/// or, without one, whether the value is `None`.
struct Probe<'a>(Option<&'a str>);

macro_rules! not_none {
    ($($method:ident($($ty:ty),*);)*) => {
        $(
            #[inline]
            fn $method(self, $(_: $ty),*) -> Result<bool, Stopped> {
                Ok(false)
            }
        )*
    };
}

impl Serializer for Probe<'_> {
    type Ok = bool;
    type Error = Stopped;
    type SerializeSeq = Impossible<bool, Stopped>;
    type SerializeTuple = Impossible<bool, Stopped>;
    type SerializeTupleStruct = Impossible<bool, Stopped>;
    type SerializeTupleVariant = Impossible<bool, Stopped>;
    type SerializeMap = Impossible<bool, Stopped>;
    type SerializeStruct = Impossible<bool, Stopped>;
    type SerializeStructVariant = Impossible<bool, Stopped>;

    not_none! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_bytes(&[u8]);
        serialize_unit();
        serialize_unit_struct(&'static str);
        serialize_unit_variant(&'static str, u32, &'static str);
    }

    #[inline]
    fn serialize_none(self) -> Result<bool, Stopped> {
        Ok(self.0.is_none())
    }

    #[inline]
    fn serialize_str(self, text: &str) -> Result<bool, Stopped> {
        Ok(self.0 == Some(text))
    }

    #[inline]
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<bool, Stopped> {
        Ok(false)
    }

    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<bool, Stopped> {
        Ok(false)
    }

    #[inline]
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<bool, Stopped> {
        Ok(false)
    }

    #[inline]
    fn collect_str<T: fmt::Display + ?Sized>(self, _: &T) -> Result<bool, Stopped> {
        Ok(false)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Stopped> {
        Err(Stopped)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Stopped> {
        Err(Stopped)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Stopped> {
        Err(Stopped)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Stopped> {
        Err(Stopped)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Stopped> {
        Err(Stopped)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Stopped> {
        Err(Stopped)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stopped> {
        Err(Stopped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_none_is_none() {
        assert!(is_none(&None::<u32>));
        assert!(is_none(&None::<String>));
        assert!(!is_none(&Some(1)));
        assert!(!is_none(&Some(None::<u8>)));
        assert!(!is_none(&()));
        assert!(!is_none("text"));
        assert!(!is_none(&[1, 2]));
        assert!(!is_none(&serde_json::json!({"a": 1})));
        assert!(!is_none(&serde_json::Value::Null));
    }
}

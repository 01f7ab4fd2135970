//! A flattened field (`#[api_error(expose(flatten))]`): the entries of a map or the fields
//! of a struct written as members of the body itself, by a serializer that hands each one
//! to the body's map as it comes. Nothing is serialized twice, and no `serde_json::Value`
//! is built.
//!
//! The names are known only at run time, so they are checked here: one the body already
//! has (a member its format writes, a declared or exposed member of the variant, an
//! earlier flattened one) is left out and logged at warn, never written twice. A value
//! that is not a map, a struct or a `None` cannot give members: it fails the body, which
//! `response` then sends bare, as for any exposed field that fails to serialize.

use core::fmt::{self, Write as _};

use serde_core::ser::{self, Error as _, Impossible, Serialize, SerializeMap, Serializer};

use crate::integrations::tracing::skipped_member;

/// The members one body's flattened fields have written so far.
pub struct Flattened<'r> {
    variant: &'static str,
    /// The members the body has besides flattened ones: the format's, the variant's
    /// declared and exposed ones.
    taken: [&'r [&'r str]; 2],
    written: Vec<String>,
}

impl<'r> Flattened<'r> {
    /// For a body whose format writes `reserved` and whose variant `variant` declares or
    /// exposes `own`.
    #[must_use]
    pub fn new(variant: &'static str, reserved: &'r [&'r str], own: &'r [&'r str]) -> Self {
        Self {
            variant,
            taken: [reserved, own],
            written: Vec::new(),
        }
    }

    /// Writes the members of `value` into `map`.
    ///
    /// # Errors
    ///
    /// Those of the map and of the value's `Serialize`, and one when the value is not a
    /// map, a struct or a `None`.
    pub fn write<M: SerializeMap, T: Serialize + ?Sized>(
        &mut self,
        map: &mut M,
        value: &T,
    ) -> Result<(), M::Error> {
        value.serialize(Members { map, seen: self })
    }

    /// Whether `name` may be written; if so it is recorded, else logged as left out.
    fn admit(&mut self, name: &str) -> bool {
        let taken = self.taken.iter().any(|names| names.contains(&name))
            || self.written.iter().any(|written| written == name);
        if taken {
            skipped_member(
                self.variant,
                name,
                "the body already has a member of this name",
            );
            return false;
        }
        self.written.push(name.to_owned());
        true
    }
}

/// The serializer a flattened value is given: maps and structs only.
struct Members<'a, 'r, M> {
    map: &'a mut M,
    seen: &'a mut Flattened<'r>,
}

fn not_members<E: ser::Error>(what: &str) -> E {
    E::custom(format_args!(
        "a flattened field must serialize as a map or a struct, not {what}"
    ))
}

macro_rules! refuse {
    ($($method:ident($($ty:ty),*) => $what:literal;)*) => {
        $(
            fn $method(self, $(_: $ty),*) -> Result<(), M::Error> {
                Err(not_members($what))
            }
        )*
    };
}

impl<'a, 'r, M: SerializeMap> Serializer for Members<'a, 'r, M> {
    type Ok = ();
    type Error = M::Error;
    type SerializeSeq = Impossible<(), M::Error>;
    type SerializeTuple = Impossible<(), M::Error>;
    type SerializeTupleStruct = Impossible<(), M::Error>;
    type SerializeTupleVariant = Impossible<(), M::Error>;
    type SerializeMap = Entries<'a, 'r, M>;
    type SerializeStruct = Entries<'a, 'r, M>;
    type SerializeStructVariant = Impossible<(), M::Error>;

    refuse! {
        serialize_bool(bool) => "a boolean";
        serialize_i8(i8) => "a number";
        serialize_i16(i16) => "a number";
        serialize_i32(i32) => "a number";
        serialize_i64(i64) => "a number";
        serialize_i128(i128) => "a number";
        serialize_u8(u8) => "a number";
        serialize_u16(u16) => "a number";
        serialize_u32(u32) => "a number";
        serialize_u64(u64) => "a number";
        serialize_u128(u128) => "a number";
        serialize_f32(f32) => "a number";
        serialize_f64(f64) => "a number";
        serialize_char(char) => "a character";
        serialize_str(&str) => "a string";
        serialize_bytes(&[u8]) => "bytes";
        serialize_unit_variant(&'static str, u32, &'static str) => "an enum variant without data";
    }

    /// A `None` or a unit has no members, as serde's own `flatten` says.
    fn serialize_none(self) -> Result<(), M::Error> {
        Ok(())
    }

    fn serialize_unit(self) -> Result<(), M::Error> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), M::Error> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), M::Error> {
        value.serialize(self)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        value.serialize(self)
    }

    /// An externally tagged variant with data: one member named after the variant.
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        if self.seen.admit(variant) {
            self.map.serialize_entry(variant, value)?;
        }
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, M::Error> {
        Err(not_members("a sequence"))
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, M::Error> {
        Err(not_members("a tuple"))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, M::Error> {
        Err(not_members("a tuple struct"))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, M::Error> {
        Err(not_members("a tuple variant"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, M::Error> {
        Ok(Entries {
            map: self.map,
            seen: self.seen,
            key: None,
        })
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, M::Error> {
        Ok(Entries {
            map: self.map,
            seen: self.seen,
            key: None,
        })
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, M::Error> {
        Err(not_members(
            "a struct variant (tag the enum: `#[serde(tag = \"…\")]`)",
        ))
    }
}

/// The entries of a flattened map or struct, each written into the body's map.
struct Entries<'a, 'r, M> {
    map: &'a mut M,
    seen: &'a mut Flattened<'r>,
    /// The key `serialize_key` gave, until its value comes: `None` between entries.
    key: Option<Result<String, String>>,
}

impl<M: SerializeMap> Entries<'_, '_, M> {
    fn entry<V: Serialize + ?Sized>(&mut self, key: &str, value: &V) -> Result<(), M::Error> {
        if self.seen.admit(key) {
            self.map.serialize_entry(key, value)?;
        }
        Ok(())
    }
}

impl<M: SerializeMap> SerializeMap for Entries<'_, '_, M> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_key<K: Serialize + ?Sized>(&mut self, key: &K) -> Result<(), M::Error> {
        self.key = Some(key_text(key));
        Ok(())
    }

    fn serialize_value<V: Serialize + ?Sized>(&mut self, value: &V) -> Result<(), M::Error> {
        match self.key.take() {
            Some(Ok(key)) => self.entry(&key, value),
            Some(Err(key)) => {
                skipped_member(self.seen.variant, &key, "its name is not a string");
                Ok(())
            }
            None => Err(M::Error::custom("a map value came without its key")),
        }
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), M::Error> {
        self.serialize_key(key)?;
        self.serialize_value(value)
    }

    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

impl<M: SerializeMap> ser::SerializeStruct for Entries<'_, '_, M> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_field<V: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &V,
    ) -> Result<(), M::Error> {
        self.entry(key, value)
    }

    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

/// A map key as the member name JSON gives it (serde_json's rules: strings, characters,
/// numbers, booleans and unit variants), else `Err` with a description for the log.
fn key_text<K: Serialize + ?Sized>(key: &K) -> Result<String, String> {
    let mut text = String::new();
    match key.serialize(KeyText(&mut text)) {
        Ok(()) => Ok(text),
        Err(NotText(what)) => Err(what.to_owned()),
    }
}

struct KeyText<'a>(&'a mut String);

#[derive(Debug)]
struct NotText(&'static str);

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a map key that is {}", self.0)
    }
}

impl std::error::Error for NotText {}

impl ser::Error for NotText {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Self("not a string")
    }
}

macro_rules! key_display {
    ($($method:ident($ty:ty);)*) => {
        $(
            fn $method(self, value: $ty) -> Result<(), NotText> {
                // Writing into a `String` never fails.
                let _ = write!(self.0, "{value}");
                Ok(())
            }
        )*
    };
}

macro_rules! key_refuse {
    ($($method:ident($($ty:ty),*) => $what:literal;)*) => {
        $(
            fn $method(self, $(_: $ty),*) -> Result<(), NotText> {
                Err(NotText($what))
            }
        )*
    };
}

impl Serializer for KeyText<'_> {
    type Ok = ();
    type Error = NotText;
    type SerializeSeq = Impossible<(), NotText>;
    type SerializeTuple = Impossible<(), NotText>;
    type SerializeTupleStruct = Impossible<(), NotText>;
    type SerializeTupleVariant = Impossible<(), NotText>;
    type SerializeMap = Impossible<(), NotText>;
    type SerializeStruct = Impossible<(), NotText>;
    type SerializeStructVariant = Impossible<(), NotText>;

    key_display! {
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
        serialize_char(char);
        serialize_str(&str);
    }

    key_refuse! {
        serialize_f32(f32) => "a float";
        serialize_f64(f64) => "a float";
        serialize_bytes(&[u8]) => "bytes";
        serialize_none() => "none";
        serialize_unit() => "a unit";
        serialize_unit_struct(&'static str) => "a unit struct";
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), NotText> {
        self.0.push_str(variant);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), NotText> {
        Err(NotText("an option"))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), NotText> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), NotText> {
        Err(NotText("an enum variant with data"))
    }

    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), NotText> {
        let _ = write!(self.0, "{value}");
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotText> {
        Err(NotText("a sequence"))
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotText> {
        Err(NotText("a tuple"))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotText> {
        Err(NotText("a tuple struct"))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotText> {
        Err(NotText("a tuple variant"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotText> {
        Err(NotText("a map"))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotText> {
        Err(NotText("a struct"))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotText> {
        Err(NotText("a struct variant"))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_core::ser::SerializeMap as _;
    use serde_core::ser::Serializer as _;

    use super::Flattened;

    fn flattened<T: serde_core::Serialize>(value: &T) -> Result<String, serde_json::Error> {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::new(&mut out);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("own", &1)?;
        Flattened::new("Variant", &["status"], &["own"]).write(&mut map, value)?;
        map.end()?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn a_map_gives_its_entries_and_never_a_taken_name() {
        let value = serde_json::json!({"a": 1, "status": 200, "own": 2, "b": [true]});
        assert_eq!(flattened(&value).unwrap(), r#"{"own":1,"a":1,"b":[true]}"#);
    }

    #[test]
    fn keys_are_written_as_json_writes_them() {
        let map: BTreeMap<u32, &str> = [(7, "seven")].into();
        assert_eq!(flattened(&map).unwrap(), r#"{"own":1,"7":"seven"}"#);
        let repeated = [("x", 1), ("x", 2)];
        let as_map = Pairs(&repeated);
        assert_eq!(flattened(&as_map).unwrap(), r#"{"own":1,"x":1}"#);
    }

    #[test]
    fn none_gives_nothing_and_a_scalar_is_an_error() {
        assert_eq!(flattened(&None::<u8>).unwrap(), r#"{"own":1}"#);
        let error = flattened(&"text").unwrap_err().to_string();
        assert!(error.contains("map or a struct, not a string"), "{error}");
        assert!(flattened(&[1, 2]).is_err());
    }

    /// A hand-written map that repeats a key, as no std map can.
    struct Pairs<'a>(&'a [(&'a str, i32)]);

    impl serde_core::Serialize for Pairs<'_> {
        fn serialize<S: serde_core::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(self.0.len()))?;
            for (key, value) in self.0 {
                map.serialize_key(key)?;
                map.serialize_value(value)?;
            }
            map.end()
        }
    }
}

//! JSON written straight into a body's buffer.
//!
//! serde_json escapes every string it writes one byte at a time, member names and
//! constants included, through a `Serializer` and a `fmt::Write` adaptor per string: in a
//! small error body that is most of the work (measured: `benches/`). A format knows most
//! of its bytes in advance (member names, `about:blank`, the punctuation), so it writes
//! those as they are, escapes what can vary eight bytes at a time, and leaves to serde only
//! what only serde can write: the exposed fields. The output is byte for byte what
//! serde_json writes.

use core::fmt;

use serde_core::ser::{Error as _, SerializeMap as _, Serializer as _};

use crate::{ApiError, Context, RenderError};

/// A JSON writer over a body's buffer.
pub(crate) struct Json<'a> {
    out: &'a mut Vec<u8>,
}

impl<'a> Json<'a> {
    #[inline]
    pub(crate) fn new(out: &'a mut Vec<u8>) -> Self {
        Self { out }
    }

    /// Bytes that are valid JSON where they are written (`,"status":`), as they are.
    /// Inlined into the formats (generic, so compiled in the user's crate), where the
    /// length is a constant: a fixed-size copy instead of a call to `memcpy`.
    #[inline]
    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// A string, quoted and escaped.
    #[inline]
    pub(crate) fn str(&mut self, text: &str) {
        self.out.push(b'"');
        escape(self.out, text);
        self.out.push(b'"');
    }

    /// A `Display` value as a string, written without an intermediate `String`.
    ///
    /// # Errors
    ///
    /// When the value's `Display` fails on its own (the buffer never does), which
    /// `serde_json::to_string` would turn into a panic.
    pub(crate) fn display(&mut self, value: &dyn fmt::Display) -> Result<(), RenderError> {
        self.out.push(b'"');
        fmt::write(&mut Escaped(self.out), format_args!("{value}")).map_err(|_| {
            serde_json::Error::custom("a `Display` implementation returned an error")
        })?;
        self.out.push(b'"');
        Ok(())
    }

    /// An unsigned integer.
    pub(crate) fn usize(&mut self, mut value: usize) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            // `value % 10` is below 10: the cast keeps it whole.
            digits[start] = b'0' + (value % 10) as u8;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        self.raw(&digits[start..]);
    }

    /// Any serializable value, by serde.
    ///
    /// # Errors
    ///
    /// Those of the value's `Serialize` implementation.
    pub(crate) fn serialize<T: serde_core::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), RenderError> {
        serde_json::to_writer(&mut *self.out, value)?;
        Ok(())
    }

    /// The exposed fields of `error` but those named in `reserved`, each as `,"name":value`,
    /// serialized by serde.
    ///
    /// # Errors
    ///
    /// Those of the fields' `Serialize` implementations.
    pub(crate) fn members<E: ApiError>(
        &mut self,
        error: &E,
        reserved: &[&str],
    ) -> Result<(), RenderError> {
        // serde_json writes them as an object `{"a":1,"b":2}`, with its own rules for keys;
        // its `{` becomes the `,` that continues the enclosing object and its `}` goes.
        let start = self.out.len();
        let mut serializer = serde_json::Serializer::new(&mut *self.out);
        let mut map = serializer.serialize_map(None)?;
        error.serialize_members(&mut map, reserved)?;
        map.end()?;
        if self.out.len() - start <= 2 {
            self.out.truncate(start);
        } else {
            self.out[start] = b',';
            self.out.pop();
        }
        Ok(())
    }

    /// The members the service supplied in `context`, each as `,"name":value` (`first`
    /// drops the comma before the first one written), but those named in `reserved` or
    /// exposed by `error`: the body's own members win. Returns whether any was written.
    ///
    /// # Errors
    ///
    /// None in practice: a `serde_json::Value` always serializes.
    #[cold]
    pub(crate) fn context_members<E: ApiError>(
        &mut self,
        error: &E,
        context: &Context<'_>,
        reserved: &[&str],
        mut first: bool,
    ) -> Result<bool, RenderError> {
        let exposed = error.entry().members;
        let mut written = false;
        for (name, value) in context.members() {
            if reserved.contains(&name) || exposed.contains(&name) {
                continue;
            }
            if !first {
                self.raw(b",");
            }
            first = false;
            written = true;
            self.str(name);
            self.raw(b":");
            self.serialize(value)?;
        }
        Ok(written)
    }

    /// `prefix` (`,"meta":`) then an object: `members` serialized by serde (an object, or
    /// `{}` for none) with the members the service supplied in `context` added; nothing at
    /// all when both are empty.
    ///
    /// # Errors
    ///
    /// Those of `members`' `Serialize` implementation.
    pub(crate) fn object_with_context<E: ApiError, T: serde_core::Serialize>(
        &mut self,
        prefix: &[u8],
        members: Option<&T>,
        error: &E,
        context: &Context<'_>,
    ) -> Result<(), RenderError> {
        let start = self.out.len();
        self.raw(prefix);
        match members {
            Some(members) => self.serialize(members)?,
            None => self.raw(b"{}"),
        }
        if context.has_values() {
            // Reopen the object: its `}` goes, and a comma only after a member.
            self.out.pop();
            let empty = self.out.last() == Some(&b'{');
            self.context_members(error, context, &[], empty)?;
            self.raw(b"}");
        }
        if members.is_none() && self.out.len() == start + prefix.len() + 2 {
            self.out.truncate(start);
        }
        Ok(())
    }
}

/// `fmt::Write` into the buffer, escaping as it goes. Never fails.
struct Escaped<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaped<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        escape(self.0, text);
        Ok(())
    }
}

/// Appends `text` escaped as the contents of a JSON string, exactly as serde_json does:
/// `"` and `\` backslashed, `\b \t \n \f \r` by name, other control characters as
/// `\u00XX` (lowercase hex), everything else (non-ASCII included) as it is.
fn escape(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    // Skip eight bytes at a time while none needs escaping: most text needs none.
    let mut clean = 0;
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    for chunk in chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if needs_escape(u64::from_le_bytes(word)) {
            break;
        }
        clean += 8;
    }
    // The last few bytes as one more word, padded with spaces (which need no escape):
    // clean text, short text above all (codes, titles, most interpolated pieces), is then
    // copied whole, never looked at byte by byte.
    if clean + tail.len() == bytes.len() {
        let mut word = [b' '; 8];
        word[..tail.len()].copy_from_slice(tail);
        if !needs_escape(u64::from_le_bytes(word)) {
            out.extend_from_slice(bytes);
            return;
        }
    }
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate().skip(clean) {
        let escape = ESCAPE[usize::from(byte)];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        if escape == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xF)],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Whether any of the eight bytes of `word` is a control character, `"` or `\`.
///
/// `(x - 0x01…01 * n) & !x & 0x80…80` is non-zero exactly when some byte of `x` is below
/// `n` (for `n` ≤ 0x80); a byte equal to `c` is a zero byte of `x ^ 0x01…01 * c`.
const fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn below(word: u64, n: u8) -> u64 {
        word.wrapping_sub(ONES * n as u64) & !word & HIGH
    }
    let control = below(word, 0x20);
    let quote = below(word ^ (ONES * b'"' as u64), 1);
    let backslash = below(word ^ (ONES * b'\\' as u64), 1);
    control | quote | backslash != 0
}

/// serde_json's escape table: 0 for bytes written as they are, else the escape letter
/// (`u` for `\u00XX`).
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        Json::new(&mut out).str(text);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_exactly_as_serde_json_escapes_them() {
        let mut every_byte = String::new();
        for c in (0u8..0x80).map(char::from) {
            every_byte.push(c);
        }
        let samples = [
            "",
            "plain",
            "exactly8",
            "sixteen bytes ok",
            "a \"quoted\" word",
            "back\\slash",
            "tab\there, line\nthere\r\n",
            "\u{7}bell \u{1b}[0m \u{1f}",
            "non-ASCII: é, 漢字, 🦀 and \u{7f}",
            "long clean text long clean text then \"a quote\" at 38",
            &every_byte,
        ];
        for text in samples {
            assert_eq!(
                escaped(text),
                serde_json::to_string(text).unwrap(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_word_check_finds_every_byte_that_needs_escaping_in_any_position() {
        for byte in 0u8..=255 {
            for position in 0..8 {
                let mut word = [b'a'; 8];
                word[position] = byte;
                let expected = ESCAPE[usize::from(byte)] != 0;
                assert_eq!(
                    needs_escape(u64::from_le_bytes(word)),
                    expected,
                    "{byte:#x} at {position}"
                );
            }
        }
    }

    #[test]
    fn the_word_check_agrees_with_the_table_on_mixed_words() {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..200_000 {
            // xorshift64: a fixed sequence of words mixing every kind of byte.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let expected = state
                .to_le_bytes()
                .iter()
                .any(|&b| ESCAPE[usize::from(b)] != 0);
            assert_eq!(needs_escape(state), expected, "{state:#018x}");
        }
    }

    #[test]
    fn numbers() {
        for n in [0, 7, 10, 404, 65_535, usize::MAX] {
            let mut out = Vec::new();
            Json::new(&mut out).usize(n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }
}

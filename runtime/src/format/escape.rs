//! Escaping writers for XML and HTML, so a house format that writes markup never escapes by
//! hand.
//!
//! Each function appends a `Display` value ([`Text`](crate::Text) included, with no
//! intermediate `String`) to a body's buffer, escaped for where it goes:
//!
//! | function | for | escapes |
//! |---|---|---|
//! | [`xml_text`] | element content | `&` `<` `>`, CR as `&#13;` |
//! | [`xml_attribute`] | a value between `"` or `'` | as text, and `"` `'`, tab, LF, CR as references |
//! | [`html_text`] | element content (not inside `<script>` or `<style>`) | `&` `<` `>` |
//! | [`html_attribute`] | a quoted value (`"` or `'`) | `&` `<` `>` `"` `'` |
//!
//! Characters that no XML 1.0 document may hold, even as a reference (NUL and the other C0
//! controls but tab, LF and CR; U+FFFE and U+FFFF), become U+FFFD; so do those HTML
//! reports as parse errors in its input (the C0 controls but tab, LF, FF and CR; DEL and
//! the C1 controls; the noncharacters U+FDD0 to U+FDEF and U+…FFFE, U+…FFFF). The output is therefore always
//! well-formed where it is written, whatever the value holds: `tests/properties.rs` checks
//! it with a real XML and a real HTML parser.
//!
//! ```
//! use apifault::escape;
//!
//! let mut out = b"<Message>".to_vec();
//! escape::xml_text(&mut out, &"a < b & \"c\"").unwrap();
//! out.extend_from_slice(b"</Message>");
//! assert_eq!(out, b"<Message>a &lt; b &amp; \"c\"</Message>");
//!
//! let mut out = b"<a title=\"".to_vec();
//! escape::html_attribute(&mut out, &"say \"hi\"").unwrap();
//! assert_eq!(out, b"<a title=\"say &quot;hi&quot;");
//! ```

use core::fmt::{self, Write as _};

/// Appends `value` escaped as XML character data (element content).
///
/// # Errors
///
/// Only when the value's own `Display` fails (the buffer never does).
pub fn xml_text(out: &mut Vec<u8>, value: &dyn fmt::Display) -> fmt::Result {
    write!(
        Escaper {
            out,
            rule: xml_text_rule
        },
        "{value}"
    )
}

/// Appends `value` escaped as an XML attribute value, quoted with `"` or `'`: line breaks
/// and tabs are written as references, so the value survives attribute normalization.
///
/// # Errors
///
/// Only when the value's own `Display` fails (the buffer never does).
pub fn xml_attribute(out: &mut Vec<u8>, value: &dyn fmt::Display) -> fmt::Result {
    write!(
        Escaper {
            out,
            rule: xml_attribute_rule,
        },
        "{value}"
    )
}

/// Appends `value` escaped as HTML text (the content of an ordinary element, not of
/// `<script>`, `<style>` or `<textarea>`).
///
/// # Errors
///
/// Only when the value's own `Display` fails (the buffer never does).
pub fn html_text(out: &mut Vec<u8>, value: &dyn fmt::Display) -> fmt::Result {
    write!(
        Escaper {
            out,
            rule: html_text_rule,
        },
        "{value}"
    )
}

/// Appends `value` escaped as an HTML attribute value quoted with `"` or `'`. (An unquoted
/// attribute value cannot be made safe by escaping: always quote.)
///
/// # Errors
///
/// Only when the value's own `Display` fails (the buffer never does).
pub fn html_attribute(out: &mut Vec<u8>, value: &dyn fmt::Display) -> fmt::Result {
    write!(
        Escaper {
            out,
            rule: html_attribute_rule,
        },
        "{value}"
    )
}

/// What a character becomes; `None`: itself.
type Rule = fn(char) -> Option<&'static str>;

const REPLACEMENT: &str = "\u{FFFD}";

/// Characters XML 1.0 forbids everywhere, even as references (§2.2 `Char`).
fn xml_forbidden(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

fn xml_text_rule(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        // `]]>` may not appear in content; escaping every `>` is the simple way out.
        '>' => Some("&gt;"),
        // A parser turns a literal CR into LF.
        '\r' => Some("&#13;"),
        c if xml_forbidden(c) => Some(REPLACEMENT),
        _ => None,
    }
}

fn xml_attribute_rule(c: char) -> Option<&'static str> {
    match c {
        '"' => Some("&quot;"),
        '\'' => Some("&apos;"),
        // Attribute normalization turns literal whitespace into spaces.
        '\t' => Some("&#9;"),
        '\n' => Some("&#10;"),
        c => xml_text_rule(c),
    }
}

/// What the HTML parser reports as errors in the input stream: controls but ASCII
/// whitespace ("control-character-in-input-stream", NUL included) and noncharacters
/// ("noncharacter-in-input-stream").
fn html_forbidden(c: char) -> bool {
    let code = u32::from(c);
    matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

fn html_text_rule(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        c if html_forbidden(c) => Some(REPLACEMENT),
        _ => None,
    }
}

fn html_attribute_rule(c: char) -> Option<&'static str> {
    match c {
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        c => html_text_rule(c),
    }
}

/// `fmt::Write` into the buffer, escaping by `rule` as it goes. Never fails.
struct Escaper<'a> {
    out: &'a mut Vec<u8>,
    rule: Rule,
}

impl fmt::Write for Escaper<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        // Runs of characters the rule keeps are copied at once.
        let mut start = 0;
        for (index, c) in text.char_indices() {
            if let Some(replacement) = (self.rule)(c) {
                self.out.extend_from_slice(&text.as_bytes()[start..index]);
                self.out.extend_from_slice(replacement.as_bytes());
                start = index + c.len_utf8();
            }
        }
        self.out.extend_from_slice(&text.as_bytes()[start..]);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(write: fn(&mut Vec<u8>, &dyn fmt::Display) -> fmt::Result, text: &str) -> String {
        let mut out = Vec::new();
        write(&mut out, &text).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn each_writer_escapes_what_its_place_needs() {
        let hostile = "<a href='x'>\"&\"</a>]]>\r\n\t\0\u{7F}";
        assert_eq!(
            escaped(xml_text, hostile),
            "&lt;a href='x'&gt;\"&amp;\"&lt;/a&gt;]]&gt;&#13;\n\t\u{FFFD}\u{7F}"
        );
        assert_eq!(
            escaped(xml_attribute, hostile),
            "&lt;a href=&apos;x&apos;&gt;&quot;&amp;&quot;&lt;/a&gt;]]&gt;&#13;&#10;&#9;\u{FFFD}\u{7F}"
        );
        assert_eq!(
            escaped(html_text, hostile),
            "&lt;a href='x'&gt;\"&amp;\"&lt;/a&gt;]]&gt;\r\n\t\u{FFFD}\u{FFFD}"
        );
        assert_eq!(
            escaped(html_attribute, hostile),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;]]&gt;\r\n\t\u{FFFD}\u{FFFD}"
        );
    }

    #[test]
    fn plain_text_is_copied_unchanged() {
        for write in [xml_text, xml_attribute, html_text, html_attribute] {
            assert_eq!(escaped(write, "NoSuchKey: é 東京"), "NoSuchKey: é 東京");
        }
    }
}

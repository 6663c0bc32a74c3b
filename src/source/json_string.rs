//! Writing a string as JSON text, escaped as `serde_json` escapes it (`\"`, `\\`, the short
//! escapes `\b \f \n \r \t`, and `\u00XX` for the other control characters) and, beyond
//! that, with every character a person cannot see written as its `\uXXXX` escape: the text a
//! fix writes into a file must not hide a character the file showed as an escape. Without
//! bringing a serializer into the WebAssembly module.

use crate::unicode::{CharClass, classify};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether `c`, a character outside ASCII, is written as an escape: what [`classify`] calls
/// invisible (bidirectional controls, zero-width characters, C1 controls, tag characters), and
/// the line and paragraph separators.
fn hidden(c: char) -> bool {
    classify(c) == CharClass::Invisible || c == '\u{2028}' || c == '\u{2029}'
}

fn push_unit(out: &mut String, unit: u16) {
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(char::from(HEX[usize::from((unit >> shift) & 15)]));
    }
}

/// Appends `text` to `out` as a JSON string, quotes included.
pub(crate) fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    let mut plain_from = 0;
    for (at, byte) in text.bytes().enumerate() {
        if byte >= 0x80 {
            // A character outside ASCII, seen at its first byte (the others are continuations).
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                continue;
            };
            if hidden(c) {
                out.push_str(text.get(plain_from..at).unwrap_or_default());
                let mut units = [0; 2];
                for &unit in c.encode_utf16(&mut units).iter() {
                    push_unit(out, unit);
                }
                plain_from = at + c.len_utf8();
            }
            continue;
        }
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0C => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x00..=0x1F => "",
            0x7F => "",
            _ => continue,
        };
        out.push_str(text.get(plain_from..at).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        } else {
            out.push_str(escape);
        }
        plain_from = at + 1;
    }
    out.push_str(text.get(plain_from..).unwrap_or_default());
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn json(text: &str) -> String {
        let mut out = String::new();
        push_json_string(&mut out, text);
        out
    }

    #[test]
    fn what_a_person_cannot_see_is_written_as_an_escape() {
        assert_eq!(json("a\u{202E}b\u{200B}"), r#""a\u202eb\u200b""#);
        assert_eq!(json("\u{7F}\u{85}\u{2028}"), r#""\u007f\u0085\u2028""#);
        assert_eq!(json("\u{E0041}"), r#""\udb40\udc41""#);
        // What can be seen is written as it is, look-alikes included (their rule reports them).
        assert_eq!(json("日本 l\u{043E}gs"), "\"日本 l\u{043E}gs\"");
    }

    #[test]
    fn escapes_as_serde_json_does() {
        for text in [
            "",
            "plain",
            "a\"b\\c",
            "\u{0}\u{1f}",
            "\n\r\t\u{8}\u{c}",
            "日本",
        ] {
            assert_eq!(json(text), serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn what_a_person_can_see_is_written_as_serde_json_writes_it(text in any::<String>()) {
            let seen = !text.chars().any(|c| c == char::from(0x7F) || (!c.is_ascii() && hidden(c)));
            prop_assume!(seen);
            prop_assert_eq!(json(&text), serde_json::to_string(&text).unwrap());
        }

        #[test]
        fn any_string_reads_back_as_itself_and_hides_nothing(text in any::<String>()) {
            let written = json(&text);
            prop_assert_eq!(serde_json::from_str::<String>(&written).unwrap(), text);
            prop_assert!(written.chars().all(|c| c.is_ascii() || !hidden(c)), "{}", written);
            let delete = char::from(0x7F);
            prop_assert!(!written.contains(delete));
        }
    }
}

//! From the bytes of a file to text the parser accepts.

use super::error::{SyntaxError, SyntaxErrorKind};

/// Turns raw file bytes into text for [`parse`](super::parse), refusing with a located
/// [`SyntaxError`]: UTF-16 (with or without BOM) is
/// [`Utf16`](SyntaxErrorKind::Utf16) at offset 0; invalid UTF-8 is
/// [`InvalidUtf8`](SyntaxErrorKind::InvalidUtf8) at the first bad byte. A UTF-8 BOM is kept
/// (`parse` skips it).
///
/// ```
/// use cloudaudit_lint::source::{decode, SyntaxErrorKind};
///
/// assert_eq!(decode(b"{\"a\": 1}"), Ok("{\"a\": 1}"));
///
/// let error = decode(b"{\"a\": \"\xff\"}").unwrap_err();
/// assert_eq!((error.kind, error.offset), (SyntaxErrorKind::InvalidUtf8, 7));
///
/// let utf16 = decode(b"{\0}\0").unwrap_err();
/// assert_eq!(utf16.kind, SyntaxErrorKind::Utf16 { big_endian: false });
/// ```
pub fn decode(bytes: &[u8]) -> Result<&str, SyntaxError> {
    if let Some(big_endian) = utf16_byte_order(bytes) {
        return Err(SyntaxError::new(SyntaxErrorKind::Utf16 { big_endian }, 0));
    }
    std::str::from_utf8(bytes)
        .map_err(|error| SyntaxError::new(SyntaxErrorKind::InvalidUtf8, error.valid_up_to()))
}

/// Recognises UTF-16 by its byte order mark, or else by the NUL byte that
/// every ASCII char has in UTF-16 (RFC 4627, section 3): JSON text starts
/// with an ASCII char, so in UTF-16 one of its first two bytes is NUL, which
/// UTF-8 JSON never has there. Returns whether the text is big-endian.
fn utf16_byte_order(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFE, 0xFF, ..] | [0x00, 1..=0xFF, ..] => Some(true),
        [0xFF, 0xFE, ..] | [1..=0xFF, 0x00, ..] => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, with_bom: bool) -> Vec<u8> {
        let bom = with_bom.then_some('\u{FEFF}');
        bom.into_iter()
            .chain(text.chars())
            .collect::<String>()
            .encode_utf16()
            .flat_map(|unit| {
                if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                }
            })
            .collect()
    }

    fn refusal(bytes: &[u8]) -> Option<(SyntaxErrorKind, usize)> {
        decode(bytes).err().map(|error| (error.kind, error.offset))
    }

    #[test]
    fn utf8_passes_through_with_its_bom() {
        assert_eq!(decode(b""), Ok(""));
        assert_eq!(decode(b"1"), Ok("1"));
        assert_eq!(
            decode("\u{FEFF}{\"é\": \"中😀\"}".as_bytes()),
            Ok("\u{FEFF}{\"é\": \"中😀\"}")
        );
    }

    #[test]
    fn utf16_is_refused_at_offset_zero() {
        for big_endian in [false, true] {
            for with_bom in [false, true] {
                for text in ["{\"a\": 1}", " [1]", "1", "\"中\""] {
                    let bytes = utf16(text, big_endian, with_bom);
                    assert_eq!(
                        refusal(&bytes),
                        Some((SyntaxErrorKind::Utf16 { big_endian }, 0)),
                        "{text:?} big_endian={big_endian} bom={with_bom}"
                    );
                }
            }
        }
    }

    #[test]
    fn invalid_utf8_is_refused_at_the_first_bad_byte() {
        let cases: [(&[u8], usize); 5] = [
            (b"\xff", 0),
            (b"[\"ok\", \"\xc3\"]", 8), // a lead byte without its continuation
            (b"[\"\xe4\xb8\"]", 2),     // a three-byte char cut short
            (b"\"\xed\xa0\x80\"", 1),   // an encoded surrogate
            (b"{\"a\": \"\xc3\xa9\x80\"}", 9), // a stray continuation byte after "é"
        ];
        for (bytes, offset) in cases {
            assert_eq!(
                refusal(bytes),
                Some((SyntaxErrorKind::InvalidUtf8, offset)),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn nul_bytes_that_are_not_utf16_are_left_to_the_parser() {
        assert_eq!(decode(b"\0"), Ok("\0"));
        assert_eq!(decode(b"\0\0\0\0"), Ok("\0\0\0\0"));
    }
}

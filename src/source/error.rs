//! Why and where a text is not JSON.

use std::fmt;

use super::position::{Position, locate};

/// Where and why the text is not JSON. `offset` is a byte offset into the text given to
/// [`parse`](super::parse) / [`decode`](super::decode).
///
/// ```
/// use cloudaudit_lint::source::{parse, Expected, SyntaxErrorKind};
///
/// let error = parse(r#"{"a" 1}"#).unwrap_err();
/// assert_eq!(error.offset, 5);
/// assert_eq!(
///     error.kind,
///     SyntaxErrorKind::UnexpectedCharacter { found: '1', expected: Expected::Colon }
/// );
/// assert_eq!(error.to_string(), "expected `:` after the object key but found `1` (byte 5)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (byte {offset})")]
pub struct SyntaxError {
    /// What is wrong.
    pub kind: SyntaxErrorKind,
    /// The byte offset of the offending byte; the text length when the text ends too early.
    pub offset: usize,
}

impl SyntaxError {
    /// Makes an error of `kind` at byte `offset`.
    pub const fn new(kind: SyntaxErrorKind, offset: usize) -> Self {
        Self { kind, offset }
    }

    /// The line and column of the error in `text`, the text it was found in.
    ///
    /// ```
    /// use cloudaudit_lint::source::parse;
    ///
    /// let text = "{\n  \"a\": 1,\n}";
    /// let position = parse(text).unwrap_err().position(text);
    /// assert_eq!((position.line, position.column), (3, 1));
    /// ```
    pub fn position(&self, text: &str) -> Position {
        locate(text, self.offset)
    }
}

/// The kinds of syntax error. Its `Display` is the English message
/// (`i18n::en::syntax`), beside the other languages' texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The text holds nothing but whitespace.
    EmptyInput,
    /// The text ends inside a value.
    UnexpectedEnd {
        /// What the parser wanted when the text ended.
        expected: Expected,
    },
    /// A character that cannot stand where it stands.
    UnexpectedCharacter {
        /// The character found.
        found: char,
        /// What the parser wanted instead.
        expected: Expected,
    },
    /// A backslash followed by a character that makes no escape, as in `"\q"`.
    InvalidEscape {
        /// The character after the backslash.
        found: char,
    },
    /// A `\u` escape without four hexadecimal digits, as in `"\u12G4"`.
    InvalidUnicodeEscape,
    /// A `\u` escape of half a UTF-16 surrogate pair without its other half.
    LoneSurrogate {
        /// The unpaired surrogate.
        code_unit: u16,
    },
    /// A raw control character (U+0000 to U+001F) inside a string.
    ControlCharacterInString {
        /// The control character.
        found: char,
    },
    /// A number that breaks the JSON number grammar, as in `01`, `1.`, `-`, `1e`, `+1` or `.5`.
    InvalidNumber,
    /// More text after the one JSON value, as in `{} x`.
    TrailingContent {
        /// The first character of the extra text.
        found: char,
    },
    /// Arrays and objects nested deeper than [`MAX_DEPTH`](super::MAX_DEPTH).
    TooDeep {
        /// The deepest nesting accepted.
        limit: usize,
    },
    /// Bytes that are not UTF-8.
    InvalidUtf8,
    /// UTF-16 text, recognised by its byte order mark or by the NUL bytes of ASCII in UTF-16.
    Utf16 {
        /// Whether the text is UTF-16BE rather than UTF-16LE.
        big_endian: bool,
    },
    /// A JavaScript string holding a lone surrogate itself, not as a `\u` escape (half of a
    /// UTF-16 pair): not text, and with no UTF-8 form, so it cannot be sent. Only the npm
    /// package reads such strings.
    RawLoneSurrogate {
        /// The surrogate's code unit, U+D800 to U+DFFF.
        code_unit: u16,
    },
}

/// What the parser wanted at the place of an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Expected {
    /// Any JSON value.
    Value,
    /// The first key of an object, or the `}` of an empty one.
    ObjectKeyOrEnd,
    /// An object key after a `,`.
    ObjectKey,
    /// The `:` between an object key and its value.
    Colon,
    /// The `,` before the next object member or the `}` that closes the object.
    CommaOrObjectEnd,
    /// The `,` before the next array element or the `]` that closes the array.
    CommaOrArrayEnd,
    /// The first element of an array, or the `]` of an empty one.
    ValueOrArrayEnd,
    /// The rest of a string up to its closing quote.
    StringEnd,
    /// The rest of one of the literal names `true`, `false` and `null`.
    Literal(&'static str),
}

impl fmt::Display for SyntaxErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::en::syntax(self))
    }
}

impl std::error::Error for SyntaxErrorKind {}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::en::expected(*self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(kind: SyntaxErrorKind) -> String {
        kind.to_string()
    }

    #[test]
    fn every_kind_has_a_one_sentence_message_without_offset_or_period() {
        let kinds = [
            SyntaxErrorKind::EmptyInput,
            SyntaxErrorKind::UnexpectedEnd {
                expected: Expected::StringEnd,
            },
            SyntaxErrorKind::UnexpectedCharacter {
                found: 'x',
                expected: Expected::Colon,
            },
            SyntaxErrorKind::InvalidEscape { found: 'q' },
            SyntaxErrorKind::InvalidUnicodeEscape,
            SyntaxErrorKind::LoneSurrogate { code_unit: 0xD800 },
            SyntaxErrorKind::ControlCharacterInString { found: '\n' },
            SyntaxErrorKind::InvalidNumber,
            SyntaxErrorKind::TrailingContent { found: 'x' },
            SyntaxErrorKind::TooDeep { limit: 128 },
            SyntaxErrorKind::InvalidUtf8,
            SyntaxErrorKind::Utf16 { big_endian: false },
            SyntaxErrorKind::RawLoneSurrogate { code_unit: 0xD800 },
        ];
        for kind in kinds {
            let text = message(kind);
            assert!(!text.ends_with('.'), "{text}");
            assert!(!text.contains("byte"), "{text}");
            assert!(!text.contains(". "), "{text}");
            assert!(text.starts_with(|c: char| c.is_lowercase()), "{text}");
        }
    }

    #[test]
    fn messages_read_as_intended() {
        let cases = [
            (
                SyntaxErrorKind::UnexpectedCharacter {
                    found: 'x',
                    expected: Expected::Colon,
                },
                "expected `:` after the object key but found `x`",
            ),
            (
                SyntaxErrorKind::ControlCharacterInString { found: '\n' },
                "a raw control character U+000A is not allowed inside a string; write it as the escape \\n",
            ),
            (
                SyntaxErrorKind::ControlCharacterInString { found: '\u{1}' },
                "a raw control character U+0001 is not allowed inside a string; write it as the escape \\u0001",
            ),
            (
                SyntaxErrorKind::TooDeep { limit: 128 },
                "the JSON nests deeper than 128 levels",
            ),
            (
                SyntaxErrorKind::Utf16 { big_endian: true },
                "the text is UTF-16 (big-endian); save it as UTF-8",
            ),
            (
                SyntaxErrorKind::LoneSurrogate { code_unit: 0xDC00 },
                "the escape \\uDC00 is half of a UTF-16 surrogate pair and needs its other half right next to it",
            ),
            (
                SyntaxErrorKind::UnexpectedEnd {
                    expected: Expected::Literal("true"),
                },
                "the text ends too early; expected `true`",
            ),
            (
                SyntaxErrorKind::TrailingContent { found: '\u{FEFF}' },
                "the JSON value is complete but more text follows, starting with U+FEFF",
            ),
            (
                SyntaxErrorKind::UnexpectedCharacter {
                    found: 'é',
                    expected: Expected::Value,
                },
                "expected a value but found `é` (U+00E9)",
            ),
            (
                SyntaxErrorKind::InvalidEscape { found: 'q' },
                "a backslash followed by `q` is not a valid escape; the valid ones are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u with four hexadecimal digits",
            ),
        ];
        for (kind, expected) in cases {
            assert_eq!(message(kind), expected);
        }
    }

    #[test]
    fn the_error_display_adds_the_offset() {
        let error = SyntaxError::new(SyntaxErrorKind::EmptyInput, 0);
        assert_eq!(
            error.to_string(),
            "the text is empty; expected a JSON value (byte 0)"
        );
    }
}

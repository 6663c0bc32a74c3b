//! A strict RFC 8259 parser that keeps every value's span, every duplicate
//! key and every number's text.

use std::borrow::Cow;

use super::error::{Expected, SyntaxError, SyntaxErrorKind};
use super::position::Span;

/// The deepest nesting of arrays/objects accepted (the number serde_json's default recursion
/// limit is set to, though serde_json counts so that it refuses 128 levels already).
///
/// ```
/// use cloudaudit_lint::source::{parse, SyntaxErrorKind, MAX_DEPTH};
///
/// let deepest = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
/// assert!(parse(&deepest).is_ok());
///
/// let too_deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
/// let error = parse(&too_deep).unwrap_err();
/// assert_eq!(error.kind, SyntaxErrorKind::TooDeep { limit: MAX_DEPTH });
/// assert_eq!(error.offset, MAX_DEPTH);
/// ```
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value with the byte span of its text (strings include their quotes).
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// The value.
    pub value: JsonValue<'a>,
    /// Where the value's text lies.
    pub span: Span,
}

/// A JSON value whose strings and numbers borrow from the text where they can.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonValue<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// The number's exact text, grammar-checked (RFC 8259), e.g. "-0", "1e400",
    /// "18446744073709551616".
    Number(&'a str),
    /// The string's content with escapes resolved; borrowed when the string has no escapes.
    String(Cow<'a, str>),
    /// The elements in text order.
    Array(Vec<Node<'a>>),
    /// Every member in text order, duplicates kept.
    Object(Vec<Member<'a>>),
}

/// One `"key": value` member of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// The key with escapes resolved.
    pub key: Cow<'a, str>,
    /// Where the key's text lies, quotes included.
    pub key_span: Span,
    /// The member's value.
    pub value: Node<'a>,
}

impl JsonValue<'_> {
    /// The JSON name of the value's type: "null", "boolean", "number", "string", "array" or
    /// "object".
    ///
    /// ```
    /// use cloudaudit_lint::source::parse;
    ///
    /// assert_eq!(parse("[true]").unwrap().value.kind_name(), "array");
    /// ```
    pub const fn kind_name(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "boolean",
            Self::Number(_) => "number",
            Self::String(_) => "string",
            Self::Array(_) => "array",
            Self::Object(_) => "object",
        }
    }

    /// Whether the value is `null`.
    pub const fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// The boolean, if the value is one.
    pub const fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// The number's text, if the value is a number.
    pub const fn as_number(&self) -> Option<&str> {
        match self {
            Self::Number(text) => Some(text),
            _ => None,
        }
    }

    /// The string's content, if the value is a string.
    ///
    /// ```
    /// use cloudaudit_lint::source::parse;
    ///
    /// assert_eq!(parse(r#""a\nb""#).unwrap().value.as_str(), Some("a\nb"));
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(text) => Some(text),
            _ => None,
        }
    }

    /// The elements, if the value is an array.
    pub fn as_array(&self) -> Option<&[Node<'_>]> {
        match self {
            Self::Array(elements) => Some(elements),
            _ => None,
        }
    }

    /// All members in text order, duplicates included, if the value is an object.
    pub fn as_object(&self) -> Option<&[Member<'_>]> {
        match self {
            Self::Object(members) => Some(members),
            _ => None,
        }
    }
}

impl<'a> Node<'a> {
    /// The last member named `key`, if this is an object: a later duplicate
    /// wins, as it does in serde_json and on the server.
    ///
    /// ```
    /// use cloudaudit_lint::source::parse;
    ///
    /// let text = r#"{"Name": "a", "Name": "b"}"#;
    /// let root = parse(text).unwrap();
    /// let member = root.member("Name").unwrap();
    /// assert_eq!(member.value.value.as_str(), Some("b"));
    /// assert_eq!(&text[member.key_span.start..member.key_span.end], "\"Name\"");
    /// ```
    pub fn member(&self, key: &str) -> Option<&Member<'a>> {
        match &self.value {
            JsonValue::Object(members) => members.iter().rev().find(|member| member.key == key),
            _ => None,
        }
    }

    /// The value of the last member named `key`, if this is an object.
    ///
    /// ```
    /// use cloudaudit_lint::source::parse;
    ///
    /// let root = parse(r#"{"a": 1, "a": 2}"#).unwrap();
    /// assert_eq!(root.get("a").and_then(|node| node.value.as_number()), Some("2"));
    /// assert!(root.get("b").is_none());
    /// ```
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.member(key).map(|member| &member.value)
    }
}

/// Parses one JSON text (RFC 8259, strict: no comments, no trailing commas, no NaN). A single
/// U+FEFF at offset 0 is skipped as insignificant (spans stay relative to the full text).
///
/// ```
/// use cloudaudit_lint::source::{parse, JsonValue, Span};
///
/// let text = "\u{feff}{\"Name\": [1.50, null]}";
/// let root = parse(text).unwrap();
/// assert_eq!(root.span, Span::new(3, text.len()));
/// let list = root.get("Name").unwrap();
/// assert_eq!(&text[list.span.start..list.span.end], "[1.50, null]");
/// assert_eq!(list.value.as_array().unwrap()[0].value, JsonValue::Number("1.50"));
/// ```
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        offset: byte_order_mark_len(text),
    };
    parser.skip_whitespace();
    if parser.peek().is_none() {
        return Err(SyntaxError::new(SyntaxErrorKind::EmptyInput, 0));
    }
    let root = parser.parse_value(0, Expected::Value)?;
    parser.skip_whitespace();
    match parser.peek() {
        None => Ok(root),
        Some(_) => Err(parser.error_here(|found| SyntaxErrorKind::TrailingContent { found })),
    }
}

fn byte_order_mark_len(text: &str) -> usize {
    if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    }
}

/// Bytes that end the fast scan of a string: its closing quote, an escape,
/// or a control character that must be refused.
const ENDS_PLAIN_RUN: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// The length of the leading run of `bytes` that needs no attention, eight bytes at a time
/// (SWAR), which keeps long strings at memory speed; the last few bytes go through the table.
///
/// It and the cursor's small steps (`skip_whitespace`, `skip_byte`, `skip_plain_run`) are
/// always inlined in the WebAssembly builds: the size-first one otherwise called each once a
/// token, and with `swar`'s and `Charset`'s plain loops a valid request there took 3.8 µs in
/// Node where it took 5.0 µs (benches/README.md, fourteenth round).
#[cfg_attr(target_arch = "wasm32", inline(always))]
pub(crate) fn plain_run_len(bytes: &[u8]) -> usize {
    use crate::swar::{below, equal};
    crate::swar::run_len(
        bytes,
        |word| below(word, b' ') | equal(word, b'"') | equal(word, b'\\'),
        |byte| ENDS_PLAIN_RUN[usize::from(byte)],
    )
}

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) offset: usize,
}

impl<'a> Parser<'a> {
    /// A parser at the start of `text`, past a byte order mark.
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            offset: byte_order_mark_len(text),
        }
    }

    #[inline(always)]
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.offset).copied()
    }

    #[cfg_attr(target_arch = "wasm32", inline(always))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(super) fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.offset += 1;
        }
    }

    /// The char starting at `offset`, for messages; offsets of errors are
    /// char boundaries, so the fallback only keeps this total.
    fn char_at(&self, offset: usize) -> char {
        self.text
            .get(offset..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or(char::REPLACEMENT_CHARACTER)
    }

    /// An error about the char at the cursor.
    pub(super) fn error_here(&self, kind: impl FnOnce(char) -> SyntaxErrorKind) -> SyntaxError {
        SyntaxError::new(kind(self.char_at(self.offset)), self.offset)
    }

    /// The error for the cursor not standing on what was `expected`.
    pub(super) fn unexpected(&self, expected: Expected) -> SyntaxError {
        match self.peek() {
            None => SyntaxError::new(
                SyntaxErrorKind::UnexpectedEnd { expected },
                self.bytes.len(),
            ),
            Some(_) => {
                self.error_here(|found| SyntaxErrorKind::UnexpectedCharacter { found, expected })
            }
        }
    }

    /// Parses the value at the cursor, which stands on a non-whitespace
    /// byte or at the end; `depth` counts the arrays and objects around it.
    fn parse_value(&mut self, depth: usize, expected: Expected) -> Result<Node<'a>, SyntaxError> {
        let start = self.offset;
        let value = match self.peek() {
            Some(b'"') => JsonValue::String(self.parse_string()?),
            Some(b'-' | b'0'..=b'9') => JsonValue::Number(self.parse_number()?),
            Some(b'{') => JsonValue::Object(self.parse_object(depth)?),
            Some(b'[') => JsonValue::Array(self.parse_array(depth)?),
            Some(b't') => self.parse_literal("true", JsonValue::Bool(true))?,
            Some(b'f') => self.parse_literal("false", JsonValue::Bool(false))?,
            Some(b'n') => self.parse_literal("null", JsonValue::Null)?,
            // Numbers as other languages write them: name the number rule, not "expected a value".
            Some(b'+' | b'.') => {
                return Err(SyntaxError::new(SyntaxErrorKind::InvalidNumber, start));
            }
            _ => return Err(self.unexpected(expected)),
        };
        Ok(Node {
            value,
            span: Span::new(start, self.offset),
        })
    }

    pub(super) fn parse_literal(
        &mut self,
        word: &'static str,
        value: JsonValue<'a>,
    ) -> Result<JsonValue<'a>, SyntaxError> {
        for &wanted in word.as_bytes() {
            if self.peek() != Some(wanted) {
                return Err(self.unexpected(Expected::Literal(word)));
            }
            self.offset += 1;
        }
        Ok(value)
    }

    /// Checks the number grammar `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    /// and returns the number's text.
    pub(super) fn parse_number(&mut self) -> Result<&'a str, SyntaxError> {
        let start = self.offset;
        self.skip_byte(b'-');
        match self.peek() {
            Some(b'0') => {
                self.offset += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(SyntaxError::new(
                        SyntaxErrorKind::InvalidNumber,
                        self.offset,
                    ));
                }
            }
            _ => self.digits()?,
        }
        if self.skip_byte(b'.') {
            self.digits()?;
        }
        if self.skip_byte(b'e') || self.skip_byte(b'E') {
            if !self.skip_byte(b'+') {
                self.skip_byte(b'-');
            }
            self.digits()?;
        }
        Ok(self.text.get(start..self.offset).unwrap_or_default())
    }

    #[cfg_attr(target_arch = "wasm32", inline(always))]
    pub(super) fn skip_byte(&mut self, wanted: u8) -> bool {
        let found = self.peek() == Some(wanted);
        if found {
            self.offset += 1;
        }
        found
    }

    /// Skips one or more ASCII digits.
    fn digits(&mut self) -> Result<(), SyntaxError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(SyntaxError::new(
                SyntaxErrorKind::InvalidNumber,
                self.offset,
            ));
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.offset += 1;
        }
        Ok(())
    }

    /// Parses the string whose opening quote is at the cursor. A string
    /// without escapes is borrowed; the first escape switches to an owned copy.
    ///
    /// Inlined where strings are read (a request is mostly strings): the plain case is a scan
    /// and a slice, and the call around it cost as much again. Natively it always is, with
    /// the reader's other per-key steps (`Reader::key`, `Reader::object_goes_on`,
    /// `Param::from_name`): 14.20k → 12.92k instructions per valid request with the word
    /// compare of `swar::same_bytes`. The WebAssembly builds leave it to rustc, for the
    /// browser module's size.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    pub(super) fn parse_string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.offset += 1;
        let content_start = self.offset;
        self.skip_plain_run();
        if self.peek() == Some(b'"')
            && let Some(content) = self.text.get(content_start..self.offset)
        {
            self.offset += 1;
            return Ok(Cow::Borrowed(content));
        }
        self.parse_escaped_string(content_start).map(Cow::Owned)
    }

    /// [`Parser::parse_string`] from the first byte that is not plain (an escape, a control
    /// character or the end of the text), the plain run from `content_start` before it.
    #[inline(never)]
    fn parse_escaped_string(&mut self, content_start: usize) -> Result<String, SyntaxError> {
        let mut content = String::with_capacity(self.offset - content_start + 16);
        content.push_str(
            self.text
                .get(content_start..self.offset)
                .unwrap_or_default(),
        );
        self.parse_rest_of_escaped_string(&mut content)?;
        Ok(content)
    }

    /// Moves the cursor to the next quote, backslash, control character or the end.
    #[cfg_attr(target_arch = "wasm32", inline(always))]
    fn skip_plain_run(&mut self) {
        let rest = self.bytes.get(self.offset..).unwrap_or_default();
        self.offset += plain_run_len(rest);
    }

    fn parse_rest_of_escaped_string(&mut self, content: &mut String) -> Result<(), SyntaxError> {
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.offset += 1;
                    return Ok(());
                }
                Some(b'\\') => self.parse_escape(content)?,
                Some(byte) if byte < 0x20 => {
                    return Err(self
                        .error_here(|found| SyntaxErrorKind::ControlCharacterInString { found }));
                }
                Some(_) => {
                    let run_start = self.offset;
                    self.skip_plain_run();
                    content.push_str(self.text.get(run_start..self.offset).unwrap_or_default());
                }
                None => return Err(self.unexpected(Expected::StringEnd)),
            }
        }
    }

    /// Parses the escape whose backslash is at the cursor onto `content`.
    fn parse_escape(&mut self, content: &mut String) -> Result<(), SyntaxError> {
        let backslash = self.offset;
        self.offset += 1;
        let resolved = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.offset += 1;
                let code_unit = self.hex4()?;
                content.push(self.complete_unicode_escape(code_unit, backslash)?);
                return Ok(());
            }
            Some(_) => {
                return Err(self.error_here(|found| SyntaxErrorKind::InvalidEscape { found }));
            }
            None => return Err(self.unexpected(Expected::StringEnd)),
        };
        self.offset += 1;
        content.push(resolved);
        Ok(())
    }

    /// Turns the code unit of a `\u` escape into a char, reading the low
    /// half of a surrogate pair from a directly following `\u` escape.
    fn complete_unicode_escape(
        &mut self,
        code_unit: u16,
        backslash: usize,
    ) -> Result<char, SyntaxError> {
        let lone = SyntaxError::new(SyntaxErrorKind::LoneSurrogate { code_unit }, backslash);
        match code_unit {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.offset..self.offset + 2) != Some(b"\\u") {
                    return Err(lone);
                }
                self.offset += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    // Point at the unpaired high half: the escape after it may be fine on its own.
                    return Err(lone);
                }
                let scalar =
                    0x10000 + ((u32::from(code_unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                char::from_u32(scalar).ok_or(lone)
            }
            _ => char::from_u32(u32::from(code_unit)).ok_or(lone),
        }
    }

    /// Reads the four hexadecimal digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u16, SyntaxError> {
        let mut code_unit: u16 = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(byte @ b'0'..=b'9') => byte - b'0',
                Some(byte @ b'a'..=b'f') => byte - b'a' + 10,
                Some(byte @ b'A'..=b'F') => byte - b'A' + 10,
                Some(_) => {
                    return Err(SyntaxError::new(
                        SyntaxErrorKind::InvalidUnicodeEscape,
                        self.offset,
                    ));
                }
                None => return Err(self.unexpected(Expected::StringEnd)),
            };
            code_unit = (code_unit << 4) | u16::from(digit);
            self.offset += 1;
        }
        Ok(code_unit)
    }

    /// Refuses a container that would nest deeper than [`MAX_DEPTH`]. The
    /// check keeps the recursion, and so the stack, bounded.
    pub(super) fn enter_container(&self, depth: usize) -> Result<usize, SyntaxError> {
        if depth >= MAX_DEPTH {
            return Err(SyntaxError::new(
                SyntaxErrorKind::TooDeep { limit: MAX_DEPTH },
                self.offset,
            ));
        }
        Ok(depth + 1)
    }

    /// Parses the array whose `[` is at the cursor.
    fn parse_array(&mut self, depth: usize) -> Result<Vec<Node<'a>>, SyntaxError> {
        let inner_depth = self.enter_container(depth)?;
        self.offset += 1;
        self.skip_whitespace();
        let mut elements = Vec::new();
        if self.skip_byte(b']') {
            return Ok(elements);
        }
        let mut expected = Expected::ValueOrArrayEnd;
        loop {
            elements.push(self.parse_value(inner_depth, expected)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.offset += 1,
                Some(b']') => {
                    self.offset += 1;
                    return Ok(elements);
                }
                _ => return Err(self.unexpected(Expected::CommaOrArrayEnd)),
            }
            self.skip_whitespace();
            expected = Expected::Value;
        }
    }

    /// Parses the object whose `{` is at the cursor.
    fn parse_object(&mut self, depth: usize) -> Result<Vec<Member<'a>>, SyntaxError> {
        let inner_depth = self.enter_container(depth)?;
        self.offset += 1;
        self.skip_whitespace();
        let mut members = Vec::new();
        if self.skip_byte(b'}') {
            return Ok(members);
        }
        let mut expected_key = Expected::ObjectKeyOrEnd;
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.unexpected(expected_key));
            }
            let key_start = self.offset;
            let key = self.parse_string()?;
            let key_span = Span::new(key_start, self.offset);
            self.skip_whitespace();
            if !self.skip_byte(b':') {
                return Err(self.unexpected(Expected::Colon));
            }
            self.skip_whitespace();
            let value = self.parse_value(inner_depth, Expected::Value)?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.offset += 1,
                Some(b'}') => {
                    self.offset += 1;
                    return Ok(members);
                }
                _ => return Err(self.unexpected(Expected::CommaOrObjectEnd)),
            }
            self.skip_whitespace();
            expected_key = Expected::ObjectKey;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::de::IgnoredAny;

    fn refusal(text: &str) -> Option<(SyntaxErrorKind, usize)> {
        parse(text).err().map(|error| (error.kind, error.offset))
    }

    fn slice(text: &str, span: Span) -> &str {
        text.get(span.start..span.end)
            .unwrap_or("<span not on char boundaries>")
    }

    fn unexpected_end(expected: Expected) -> SyntaxErrorKind {
        SyntaxErrorKind::UnexpectedEnd { expected }
    }

    fn unexpected(found: char, expected: Expected) -> SyntaxErrorKind {
        SyntaxErrorKind::UnexpectedCharacter { found, expected }
    }

    #[test]
    fn refuses_with_the_kind_and_offset_of_the_first_problem() {
        use Expected::*;
        use SyntaxErrorKind::*;
        let cases: Vec<(&str, SyntaxErrorKind, usize)> = vec![
            ("", EmptyInput, 0),
            (" \n\t\r ", EmptyInput, 0),
            ("\u{feff}", EmptyInput, 0),
            ("\u{feff} ", EmptyInput, 0),
            ("[", unexpected_end(ValueOrArrayEnd), 1),
            ("[1", unexpected_end(CommaOrArrayEnd), 2),
            ("[1, ", unexpected_end(Value), 4),
            ("{", unexpected_end(ObjectKeyOrEnd), 1),
            ("{\"a\"", unexpected_end(Colon), 4),
            ("{\"a\":", unexpected_end(Value), 5),
            ("{\"a\":1", unexpected_end(CommaOrObjectEnd), 6),
            ("{\"a\":1,", unexpected_end(ObjectKey), 7),
            ("\"abc", unexpected_end(StringEnd), 4),
            ("\"a\\n", unexpected_end(StringEnd), 4),
            ("\"a\\", unexpected_end(StringEnd), 3),
            ("\"\\u12", unexpected_end(StringEnd), 5),
            ("\"\\ud800\\u", unexpected_end(StringEnd), 9),
            ("tru", unexpected_end(Literal("true")), 3),
            ("[fals", unexpected_end(Literal("false")), 5),
            ("x", unexpected('x', Value), 0),
            ("NaN", unexpected('N', Value), 0),
            ("/*c*/1", unexpected('/', Value), 0),
            ("\u{feff}\u{feff}1", unexpected('\u{feff}', Value), 3),
            ("[é]", unexpected('é', ValueOrArrayEnd), 1),
            ("[,1]", unexpected(',', ValueOrArrayEnd), 1),
            ("[1,]", unexpected(']', Value), 3),
            ("[1 2]", unexpected('2', CommaOrArrayEnd), 3),
            ("[1}", unexpected('}', CommaOrArrayEnd), 2),
            ("{\"a\" 1}", unexpected('1', Colon), 5),
            ("{\"a\" \n x}", unexpected('x', Colon), 7),
            ("{1:2}", unexpected('1', ObjectKeyOrEnd), 1),
            ("{'a':1}", unexpected('\'', ObjectKeyOrEnd), 1),
            ("{\"a\":1,}", unexpected('}', ObjectKey), 7),
            ("{\"a\":1 \"b\":2}", unexpected('"', CommaOrObjectEnd), 7),
            ("{\"a\":}", unexpected('}', Value), 5),
            ("trUe", unexpected('U', Literal("true")), 2),
            ("nul1", unexpected('1', Literal("null")), 3),
            ("\"\\q\"", InvalidEscape { found: 'q' }, 2),
            ("\"ok\\é\"", InvalidEscape { found: 'é' }, 4),
            ("\"\\U0041\"", InvalidEscape { found: 'U' }, 2),
            ("\"\\u12G4\"", InvalidUnicodeEscape, 5),
            ("\"\\u 123\"", InvalidUnicodeEscape, 3),
            ("\"\\ud800\\u12x4\"", InvalidUnicodeEscape, 11),
            ("\"\\ud800\"", LoneSurrogate { code_unit: 0xD800 }, 1),
            ("\"\\uDBFFx\"", LoneSurrogate { code_unit: 0xDBFF }, 1),
            ("\"\\ud800\\u0041\"", LoneSurrogate { code_unit: 0xD800 }, 1),
            ("\"\\ud800\\ud800\"", LoneSurrogate { code_unit: 0xD800 }, 1),
            ("\"\\ud800\\n\"", LoneSurrogate { code_unit: 0xD800 }, 1),
            ("\"ab\\udc00\"", LoneSurrogate { code_unit: 0xDC00 }, 3),
            ("\"a\nb\"", ControlCharacterInString { found: '\n' }, 2),
            ("\"\t\"", ControlCharacterInString { found: '\t' }, 1),
            ("\"\\n\u{0}\"", ControlCharacterInString { found: '\0' }, 3),
            (
                "{\"a\u{1f}\":1}",
                ControlCharacterInString { found: '\u{1f}' },
                3,
            ),
            ("01", InvalidNumber, 1),
            ("-01", InvalidNumber, 2),
            ("[00]", InvalidNumber, 2),
            ("1.", InvalidNumber, 2),
            ("1.e5", InvalidNumber, 2),
            ("-", InvalidNumber, 1),
            ("-a", InvalidNumber, 1),
            ("[-]", InvalidNumber, 2),
            ("1e", InvalidNumber, 2),
            ("1e+", InvalidNumber, 3),
            ("1E-x", InvalidNumber, 3),
            ("+1", InvalidNumber, 0),
            (".5", InvalidNumber, 0),
            ("[1, .5]", InvalidNumber, 4),
            ("-Infinity", InvalidNumber, 1),
            ("{} x", TrailingContent { found: 'x' }, 3),
            ("1 2", TrailingContent { found: '2' }, 2),
            ("1x", TrailingContent { found: 'x' }, 1),
            ("\"a\"\"b\"", TrailingContent { found: '"' }, 3),
            ("[1]]", TrailingContent { found: ']' }, 3),
            ("truefalse", TrailingContent { found: 'f' }, 4),
            ("null\u{0}", TrailingContent { found: '\0' }, 4),
            ("{}\u{feff}", TrailingContent { found: '\u{feff}' }, 2),
        ];
        for (text, kind, offset) in cases {
            assert_eq!(refusal(text), Some((kind.clone(), offset)), "{text:?}");
        }
    }

    #[test]
    fn accepts_strict_json() {
        let cases = [
            "0",
            "-0",
            "-0.0e-0",
            "1E+2",
            "1e400",
            "18446744073709551616",
            " true ",
            "\u{feff}null",
            "\u{feff} [ ] ",
            "{}",
            "[[], {}, [{}]]",
            "\"\u{7f}\u{80}é中😀\"",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\uFFFF\"",
            "{\"a\":1,\"a\":2}",
            "\r\n{\t\"a\" :\n[ 1 , 2 ]\r}\n",
        ];
        for text in cases {
            assert!(parse(text).is_ok(), "{text:?}: {:?}", parse(text));
        }
    }

    #[test]
    fn keeps_number_text_exactly() {
        for text in ["-0", "1.50", "1e400", "18446744073709551616", "-1.0E-7"] {
            let node = parse(text).unwrap();
            assert_eq!(node.value, JsonValue::Number(text));
            assert_eq!(node.span, Span::new(0, text.len()));
        }
    }

    #[test]
    fn resolves_escapes_and_borrows_plain_strings() {
        let plain = parse("\"plain é\"").unwrap();
        assert!(matches!(
            plain.value,
            JsonValue::String(Cow::Borrowed("plain é"))
        ));

        let escaped = parse(r#""a\"b\\c\/d\be\ff\ng\rh\ti\u00e9\u4E2D\ud83d\ude00j""#).unwrap();
        let JsonValue::String(Cow::Owned(content)) = escaped.value else {
            panic!("an escaped string is owned: {escaped:?}");
        };
        assert_eq!(content, "a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti\u{e9}中😀j");
    }

    #[test]
    fn spans_cover_keys_values_and_quotes() {
        let text = concat!(
            "\u{feff}{ \"k\\u00e9y\" : [1, \"x\\\"y\", true, null] ,",
            " \"b\":{\"c\":-2.5e3} , \"d\": \"中\" }"
        );
        let root = parse(text).unwrap();
        assert_eq!(root.span, Span::new(3, text.len()));
        let members = root.value.as_object().unwrap();
        let keys: Vec<(&str, &str)> = members
            .iter()
            .map(|member| (&*member.key, slice(text, member.key_span)))
            .collect();
        assert_eq!(
            keys,
            [("kéy", "\"k\\u00e9y\""), ("b", "\"b\""), ("d", "\"d\"")]
        );

        let list = root.get("kéy").unwrap();
        assert_eq!(slice(text, list.span), "[1, \"x\\\"y\", true, null]");
        let elements: Vec<&str> = list
            .value
            .as_array()
            .unwrap()
            .iter()
            .map(|node| slice(text, node.span))
            .collect();
        assert_eq!(elements, ["1", "\"x\\\"y\"", "true", "null"]);

        let inner = root.get("b").unwrap();
        assert_eq!(slice(text, inner.span), "{\"c\":-2.5e3}");
        assert_eq!(slice(text, inner.get("c").unwrap().span), "-2.5e3");
        assert_eq!(slice(text, root.get("d").unwrap().span), "\"中\"");
    }

    #[test]
    fn keeps_duplicate_members_and_get_finds_the_last() {
        let text = r#"{"a": 1, "b": 2, "a": 3}"#;
        let root = parse(text).unwrap();
        let keys: Vec<&str> = root
            .value
            .as_object()
            .unwrap()
            .iter()
            .map(|member| &*member.key)
            .collect();
        assert_eq!(keys, ["a", "b", "a"]);
        assert_eq!(root.get("a").unwrap().value, JsonValue::Number("3"));
        assert_eq!(root.member("a").unwrap().key_span, Span::new(17, 20));
        assert!(parse("[1]").unwrap().get("a").is_none());
    }

    #[test]
    fn kind_names_and_accessors() {
        let root = parse(r#"[null, true, 1, "s", [], {}]"#).unwrap();
        let names: Vec<&str> = root
            .value
            .as_array()
            .unwrap()
            .iter()
            .map(|node| node.value.kind_name())
            .collect();
        assert_eq!(
            names,
            ["null", "boolean", "number", "string", "array", "object"]
        );
        let values: Vec<&JsonValue<'_>> = root
            .value
            .as_array()
            .unwrap()
            .iter()
            .map(|node| &node.value)
            .collect();
        assert!(values.first().is_some_and(|value| value.is_null()));
        assert_eq!(values.get(1).and_then(|value| value.as_bool()), Some(true));
        assert_eq!(values.get(2).and_then(|value| value.as_number()), Some("1"));
        assert_eq!(values.get(3).and_then(|value| value.as_str()), Some("s"));
        assert_eq!(
            values
                .get(4)
                .and_then(|value| value.as_array())
                .map(<[_]>::len),
            Some(0)
        );
        assert_eq!(
            values
                .get(5)
                .and_then(|value| value.as_object())
                .map(<[_]>::len),
            Some(0)
        );
        assert_eq!(values.first().and_then(|value| value.as_str()), None);
    }

    #[test]
    fn plain_runs_stop_at_the_first_byte_that_needs_attention_across_chunks() {
        let fillers = [b'a', b' ', b'!', b'#', b'[', b']', 0x7f, 0x80, 0xff];
        let stoppers = [0x00, b'\n', 0x1f, b'"', b'\\'];
        for filler in fillers {
            for length in 0..20 {
                let plain = vec![filler; length];
                assert_eq!(plain_run_len(&plain), length, "filler {filler:#x}");
                for stop_at in 0..length {
                    for stopper in stoppers {
                        let mut bytes = plain.clone();
                        if let Some(slot) = bytes.get_mut(stop_at) {
                            *slot = stopper;
                        }
                        bytes.push(stopper);
                        assert_eq!(plain_run_len(&bytes), stop_at, "{bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn nesting_is_bounded_without_overflowing_the_stack() {
        let deepest = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&deepest).is_ok());

        let too_deep = SyntaxErrorKind::TooDeep { limit: MAX_DEPTH };
        assert_eq!(
            refusal(&"[".repeat(100_000)),
            Some((too_deep.clone(), MAX_DEPTH))
        );
        assert_eq!(
            refusal(&"{\"a\":".repeat(100_000)),
            Some((too_deep.clone(), MAX_DEPTH * 5))
        );
        let mixed = "[{\"a\":".repeat(50_000);
        assert_eq!(refusal(&mixed), Some((too_deep, MAX_DEPTH / 2 * 6)));
    }

    #[test]
    fn large_inputs_parse_in_linear_time() {
        let long = "\"".to_owned() + &"aé".repeat(3_500_000) + "\"";
        assert_eq!(parse(&long).unwrap().span.end, long.len());

        let long_escaped = "\"".to_owned() + &"\\n\\u00e9".repeat(1_250_000) + "\"";
        let node = parse(&long_escaped).unwrap();
        assert_eq!(node.value.as_str().map(str::len), Some(3 * 1_250_000));

        let elements = (0..100_000)
            .map(|index| index.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let array_text = format!("[{elements}]");
        let array = parse(&array_text).unwrap();
        assert_eq!(array.value.as_array().map(<[_]>::len), Some(100_000));

        let members = (0..100_000)
            .map(|index| format!("\"k{index}\":{index}"))
            .collect::<Vec<_>>()
            .join(",");
        let object_text = format!("{{{members}}}");
        let object = parse(&object_text).unwrap();
        assert_eq!(object.value.as_object().map(<[_]>::len), Some(100_000));
        assert_eq!(
            object.get("k99999").and_then(|node| node.value.as_number()),
            Some("99999")
        );
    }

    #[test]
    fn serde_json_refuses_what_ignored_any_lets_through() {
        // The property tests below lean on these divergences of
        // `IgnoredAny` from full parsing; pin them down.
        for text in ["\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\""] {
            assert!(serde_json::from_str::<IgnoredAny>(text).is_ok(), "{text}");
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_err(),
                "{text}"
            );
        }
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(serde_json::from_str::<IgnoredAny>(&deep).is_ok());
        assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
    }

    fn failed(error: impl std::fmt::Display) -> TestCaseError {
        TestCaseError::fail(error.to_string())
    }

    /// Our tree as serde_json would have read it: the last duplicate wins.
    fn to_serde(node: &Node<'_>) -> Result<serde_json::Value, serde_json::Error> {
        Ok(match &node.value {
            JsonValue::Null => serde_json::Value::Null,
            JsonValue::Bool(value) => serde_json::Value::Bool(*value),
            JsonValue::Number(text) => serde_json::Value::Number(serde_json::from_str(text)?),
            JsonValue::String(text) => serde_json::Value::String(text.to_string()),
            JsonValue::Array(elements) => {
                serde_json::Value::Array(elements.iter().map(to_serde).collect::<Result<_, _>>()?)
            }
            JsonValue::Object(members) => {
                let mut map = serde_json::Map::new();
                for member in members {
                    map.insert(member.key.to_string(), to_serde(&member.value)?);
                }
                serde_json::Value::Object(map)
            }
        })
    }

    /// Checks that every span in the tree holds text that parses on its own to the same value.
    fn spans_reparse(text: &str, node: &Node<'_>) -> Result<(), TestCaseError> {
        let alone = parse(slice(text, node.span)).map_err(failed)?;
        let as_serde = |node: &Node<'_>| to_serde(node).map_err(failed);
        prop_assert_eq!(as_serde(&alone)?, as_serde(node)?);
        match &node.value {
            JsonValue::Array(elements) => elements
                .iter()
                .try_for_each(|element| spans_reparse(text, element)),
            JsonValue::Object(members) => members.iter().try_for_each(|member| {
                let key = parse(slice(text, member.key_span)).map_err(failed)?;
                prop_assert_eq!(key.value.as_str(), Some(&*member.key));
                spans_reparse(text, &member.value)
            }),
            _ => Ok(()),
        }
    }

    fn strings() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[\\x00-\\x1f\"\\\\/aé中😀\\x7f\u{2028}]{0,12}"
        ]
    }

    fn json_values() -> impl Strategy<Value = serde_json::Value> {
        // Without serde_json's `float_roundtrip` feature some floats do not
        // read back exactly; those say nothing about this parser.
        let floats =
            any::<f64>().prop_filter_map("a float serde_json reads back exactly", |float| {
                let number = serde_json::Number::from_f64(float)?;
                let read_back: serde_json::Number =
                    serde_json::from_str(&number.to_string()).ok()?;
                (read_back == number).then_some(serde_json::Value::Number(number))
            });
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            floats,
            strings().prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::vec((strings(), inner), 0..6)
                    .prop_map(|members| serde_json::Value::Object(members.into_iter().collect())),
            ]
        })
    }

    /// Whether serde_json accepts the text, with its known divergences from
    /// this parser taken out:
    /// - serde_json refuses a leading byte order mark, which RFC 8259
    ///   allows a parser to ignore and this one does, so it gets the text
    ///   without it;
    /// - `IgnoredAny` checks neither surrogate pairing nor depth, which
    ///   full parsing into `serde_json::Value` does, so for those errors
    ///   `Value` is asked instead (it refuses at 128 levels where this parser
    ///   still accepts; deep texts are beyond these generators anyway).
    fn agrees_with_serde_json(text: &str) -> Result<(), TestCaseError> {
        let for_serde = text.strip_prefix('\u{feff}').unwrap_or(text);
        let ours = parse(text);
        match &ours {
            Err(SyntaxError {
                kind: SyntaxErrorKind::LoneSurrogate { .. } | SyntaxErrorKind::TooDeep { .. },
                ..
            }) => {
                prop_assert!(
                    serde_json::from_str::<serde_json::Value>(for_serde).is_err(),
                    "{:?}",
                    ours
                );
            }
            _ => {
                let theirs = serde_json::from_str::<IgnoredAny>(for_serde);
                prop_assert_eq!(
                    ours.is_ok(),
                    theirs.is_ok(),
                    "ours: {:?}, serde_json: {:?}",
                    ours,
                    theirs
                );
            }
        }
        Ok(())
    }

    /// One character inserted, deleted or replaced at a char index.
    #[derive(Debug, Clone)]
    enum Edit {
        Insert(usize, char),
        Delete(usize),
        Replace(usize, char),
    }

    fn apply(text: &str, edit: &Edit) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        let at = |index: usize, len: usize| if len == 0 { 0 } else { index % len };
        match *edit {
            Edit::Insert(index, ch) => chars.insert(at(index, chars.len() + 1), ch),
            Edit::Delete(index) if !chars.is_empty() => {
                chars.remove(at(index, chars.len()));
            }
            Edit::Replace(index, ch) if !chars.is_empty() => {
                let index = at(index, chars.len());
                if let Some(slot) = chars.get_mut(index) {
                    *slot = ch;
                }
            }
            _ => {}
        }
        chars.into_iter().collect()
    }

    fn json_chars() -> impl Strategy<Value = char> {
        prop_oneof![
            3 => prop::sample::select(
                "{}[]:,\"\\/0123456789-+.eEtrufalsn \n\r\tbu\u{0}\u{1f}\u{feff}é"
                    .chars()
                    .collect::<Vec<_>>()
            ),
            1 => any::<char>(),
        ]
    }

    fn edits() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (any::<usize>(), json_chars()).prop_map(|(index, ch)| Edit::Insert(index, ch)),
            any::<usize>().prop_map(Edit::Delete),
            (any::<usize>(), json_chars()).prop_map(|(index, ch)| Edit::Replace(index, ch)),
        ]
    }

    proptest! {
        /// The word-at-a-time scan stops where a byte-at-a-time one would, whatever mix of
        /// bytes that need attention follows the first.
        #[test]
        fn plain_runs_end_at_the_first_byte_the_table_names(
            bytes in proptest::collection::vec(
                prop_oneof![Just(b'a'), Just(b'"'), Just(b'\\'), Just(0x1f), Just(0x20), Just(0x80), any::<u8>()],
                0..40,
            )
        ) {
            let expected = bytes
                .iter()
                .position(|&byte| ENDS_PLAIN_RUN[usize::from(byte)])
                .unwrap_or(bytes.len());
            prop_assert_eq!(plain_run_len(&bytes), expected, "{:?}", bytes);
        }

        #[test]
        fn reads_back_what_serde_json_writes(value in json_values()) {
            for text in [serde_json::to_string(&value), serde_json::to_string_pretty(&value)] {
                let text = text.map_err(failed)?;
                let node = parse(&text).map_err(failed)?;
                let read_back = to_serde(&node).map_err(failed)?;
                prop_assert_eq!(&read_back, &value);
                prop_assert_eq!(node.span, Span::new(0, text.len()));
                spans_reparse(&text, &node)?;
            }
        }

        #[test]
        fn accepts_arbitrary_strings_exactly_when_serde_json_does(text in any::<String>()) {
            agrees_with_serde_json(&text)?;
        }

        #[test]
        fn accepts_json_like_strings_exactly_when_serde_json_does(
            chars in prop::collection::vec(json_chars(), 0..24),
        ) {
            let text: String = chars.into_iter().collect();
            agrees_with_serde_json(&text)?;
        }

        #[test]
        fn accepts_edited_json_exactly_when_serde_json_does(
            value in json_values(),
            pretty in any::<bool>(),
            edit in edits(),
        ) {
            let text = if pretty {
                serde_json::to_string_pretty(&value)
            } else {
                serde_json::to_string(&value)
            };
            let text = text.map_err(failed)?;
            agrees_with_serde_json(&apply(&text, &edit))?;
        }

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            if let Ok(text) = super::super::decode(&bytes) {
                let _ = parse(text);
            }
        }

        #[test]
        fn never_panics_on_edited_json_bytes(
            value in json_values(),
            index in any::<usize>(),
            byte in any::<u8>(),
        ) {
            let mut bytes = serde_json::to_vec(&value).map_err(failed)?;
            if !bytes.is_empty() {
                let index = index % bytes.len();
                if let Some(slot) = bytes.get_mut(index) {
                    *slot = byte;
                }
            }
            if let Ok(text) = super::super::decode(&bytes) {
                let _ = parse(text);
            }
        }
    }
}

//! What the walker reads of a request: [`Shallow`] values, read from text by
//! [`read_request`](crate::source::read_request) (with spans, duplicate keys and exact number
//! text) or from a `serde_json::Value` by [`read_value`](crate::source::read_value) (without
//! spans; a value cannot hold a key twice).

use crate::JsonType;
use crate::source::{Duplicate, Shallow, ShallowMember, ShallowValue, Span};

/// The span of character `char_index` of the string `text` written without escapes at
/// `span` (its first character follows the opening quote).
fn plain_char_span(text: &str, span: Span, char_index: usize) -> Option<Span> {
    let (offset, c) = text.char_indices().nth(char_index)?;
    let start = span.start + 1 + offset;
    Some(Span {
        start,
        end: start + c.len_utf8(),
    })
}

impl<'a> Shallow<'a> {
    pub(crate) fn json_type(&self) -> JsonType {
        match &self.value {
            ShallowValue::Null => JsonType::Null,
            ShallowValue::Bool => JsonType::Boolean,
            ShallowValue::Number(text) => number_type(text),
            ShallowValue::ValueNumber { integer: true, .. } => JsonType::Integer,
            ShallowValue::ValueNumber { integer: false, .. } => JsonType::Number,
            ShallowValue::String { .. } => JsonType::String,
            ShallowValue::Array(_)
            | ShallowValue::List(_)
            | ShallowValue::Skipped { object: false, .. } => JsonType::Array,
            ShallowValue::Object(_) | ShallowValue::Skipped { object: true, .. } => {
                JsonType::Object
            }
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            ShallowValue::String { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The number as written (text) or as serde_json prints it (values).
    pub(crate) fn number_text(&self) -> Option<&str> {
        match &self.value {
            ShallowValue::Number(text) => Some(text),
            ShallowValue::ValueNumber { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The entries of an array kept whole.
    pub(crate) fn items(&self) -> Option<&[Self]> {
        match &self.value {
            ShallowValue::Array(items) => Some(items),
            _ => None,
        }
    }

    /// How many entries a kept array has; `None` for any other value.
    pub(crate) fn item_count(&self) -> Option<usize> {
        match &self.value {
            ShallowValue::Array(items) => Some(items.len()),
            ShallowValue::List(list) => Some(list.len()),
            _ => None,
        }
    }

    /// Entry `index` of a kept array, when it is a string.
    pub(crate) fn item_str(&self, index: usize) -> Option<&str> {
        match &self.value {
            ShallowValue::Array(items) => items.get(index)?.as_str(),
            ShallowValue::List(list) => match list.plain(index) {
                Some((text, _)) => Some(text),
                None => list.other(index)?.as_str(),
            },
            _ => None,
        }
    }

    /// Entry `index` of a kept array as a value of its own: always there for an entry that
    /// is not a string, maybe not for a string (see [`Shallow::item_str`]).
    pub(crate) fn item_node(&self, index: usize) -> Option<&Self> {
        match &self.value {
            ShallowValue::Array(items) => items.get(index),
            ShallowValue::List(list) => list.other(index),
            _ => None,
        }
    }

    /// The span of entry `index` of a kept array.
    pub(crate) fn item_span(&self, index: usize) -> Option<Span> {
        match &self.value {
            ShallowValue::Array(items) => items.get(index)?.span(),
            ShallowValue::List(list) => match list.plain(index) {
                Some((_, span)) => Some(span),
                None => list.other(index)?.span(),
            },
            _ => None,
        }
    }

    /// [`Shallow::char_span`] of entry `index` of a kept array.
    pub(crate) fn item_char_span(&self, index: usize, char_index: usize) -> Option<Span> {
        match &self.value {
            ShallowValue::Array(items) => items.get(index)?.char_span(char_index),
            ShallowValue::List(list) => match list.plain(index) {
                Some((text, span)) => plain_char_span(text, span, char_index),
                None => list.other(index)?.char_span(char_index),
            },
            _ => None,
        }
    }

    /// The members of a kept object in document order, duplicates included.
    pub(crate) fn members(&self) -> Option<&[ShallowMember<'a>]> {
        match &self.value {
            ShallowValue::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The span of one character of a string value read from text, when the string is
    /// written without escapes so that characters map to the text one to one.
    pub(crate) fn char_span(&self, char_index: usize) -> Option<Span> {
        match (&self.value, self.span()) {
            (
                ShallowValue::String {
                    text,
                    escaped: false,
                },
                Some(span),
            ) => plain_char_span(text, span, char_index),
            _ => None,
        }
    }

    /// The duplicate keys inside an array or object that was read for them alone.
    pub(crate) fn skipped_duplicates(&self) -> Option<&[Duplicate<'a>]> {
        match &self.value {
            ShallowValue::Skipped { duplicates, .. } => Some(duplicates),
            _ => None,
        }
    }
}

/// Integers are numbers written without fraction or exponent, as the API's integer parsing
/// requires.
fn number_type(text: &str) -> JsonType {
    if text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
        JsonType::Number
    } else {
        JsonType::Integer
    }
}

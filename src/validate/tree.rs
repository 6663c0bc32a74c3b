//! One view over the two kinds of value the validator reads: request text as
//! [`read_request`](crate::source::read_request) keeps it (with spans, duplicate keys and exact
//! number text) and `serde_json::Value` (none of those).

use std::borrow::Cow;

use crate::source::{Duplicate, Shallow, ShallowValue, Span};
use crate::{JsonType, Param};

/// A member of an object as the walker sees it.
pub(crate) struct MemberRef<'t, T> {
    pub key: &'t str,
    pub key_span: Option<Span>,
    /// The parameter `key` names, if any.
    pub param: Option<Param>,
    pub value: &'t T,
}

/// What the walker needs from a JSON value.
pub(crate) trait Tree: Sized {
    /// Whether objects can hold a key twice (parsed text can; `serde_json::Value` cannot).
    const MAY_HAVE_DUPLICATE_KEYS: bool;
    fn json_type(&self) -> JsonType;
    fn as_str(&self) -> Option<&str>;
    /// The number as written (text) or as serde_json prints it (values).
    fn number_text(&self) -> Option<Cow<'_, str>>;
    fn items(&self) -> Option<&[Self]>;
    /// The members in document order, duplicates included.
    fn members(&self) -> Option<Vec<MemberRef<'_, Self>>>;
    fn span(&self) -> Option<Span>;
    /// The span of one character of a string value, when the string is written without
    /// escapes so that characters map to the text one to one.
    fn char_span(&self, char_index: usize) -> Option<Span>;
    /// How many entries an array has; `None` for any other value.
    fn item_count(&self) -> Option<usize> {
        self.items().map(<[Self]>::len)
    }
    /// Entry `index` of an array, when it is a string.
    fn item_str(&self, index: usize) -> Option<&str> {
        self.items()?.get(index)?.as_str()
    }
    /// Entry `index` of an array as a value of its own: always there for an entry that is
    /// not a string, maybe not for a string (see [`Tree::item_str`]).
    fn item_node(&self, index: usize) -> Option<&Self> {
        self.items()?.get(index)
    }
    /// The span of entry `index` of an array.
    fn item_span(&self, index: usize) -> Option<Span> {
        self.items()?.get(index)?.span()
    }
    /// [`Tree::char_span`] of entry `index` of an array.
    fn item_char_span(&self, index: usize, char_index: usize) -> Option<Span> {
        self.items()?.get(index)?.char_span(char_index)
    }
    /// The duplicate keys inside an array or object that was read for them alone.
    fn skipped_duplicates(&self) -> Option<&[Duplicate]> {
        None
    }
}

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

impl<'a> Tree for Shallow<'a> {
    const MAY_HAVE_DUPLICATE_KEYS: bool = true;

    fn json_type(&self) -> JsonType {
        match &self.value {
            ShallowValue::Null => JsonType::Null,
            ShallowValue::Bool => JsonType::Boolean,
            ShallowValue::Number(text) => number_type(text),
            ShallowValue::String(_) => JsonType::String,
            ShallowValue::Array(_)
            | ShallowValue::List(_)
            | ShallowValue::Skipped { object: false, .. } => JsonType::Array,
            ShallowValue::Object(_) | ShallowValue::Skipped { object: true, .. } => {
                JsonType::Object
            }
        }
    }

    fn as_str(&self) -> Option<&str> {
        match &self.value {
            ShallowValue::String(s) => Some(s),
            _ => None,
        }
    }

    fn number_text(&self) -> Option<Cow<'_, str>> {
        match &self.value {
            ShallowValue::Number(text) => Some(Cow::Borrowed(text)),
            _ => None,
        }
    }

    fn items(&self) -> Option<&[Self]> {
        match &self.value {
            ShallowValue::Array(items) => Some(items),
            _ => None,
        }
    }

    fn item_count(&self) -> Option<usize> {
        match &self.value {
            ShallowValue::Array(items) => Some(items.len()),
            ShallowValue::List(list) => Some(list.len()),
            _ => None,
        }
    }

    fn item_str(&self, index: usize) -> Option<&str> {
        match &self.value {
            ShallowValue::Array(items) => items.get(index)?.as_str(),
            ShallowValue::List(list) => match list.plain(index) {
                Some((text, _)) => Some(text),
                None => list.other(index)?.as_str(),
            },
            _ => None,
        }
    }

    fn item_node(&self, index: usize) -> Option<&Self> {
        match &self.value {
            ShallowValue::Array(items) => items.get(index),
            ShallowValue::List(list) => list.other(index),
            _ => None,
        }
    }

    fn item_span(&self, index: usize) -> Option<Span> {
        match &self.value {
            ShallowValue::Array(items) => Some(items.get(index)?.span),
            ShallowValue::List(list) => match list.plain(index) {
                Some((_, span)) => Some(span),
                None => Some(list.other(index)?.span),
            },
            _ => None,
        }
    }

    fn item_char_span(&self, index: usize, char_index: usize) -> Option<Span> {
        match &self.value {
            ShallowValue::Array(items) => items.get(index)?.char_span(char_index),
            ShallowValue::List(list) => match list.plain(index) {
                Some((text, span)) => plain_char_span(text, span, char_index),
                None => list.other(index)?.char_span(char_index),
            },
            _ => None,
        }
    }

    fn members(&self) -> Option<Vec<MemberRef<'_, Self>>> {
        match &self.value {
            ShallowValue::Object(members) => Some(
                members
                    .iter()
                    .map(|m| MemberRef {
                        key: &m.key,
                        key_span: Some(m.key_span),
                        param: m.param,
                        value: &m.value,
                    })
                    .collect(),
            ),
            _ => None,
        }
    }

    fn span(&self) -> Option<Span> {
        Some(self.span)
    }

    fn char_span(&self, char_index: usize) -> Option<Span> {
        match &self.value {
            ShallowValue::String(Cow::Borrowed(text)) => {
                plain_char_span(text, self.span, char_index)
            }
            _ => None,
        }
    }

    fn skipped_duplicates(&self) -> Option<&[Duplicate]> {
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

impl Tree for serde_json::Value {
    const MAY_HAVE_DUPLICATE_KEYS: bool = false;

    fn json_type(&self) -> JsonType {
        use serde_json::Value as V;
        match self {
            V::Null => JsonType::Null,
            V::Bool(_) => JsonType::Boolean,
            V::Number(n) if n.is_i64() || n.is_u64() => JsonType::Integer,
            V::Number(_) => JsonType::Number,
            V::String(_) => JsonType::String,
            V::Array(_) => JsonType::Array,
            V::Object(_) => JsonType::Object,
        }
    }

    fn as_str(&self) -> Option<&str> {
        self.as_str()
    }

    fn number_text(&self) -> Option<Cow<'_, str>> {
        match self {
            serde_json::Value::Number(n) => Some(Cow::Owned(n.to_string())),
            _ => None,
        }
    }

    fn items(&self) -> Option<&[Self]> {
        self.as_array().map(Vec::as_slice)
    }

    fn members(&self) -> Option<Vec<MemberRef<'_, Self>>> {
        self.as_object().map(|map| {
            map.iter()
                .map(|(key, value)| MemberRef {
                    key,
                    key_span: None,
                    param: Param::from_name(key),
                    value,
                })
                .collect()
        })
    }

    fn span(&self) -> Option<Span> {
        None
    }

    fn char_span(&self, _char_index: usize) -> Option<Span> {
        None
    }
}

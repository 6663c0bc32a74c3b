//! One view over a configuration, whether it came as TOML text (with spans) or as a JSON value
//! (from the JavaScript package or a caller), so one reader checks both the same way.

use crate::source::Span;

/// A configuration value with the span of its text, when it came from text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub value: Value,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    String(String),
    Integer(i64),
    /// A number, boolean or date: named in type errors only.
    Other(&'static str),
    Array(Vec<Node>),
    Table(Vec<(String, Option<Span>, Node)>),
}

impl Value {
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Self::String(_) => "a string",
            Self::Integer(_) => "an integer",
            Self::Other(kind) => kind,
            Self::Array(_) => "an array",
            Self::Table(_) => "a table",
        }
    }
}

impl Node {
    pub(crate) fn from_json(value: &serde_json::Value) -> Self {
        use serde_json::Value as J;
        let value = match value {
            J::String(s) => Value::String(s.clone()),
            J::Number(n) => n.as_i64().map_or(Value::Other("a number"), Value::Integer),
            J::Bool(_) => Value::Other("a boolean"),
            J::Null => Value::Other("null"),
            J::Array(items) => Value::Array(items.iter().map(Self::from_json).collect()),
            J::Object(map) => Value::Table(
                map.iter()
                    .map(|(k, v)| (k.clone(), None, Self::from_json(v)))
                    .collect(),
            ),
        };
        Self { value, span: None }
    }

    /// The tree of JSON text read by the crate's own parser (no spans: the text is a
    /// serialization of the caller's value, not something the caller wrote).
    pub(crate) fn from_source(node: &crate::source::Node<'_>) -> Self {
        use crate::source::JsonValue as J;
        let value = match &node.value {
            J::String(s) => Value::String(s.to_string()),
            J::Number(text) => text
                .parse()
                .map_or(Value::Other("a number"), Value::Integer),
            J::Bool(_) => Value::Other("a boolean"),
            J::Null => Value::Other("null"),
            J::Array(items) => Value::Array(items.iter().map(Self::from_source).collect()),
            J::Object(members) => Value::Table(
                members
                    .iter()
                    .map(|m| (m.key.to_string(), None, Self::from_source(&m.value)))
                    .collect(),
            ),
        };
        Self { value, span: None }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod toml_text {
    //! TOML text to [`Node`]s.

    use toml::de::{DeTable, DeValue};

    use super::{Node, Value};
    use crate::source::Span;

    fn span(range: std::ops::Range<usize>) -> Option<Span> {
        Some(Span {
            start: range.start,
            end: range.end,
        })
    }

    pub(crate) fn table(table: &DeTable<'_>, whole: std::ops::Range<usize>) -> Node {
        let members = table
            .iter()
            .map(|(key, value)| {
                (
                    key.get_ref().to_string(),
                    span(key.span()),
                    convert(value.get_ref(), value.span()),
                )
            })
            .collect();
        Node {
            value: Value::Table(members),
            span: span(whole),
        }
    }

    /// The span of the key with the most dotted parts (`a.b.c = 1`, `[a.b.c]`), found line by
    /// line with quoted parts skipped. The TOML parser reports one error without a place, a
    /// key of more dotted parts than its recursion limit; this is where it is.
    pub(crate) fn longest_dotted_key(text: &str) -> Option<Span> {
        let mut best: Option<(usize, Span)> = None;
        let mut line_start: usize = 0;
        for line in text.split_inclusive('\n') {
            if let Some((parts, start, end)) = dotted_key(line)
                && best.is_none_or(|(most, _)| parts > most)
            {
                let at = |offset: usize| line_start.saturating_add(offset);
                best = Some((parts, Span::new(at(start), at(end))));
            }
            line_start = line_start.saturating_add(line.len());
        }
        best.map(|(_, span)| span)
    }

    /// The number of dotted parts of the key a line starts with, and its byte range there.
    fn dotted_key(line: &str) -> Option<(usize, usize, usize)> {
        let start = line
            .len()
            .saturating_sub(line.trim_start_matches([' ', '\t', '[']).len());
        let mut parts: usize = 1;
        let mut quote = None;
        for (offset, c) in line.char_indices().skip_while(|&(i, _)| i < start) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '.') => parts = parts.saturating_add(1),
                (None, '=' | ']' | '#' | '\n' | '\r') => {
                    return key_range(line, parts, start, offset);
                }
                (None, _) => {}
            }
        }
        key_range(line, parts, start, line.len())
    }

    /// `(parts, start, end)` with the blanks before `end` left out, unless no key is left.
    fn key_range(
        line: &str,
        parts: usize,
        start: usize,
        end: usize,
    ) -> Option<(usize, usize, usize)> {
        let key = line.get(start..end)?.trim_end();
        (!key.is_empty()).then_some((parts, start, start.saturating_add(key.len())))
    }

    fn convert(value: &DeValue<'_>, range: std::ops::Range<usize>) -> Node {
        let value = match value {
            DeValue::String(s) => Value::String(s.to_string()),
            DeValue::Integer(i) => {
                let digits = i.as_str().replace('_', "");
                i64::from_str_radix(&digits, i.radix())
                    .map_or(Value::Other("an integer out of range"), Value::Integer)
            }
            DeValue::Float(_) => Value::Other("a float"),
            DeValue::Boolean(_) => Value::Other("a boolean"),
            DeValue::Datetime(_) => Value::Other("a date"),
            DeValue::Array(items) => Value::Array(
                items
                    .iter()
                    .map(|item| convert(item.get_ref(), item.span()))
                    .collect(),
            ),
            DeValue::Table(inner) => return table(inner, range),
        };
        Node {
            value,
            span: span(range),
        }
    }
}

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

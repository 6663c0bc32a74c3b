//! The records handed over whole (`facts()`, `rules()`, `fix()`), written as JSON text and
//! made plain objects by the engine's `JSON.parse`, in one crossing.
//!
//! A serializer into JavaScript objects (serde-wasm-bindgen) was about 2.4 KB of the browser
//! module's gzip for these three records; this writer is one object writer over `dyn` values
//! and the crate's one JSON string escaper. Numbers are integers: no float is written.

use std::fmt::Write as _;

use wasm_bindgen::JsValue;

use crate::source::push_json_string;

/// A value written as JSON.
pub(crate) trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// `value` as plain JavaScript objects and arrays.
pub(crate) fn to_js(value: &dyn ToJson) -> Result<JsValue, JsValue> {
    let mut text = String::new();
    value.write_json(&mut text);
    js_sys::JSON::parse(&text)
}

/// Writes an object of `fields`, in their order.
pub(crate) fn write_object(out: &mut String, fields: &[(&str, &dyn ToJson)]) {
    out.push('{');
    for (place, (key, value)) in fields.iter().enumerate() {
        if place > 0 {
            out.push(',');
        }
        push_json_string(out, key);
        out.push(':');
        value.write_json(out);
    }
    out.push('}');
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        push_json_string(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        push_json_string(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        // Writing to a String cannot fail.
        let _ = write!(out, "{self}");
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (place, item) in self.iter().enumerate() {
            if place > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

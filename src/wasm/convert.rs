//! Values across the boundary: JavaScript input to what the validator reads, diagnostics and
//! tables to plain JavaScript objects.
//!
//! Objects come in as JSON text (`JSON.stringify`, native and fast) and are read by the
//! crate's own parser, which the text path needs anyway: one parser in the module, and no
//! `serde_json` parser or float parsing, which would double the module's size. A value
//! `JSON.stringify` cannot write faithfully (a lone surrogate, a cycle, a `BigInt`, a getter
//! that throws, nesting past the parser's limit) is read again here, and each part that has
//! no JSON form is a `parameter-type` diagnostic where it is ([`NotJson`]), beside every other
//! problem of the request ([`validate_value`]). Diagnostics cross as one compact payload
//! ([`super::packed`]); the tables and fixes as JSON text that `JSON.parse` makes plain
//! objects and arrays ([`super::json`]). Either way `None` becomes `null` (the `apiErrorCode`
//! of the JSON contract), and fields the contract leaves out when empty are left out.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::attempt::{self, is_array, own_keys};
use super::options::type_error;
use super::text::JsText;
use crate::source::{MAX_DEPTH, SyntaxError, SyntaxErrorKind, push_json_string, push_token};
use crate::{JsonType, Locale, NotJson, Report, Validator, Violation};

#[wasm_bindgen(module = "/src/wasm/bindings.js")]
extern "C" {
    /// `value` as a `Uint8Array` of this realm when it is one of any realm (told by its
    /// internal slot, not `instanceof`, which a vm context's or a test environment's array
    /// fails and which runs a proxy's trap); `undefined` otherwise. Never throws: the
    /// intrinsic getters it reads with run none of the value's code.
    #[wasm_bindgen(js_name = byteView)]
    fn byte_view(value: &JsValue) -> JsValue;
}

/// A request as given to `validate`.
pub(crate) enum Request {
    /// JSON text: diagnostics are located in it.
    Text(String),
    /// A string with a lone surrogate, which is no text: a syntax error where it is.
    NotText {
        /// The string with U+FFFD in place of each lone surrogate.
        text: String,
        /// The first one's place: a syntax error there.
        error: SyntaxError,
    },
    /// File bytes (a `Uint8Array` or Node `Buffer`): decoded as the command-line program does.
    Bytes(Vec<u8>),
    /// A JavaScript value: diagnostics carry no location, since the caller wrote no text.
    Value(JsValue),
}

impl Request {
    pub fn read(request: JsValue) -> Result<Self, JsValue> {
        match super::text::js_text(&request) {
            Some(JsText::Text(text)) => return Ok(Self::Text(text)),
            Some(JsText::LoneSurrogate {
                text,
                index,
                code_unit,
            }) => {
                let (offset, _) = position_of_unit(&text, index);
                let kind = SyntaxErrorKind::RawLoneSurrogate { code_unit };
                let error = SyntaxError::new(kind, offset);
                return Ok(Self::NotText { text, error });
            }
            None => {}
        }
        if let Some(bytes) = byte_view(&request).dyn_ref::<js_sys::Uint8Array>() {
            return Ok(Self::Bytes(bytes.to_vec()));
        }
        if request.is_undefined()
            || request.is_function()
            || request.is_symbol()
            || request.is_bigint()
        {
            return Err(type_error(
                "validate: the request must be an object, JSON text or bytes, not a value with no JSON form (undefined, a function, a symbol, a BigInt)",
            ));
        }
        Ok(Self::Value(request))
    }
}

/// Where the character at UTF-16 index `index` of `text` is: its byte offset and its 0-based
/// index in characters (past the end: the text's length and its count of characters).
fn position_of_unit(text: &str, index: usize) -> (usize, usize) {
    let mut units = 0;
    let mut characters = 0;
    for (offset, c) in text.char_indices() {
        if units >= index {
            return (offset, characters);
        }
        units += c.len_utf16();
        characters += 1;
    }
    (text.len(), characters)
}

/// Validates a JavaScript value as `JSON.stringify` writes it, the JSON text placed by
/// `embed` (the request itself, or a request around one parameter at `prefix`), inside
/// `embedding` containers of it.
///
/// `JSON.stringify` (native, fast) serves the common case. Where it throws (a cycle, a
/// `BigInt`, a getter, `toJSON` or proxy trap that throws, nesting past the engine's stack),
/// writes what the parser refuses (a lone surrogate, nesting past [`MAX_DEPTH`]) or writes
/// more than an array within [`ENTRIES_LIMIT`] can take, the value is read again by
/// [`sanitize`], which puts `true` in place of each value it cannot read; whole-request
/// validation then reports each of them where it is, as it reports every other problem, and
/// [`merge`] words those diagnostics as [`NotJson`] ones. Both ways read a value alike: the
/// same depth (the parser's, counted from the request) and the same entries. `None` for a
/// value with no JSON form at all (a function or a symbol).
pub(crate) fn validate_value(
    validator: &Validator,
    value: &JsValue,
    prefix: &str,
    embedding: usize,
    embed: impl Fn(&str) -> String,
) -> Option<Report> {
    match attempt::json_text_within(value, FAST_PATH_UNITS) {
        Ok(attempt::JsonText::Nothing) => return None,
        Ok(attempt::JsonText::TooLong) | Err(_) => {}
        Ok(attempt::JsonText::Text(json)) => {
            let report = validator.validate_str(&embed(&json));
            let refused = report
                .diagnostics
                .iter()
                .any(|d| matches!(d.violation, Violation::Syntax(_)));
            if !refused {
                return Some(report);
            }
        }
    }
    let sanitized = sanitize(value, prefix, MAX_DEPTH.saturating_sub(embedding))?;
    let mut report = validator.validate_str(&embed(&sanitized.text));
    merge(validator, &mut report, sanitized.unreadable);
    Some(report)
}

/// JSON text for a JavaScript value, read as `JSON.stringify` reads it (`toJSON`, own
/// enumerable keys, `undefined`, functions and symbols left out of objects and `null` in
/// arrays), with `true` in place of each value that has no faithful JSON form, listed with
/// its JSON Pointer (after `prefix`).
pub(crate) struct Sanitized {
    pub text: String,
    pub unreadable: Vec<(String, NotJson)>,
}

/// How many entries of one array are read: a sparse array of length 2^32 - 1 is a few bytes
/// of JavaScript, and `JSON.stringify` would write `null` for every hole.
const ENTRIES_LIMIT: usize = 1 << 20;

/// The longest `JSON.stringify` text read as it is (in UTF-16 units): an array of more than
/// [`ENTRIES_LIMIT`] entries takes at least `2 * ENTRIES_LIMIT + 3` (an entry and a comma
/// each), so a text within this holds none, and a longer one is read by [`sanitize`], which
/// does not read such an array.
const FAST_PATH_UNITS: usize = 2 * ENTRIES_LIMIT + 2;

/// How much of a thrown error's message is kept.
const ERROR_MESSAGE_LIMIT: usize = 200;

/// `depth_limit`: how many containers deep the value is read, so that with the request
/// around it the text is within the parser's [`MAX_DEPTH`].
fn sanitize(value: &JsValue, prefix: &str, depth_limit: usize) -> Option<Sanitized> {
    let mut reader = Reader {
        text: String::new(),
        unreadable: Vec::new(),
        path: prefix.to_owned(),
        ancestors: Vec::new(),
        depth_limit,
    };
    reader
        .value(&JsValue::from_str(""), value.clone())
        .then_some(Sanitized {
            text: reader.text,
            unreadable: reader.unreadable,
        })
}

/// What an object is read as: an array of its length, or its own enumerable keys.
enum Shape {
    Array(usize),
    Object(js_sys::Array),
}

struct Reader {
    text: String,
    unreadable: Vec<(String, NotJson)>,
    /// The JSON Pointer of the value being read.
    path: String,
    /// The objects being read, outermost first (for cycles).
    ancestors: Vec<JsValue>,
    /// How many of them there may be.
    depth_limit: usize,
}

impl Reader {
    /// Writes `value` (the member `key` of its holder); `false`, writing nothing, for what
    /// `JSON.stringify` leaves out (`undefined`, a function, a symbol).
    fn value(&mut self, key: &JsValue, value: JsValue) -> bool {
        let value = if value.is_object() || value.is_bigint() {
            match attempt::json_value(key, &value) {
                Ok(value) => value,
                Err(error) => return self.unreadable(NotJson::Threw(message_of(&error))),
            }
        } else {
            value
        };
        if value.is_null() {
            self.text.push_str("null");
        } else if let Some(b) = value.as_bool() {
            self.text.push_str(if b { "true" } else { "false" });
        } else if let Some((text, lone)) = text_of(&value, false) {
            if let Some(reason) = lone {
                return self.unreadable(reason);
            }
            push_json_string(&mut self.text, &text);
        } else if let Some(n) = value.as_f64() {
            if n.is_finite() {
                // JavaScript's own number text: no float formatting in the module.
                let text = js_sys::JSON::stringify(&value)
                    .ok()
                    .and_then(|t| t.as_string());
                self.text.push_str(text.as_deref().unwrap_or("null"));
            } else {
                self.text.push_str("null");
            }
        } else if value.is_bigint() {
            return self.unreadable(NotJson::BigInt);
        } else if value.is_object() {
            return self.object(value);
        } else {
            return false; // undefined, a function, a symbol
        }
        true
    }

    fn object(&mut self, object: JsValue) -> bool {
        if self.ancestors.len() >= self.depth_limit {
            return self.unreadable(NotJson::TooDeep { limit: MAX_DEPTH });
        }
        if self.ancestors.contains(&object) {
            return self.unreadable(NotJson::Cycle);
        }
        let is_array = match is_array(&object) {
            Ok(is_array) => is_array,
            Err(error) => return self.unreadable(NotJson::Threw(message_of(&error))),
        };
        let shape = if is_array {
            let length = match attempt::property(&object, &"length".into()) {
                Ok(length) => length.as_f64().unwrap_or(0.0),
                Err(error) => return self.unreadable(NotJson::Threw(message_of(&error))),
            };
            // `as` saturates: NaN and negatives are 0, as ToLength makes them.
            let length = length as usize;
            if length > ENTRIES_LIMIT {
                return self.unreadable(NotJson::TooLarge {
                    limit: ENTRIES_LIMIT,
                });
            }
            Shape::Array(length)
        } else {
            match own_keys(&object) {
                Ok(keys) => Shape::Object(keys),
                Err(error) => return self.unreadable(NotJson::Threw(message_of(&error))),
            }
        };
        self.ancestors.push(object.clone());
        match shape {
            Shape::Array(length) => self.array(&object, length),
            Shape::Object(keys) => self.members(&object, &keys),
        }
        self.ancestors.pop();
        true
    }

    fn array(&mut self, array: &JsValue, length: usize) {
        self.text.push('[');
        for index in 0..length {
            if index > 0 {
                self.text.push(',');
            }
            let key = JsValue::from_str(&index.to_string());
            let mark = self.path.len();
            self.path.push('/');
            self.path.push_str(&index.to_string());
            let written = match attempt::property(array, &key) {
                Ok(entry) => self.value(&key, entry),
                Err(error) => self.unreadable(NotJson::Threw(message_of(&error))),
            };
            if !written {
                self.text.push_str("null");
            }
            self.path.truncate(mark);
        }
        self.text.push(']');
    }

    fn members(&mut self, object: &JsValue, keys: &js_sys::Array) {
        self.text.push('{');
        let mut first = true;
        for key in keys.iter() {
            let (name, lone) = text_of(&key, true).unwrap_or_default();
            let (text_mark, path_mark) = (self.text.len(), self.path.len());
            if !first {
                self.text.push(',');
            }
            push_json_string(&mut self.text, &name);
            self.text.push(':');
            self.path.push('/');
            push_token(&mut self.path, &name);
            let written = match lone {
                Some(reason) => self.unreadable(reason),
                None => match attempt::property(object, &key) {
                    Ok(member) => self.value(&key, member),
                    Err(error) => self.unreadable(NotJson::Threw(message_of(&error))),
                },
            };
            if written {
                first = false;
            } else {
                self.text.truncate(text_mark);
            }
            self.path.truncate(path_mark);
        }
        self.text.push('}');
    }

    /// Notes the value being read as unreadable, and writes `true` in its place.
    fn unreadable(&mut self, reason: NotJson) -> bool {
        self.unreadable.push((self.path.clone(), reason));
        self.text.push_str("true");
        true
    }
}

/// `value`'s text when it is a string, with what makes it no text: a lone surrogate (half of a
/// UTF-16 pair), read as U+FFFD in the text, and its place in the value (in a key when
/// `in_key`). One read of the string, by the engine's encoder, tells both.
pub(crate) fn text_of(value: &JsValue, in_key: bool) -> Option<(String, Option<NotJson>)> {
    Some(match super::text::js_text(value)? {
        JsText::Text(text) => (text, None),
        JsText::LoneSurrogate {
            text,
            index,
            code_unit,
        } => {
            let (_, index) = position_of_unit(&text, index);
            let reason = NotJson::LoneSurrogate {
                code_unit,
                index,
                in_key,
            };
            (text, Some(reason))
        }
    })
}

/// A thrown value's message, bounded (an `Error`'s `message`, or the value as text).
pub(crate) fn message_of(error: &JsValue) -> String {
    // Read as a property, not through `instanceof Error`: the thrown value may be a proxy.
    let message = if error.is_object() {
        attempt::property(error, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
    } else {
        error.as_string()
    };
    let message = message.unwrap_or_else(|| "something that is not an Error was thrown".to_owned());
    match message.char_indices().nth(ERROR_MESSAGE_LIMIT) {
        Some((end, _)) => format!("{}…", message.get(..end).unwrap_or_default()),
        None => message,
    }
}

/// Words the diagnostics at the `true` that [`sanitize`] wrote for each unreadable value as
/// [`NotJson`] ones (the same rule, `parameter-type`); where validation said nothing at that
/// place (in an unknown parameter, or inside a value of the wrong type), the diagnostic is
/// added after the one about the enclosing value.
fn merge(validator: &Validator, report: &mut Report, unreadable: Vec<(String, NotJson)>) {
    for (path, reason) in unreadable {
        let placeholder = report.diagnostics.iter_mut().find(|d| {
            d.path == path
                && matches!(
                    d.violation,
                    Violation::WrongType {
                        found: JsonType::Boolean,
                        ..
                    } | Violation::NotAnObject {
                        found: JsonType::Boolean
                    }
                )
        });
        if let Some(diagnostic) = placeholder {
            let name = match &diagnostic.violation {
                Violation::WrongType { name, .. } => name.clone(),
                _ => "the request".to_owned(),
            };
            diagnostic.violation = Violation::NotJson { name, reason };
            continue;
        }
        let name = path.clone();
        let added = validator.report_violations(&path, vec![Violation::NotJson { name, reason }]);
        let diagnostics = &mut report.diagnostics;
        let at = match diagnostics.iter().rposition(|d| within(&path, &d.path)) {
            Some(anchor) => {
                let base = diagnostics[anchor].path.clone();
                let mut at = anchor + 1;
                while at < diagnostics.len() && within(&diagnostics[at].path, &base) {
                    at += 1;
                }
                at
            }
            None => diagnostics.len(),
        };
        diagnostics.splice(at..at, added.diagnostics);
    }
}

/// Whether the JSON Pointer `path` is `base` or inside it.
fn within(path: &str, base: &str) -> bool {
    path.strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The report's diagnostics as plain objects, in text order ([`Report::in_text_order`]) when
/// `located`, else in the report's order, in an array whose `omitted` property counts those
/// past the limit when there are any; `located` keeps line and column (text input).
pub(crate) fn diagnostics(
    report: &Report,
    locale: Locale,
    located: bool,
) -> Result<JsValue, JsValue> {
    if report.diagnostics.is_empty() && report.omitted == 0 {
        return Ok(js_sys::Array::new().into());
    }
    // Positions are kept for text only; without them, the report's (parameter) order.
    // Counted, not listed: the limit (`maxDiagnostics`) left `omitted` out.
    let omitted = report.omitted;
    Ok(if located {
        super::packed::to_js(report.in_text_order().into_iter(), locale, true, omitted)
    } else {
        super::packed::to_js(report.diagnostics.iter(), locale, false, omitted)
    })
}

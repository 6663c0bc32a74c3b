//! Values across the boundary: JavaScript input to what the validator reads, diagnostics and
//! tables to plain JavaScript objects.
//!
//! Objects come in as JSON text (`JSON.stringify`, native and fast) and are read by the
//! crate's own parser, which the text path needs anyway: one parser in the module, and no
//! `serde_json` parser or float parsing, which would double the module's size. Output goes through `serde-wasm-bindgen`, which builds plain objects and
//! arrays; `None` becomes `null` (the `apiErrorCode` of the JSON contract), and fields the
//! contract leaves out when empty are left out.

use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::options::type_error;
use crate::report::json::{ColumnUnit, DiagnosticRecord};
use crate::{Locale, Report};

/// A request as given to `validate`.
pub(crate) enum Request {
    /// JSON text: diagnostics are located in it.
    Text(String),
    /// File bytes (a `Uint8Array` or Node `Buffer`): decoded as the command-line program does.
    Bytes(Vec<u8>),
    /// A JavaScript value, as JSON text: diagnostics carry no location, since the caller wrote
    /// no text.
    Value(String),
}

impl Request {
    pub fn read(request: &JsValue) -> Result<Self, JsValue> {
        if let Some(text) = request.as_string() {
            return Ok(Self::Text(text));
        }
        if let Some(bytes) = request.dyn_ref::<js_sys::Uint8Array>() {
            return Ok(Self::Bytes(bytes.to_vec()));
        }
        match json_text(request)? {
            Some(text) => Ok(Self::Value(text)),
            None => Err(type_error(
                "validate: the request must be an object, JSON text or bytes",
            )),
        }
    }
}

/// `JSON.stringify(value)`; `None` for what has no JSON form (`undefined`, a function, a
/// symbol). Throws what `JSON.stringify` throws (a `TypeError` for a cycle or a BigInt).
fn json_text(value: &JsValue) -> Result<Option<String>, JsValue> {
    Ok(js_sys::JSON::stringify(value)?.as_string())
}

/// A JavaScript value as JSON text; `None` for `undefined` (a parameter left out).
pub(crate) fn parameter_json(value: &JsValue) -> Result<Option<String>, JsValue> {
    if value.is_undefined() {
        return Ok(None);
    }
    match json_text(value)? {
        Some(text) => Ok(Some(text)),
        None => Err(type_error("a function or symbol is not a parameter value")),
    }
}

/// The report's diagnostics as plain objects, in an array whose `omitted` property counts those
/// past the limit when there are any; `located` keeps line and column (text input).
pub(crate) fn diagnostics(
    report: &Report,
    locale: Locale,
    located: bool,
) -> Result<JsValue, JsValue> {
    if report.diagnostics.is_empty() && report.omitted == 0 {
        return Ok(js_sys::Array::new().into());
    }
    let records: Vec<DiagnosticRecord> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut record = DiagnosticRecord::new(d, locale, ColumnUnit::Utf16);
            if !located {
                record.line = None;
                record.column = None;
                record.end_line = None;
                record.end_column = None;
            }
            record
        })
        .collect();
    let array = to_js(&records)?;
    if report.omitted > 0 {
        // Counted, not listed: the limit (`maxDiagnostics`) left them out.
        js_sys::Reflect::set(&array, &"omitted".into(), &(report.omitted as f64).into())?;
    }
    Ok(array)
}

/// Any serializable value as plain JavaScript objects and arrays.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    Ok(value.serialize(&serializer)?)
}

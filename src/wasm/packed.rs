//! Diagnostics across the boundary as one compact payload: every string field of every
//! diagnostic in one text, and a list of numbers (flags, lengths, positions) that says how to
//! cut it; a JavaScript function of the bindings ([`unpack`]) builds the plain objects from
//! them in one call. One text decoded and one view of the numbers, instead of a string decoded
//! and a property set through the boundary for every field of every diagnostic.
//!
//! Each diagnostic is, in the numbers: its flags ([`LOCATED`], [`HELP`], …), the lengths in
//! UTF-16 code units of `rule`, `severity`, `path`, `message`, then of `apiErrorCode` if
//! given, then `line`, `column`, `endLine`, `endColumn` if located, then the lengths of `help`,
//! of the resource's `address` and `attribute`, and of `suppressed`, each if given. The text
//! holds the strings in the same order. The objects have the JSON contract's fields in its
//! order ([`DiagnosticRecord`]).

use wasm_bindgen::prelude::*;

use crate::report::json::DiagnosticRecord;
use crate::source::utf16_len;

/// The diagnostic has `line`, `column`, `endLine` and `endColumn`.
const LOCATED: u32 = 1;
/// It has `help`.
const HELP: u32 = 1 << 1;
/// `fixable` is true.
const FIXABLE: u32 = 1 << 2;
/// `apiErrorCode` is a string (else `null`).
const API_ERROR_CODE: u32 = 1 << 3;
/// It has `resource`.
const RESOURCE: u32 = 1 << 4;
/// It has `suppressed`.
const SUPPRESSED: u32 = 1 << 5;

#[wasm_bindgen(module = "/src/wasm/bindings.js")]
extern "C" {
    /// The diagnostics the payload describes, as an array of plain objects, with `omitted`
    /// set on it when positive.
    fn unpack(text: &str, numbers: &[u32], omitted: f64) -> JsValue;
}

/// The payload being written.
#[derive(Default)]
struct Payload {
    text: String,
    numbers: Vec<u32>,
}

impl Payload {
    fn string(&mut self, value: &str) {
        self.text.push_str(value);
        self.number(utf16_len(value));
    }

    /// A length, line or column: within `u32` on wasm32, where `usize` is 32 bits; saturated
    /// elsewhere (the native tests), which only a text of 4 GiB could reach.
    fn number(&mut self, value: usize) {
        self.numbers.push(u32::try_from(value).unwrap_or(u32::MAX));
    }

    fn record(&mut self, record: &DiagnosticRecord) {
        let location = match (
            record.line,
            record.column,
            record.end_line,
            record.end_column,
        ) {
            (Some(line), Some(column), Some(end_line), Some(end_column)) => {
                Some([line, column, end_line, end_column])
            }
            _ => None,
        };
        let flags = [
            (location.is_some(), LOCATED),
            (record.help.is_some(), HELP),
            (record.fixable, FIXABLE),
            (record.api_error_code.is_some(), API_ERROR_CODE),
            (record.resource.is_some(), RESOURCE),
            (record.suppressed.is_some(), SUPPRESSED),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |flags, (_, flag)| flags | flag);
        self.numbers.push(flags);
        self.string(record.rule);
        self.string(record.severity.as_str());
        self.string(&record.path);
        self.string(&record.message);
        if let Some(code) = record.api_error_code {
            self.string(code);
        }
        for position in location.into_iter().flatten() {
            self.number(position);
        }
        if let Some(help) = &record.help {
            self.string(help);
        }
        if let Some(resource) = &record.resource {
            self.string(&resource.address);
            self.string(&resource.attribute);
        }
        if let Some(suppressed) = &record.suppressed {
            self.string(suppressed);
        }
    }
}

/// `records` as an array of plain objects, with `omitted` on it when positive.
pub(crate) fn to_js(records: &[DiagnosticRecord], omitted: usize) -> JsValue {
    let mut payload = Payload::default();
    for record in records {
        payload.record(record);
    }
    unpack(&payload.text, &payload.numbers, omitted as f64)
}

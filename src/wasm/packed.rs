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
//! order ([`DiagnosticRecord`](crate::report::json::DiagnosticRecord)), written here
//! straight from each [`Diagnostic`], with no record between.

use std::fmt;

use wasm_bindgen::prelude::*;

use crate::source::utf16_len;
use crate::{Diagnostic, Locale, i18n};

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
    /// set on it when positive: its text is `text_length` bytes of `memory` at `text_at`, its
    /// numbers `count` words at `numbers_at`. The bindings read both through views of the
    /// memory they keep for each instance's memory, made again when it grows (Node: a
    /// `Buffer`, whose decoder is the faster there), not through a view made for each call.
    /// The objects are built with built-ins a page can patch (`push`, `slice`), and a patch
    /// that calls the module and grows its memory detaches the views being read: the payload
    /// stays where it is, so the bindings read it again through new views (up to three times,
    /// then an `Error`), never through a detached one.
    fn unpack(
        memory: &JsValue,
        text_at: u32,
        text_length: u32,
        numbers_at: u32,
        count: u32,
        omitted: f64,
    ) -> JsValue;
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

    /// A string `write` writes straight into the text (a message, a help line), not made as a
    /// string of its own and copied; writing to a `String` cannot fail.
    fn written(&mut self, write: impl FnOnce(&mut String) -> fmt::Result) {
        let start = self.text.len();
        let _infallible = write(&mut self.text);
        let added = self.text.get(start..).unwrap_or_default();
        self.number(utf16_len(added));
    }

    /// A length, line or column: within `u32` on wasm32, where `usize` is 32 bits; saturated
    /// elsewhere (the native tests), which only a text of 4 GiB could reach.
    fn number(&mut self, value: usize) {
        self.numbers.push(u32::try_from(value).unwrap_or(u32::MAX));
    }

    /// One diagnostic's flags, strings and numbers, in `locale`; its position only when
    /// `located` (text input), columns in UTF-16 code units.
    fn diagnostic(&mut self, diagnostic: &Diagnostic, locale: Locale, located: bool) {
        let location = diagnostic.location.filter(|_| located).map(|l| {
            [
                l.start.line,
                l.start.column_utf16,
                l.end.line,
                l.end.column_utf16,
            ]
        });
        let help = diagnostic.violation.help();
        let api_error_code = diagnostic.api_error_code();
        let flags = (u32::from(location.is_some()) * LOCATED)
            | (u32::from(help.is_some()) * HELP)
            | (u32::from(diagnostic.is_fixable()) * FIXABLE)
            | (u32::from(api_error_code.is_some()) * API_ERROR_CODE)
            | (u32::from(diagnostic.within.is_some()) * RESOURCE)
            | (u32::from(diagnostic.suppressed.is_some()) * SUPPRESSED);
        self.numbers.push(flags);
        self.string(diagnostic.rule().as_str());
        self.string(diagnostic.severity.as_str());
        self.string(&diagnostic.path);
        self.written(|text| diagnostic.write_message(text, locale));
        if let Some(code) = api_error_code {
            self.string(code.as_str());
        }
        for position in location.into_iter().flatten() {
            self.number(position);
        }
        if let Some(help) = &help {
            self.written(|text| i18n::write_help(text, help, locale));
        }
        if let Some(within) = &diagnostic.within {
            self.string(&within.address);
            self.string(&within.attribute);
        }
        if let Some(suppressed) = &diagnostic.suppressed {
            self.string(suppressed);
        }
    }
}

/// `diagnostics` as an array of plain objects, in `locale`, located when `located`, with
/// `omitted` on it when positive.
pub(crate) fn to_js<'d>(
    diagnostics: impl ExactSizeIterator<Item = &'d Diagnostic>,
    locale: Locale,
    located: bool,
    omitted: usize,
) -> JsValue {
    // The buffers of the call before, taken for this one (a call made while this one runs,
    // from the JavaScript that builds the objects, finds none and makes its own).
    let mut payload = KEPT.take().unwrap_or_default();
    payload.text.clear();
    payload.numbers.clear();
    // Room for a typical diagnostic's strings and numbers at once.
    let count = diagnostics.len();
    payload.text.reserve(count.saturating_mul(160));
    payload.numbers.reserve(count.saturating_mul(12));
    for diagnostic in diagnostics {
        payload.diagnostic(diagnostic, locale, located);
    }
    // The numbers are aligned as `u32`s are: the bindings read them as words.
    use super::text::{address, length};
    let objects = super::text::with_memory(|memory| {
        unpack(
            memory,
            address(payload.text.as_ptr()),
            length(payload.text.len()),
            address(payload.numbers.as_ptr().cast()),
            length(payload.numbers.len()),
            omitted as f64,
        )
    });
    // Kept for the next call unless a great many diagnostics made them large.
    if payload.text.capacity() <= KEPT_TEXT {
        KEPT.set(Some(payload));
    }
    objects
}

/// The most text a payload's buffers keep between calls: a few dozen diagnostics' worth.
const KEPT_TEXT: usize = 16 * 1024;

thread_local! {
    /// The payload buffers of the last call, for the next one: a diagnostic costs no
    /// allocation of its own for them.
    static KEPT: std::cell::Cell<Option<Payload>> = const { std::cell::Cell::new(None) };
}

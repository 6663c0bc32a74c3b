//! `fix(request, options?)`: the safe fixes of [`Validator::fix_str`](crate::Validator::fix_str)
//! for JavaScript, the same code the command-line program's `check --fix` runs.

use wasm_bindgen::prelude::*;

use super::attempt;
use super::convert::Request;
use super::json::{ToJson, to_js, write_object};
use super::options::{Settings, ValidateOptions, type_error};
use crate::fix::{Change, Fixed};

/// Applies every safe fix to a request and returns the fixed JSON text and the changes made
/// (`rule`, `path`, and the JSON text `before` and `after`), as `check --fix` does: only the
/// fixed values change, so the text's formatting and key order stay. An object is fixed as
/// `JSON.stringify` writes it (`JSON.parse(fixed.text)` is the fixed request). Throws a
/// `TypeError` for bytes (decode them first) or anything with no JSON form, and for bad
/// options.
#[wasm_bindgen(unchecked_return_type = "Fixed")]
pub fn fix(
    #[wasm_bindgen(unchecked_param_type = "CreateAuditTrackRequest | UntypedRequest | string")]
    request: JsValue,
    options: Option<ValidateOptions>,
) -> Result<JsValue, JsValue> {
    if request.is_undefined() || request.is_function() || request.is_symbol() {
        return Err(type_error(
            "fix: the request must be JSON text or an object",
        ));
    }
    let text = match Request::read(request)? {
        Request::Text(text) => {
            within_bounds(&text)?;
            text
        }
        Request::NotText { .. } => {
            return Err(type_error(
                "fix: the text holds a lone surrogate (half of a UTF-16 pair), which has no UTF-8 form; validate() says where",
            ));
        }
        Request::Value(value) => {
            // What JSON.stringify threw (a BigInt, a cycle, a getter's own error), as the
            // TypeError this function throws for a request with no JSON form.
            let text = attempt::json_text(&value)
                .map_err(|thrown| {
                    type_error(&format!(
                        "fix: the request has no JSON form: {}",
                        super::convert::message_of(&thrown)
                    ))
                })?
                .ok_or_else(|| type_error("fix: the request must be JSON text or an object"))?;
            within_bounds(&text)?;
            // JSON.stringify writes a lone surrogate as its escape, which no parser takes: the
            // text would come back unfixed with no word of why.
            if crate::source::parse(&text).is_err() {
                return Err(type_error(
                    "fix: the object has no faithful JSON form (a string with a lone surrogate, or nesting past the parser's limit); validate() says where",
                ));
            }
            text
        }
        Request::Bytes(_) => {
            return Err(type_error(
                "fix: the request must be JSON text or an object, not bytes (decode them first)",
            ));
        }
    };
    let settings = Settings::of_validate(options)?;
    to_js(&settings.validator.fix_str(&text))
}

/// The longest text fixed, as the command-line program's default `--max-input-bytes`: fixing
/// reads the text's whole tree, some 48 bytes a value, which must fit in the module's 4 GiB.
const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Refuses a text over [`MAX_TEXT_BYTES`], before anything reads its tree.
fn within_bounds(text: &str) -> Result<(), JsValue> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(type_error(
            "fix: the request's text is over 64 MiB, the command-line program's limit on an input; nothing is fixed",
        ));
    }
    Ok(())
}

/// `Fixed` in TypeScript.
impl ToJson for Fixed {
    fn write_json(&self, out: &mut String) {
        write_object(out, &[("text", &self.text), ("changes", &self.changes)]);
    }
}

/// `FixChange` in TypeScript.
impl ToJson for Change {
    fn write_json(&self, out: &mut String) {
        write_object(
            out,
            &[
                ("rule", &self.rule.as_str()),
                ("path", &self.path),
                ("before", &self.before),
                ("after", &self.after),
            ],
        );
    }
}

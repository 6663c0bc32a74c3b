//! Reading JavaScript values that may throw (getters, proxy traps, `toJSON`), without leaking.
//!
//! An import declared with `catch` that throws leaves behind the slot of the externref table
//! that its return value would have taken (wasm-bindgen 0.2.130): every such throw grew the
//! table, and the Rust heap that tracks it, for good. The functions here catch in JavaScript
//! instead and return `undefined`; [`thrown`] then hands over what was thrown, if anything.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/bindings.js")]
extern "C" {
    fn get(object: &JsValue, key: &JsValue) -> JsValue;
    fn keys(object: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = isArray)]
    fn is_array_or_not(value: &JsValue) -> bool;
    fn stringify(value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = jsonValue)]
    fn json_value_or_not(key: &JsValue, value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = regExp)]
    fn reg_exp(pattern: &str, flags: &str) -> JsValue;
    fn failed() -> bool;
    #[wasm_bindgen(js_name = takeFailure)]
    fn take_failure() -> JsValue;
}

/// What the last attempt threw, if it threw.
pub(crate) fn thrown<T>(value: T) -> Result<T, JsValue> {
    if failed() {
        Err(take_failure())
    } else {
        Ok(value)
    }
}

/// `object[key]`, getters and proxy traps included.
pub(crate) fn property(object: &JsValue, key: &JsValue) -> Result<JsValue, JsValue> {
    let value = get(object, key);
    thrown(value)
}

/// `Object.keys(object)`.
pub(crate) fn own_keys(object: &JsValue) -> Result<js_sys::Array, JsValue> {
    let keys = keys(object);
    thrown(keys).map(JsCast::unchecked_into)
}

/// `Array.isArray(value)` (which throws for a revoked proxy).
pub(crate) fn is_array(value: &JsValue) -> Result<bool, JsValue> {
    let is_array = is_array_or_not(value);
    thrown(is_array)
}

/// `JSON.stringify(value)`: the text, or `None` for what it writes nothing for.
pub(crate) fn json_text(value: &JsValue) -> Result<Option<String>, JsValue> {
    let text = stringify(value);
    thrown(text).map(|text| super::text::string_of(&text))
}

/// `new RegExp(pattern, flags)`, which throws a `SyntaxError` for a bad pattern.
pub(crate) fn compile_reg_exp(pattern: &str, flags: &str) -> Result<js_sys::RegExp, JsValue> {
    let compiled = reg_exp(pattern, flags);
    thrown(compiled).map(JsCast::unchecked_into)
}

/// What `JSON.stringify` wrote, when asked for at most a given length.
pub(crate) enum JsonText {
    /// The text.
    Text(String),
    /// Nothing: the value has no JSON form (a function, a symbol, `undefined`).
    Nothing,
    /// Longer than asked for; not copied.
    TooLong,
}

/// `JSON.stringify(value)`, its text taken only when it is at most `max_units` UTF-16 units.
pub(crate) fn json_text_within(value: &JsValue, max_units: usize) -> Result<JsonText, JsValue> {
    let text = thrown(stringify(value))?;
    let Some(text) = text.dyn_ref::<js_sys::JsString>() else {
        return Ok(JsonText::Nothing);
    };
    if usize::try_from(text.length()).unwrap_or(usize::MAX) > max_units {
        return Ok(JsonText::TooLong);
    }
    Ok(super::text::string_of(text).map_or(JsonText::Nothing, JsonText::Text))
}

/// The value `JSON.stringify` writes for `value`, the member `key` of its holder: its
/// `toJSON(key)` when it has one (an object or a `BigInt`), and then a `Number`, `String`,
/// `Boolean` or `BigInt` object as its primitive (told by its internal slot; a `Number` and a
/// `String` converted as the engine converts them, which may run its `valueOf` or `toString`).
pub(crate) fn json_value(key: &JsValue, value: &JsValue) -> Result<JsValue, JsValue> {
    let value = json_value_or_not(key, value);
    thrown(value)
}

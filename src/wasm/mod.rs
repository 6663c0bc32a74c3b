//! The JavaScript API of the npm package `cloudaudit-lint` (WebAssembly, `wasm32` only).
//!
//! A reporter like the others: it runs the same validation and hands out the diagnostics of
//! the JSON contract ([`DiagnosticRecord`](crate::report::json::DiagnosticRecord)) as plain
//! objects, with columns in UTF-16 code units, the unit of JavaScript strings.
//!
//! | JavaScript | Rust |
//! | --- | --- |
//! | `validate(request, options?)` | [`Validator::validate_str`](crate::Validator::validate_str) (text, objects), [`validate_bytes`](crate::Validator::validate_bytes) (a `Uint8Array`) |
//! | `checkName(value)` … `checkTrackForAllMembers(value)` | the rule function of the family when `value` has the parameter's type, else a request holding the parameter |
//! | `checkEventNames(resourceType, eventNames)`, `checkStorage(storage)` | a request holding the parameter |
//!
//! A field check's diagnostics are those of [`Validator::validate_parameter`](crate::Validator::validate_parameter)
//! (the wasm tests hold them equal); it validates a one-parameter request rather than call it,
//! which would bring a second instance of the walk, over `serde_json::Value`, into the module.
//! | `rules(profile?)` | [`RuleId::ALL`](crate::RuleId::ALL), [`describe`](crate::i18n::describe) |
//! | `facts(profile?)` | [`facts`](crate::facts) and the [`Profile`](crate::Profile) |
//! | `setCatalog(text)` (`loadCatalog()` in the entry points) | [`Catalog::parse`], [`Validator::with_catalog`](crate::Validator::with_catalog) |
//!
//! Bad arguments are `TypeError`s (`RangeError` for an unknown locale); a value of the wrong
//! JSON type given to a field check is the same `parameter-type` diagnostic whole-request
//! validation reports. The declarations of the shapes are in `typescript.rs`.

/// The module's allocator: talc, smaller than the default (dlmalloc) and faster for the many
/// small, short-lived allocations of a validation (benches/README.md has the figures). The
/// module is single-threaded: it is built without the `atomics` target feature.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub(crate) mod attempt;
mod convert;
mod fix;
mod json;
mod options;
mod packed;
mod text;
mod typescript;

use wasm_bindgen::prelude::*;

use crate::catalog::Catalog;
use crate::facts::{self, ParamSpec, ParamType};
use crate::report::rules::Descriptions;
use crate::rules::{self, action_type, common, name, resource_type, switch};
use crate::{Param, Profile, Report, RuleId, Violation};
use convert::{Request, diagnostics};
use json::{ToJson, to_js, write_object};
pub use options::{CheckOptions, ProfileOverrides, ValidateOptions};
use options::{Settings, type_error};

/// Validates a `CreateAuditTrack` request and returns every problem found, in text order (by
/// line, then column, then rule; for an object, which has no positions, the API's parameter
/// order), as plain objects; an empty array when the request is valid.
/// Past `maxDiagnostics` (1000 by default) the rest are counted in the array's `omitted`.
///
/// `request` is JSON text (diagnostics then carry `line` and `column`, counted in UTF-16 code
/// units), the bytes of a file (a `Uint8Array` or `Buffer`, decoded as the command-line
/// program does), or a JavaScript object (validated as `JSON.stringify` writes it; no
/// positions). Throws a `TypeError` for an argument of no JSON form, for a cycle, or for bad
/// options.
#[wasm_bindgen(unchecked_return_type = "Diagnostics")]
pub fn validate(
    #[wasm_bindgen(
        unchecked_param_type = "CreateAuditTrackRequest | UntypedRequest | string | Uint8Array"
    )]
    request: JsValue,
    options: Option<ValidateOptions>,
) -> Result<JsValue, JsValue> {
    let request = Request::read(request)?;
    let settings = Settings::of_validate(options)?;
    let validator = &settings.validator;
    let (report, located) = match &request {
        Request::Text(text) => (validator.validate_str(text), true),
        Request::NotText { text, error } => (validator.syntax_report(text, error.clone()), true),
        Request::Bytes(bytes) => (validator.validate_bytes(bytes), true),
        Request::Value(value) => {
            let report = convert::validate_value(validator, value, "", 0, str::to_owned)
                .ok_or_else(|| type_error("validate: the request has no JSON form"))?;
            (report, false)
        }
    };
    diagnostics(&report, settings.locale, located)
}

/// Checks a tracking-set `Name` (path `/Name`): length, charset, and stray whitespace,
/// look-alike or invisible characters. A value that is not a string is a `parameter-type`
/// diagnostic. Cheap enough for every keystroke.
#[wasm_bindgen(js_name = checkName, unchecked_return_type = "Diagnostics")]
pub fn check_name(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsValue> {
    check_string(Param::Name, &value, options, name::check_name)
}

/// Checks the API region (the request's `Region`, path `/Region`) against the regions the API
/// is offered in.
#[wasm_bindgen(js_name = checkRegion, unchecked_return_type = "Diagnostics")]
pub fn check_region(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsValue> {
    check_string(Param::Region, &value, options, common::check_region)
}

/// Checks `ActionType` (path `/ActionType`): `Read`, `Write` or `*`.
#[wasm_bindgen(js_name = checkActionType, unchecked_return_type = "Diagnostics")]
pub fn check_action_type(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsValue> {
    check_string(Param::ActionType, &value, options, |value, _| {
        action_type::check_action_type(value)
    })
}

/// Checks `ResourceType` (path `/ResourceType`): `*` or a lowercase product code.
#[wasm_bindgen(js_name = checkResourceType, unchecked_return_type = "Diagnostics")]
pub fn check_resource_type(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsValue> {
    check_string(Param::ResourceType, &value, options, |value, _| {
        let mut found = resource_type::check_resource_type(value);
        // As whole-request validation adds them: the catalogue's advisory warnings.
        if let Some(catalog) = options::catalog() {
            found.extend(rules::catalog::check_product(value, catalog));
        }
        found
    })
}

/// Checks `Status` (path `/Status`): the integer 0 or 1. A string such as `"1"` is a
/// `parameter-type` diagnostic whose `help` gives the integer.
#[wasm_bindgen(js_name = checkStatus, unchecked_return_type = "Diagnostics")]
pub fn check_status(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsValue> {
    check_switch(Param::Status, &value, options)
}

/// Checks `TrackForAllMembers` (path `/TrackForAllMembers`): the integer 0 or 1.
#[wasm_bindgen(js_name = checkTrackForAllMembers, unchecked_return_type = "Diagnostics")]
pub fn check_track_for_all_members(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsValue> {
    check_switch(Param::TrackForAllMembers, &value, options)
}

/// Checks `EventNames` (path `/EventNames`, entries `/EventNames/0` …) for the form's
/// `ResourceType`: the wildcard rules, the caps, duplicates and the shape of each API name.
/// Without a string `resourceType` the rules that depend on it are left out.
#[wasm_bindgen(js_name = checkEventNames, unchecked_return_type = "Diagnostics")]
pub fn check_event_names(
    #[wasm_bindgen(js_name = resourceType, unchecked_param_type = "unknown")]
    resource_type: JsValue,
    #[wasm_bindgen(js_name = eventNames, unchecked_param_type = "unknown")] event_names: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsValue> {
    let settings = Settings::of_check(options)?;
    let resource_type = resource_type.is_string().then_some(&resource_type);
    let report = check_value(Param::EventNames, &event_names, resource_type, &settings)?;
    diagnostics(&report, settings.locale, false)
}

/// Checks the `Storage` object (paths `/Storage/StorageType` …): every field, missing and
/// unknown fields, and the rules that join them (bucket names depend on `StorageType`).
#[wasm_bindgen(js_name = checkStorage, unchecked_return_type = "Diagnostics")]
pub fn check_storage(
    #[wasm_bindgen(unchecked_param_type = "unknown")] storage: JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsValue> {
    let settings = Settings::of_check(options)?;
    let report = check_value(Param::Storage, &storage, None, &settings)?;
    diagnostics(&report, settings.locale, false)
}

/// Installs the product and API catalogue (the text of the package's `wasm/catalog.tsv`):
/// from then on `ResourceType` and `EventNames` values it does not list draw advisory warnings
/// (`resource-type-unknown`, `event-name-unknown`) with a did-you-mean, as in the command-line
/// program. `null` stops using it. `loadCatalog()` fetches and installs the packaged file.
/// Throws an `Error` for text that is not a catalogue.
#[wasm_bindgen(js_name = setCatalog)]
pub fn set_catalog(
    #[wasm_bindgen(unchecked_param_type = "string | null")] text: JsValue,
) -> Result<(), JsValue> {
    if text.is_null() || text.is_undefined() {
        options::install_catalog(None);
        return Ok(());
    }
    let Some(text) = text.as_string() else {
        return Err(options::type_error(
            "setCatalog: the catalogue must be text",
        ));
    };
    let catalog = Catalog::parse(&text)
        .map_err(|e| JsValue::from(js_sys::Error::new(&format!("cloudaudit-lint: {e}"))))?;
    options::install_catalog(Some(catalog));
    Ok(())
}

/// Every rule: id, severity, API error code and a description in each language, stating the
/// facts of `profile` (the page's values overridden by it, as `facts(profile)` reads it).
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules(profile: Option<ProfileOverrides>) -> Result<JsValue, JsValue> {
    let settings = Settings::of_profile(profile)?;
    let profile = settings.validator.profile();
    let rules: Vec<RuleRecord> = RuleId::ALL
        .iter()
        .map(|&rule| RuleRecord { rule, profile })
        .collect();
    to_js(&rules)
}

/// The facts a form builds its widgets from (regions, name limits and pattern, `ActionType`
/// and `StorageType` values, the caps, the parameter list), with `profile`'s overrides
/// applied.
#[wasm_bindgen(unchecked_return_type = "Facts")]
pub fn facts(profile: Option<ProfileOverrides>) -> Result<JsValue, JsValue> {
    let settings = Settings::of_profile(profile)?;
    to_js(&FactsRecord(settings.validator.profile()))
}

/// A string parameter: the family's rule function on a string, whole-parameter validation
/// (type errors included) on anything else.
fn check_string(
    param: Param,
    value: &JsValue,
    options: Option<CheckOptions>,
    rule: impl FnOnce(&str, &Profile) -> Vec<Violation>,
) -> Result<JsValue, JsValue> {
    let settings = Settings::of_check(options)?;
    // A string with a lone surrogate is no text to give a rule: whole-parameter validation
    // reports it.
    // With a `config`, its policies and levels apply: whole-parameter validation.
    let text = match convert::text_of(value, false) {
        Some((text, None)) if !settings.configured => Some(text),
        _ => None,
    };
    let report = match text {
        Some(text) => {
            let violations = rule(&text, settings.validator.profile());
            if violations.is_empty() {
                // The common case, on every keystroke: nothing to build.
                return Ok(js_sys::Array::new().into());
            }
            settings
                .validator
                .report_violations(&format!("/{param}"), violations)
        }
        None => check_value(param, value, None, &settings)?,
    };
    diagnostics(&report, settings.locale, false)
}

/// An integer switch: the rule function on a safe integer, whole-parameter validation on
/// anything else.
fn check_switch(
    param: Param,
    value: &JsValue,
    options: Option<CheckOptions>,
) -> Result<JsValue, JsValue> {
    let settings = Settings::of_check(options)?;
    let integer = value.as_f64().filter(|_| !settings.configured);
    let report = match integer.and_then(safe_integer) {
        Some(n) => settings
            .validator
            .report_violations(&format!("/{param}"), switch::check_switch(param, n)),
        None => check_value(param, value, None, &settings)?,
    };
    diagnostics(&report, settings.locale, false)
}

/// The integer a JavaScript number stands for exactly, if it is one.
fn safe_integer(n: f64) -> Option<i64> {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0; // Number.MAX_SAFE_INTEGER
    // `as` is exact: the value is integral and within ±2^53.
    (n.fract() == 0.0 && n.abs() <= MAX_SAFE).then_some(n as i64)
}

/// Valid values of the parameters a field check puts around the one it checks, so that the
/// request it validates draws no diagnostic elsewhere (which would only be built to be
/// dropped: a profile may still make one of them invalid, and that is dropped too).
const PLACEHOLDERS: [(Param, &str); 7] = [
    (Param::Region, r#""ap-guangzhou""#),
    (Param::Name, r#""audit""#),
    (Param::ActionType, r#""Read""#),
    (Param::ResourceType, r#""cos""#),
    (Param::Status, "1"),
    (Param::EventNames, r#"["*"]"#),
    (Param::Storage, ""), // written by `storage_placeholder`
];

/// Valid values of the required fields of `Storage`, for [`PLACEHOLDERS`]' `Storage`.
const STORAGE_PLACEHOLDERS: [(Param, &str); 4] = [
    (Param::StorageType, r#""cos""#),
    (Param::StorageRegion, r#""ap-guangzhou""#),
    (Param::StorageName, r#""audit""#),
    (Param::StoragePrefix, r#""audit""#),
];

/// Appends `"key":value` members to an object being written.
fn push_members<'v>(json: &mut String, members: impl IntoIterator<Item = (Param, &'v str)>) {
    for (param, value) in members {
        json.push(if json.is_empty() { '{' } else { ',' });
        json.push('"');
        json.push_str(param.name());
        json.push_str("\":");
        json.push_str(value);
    }
    json.push('}');
}

/// One parameter validated as whole-request validation validates it: a request holding the
/// parameter (and the `ResourceType` that `EventNames` depends on) is validated, and the
/// diagnostics about the parameter are kept. `undefined` is a parameter left out (missing,
/// when it is required).
///
/// (This rather than [`Validator::validate_parameter`](crate::Validator::validate_parameter),
/// which reads a `serde_json::Value`: a second instance of the whole walk plus number parsing,
/// a quarter of the module's size.)
fn check_value(
    param: Param,
    value: &JsValue,
    resource_type: Option<&JsValue>,
    settings: &Settings,
) -> Result<Report, JsValue> {
    let validator = &settings.validator;
    let path = format!("/{param}");
    if value.is_undefined() {
        let required = facts::COMMON_PARAMS
            .iter()
            .chain(facts::REQUEST_PARAMS)
            .any(|p| p.param == param && p.required);
        let missing = required.then_some(Violation::MissingParameter { param });
        return Ok(validator.report_violations(&path, missing.into_iter().collect()));
    }
    // The form's ResourceType, when it is text (a lone surrogate is not).
    let resource_type = resource_type
        .and_then(|r| match convert::text_of(r, false)? {
            (text, None) => Some(text),
            (_, Some(_)) => None,
        })
        .map(|r| {
            let mut json = String::with_capacity(r.len() + 2);
            crate::source::push_json_string(&mut json, &r);
            json
        });
    let mut storage = String::new();
    push_members(&mut storage, STORAGE_PLACEHOLDERS);
    let embed = |json: &str| {
        let optional = (!PLACEHOLDERS.iter().any(|(key, _)| *key == param)).then_some((param, ""));
        let members = PLACEHOLDERS
            .into_iter()
            .chain(optional)
            .filter_map(|(key, placeholder)| {
                let value = match key {
                    _ if key == param => json,
                    Param::ResourceType if param == Param::EventNames => {
                        resource_type.as_deref()?
                    }
                    Param::Storage => &storage,
                    _ => placeholder,
                };
                Some((key, value))
            });
        let mut request = String::with_capacity(json.len() + 256);
        push_members(&mut request, members);
        request
    };
    // The value is a member of the request `embed` writes around it.
    let mut report = convert::validate_value(validator, value, &path, 1, embed)
        .ok_or_else(|| type_error("a function or symbol is not a parameter value"))?;
    report.diagnostics.retain(|d| {
        d.path
            .strip_prefix(&path)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    });
    Ok(report)
}

/// `RuleInfo` in TypeScript: `rule` with the facts of `profile` in its description.
struct RuleRecord<'p> {
    rule: RuleId,
    profile: &'p Profile,
}

impl ToJson for RuleRecord<'_> {
    fn write_json(&self, out: &mut String) {
        let rule = self.rule;
        write_object(
            out,
            &[
                ("id", &rule.as_str()),
                ("severity", &rule.default_severity().as_str()),
                ("apiErrorCode", &rule.api_error_code().map(|c| c.as_str())),
                ("description", &Descriptions::of(rule, self.profile)),
            ],
        );
    }
}

impl ToJson for Descriptions {
    fn write_json(&self, out: &mut String) {
        write_object(out, &[("en", &self.en), ("zh-CN", &self.zh_cn)]);
    }
}

/// `LengthRange` in TypeScript.
impl ToJson for std::ops::RangeInclusive<usize> {
    fn write_json(&self, out: &mut String) {
        write_object(out, &[("min", self.start()), ("max", self.end())]);
    }
}

/// `ParameterFact` in TypeScript.
impl ToJson for ParamSpec {
    fn write_json(&self, out: &mut String) {
        let ty = match self.ty {
            ParamType::String => "string",
            ParamType::Integer => "integer",
            ParamType::StringArray => "string[]",
            ParamType::Storage | ParamType::Filters => "object",
            ParamType::ResourceFields => "object[]",
        };
        write_object(
            out,
            &[
                ("name", &self.name()),
                ("required", &self.required),
                ("type", &ty),
            ],
        );
    }
}

/// `Facts` in TypeScript: the profile's fields under their own names, then the constants.
struct FactsRecord<'p>(&'p Profile);

impl ToJson for FactsRecord<'_> {
    fn write_json(&self, out: &mut String) {
        let profile = self.0;
        write_object(
            out,
            &[
                ("regions", &profile.regions),
                ("storageRegions", &profile.storage_regions),
                ("storageTypes", &profile.storage_types),
                ("nameMin", &profile.name_min),
                ("nameMax", &profile.name_max),
                ("eventNamesCap", &profile.event_names_cap),
                ("cappedProducts", &profile.capped_products),
                ("eventNamesCapOther", &profile.event_names_cap_other),
                ("action", &facts::ACTION),
                ("apiVersion", &facts::API_VERSION),
                ("namePattern", &name_pattern(profile)),
                ("actionTypes", &facts::ACTION_TYPES),
                ("switchValues", &facts::SWITCH_VALUES),
                ("compressValues", &facts::COMPRESS_VALUES),
                ("wildcard", &facts::WILDCARD),
                ("cosBucketNameMax", &facts::COS_BUCKET_NAME_MAX),
                ("cosHostMax", &facts::COS_HOST_MAX),
                ("cosPrefixLength", &facts::COS_PREFIX_LENGTH),
                ("clsTopicLength", &facts::CLS_TOPIC_LENGTH),
                ("commonParameters", &facts::COMMON_PARAMS),
                ("parameters", &facts::REQUEST_PARAMS),
                ("storageParameters", &facts::STORAGE_PARAMS),
            ],
        );
    }
}

/// `^[…]{min,max}$` with the class written from [`facts::is_name_char`] (an ASCII-only
/// charset), escaped so that it compiles with any `RegExp` flags, `v` (HTML `pattern`)
/// included.
fn name_pattern(profile: &Profile) -> String {
    let mut class = String::new();
    let mut c = 0u8;
    while c < 0x80 {
        if !facts::is_name_char(char::from(c)) {
            c += 1;
            continue;
        }
        let start = c;
        while c < 0x80 && facts::is_name_char(char::from(c)) {
            c += 1;
        }
        let end = c - 1;
        push_class_char(&mut class, start);
        if end > start + 1 {
            class.push('-');
        }
        if end > start {
            push_class_char(&mut class, end);
        }
    }
    format!("^[{class}]{{{},{}}}$", profile.name_min, profile.name_max)
}

fn push_class_char(class: &mut String, c: u8) {
    if b"^$\\.*+?()[]{}|/-".contains(&c) {
        class.push('\\');
    }
    class.push(char::from(c));
}

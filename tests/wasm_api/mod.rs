//! The JavaScript API tested from Rust, in Node.js (`wasm_node.rs`) and in headless Chromium
//! (`wasm_browser.rs`): every function gives the diagnostics the Rust API gives for the same
//! input, as the JSON contract's records with UTF-16 columns, and bad arguments are errors,
//! never traps.

use cloudaudit_lint::i18n::describe;
use cloudaudit_lint::report::json::{ColumnUnit, DiagnosticRecord};
use cloudaudit_lint::wasm::{self, CheckOptions, ProfileOverrides, ValidateOptions};
use cloudaudit_lint::{Locale, Profile, Report, RuleId, Validator, facts};
use js_sys::{JSON, Reflect};
use serde_json::{Value, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const VALID: &str = r#"{"Name": "audit", "ActionType": "Read", "ResourceType": "cos", "Status": 1,
  "EventNames": ["PutObject"], "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
  "StorageName": "audit-cos", "StoragePrefix": "logs"}, "Region": "ap-guangzhou"}"#;

const FAULTY: &str = include_str!("../fixtures/many-faults.json");
const LOOKALIKES: &str = include_str!("../fixtures/lookalikes.json");

/// A JavaScript value from JSON text.
fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

/// The JSON text of what a JavaScript function returned.
fn text_of(value: &JsValue) -> String {
    JSON::stringify(value)
        .expect("results are JSON")
        .as_string()
        .expect("a string")
}

/// The JSON text the JavaScript API must return for `report`: its diagnostics in text order
/// with their positions, or in the report's order without them.
fn expected(report: &Report, locale: Locale, located: bool) -> String {
    let listed = if located {
        report.in_text_order()
    } else {
        report.diagnostics.iter().collect()
    };
    let records: Vec<DiagnosticRecord> = listed
        .into_iter()
        .map(|d| {
            let mut record = DiagnosticRecord::new(d, locale, ColumnUnit::Utf16);
            if !located {
                (
                    record.line,
                    record.column,
                    record.end_line,
                    record.end_column,
                ) = (None, None, None, None);
            }
            record
        })
        .collect();
    serde_json::to_string(&records).expect("records serialize")
}

fn options(json: &str) -> Option<ValidateOptions> {
    Some(js(json).unchecked_into())
}

fn check_options(json: &str) -> Option<CheckOptions> {
    Some(js(json).unchecked_into())
}

/// The error a call threw: its constructor's name and its message.
fn thrown(result: Result<JsValue, JsValue>) -> (String, String) {
    let error = result.expect_err("the call throws");
    let error: &js_sys::Error = error.dyn_ref().expect("an Error object");
    (String::from(error.name()), String::from(error.message()))
}

#[wasm_bindgen_test]
fn a_valid_request_has_no_diagnostics_as_text_or_object() {
    assert_eq!(text_of(&wasm::validate(VALID.into(), None).unwrap()), "[]");
    assert_eq!(text_of(&wasm::validate(js(VALID), None).unwrap()), "[]");
}

#[wasm_bindgen_test]
fn text_gives_the_rust_apis_diagnostics_with_utf16_columns() {
    for (text, locale, tag) in [
        (FAULTY, Locale::En, "en"),
        (FAULTY, Locale::ZhCn, "zh-CN"),
        (LOOKALIKES, Locale::En, "en"),
        ("{\"Name\": \"😀😀\", \"Status\": 2}", Locale::En, "en"),
        ("{\"Name\": 1,,}", Locale::En, "en"),
        ("[]", Locale::ZhCn, "zh-CN"),
    ] {
        let got = wasm::validate(text.into(), options(&format!(r#"{{"locale": "{tag}"}}"#)));
        let want = expected(&Validator::new().validate_str(text), locale, true);
        assert_eq!(text_of(&got.unwrap()), want, "{text}");
    }
}

#[wasm_bindgen_test]
fn a_column_counts_utf16_code_units() {
    // "😀" is two UTF-16 code units: the space after it is at UTF-16 column 14, char column 13.
    let text = "{\"Name\": \"😀 x\"}";
    let got = wasm::validate(text.into(), None).unwrap();
    // The Name's diagnostic (the request's missing Region is reported too).
    let first = js_sys::Array::from(&got)
        .iter()
        .find(|d| {
            Reflect::get(d, &"rule".into())
                .ok()
                .and_then(|r| r.as_string())
                .as_deref()
                == Some("name-charset")
        })
        .expect("a name-charset diagnostic");
    let get = |key: &str| Reflect::get(&first, &key.into()).unwrap();
    assert_eq!(get("column").as_f64(), Some(11.0)); // the emoji itself, after `{"Name": "`
    let js_text = js_sys::JsString::from(text);
    let start = get("column").as_f64().unwrap() as u32 - 1;
    let end = get("endColumn").as_f64().unwrap() as u32 - 1;
    assert_eq!(String::from(js_text.slice(start, end)), "😀");
}

#[wasm_bindgen_test]
fn bytes_are_decoded_as_the_command_line_program_does() {
    let utf16: Vec<u8> = [0xFF, 0xFE, b'{', 0, b'}', 0].to_vec();
    for bytes in [
        FAULTY.as_bytes().to_vec(),
        utf16,
        b"{\"Name\": \"\xFF\"}".to_vec(),
    ] {
        let array = js_sys::Uint8Array::from(&bytes[..]);
        let got = wasm::validate(array.into(), None).unwrap();
        let want = expected(&Validator::new().validate_bytes(&bytes), Locale::En, true);
        assert_eq!(text_of(&got), want);
    }
}

#[wasm_bindgen_test]
fn an_object_gives_the_value_apis_diagnostics_without_positions() {
    // (A string is JSON text to `validate`, covered above.)
    for json in [FAULTY, LOOKALIKES, VALID, "[1]", "null", "42"] {
        let value: Value = serde_json::from_str(json).unwrap();
        let argument = js(json);
        let got = wasm::validate(argument, None).unwrap();
        let want = expected(&Validator::new().validate_value(&value), Locale::En, false);
        assert_eq!(text_of(&got), want, "{json}");
    }
}

#[wasm_bindgen_test]
fn options_choose_region_locale_and_profile() {
    let request = r#"{"Name": "audit", "Region": "ap-shanghai"}"#;
    let region = wasm::validate(request.into(), options(r#"{"region": "ap-tokyo"}"#)).unwrap();
    let want = Validator::new()
        .with_region("ap-tokyo")
        .validate_str(request);
    assert_eq!(text_of(&region), expected(&want, Locale::En, true));

    let profile = r#"{"profile": {"regions": ["ap-shanghai"], "nameMin": 6}, "locale": "zh"}"#;
    let got = wasm::validate(request.into(), options(profile)).unwrap();
    let custom = Profile {
        regions: vec!["ap-shanghai".into()],
        name_min: 6,
        ..Profile::default()
    };
    let want = Validator::new().with_profile(custom).validate_str(request);
    assert_eq!(text_of(&got), expected(&want, Locale::ZhCn, true));
    // The same options again: the cached validator gives the same answer.
    let again = wasm::validate(request.into(), options(profile)).unwrap();
    assert_eq!(text_of(&again), text_of(&got));
}

#[wasm_bindgen_test]
fn bad_arguments_are_errors_with_a_message() {
    for (result, name, words) in [
        (
            wasm::validate(JsValue::UNDEFINED, None),
            "TypeError",
            "request",
        ),
        (
            wasm::validate(JsValue::symbol(None), None),
            "TypeError",
            "request",
        ),
        (
            wasm::validate(js_sys::BigInt::from(1).into(), None),
            "TypeError",
            "BigInt",
        ),
        (
            wasm::validate("{}".into(), options("5")),
            "TypeError",
            "options",
        ),
        (
            wasm::validate("{}".into(), options(r#"{"locale": "fr"}"#)),
            "RangeError",
            "locale",
        ),
        (
            wasm::validate("{}".into(), options(r#"{"locale": 1}"#)),
            "TypeError",
            "locale",
        ),
        (
            wasm::validate("{}".into(), options(r#"{"region": 1}"#)),
            "TypeError",
            "region",
        ),
        (
            wasm::validate("{}".into(), options(r#"{"profile": {"eventNameCap": 1}}"#)),
            "TypeError",
            "eventNameCap",
        ),
        (
            wasm::validate(
                "{}".into(),
                options(r#"{"profile": {"regions": "ap-tokyo"}}"#),
            ),
            "TypeError",
            "regions",
        ),
        (
            wasm::validate("{}".into(), options(r#"{"profile": {"nameMin": -1}}"#)),
            "TypeError",
            "nameMin",
        ),
        (
            wasm::validate(
                "{}".into(),
                options(r#"{"profile": {"nameMin": 50, "nameMax": 3}}"#),
            ),
            "TypeError",
            "nameMin (50) is larger than nameMax (3)",
        ),
        (
            wasm::validate("{}".into(), options(r#"{"maxDiagnostic": 1}"#)),
            "TypeError",
            "`maxDiagnostic`; did you mean `maxDiagnostics`?",
        ),
        (
            wasm::check_name(JsValue::symbol(None), None),
            "TypeError",
            "symbol",
        ),
    ] {
        let (got_name, message) = thrown(result);
        assert_eq!(got_name, name, "{message}");
        assert!(
            message.contains(words),
            "{message:?} should mention {words}"
        );
    }
    // A cycle is data, not an argument error: a diagnostic where it is.
    let cyclic = js_sys::Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let text = text_of(&wasm::validate(cyclic.into(), None).unwrap());
    assert!(
        text.contains(r#""rule":"parameter-type","severity":"error","path":"/self""#),
        "{text}"
    );
}

/// What whole-request validation says about one parameter, as the JavaScript API returns it.
fn parameter(name: &str, value: &Value, resource_type: Option<&str>, locale: Locale) -> String {
    let report = Validator::new().validate_parameter(name, value, resource_type);
    expected(&report, locale, false)
}

#[wasm_bindgen_test]
fn field_checks_agree_with_validate_parameter() {
    type Check = fn(JsValue, Option<CheckOptions>) -> Result<JsValue, JsValue>;
    let strings = [
        "",
        "ab",
        "audit",
        "audit trail",
        " audit",
        "аudit",
        "au\u{200B}dit",
        "Read",
        "read",
        "*",
        "All",
        "cos",
        "COS",
        "c o s",
        "ap-tokyo",
        "ap-tokio",
        "AP-TOKYO",
        "审计",
    ];
    let others = [
        json!(null),
        json!(42),
        json!(1.5),
        json!(true),
        json!(["a"]),
        json!({}),
    ];
    let checks: [(&str, Check); 4] = [
        ("Name", wasm::check_name),
        ("Region", wasm::check_region),
        ("ActionType", wasm::check_action_type),
        ("ResourceType", wasm::check_resource_type),
    ];
    for (name, check) in checks {
        let values = strings.iter().map(|s| json!(s)).chain(others.clone());
        for value in values {
            for (locale, tag) in [(Locale::En, "en"), (Locale::ZhCn, "zh-CN")] {
                let argument = js(&value.to_string());
                let opts = check_options(&format!(r#"{{"locale": "{tag}"}}"#));
                let got = text_of(&check(argument, opts).unwrap());
                assert_eq!(got, parameter(name, &value, None, locale), "{name} {value}");
            }
        }
    }
    let switches: [(&str, Check); 2] = [
        ("Status", wasm::check_status),
        ("TrackForAllMembers", wasm::check_track_for_all_members),
    ];
    for (name, check) in switches {
        // (No `1.0`: JavaScript has one number 1. Integers beyond 2^53 are not exact in it.)
        let values = [
            json!(0),
            json!(1),
            json!(2),
            json!(-1),
            json!(1.5),
            json!("1"),
            json!(9_007_199_254_740_992_i64),
            json!(null),
            json!(1e300),
        ];
        for value in values {
            let got = text_of(&check(js(&value.to_string()), None).unwrap());
            assert_eq!(
                got,
                parameter(name, &value, None, Locale::En),
                "{name} {value}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn event_names_and_storage_checks_agree_with_validate_parameter() {
    let lists = [
        json!(["*"]),
        json!(["PutObject", "PutObject", "*", "bad name", 3]),
        json!([]),
        json!((0..12).map(|i| format!("Api{i}")).collect::<Vec<_>>()),
        json!("PutObject"),
        json!(null),
    ];
    for resource_type in [Some("*"), Some("cos"), Some("cvm"), None] {
        for list in &lists {
            let rt = resource_type.map_or(JsValue::UNDEFINED, JsValue::from_str);
            let got = wasm::check_event_names(rt, js(&list.to_string()), None).unwrap();
            let want = parameter("EventNames", list, resource_type, Locale::En);
            assert_eq!(text_of(&got), want, "{resource_type:?} {list}");
        }
    }
    for storage in [
        json!({"StorageType": "cos", "StorageRegion": "ap-guangzhou", "StorageName": "audit-cos",
               "StoragePrefix": "logs"}),
        json!({"StorageType": "cos", "StorageName": "audit-cos-1250000000", "Extra": 1}),
        json!({"StorageType": "cls", "StorageRegion": "ap-nowhere", "StorageName": "",
               "StoragePrefix": "", "Compress": 3}),
        json!({}),
        json!("cos"),
    ] {
        let got = wasm::check_storage(js(&storage.to_string()), None).unwrap();
        assert_eq!(
            text_of(&got),
            parameter("Storage", &storage, None, Locale::En),
            "{storage}"
        );
    }
}

#[wasm_bindgen_test]
fn an_undefined_field_is_missing_when_required() {
    let got = wasm::check_name(JsValue::UNDEFINED, None).unwrap();
    let text = text_of(&got);
    assert!(text.contains("\"rule\":\"missing-parameter\""), "{text}");
    assert!(text.contains("\"path\":\"/Name\""), "{text}");
    let optional = wasm::check_track_for_all_members(JsValue::UNDEFINED, None).unwrap();
    assert_eq!(text_of(&optional), "[]");
}

#[wasm_bindgen_test]
fn rules_is_the_rule_table() {
    let got = wasm::rules(None).unwrap();
    let profile = Profile::default();
    let want: Vec<Value> = RuleId::ALL
        .iter()
        .map(|rule| {
            json!({
                "id": rule.as_str(),
                "severity": rule.default_severity(),
                "apiErrorCode": rule.api_error_code().map(|c| c.as_str()),
                "description": {
                    "en": describe(*rule, &profile, Locale::En),
                    "zh-CN": describe(*rule, &profile, Locale::ZhCn),
                },
            })
        })
        .collect();
    let got: Vec<Value> = serde_json::from_str(&text_of(&got)).unwrap();
    assert_eq!(got, want);
}

#[wasm_bindgen_test]
fn rules_state_the_facts_of_the_profile_given() {
    let overrides: ProfileOverrides = js(r#"{"nameMax": 64}"#).unchecked_into();
    let got: Vec<Value> =
        serde_json::from_str(&text_of(&wasm::rules(Some(overrides)).unwrap())).unwrap();
    let name_length = got
        .iter()
        .find(|r| r["id"] == "name-length")
        .expect("name-length is listed");
    assert_eq!(
        name_length["description"]["en"],
        "Name must be 3 to 64 characters long."
    );
    assert_eq!(
        name_length["description"]["zh-CN"],
        "Name 长度必须为 3 到 64 个字符。"
    );
    let text = serde_json::to_string(&got).unwrap();
    assert!(!text.contains("48"), "{text}");
    let bad: ProfileOverrides = js(r#"{"nameMax": "64"}"#).unchecked_into();
    assert!(wasm::rules(Some(bad)).is_err());
}

#[wasm_bindgen_test]
fn facts_echo_the_profile_its_serde_form_reads() {
    // Every field of the profile, changed: facts() must read each under its serde name.
    let mut profile = serde_json::to_value(Profile::default()).unwrap();
    for (_, value) in profile.as_object_mut().unwrap() {
        *value = match value {
            Value::Array(_) => json!(["x-1", "x-2"]),
            _ => json!(7),
        };
    }
    let parsed: Profile = serde_json::from_value(profile.clone()).unwrap();
    let overrides: ProfileOverrides = js(&profile.to_string()).unchecked_into();
    let got: Value =
        serde_json::from_str(&text_of(&wasm::facts(Some(overrides)).unwrap())).unwrap();
    let echoed: Profile = serde_json::from_value(json!(
        profile
            .as_object()
            .unwrap()
            .keys()
            .map(|k| (k.clone(), got[k].clone()))
            .collect::<serde_json::Map<_, _>>()
    ))
    .unwrap();
    assert_eq!(echoed, parsed);
}

#[wasm_bindgen_test]
fn facts_are_the_facts_module() {
    let got: Value = serde_json::from_str(&text_of(&wasm::facts(None).unwrap())).unwrap();
    assert_eq!(got["regions"], json!(facts::SUPPORTED_REGIONS));
    assert_eq!(got["actionTypes"], json!(facts::ACTION_TYPES));
    assert_eq!(got["storageTypes"], json!(facts::STORAGE_TYPES));
    assert_eq!(got["nameMin"], json!(facts::NAME_LENGTH.start()));
    assert_eq!(got["nameMax"], json!(facts::NAME_LENGTH.end()));
    assert_eq!(got["eventNamesCap"], json!(facts::EVENT_NAMES_CAP));
    let names = |key: &str| -> Vec<Value> {
        got[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].clone())
            .collect()
    };
    let want = |params: &[facts::ParamSpec]| -> Vec<Value> {
        params.iter().map(|p| json!(p.name())).collect()
    };
    assert_eq!(names("parameters"), want(facts::REQUEST_PARAMS));
    assert_eq!(names("storageParameters"), want(facts::STORAGE_PARAMS));
    assert_eq!(names("commonParameters"), want(facts::COMMON_PARAMS));
}

#[wasm_bindgen_test]
fn the_name_pattern_is_the_name_charset_with_any_flags() {
    let got = wasm::facts(None).unwrap();
    let pattern = Reflect::get(&got, &"namePattern".into())
        .unwrap()
        .as_string()
        .unwrap();
    for flags in ["", "u", "v"] {
        let regex = js_sys::RegExp::new(&pattern, flags);
        for c in (0u8..0x80).map(char::from).chain(['é', 'а', '中']) {
            let name = c.to_string().repeat(3);
            assert_eq!(
                regex.test(&name),
                facts::is_name_char(c),
                "{c:?} with flags {flags:?}"
            );
        }
        assert!(!regex.test("ab"));
        assert!(regex.test(&"a".repeat(48)));
        assert!(!regex.test(&"a".repeat(49)));
    }
}

//! The charsets are facts (`facts::Charset`), and the JSON Schema's patterns are derived from
//! them: on a table of characters (every ASCII character and a choice of others: look-alikes,
//! invisible ones, letters and digits of other scripts) the schema and the rules agree on
//! which values are refused, field by field.

#![cfg(not(target_arch = "wasm32"))]

use cloudaudit_lint::facts::{self, Charset};
use cloudaudit_lint::rules::event_names::check_event_name;
use cloudaudit_lint::schema::json_schema;
use cloudaudit_lint::{Profile, Severity, Validator};
use serde_json::{Value, json};

/// Every ASCII character, then characters of other kinds that a charset could be fooled by.
fn characters() -> Vec<char> {
    let mut table: Vec<char> = (0u8..0x80).map(char::from).collect();
    table.extend([
        '\u{A0}',   // no-break space
        'é',        // a Latin letter outside ASCII
        'ß',        // lowercase with no one-letter uppercase
        'İ',        // uppercase whose lowercase is two characters
        '\u{212A}', // KELVIN SIGN, which case-folds to k
        'а',        // Cyrillic a, a look-alike
        'Ａ',       // full-width A
        '１',       // full-width 1
        '٣',        // Arabic-Indic three, a digit of another script
        '\u{200B}', // zero-width space
        '\u{FEFF}', // byte order mark
        '‐',        // hyphen, a look-alike of -
        '＿',       // full-width low line
        '中', '😀',
    ]);
    table
}

fn base() -> Value {
    json!({
        "Name": "audit",
        "ActionType": "Read",
        "ResourceType": "cos",
        "Status": 1,
        "EventNames": ["PutObject"],
        "Storage": {
            "StorageType": "cos",
            "StorageRegion": "ap-guangzhou",
            "StorageName": "audit-cos",
            "StoragePrefix": "audit"
        }
    })
}

/// Whether the library reports an error under `pointer` for `request`.
fn library_refuses(request: &Value, pointer: &str) -> bool {
    let text = serde_json::to_string(request).expect("a request serializes");
    Validator::new()
        .with_region("ap-guangzhou")
        .validate_str(&text)
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error && d.path.starts_with(pointer))
}

/// Whether `schema` (one field's schema) refuses `value`.
fn schema_refuses(schema: &Value, value: &str) -> bool {
    let validator = jsonschema::validator_for(schema).expect("the field's schema compiles");
    !validator.is_valid(&Value::from(value))
}

/// For each character `c` of the table and each template, the value `template` with `{}`
/// replaced by `c` is refused by the schema exactly when the library refuses it.
fn agree(pointer: &str, schema: &Value, templates: &[&str]) {
    let mut disagreements = Vec::new();
    for c in characters() {
        for template in templates {
            let value = template.replace("{}", &c.to_string());
            let mut request = base();
            *request.pointer_mut(pointer).expect("the field exists") = Value::from(&*value);
            let (ours, theirs) = (
                library_refuses(&request, pointer),
                schema_refuses(schema, &value),
            );
            if ours != theirs {
                disagreements.push(format!(
                    "{value:?} (U+{:04X}): library {ours}, schema {theirs}",
                    u32::from(c)
                ));
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "{pointer}: the schema and the rule disagree on\n{}",
        disagreements.join("\n")
    );
}

fn schema() -> Value {
    json_schema(&Profile::default())
}

#[test]
fn name() {
    agree(
        "/Name",
        &schema()["properties"]["Name"],
        &["ab{}cd", "{}abcd", "abcd{}"],
    );
}

#[test]
fn resource_type() {
    agree(
        "/ResourceType",
        &schema()["properties"]["ResourceType"],
        &["co{}s", "{}", "{}cos"],
    );
}

#[test]
fn storage_region() {
    agree(
        "/Storage/StorageRegion",
        &schema()["properties"]["Storage"]["properties"]["StorageRegion"],
        &[
            "a{}p-guangzhou",
            "ap-guang{}zhou",
            "ap{}guangzhou",
            "ap-guangzhou{}fsi",
        ],
    );
}

#[test]
fn cos_bucket_name() {
    let schema = schema();
    let cos = &schema["properties"]["Storage"]["allOf"][0]["then"]["properties"];
    agree(
        "/Storage/StorageName",
        &cos["StorageName"],
        &["au{}dit", "{}audit", "audit{}", "au{}dit-1250000000"],
    );
}

#[test]
fn cos_prefix() {
    let schema = schema();
    let cos = &schema["properties"]["Storage"]["allOf"][0]["then"]["properties"];
    agree(
        "/Storage/StoragePrefix",
        &cos["StoragePrefix"],
        &["au{}dit", "{}audit", "audit{}"],
    );
}

/// `EventNames` entries are a warning, which the schema does not express: the charset's
/// class and the rule agree instead.
#[test]
fn api_names() {
    let class = regex::Regex::new(&format!("^{}+$", facts::API_NAME_CHARS.class()))
        .expect("the class compiles");
    for c in characters() {
        let name = format!("Put{c}Object");
        // Refused by the name's own rule, or by a hygiene rule that found the character first.
        let refused = !check_event_name(&name).is_empty();
        assert_eq!(refused, !class.is_match(&name), "{name:?}");
    }
}

/// Each charset's class, compiled, holds exactly the characters `contains` holds.
#[test]
fn every_charsets_class_is_its_predicate() {
    let charsets: [(&str, Charset); 10] = [
        ("NAME_CHARS", facts::NAME_CHARS),
        ("API_NAME_CHARS", facts::API_NAME_CHARS),
        ("PRODUCT_CODE_CHARS", facts::PRODUCT_CODE_CHARS),
        ("PRODUCT_CODE_LOWERCASE", facts::PRODUCT_CODE_LOWERCASE),
        ("COS_BUCKET_CHARS", facts::COS_BUCKET_CHARS),
        ("COS_BUCKET_EDGE_CHARS", facts::COS_BUCKET_EDGE_CHARS),
        ("COS_PREFIX_CHARS", facts::COS_PREFIX_CHARS),
        ("DIGITS", facts::DIGITS),
        ("REGION_FIRST_PART_CHARS", facts::REGION_FIRST_PART_CHARS),
        ("REGION_PART_CHARS", facts::REGION_PART_CHARS),
    ];
    for (name, charset) in charsets {
        let class = regex::Regex::new(&format!("^{}$", charset.class()))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for c in characters() {
            assert_eq!(
                charset.contains(c),
                class.is_match(&c.to_string()),
                "{name}: {c:?}"
            );
        }
    }
}

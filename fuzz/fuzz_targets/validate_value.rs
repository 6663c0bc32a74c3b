//! Validation of a `serde_json::Value`: read from the bytes by serde_json, or built from them
//! with the API's parameter names so that deep rules are reached. The value's text (as
//! serde_json writes it) must validate the same, but for positions.

#![no_main]

mod common;

use arbitrary::Unstructured;
use cloudaudit_lint::{Param, Validator};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

const STRINGS: &[&str] = &[
    "CreateAuditTrack",
    "ModifyAuditTrack",
    "DescribeAuditTracks",
    "2019-03-19",
    "ap-guangzhou",
    "audit",
    "Read",
    "Write",
    "*",
    "cos",
    "cls",
    "cloudaudit",
    "cvm",
    "LookUpEvents",
    "PutObject",
    "audit-cos",
    "logs",
    "audit-logs-1250000000",
    "100000000001",
];

fn value(u: &mut Unstructured<'_>, depth: usize) -> arbitrary::Result<Value> {
    let choice = if depth > 4 {
        u.int_in_range(0..=3u8)?
    } else {
        u.int_in_range(0..=5u8)?
    };
    Ok(match choice {
        0 => Value::Null,
        1 => match u.int_in_range(0..=3u8)? {
            0 => Value::from(u.arbitrary::<i64>()?),
            1 => Value::from(u.arbitrary::<u64>()?),
            2 => Value::from(u.arbitrary::<f64>()?), // NaN and infinities become null
            _ => Value::from(u.int_in_range(-1..=3i64)?),
        },
        2 => Value::Bool(u.arbitrary()?),
        3 => Value::String(common::string_near(u, STRINGS)?),
        4 => {
            let len = u.int_in_range(0..=12usize)?;
            Value::Array(
                (0..len)
                    .map(|_| value(u, depth + 1))
                    .collect::<Result<_, _>>()?,
            )
        }
        _ => {
            // Every parameter name of every action and of `Storage`, from the one table.
            let keys: Vec<&str> = Param::ALL.iter().map(|p| p.name()).collect();
            let mut map = Map::new();
            for _ in 0..u.int_in_range(0..=10usize)? {
                let key = common::string_near(u, &keys)?;
                map.insert(key, value(u, depth + 1)?);
            }
            Value::Object(map)
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&options, rest)) = data.split_first() else {
        return;
    };
    let value = if options & 1 == 0 {
        match serde_json::from_slice::<Value>(rest) {
            Ok(value) => value,
            Err(_) => return,
        }
    } else {
        let mut u = Unstructured::new(rest);
        match value(&mut u, 0) {
            Ok(value) => value,
            Err(_) => return,
        }
    };
    let mut validator = Validator::new().with_max_diagnostics(usize::MAX);
    if options & 2 != 0 {
        validator = validator.with_region("ap-guangzhou");
    }
    let report = validator.validate_value(&value);
    common::check_unlocated(&report, usize::MAX);
    let text = serde_json::to_string_pretty(&value).expect("a value serializes");
    let from_text = validator.validate_str(&text);
    assert_eq!(
        common::essentials(&report),
        common::essentials(&from_text),
        "the value and its text disagree: {text}"
    );
    common::check_located(&from_text, &text, usize::MAX, options & 2 != 0);
    if let Some(storage) = value.get(Param::Storage.name()) {
        let _ = validator.validate_parameter(Param::Storage.name(), storage, None);
    }
    if let Some(names) = value.get(Param::EventNames.name()) {
        let resource = value.get(Param::ResourceType.name()).and_then(Value::as_str);
        let _ = validator.validate_parameter(Param::EventNames.name(), names, resource);
    }
});

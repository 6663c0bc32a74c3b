//! `check --fix` and the fix API: safe fixes only, applied in place, everything else byte for
//! byte as it was.

#[cfg(feature = "cli")]
mod common;

#[cfg(feature = "cli")]
use std::process::Command;

use cloudaudit_lint::{RuleId, Validator};

const FIXABLE: &str = include_str!("fixtures/fixable.json");

#[cfg(feature = "cli")]
#[test]
fn three_fixable_faults_are_repaired_and_the_rest_is_byte_identical() {
    let dir = common::process::Folder::new("fix", "three-faults");
    let file = dir.join("request.json");
    std::fs::write(&file, FIXABLE).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
        .args([
            "check",
            "--fix",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "--format",
            "json",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let expected = FIXABLE
        .replace("\"write\"", "\"Write\"")
        .replace("[\n    \"*\",\n    \"LookUpEvents\"\n  ]", "[\"*\"]")
        .replace("audit-logs-1250000000", "audit-logs");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fixed: Vec<&str> = json[0]["fixed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        fixed,
        [
            "action-type-value",
            "event-names-wildcard",
            "storage-name-appid"
        ]
    );
    assert_eq!(json[0]["diagnostics"], serde_json::json!([]));
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(feature = "cli")]
#[test]
fn diagnostics_say_whether_they_are_fixable() {
    let out = Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
        .args([
            "check",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "--format",
            "json",
            "tests/fixtures/fixable.json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for d in json[0]["diagnostics"].as_array().unwrap() {
        assert_eq!(d["fixable"], true, "{d}");
    }
}

#[cfg(feature = "cli")]
#[test]
fn fix_refuses_standard_input() {
    let out = Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
        .args(["check", "--fix", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn guesses_are_never_fixed() {
    let v = Validator::new().with_region("ap-guangzhou");
    let text =
        r#"{"Name": "this-name-is-far-too-long-for-a-tracking-set-name-x", "ActionType": "Raed"}"#;
    let fixed = v.fix_str(text);
    assert_eq!(fixed.text, text);
    let report = v.validate_str(text);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.rule() == RuleId::NameLength)
    );
}

#[test]
fn the_api_lists_each_change() {
    let fixed = Validator::new().fix_str(FIXABLE);
    let changes: Vec<(RuleId, &str, &str)> = fixed
        .changes
        .iter()
        .map(|c| (c.rule, c.before.as_str(), c.after.as_str()))
        .collect();
    assert_eq!(
        changes,
        [
            (RuleId::ActionTypeValue, "\"write\"", "\"Write\""),
            (
                RuleId::EventNamesWildcard,
                "[\n    \"*\",\n    \"LookUpEvents\"\n  ]",
                "[\"*\"]"
            ),
            (
                RuleId::StorageNameAppId,
                "\"audit-logs-1250000000\"",
                "\"audit-logs\""
            ),
        ]
    );
}

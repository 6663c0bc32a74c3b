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
        .args(common::process::fix_args(&[]))
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

#[test]
fn the_appid_fix_removes_the_suffix_and_nothing_else() {
    let v = Validator::new().with_region("ap-guangzhou");
    let fixed_name = |name: &str| {
        let text = format!(
            r#"{{"Storage": {{"StorageType": "cos", "StorageName": "{name}", "StoragePrefix": "logs"}}}}"#
        );
        let fixed = v.fix_str(&text);
        let changes: Vec<String> = fixed.changes.iter().map(|c| c.after.clone()).collect();
        (changes, fixed.text.contains(name))
    };
    // A look-alike, an invisible character or an escape in the bucket is left for a person:
    // each names another bucket than its ASCII reading.
    for (written, kept) in [
        (r"l\u043egs-1250000000", r#""l\u043egs""#),
        ("l\u{043e}gs-1250000000", "\"l\u{043e}gs\""),
        (r"logs\u200b-1250000000", r#""logs\u200b""#),
        (r"ab\u00adc-1250000000", r#""ab\u00adc""#),
    ] {
        let (changes, _) = fixed_name(written);
        assert_eq!(changes.len(), 1, "{written}: {changes:?}");
        let after: serde_json::Value = serde_json::from_str(&changes[0]).expect("JSON");
        let expected: serde_json::Value = serde_json::from_str(kept).expect("JSON");
        assert_eq!(after, expected, "{written}");
    }
    // What cannot be seen is written as an escape, never raw.
    assert_eq!(fixed_name(r"logs\u200b-1250000000").0, [r#""logs\u200b""#]);
    assert_eq!(fixed_name("logs\u{202E}-1250000000").0, [r#""logs\u202e""#]);
    // A suffix found only once an invisible character is removed is not fixed.
    let (changes, unchanged) = fixed_name(r"logs-125\u200b0000000");
    assert_eq!(changes, Vec::<String>::new());
    assert!(unchanged);
    // The plain case still is.
    assert_eq!(fixed_name("logs-1250000000").0, ["\"logs\""]);
}

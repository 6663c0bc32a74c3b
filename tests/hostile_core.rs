//! Hostile input against the core (issue 12): numbers whose exponent overflows an `i64`, and
//! the common parameters checked in every request whatever its action, shape or size. Each
//! example goes through the library and through the program.

#![cfg(not(target_arch = "wasm32"))]

mod common;

#[cfg(feature = "cli")]
use std::process::{Command, Output};
use std::time::Duration;

use cloudaudit_lint::facts::TrackAction;
use cloudaudit_lint::{Report, Validator};
use serde_json::Value;

/// Long enough for a debug build on a loaded machine; a hang is still a failure.
const PATIENCE: Duration = Duration::from_secs(60);

/// (rule, pointer) of every diagnostic, in order.
fn rules(report: &Report) -> Vec<(String, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.rule().as_str().to_owned(), d.path.clone()))
        .collect()
}

fn pair(rule: &str, path: &str) -> (String, String) {
    (rule.to_owned(), path.to_owned())
}

/// Validates on a thread of its own, so that a hang fails the test instead of stalling it.
fn validate_in_time(validator: Validator, text: String) -> Report {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(validator.validate_str(&text));
    });
    receiver
        .recv_timeout(PATIENCE)
        .unwrap_or_else(|_| panic!("validation did not finish within {PATIENCE:?}"))
}

/// Runs the program on `stdin` with `args`, killing it past the tests' patience.
#[cfg(feature = "cli")]
fn cli(args: &[&str], stdin: &str) -> Output {
    let mut command = Command::new(common::process::BIN);
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    common::process::run_with_stdin(command, stdin.as_bytes(), &format!("{args:?}"))
}

/// The program's JSON report for one input read from stdin: its exit status and its
/// diagnostics as (rule, pointer).
#[cfg(feature = "cli")]
fn cli_json(args: &[&str], stdin: &str) -> (i32, Vec<(String, String)>, Vec<Value>) {
    let mut all = vec!["check", "--no-config", "--format", "json"];
    all.extend_from_slice(args);
    all.push("-");
    let output = cli(&all, stdin);
    let text = String::from_utf8_lossy(&output.stdout);
    let parsed: Value = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "cloudaudit-lint {all:?} printed no JSON ({e}):\n{text}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let diagnostics = parsed[0]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let seen = diagnostics
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_owned(),
                d["path"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let code = output.status.code().expect("the program exits normally");
    (code, seen, diagnostics)
}

// ---------------------------------------------------------------------------------------------
// Numbers with exponents at and past the limits of an i64

const STORAGE: &str = r#""StorageType": "cos", "StorageRegion": "ap-guangzhou",
    "StorageName": "audit-cos", "StoragePrefix": "logs""#;

/// A valid request but for `Status`.
fn with_status(status: &str) -> String {
    format!(
        r#"{{"Name": "audit", "ActionType": "Read", "ResourceType": "cos", "Status": {status},
  "EventNames": ["DeleteBucket"], "Storage": {{{STORAGE}}}}}"#
    )
}

/// A valid request but for `Storage.Compress`.
fn with_compress(compress: &str) -> String {
    format!(
        r#"{{"Name": "audit", "ActionType": "Read", "ResourceType": "cos", "Status": 1,
  "EventNames": ["DeleteBucket"], "Storage": {{{STORAGE}, "Compress": {compress}}}}}"#
    )
}

/// The numbers of the issue, and their neighbours past ±2^63 and ±2^32.
const HUGE_EXPONENTS: &[&str] = &[
    "1e9223372036854775807",
    "-1e9223372036854775807",
    "12e9223372036854775806",
    "5E+9223372036854775807",
    "1e9223372036854775808",
    "1e-9223372036854775808",
    "1.5e-9223372036854775809",
    "1e4294967296",
    "9.99e18446744073709551616",
];

#[test]
fn status_with_a_huge_exponent_is_a_type_error_without_a_replacement() {
    for number in HUGE_EXPONENTS {
        let validator = Validator::new().with_region("ap-guangzhou");
        let report = validate_in_time(validator, with_status(number));
        assert_eq!(
            rules(&report),
            [pair("parameter-type", "/Status")],
            "{number}"
        );
        let diagnostic = &report.diagnostics[0];
        assert_eq!(diagnostic.help(Default::default()), None, "{number}");
        assert!(diagnostic.violation.fix().is_none(), "{number}");
    }
}

#[test]
fn compress_with_a_huge_exponent_is_a_type_error() {
    for number in HUGE_EXPONENTS {
        let validator = Validator::new().with_region("ap-guangzhou");
        let report = validate_in_time(validator, with_compress(number));
        assert_eq!(
            rules(&report),
            [pair("parameter-type", "/Storage/Compress")],
            "{number}"
        );
    }
}

#[test]
fn page_size_and_track_id_with_a_huge_exponent_are_type_errors() {
    for (action, before, key) in [
        (
            TrackAction::DescribeList,
            r#""PageNumber": 1, "#,
            "PageSize",
        ),
        (TrackAction::Delete, "", "TrackId"),
        (TrackAction::Modify, "", "TrackId"),
    ] {
        for number in HUGE_EXPONENTS {
            let validator = Validator::new()
                .with_region("ap-guangzhou")
                .with_action(action);
            let text = format!(r#"{{{before}"{key}": {number}}}"#);
            let report = validate_in_time(validator, text);
            let path = format!("/{key}");
            assert_eq!(
                rules(&report),
                [pair("parameter-type", &path)],
                "{action:?} {number}"
            );
        }
    }
}

#[test]
fn integral_numbers_keep_their_replacement_at_the_limits() {
    // Still exact where the value is an integer within ±2^53, whatever way it is written.
    for (number, replacement) in [
        ("1E+0", "1"),
        ("1.0e0", "1"),
        ("0.1e1", "1"),
        ("-0.0", "0"),
        ("0e9223372036854775807", "0"),
        ("0.0e-9223372036854775808", "0"),
    ] {
        let validator = Validator::new().with_region("ap-guangzhou");
        let report = validate_in_time(validator, with_status(number));
        let help = report.diagnostics[0].help(Default::default());
        assert_eq!(
            help.as_deref(),
            Some(format!("write {replacement}").as_str()),
            "{number}"
        );
    }
    let one = format!("1{}e-400", "0".repeat(400));
    let validator = Validator::new().with_region("ap-guangzhou");
    let report = validate_in_time(validator, with_status(&one));
    assert_eq!(
        report.diagnostics[0].help(Default::default()).as_deref(),
        Some("write 1")
    );
}

#[test]
fn four_hundred_digit_integers_are_out_of_range_not_a_panic() {
    let digits = "9".repeat(400);
    for number in [digits.clone(), format!("-{digits}"), format!("{digits}.0")] {
        let validator = Validator::new().with_region("ap-guangzhou");
        let report = validate_in_time(validator, with_status(&number));
        let rule = if number.ends_with(".0") {
            "parameter-type"
        } else {
            "status-value"
        };
        assert_eq!(rules(&report), [pair(rule, "/Status")], "{number}");
    }
}

#[test]
fn huge_exponents_through_the_fix_path_change_nothing() {
    for number in HUGE_EXPONENTS {
        let text = with_status(number);
        let fixed = Validator::new().with_region("ap-guangzhou").fix_str(&text);
        assert!(fixed.changes.is_empty(), "{number}: {:?}", fixed.changes);
        assert_eq!(fixed.text, text);
    }
}

#[cfg(feature = "cli")]
#[test]
fn huge_exponents_through_the_program() {
    let cases = [
        (with_status("1e9223372036854775807"), "/Status", vec![]),
        (with_status("-1e9223372036854775807"), "/Status", vec![]),
        (
            with_compress("12e9223372036854775806"),
            "/Storage/Compress",
            vec![],
        ),
        (
            r#"{"PageNumber": 1, "PageSize": 5E+9223372036854775807}"#.to_owned(),
            "/PageSize",
            vec!["--action", "DescribeAuditTracks"],
        ),
    ];
    for (text, path, extra) in cases {
        let mut args = vec!["--region", "ap-guangzhou"];
        args.extend(extra);
        let (code, seen, _) = cli_json(&args, &text);
        assert_eq!(code, 1, "{text}");
        assert_eq!(seen, [pair("parameter-type", path)], "{text}");
    }
}
// ---------------------------------------------------------------------------------------------
// The common parameters are checked in every request

/// Every action, with a document of its own parameters only (one key where one is enough).
const ONE_KEY_DOCUMENTS: &[(TrackAction, &str, &str)] = &[
    (TrackAction::Delete, "DeleteAuditTrack", r#"{"TrackId": 1}"#),
    (
        TrackAction::Describe,
        "DescribeAuditTrack",
        r#"{"TrackId": 1}"#,
    ),
    (TrackAction::Modify, "ModifyAuditTrack", r#"{"TrackId": 1}"#),
    (
        TrackAction::DescribeList,
        "DescribeAuditTracks",
        r#"{"PageNumber": 1, "PageSize": 10}"#,
    ),
];

#[test]
fn an_unsupported_caller_region_is_reported_for_every_action_and_shape() {
    for &(action, _, text) in ONE_KEY_DOCUMENTS {
        let validator = Validator::new()
            .with_region("xx-nowhere")
            .with_action(action);
        let report = validator.validate_str(text);
        assert_eq!(
            rules(&report),
            [pair("region-unsupported", "/Region")],
            "{action:?} {text}"
        );
        let value: Value = serde_json::from_str(text).expect("JSON");
        assert_eq!(
            rules(&validator.validate_value(&value)),
            [pair("region-unsupported", "/Region")],
            "{action:?} {text} as a value"
        );
    }
}

#[test]
fn a_missing_region_is_reported_for_every_action_and_shape() {
    for &(action, _, text) in ONE_KEY_DOCUMENTS {
        let validator = Validator::new().with_action(action);
        let report = validator.validate_str(text);
        assert_eq!(
            rules(&report),
            [pair("missing-parameter", "/Region")],
            "{action:?} {text}"
        );
        // At the document's opening brace.
        let location = report.diagnostics[0].location.expect("located");
        assert_eq!((location.start.line, location.start.column), (1, 1));
    }
}

#[test]
fn a_documents_own_region_is_checked_in_a_one_key_document() {
    let validator = Validator::new().with_action(TrackAction::Delete);
    let report = validator.validate_str(r#"{"Region": "xx-nowhere"}"#);
    assert_eq!(
        rules(&report),
        [
            pair("region-unsupported", "/Region"),
            pair("missing-parameter", "/TrackId")
        ]
    );
}

#[test]
fn the_documents_action_chooses_and_the_region_is_still_checked() {
    for &(_, name, text) in ONE_KEY_DOCUMENTS {
        // The document names its action in a second key; still no region.
        let text = text.replacen('{', &format!(r#"{{"Action": "{name}", "#), 1);
        let text = text.replace(", }", "}");
        let report = Validator::new().validate_str(&text);
        assert_eq!(
            rules(&report),
            [pair("missing-parameter", "/Region")],
            "{text}"
        );
    }
}

#[test]
fn a_bad_caller_region_is_reported_whatever_the_document() {
    // Not an object, or not JSON at all: the caller's region is still the caller's.
    for (text, first) in [
        ("[]", "request-not-object"),
        ("1", "request-not-object"),
        ("{", "json-syntax"),
    ] {
        let report = Validator::new()
            .with_region("xx-nowhere")
            .validate_str(text);
        assert_eq!(
            rules(&report),
            [pair(first, ""), pair("region-unsupported", "/Region")],
            "{text}"
        );
    }
    // A large document takes the same path as a small one.
    let mut text = String::from(r#"{"TrackId": 1"#);
    for i in 0..1000 {
        text.push_str(&format!(r#", "Extra{i}": {i}"#));
    }
    text.push('}');
    let report = Validator::new()
        .with_region("xx-nowhere")
        .with_action(TrackAction::Delete)
        .with_max_diagnostics(usize::MAX)
        .validate_str(&text);
    assert_eq!(count(&report, "region-unsupported"), 1);
    assert_eq!(count(&report, "unknown-parameter"), 1000);
}

fn count(report: &Report, rule: &str) -> usize {
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule().as_str() == rule)
        .count()
}

#[test]
fn validate_parameter_checks_the_region_only_for_the_region() {
    let validator = Validator::new();
    let region = validator.validate_parameter("Region", &serde_json::json!("xx-nowhere"), None);
    assert_eq!(rules(&region), [pair("region-unsupported", "/Region")]);
    let action =
        validator.validate_parameter("Action", &serde_json::json!("CreateAuditTrack"), None);
    assert!(action.diagnostics.is_empty(), "{:?}", rules(&action));
}

#[cfg(feature = "cli")]
#[test]
fn the_region_is_checked_in_every_request_through_the_program() {
    for &(_, name, text) in ONE_KEY_DOCUMENTS {
        let (code, seen, diagnostics) =
            cli_json(&["--action", name, "--region", "xx-nowhere"], text);
        assert_eq!(code, 1, "{name} {text}");
        assert_eq!(
            seen,
            [pair("region-unsupported", "/Region")],
            "{name} {text}"
        );
        assert_eq!(diagnostics[0]["apiErrorCode"], "UnsupportedRegion");

        let (code, seen, _) = cli_json(&["--action", name], text);
        assert_eq!(code, 1, "{name} {text}");
        assert_eq!(
            seen,
            [pair("missing-parameter", "/Region")],
            "{name} {text}"
        );
    }
    // Human output says so too, instead of "no problems".
    let output = cli(
        &[
            "check",
            "--no-config",
            "--action",
            "DeleteAuditTrack",
            "--region",
            "xx-nowhere",
            "-",
        ],
        r#"{"TrackId": 1}"#,
    );
    let human = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{human}");
    assert!(human.contains("error[region-unsupported]"), "{human}");
    assert!(!human.contains("no problems"), "{human}");
}

/// A `CreateEventsAuditTrack` request whose `Filters.ResourceFields` holds `entries`.
fn events_with(entries: &str) -> String {
    format!(
        r#"{{"Action": "CreateEventsAuditTrack", "Name": "audit-multi", "Status": 1,
            "Storage": {{"StorageType": "cos", "StorageRegion": "ap-guangzhou",
                        "StorageName": "audit-logs", "StoragePrefix": "audit"}},
            "Filters": {{"ResourceFields": [{entries}]}}}}"#
    )
}

#[test]
fn a_hundred_thousand_entries_of_one_product_are_each_reported_within_the_limit() {
    const ENTRIES: usize = 100_000;
    let entry = r#"{"ResourceType": "cvm", "ActionType": "*", "EventNames": ["*"]}"#;
    let text = events_with(&vec![entry; ENTRIES].join(","));
    let validator = Validator::new()
        .with_region("ap-guangzhou")
        .with_max_diagnostics(50);
    let report = validate_in_time(validator, text);
    // Every repeat after the first is a finding: 50 kept, the rest counted.
    assert_eq!(report.diagnostics.len(), 50);
    assert_eq!(report.omitted, ENTRIES - 1 - 50);
    assert_eq!(
        rules(&report)[49],
        pair(
            "resource-fields-duplicate-product",
            "/Filters/ResourceFields/50/ResourceType"
        )
    );
    assert!(!report.has_errors(), "warnings only");
}

#[test]
fn hostile_entries_are_type_errors_and_deep_values_never_overflow() {
    let deep = format!("{}1{}", "[".repeat(100), "]".repeat(100));
    let text = events_with(&format!(
        r#"null, [], {{"ResourceType": {deep}, "ActionType": {{}}, "EventNames": "*", "X": {deep}}}"#
    ));
    let report = validate_in_time(Validator::new().with_region("ap-guangzhou"), text);
    assert_eq!(
        rules(&report),
        [
            pair("parameter-type", "/Filters/ResourceFields/0"),
            pair("parameter-type", "/Filters/ResourceFields/1"),
            pair("parameter-type", "/Filters/ResourceFields/2/ResourceType"),
            pair("parameter-type", "/Filters/ResourceFields/2/ActionType"),
            pair("parameter-type", "/Filters/ResourceFields/2/EventNames"),
            pair("unknown-parameter", "/Filters/ResourceFields/2/X"),
        ]
    );
    // Nesting past the parser's limit inside Filters is a located syntax error, not a crash.
    let deeper = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let report = validate_in_time(Validator::new(), events_with(&deeper));
    assert_eq!(rules(&report)[0].0, "json-syntax");
}

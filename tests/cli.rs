//! The `cloudaudit-lint` program end to end: the built binary run on fixture files, its exit
//! status, its three output formats and the `rules` listing. Human output is snapshot-tested
//! (tests/snapshots/), so a change in what users read is a reviewed diff.

#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use cloudaudit_lint::{Locale, RuleId, Validator};
use serde_json::Value;

const EXAMPLE: &str = "examples/create-audit-track.json";

/// Every fixture with human output worth a snapshot.
const FIXTURES: &[&str] = &[
    "cls",
    "lookalikes",
    "many-faults",
    "modify",
    "not-json",
    "not-object",
    "region-mismatch",
    "type-errors",
    "warnings-only",
];

fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}.json")
}

/// Runs the program from the crate root (so file names in the output are stable), with
/// `stdin` as standard input.
fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start cloudaudit-lint {args:?}: {e}"));
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin)
            .unwrap_or_else(|e| panic!("cannot write stdin of {args:?}: {e}"));
    }
    child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("cloudaudit-lint {args:?} did not finish: {e}"))
}

fn run(args: &[&str]) -> Output {
    run_with_stdin(args, b"")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("the program exits normally")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// Runs and checks the exit status; returns stdout.
fn expect_exit(args: &[&str], status: i32) -> String {
    let output = run(args);
    assert_eq!(
        code(&output),
        status,
        "cloudaudit-lint {args:?}\nstdout:\n{}\nstderr:\n{}",
        stdout(&output),
        String::from_utf8_lossy(&output.stderr)
    );
    stdout(&output)
}

fn json_output(args: &[&str], status: i32) -> Value {
    let out = expect_exit(args, status);
    serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("cloudaudit-lint {args:?} printed no JSON ({e}):\n{out}"))
}

// ---------------------------------------------------------------------------------------------
// Exit status

#[test]
fn the_pages_example_passes() {
    let out = expect_exit(&["check", "--region", "ap-guangzhou", EXAMPLE], 0);
    // Its only finding is the catalogue's advice: the product code is cloudaudit, not audit.
    assert!(out.contains("warning[resource-type-unknown]"), "{out}");
    assert!(out.ends_with("0 errors, 1 warning in 1 file\n"), "{out}");
}

#[test]
fn warnings_alone_exit_zero() {
    let out = expect_exit(
        &[
            "check",
            "--region",
            "ap-guangzhou",
            &fixture("warnings-only"),
        ],
        0,
    );
    assert!(out.contains("0 errors, 4 warnings in 1 file"), "{out}");
}

#[test]
fn errors_exit_one() {
    expect_exit(
        &["check", "--region", "ap-guangzhou", &fixture("many-faults")],
        1,
    );
}

#[test]
fn unparseable_json_exits_one() {
    let out = expect_exit(
        &["check", "--region", "ap-guangzhou", &fixture("not-json")],
        1,
    );
    assert!(out.contains("error[json-syntax]"), "{out}");
}

#[test]
fn a_missing_file_exits_two() {
    let out = expect_exit(&["check", "tests/fixtures/no-such-file.json"], 2);
    assert!(
        out.contains("cannot read tests/fixtures/no-such-file.json"),
        "{out}"
    );
}

#[test]
fn a_missing_file_among_good_ones_still_exits_two() {
    expect_exit(
        &[
            "check",
            "--region",
            "ap-guangzhou",
            EXAMPLE,
            "tests/fixtures/no-such-file.json",
        ],
        2,
    );
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &["check", "--bogus", EXAMPLE][..],
        &["check"],
        &[],
        &["frobnicate"],
        &["check", "--format", "xml", EXAMPLE],
        &["check", "--locale", "fr", EXAMPLE],
        &["check", "--color", "sometimes", EXAMPLE],
        &["check", "--max-diagnostics", "-1", EXAMPLE],
        &["check", "--action", "RunInstances", EXAMPLE],
    ] {
        let output = run(args);
        assert_eq!(code(&output), 2, "cloudaudit-lint {args:?}");
        assert!(
            !output.stderr.is_empty(),
            "cloudaudit-lint {args:?} says nothing on stderr"
        );
    }
}

#[test]
fn help_and_version_exit_zero() {
    let help = expect_exit(&["--help"], 0);
    assert!(help.contains("check") && help.contains("rules"), "{help}");
    let check_help = expect_exit(&["check", "--help"], 0);
    for flag in [
        "--region",
        "--format",
        "--locale",
        "--color",
        "--max-diagnostics",
    ] {
        assert!(check_help.contains(flag), "check --help lacks {flag}");
    }
    let version = expect_exit(&["--version"], 0);
    assert!(version.contains(env!("CARGO_PKG_VERSION")), "{version}");
}

// ---------------------------------------------------------------------------------------------
// Inputs

#[test]
fn a_dash_reads_standard_input() {
    let example = std::fs::read(format!("{}/{EXAMPLE}", env!("CARGO_MANIFEST_DIR")))
        .expect("the example exists");
    let output = run_with_stdin(&["check", "--region", "ap-guangzhou", "-"], &example);
    assert_eq!(code(&output), 0, "{}", stdout(&output));

    let faults = std::fs::read(format!(
        "{}/{}",
        env!("CARGO_MANIFEST_DIR"),
        fixture("many-faults")
    ))
    .expect("the fixture exists");
    let output = run_with_stdin(
        &["check", "--color", "never", "--region", "ap-guangzhou", "-"],
        &faults,
    );
    assert_eq!(code(&output), 1);
    let out = stdout(&output);
    assert!(out.starts_with("-:3:14: error[name-charset]"), "{out}");
}

#[test]
fn several_files_in_one_run() {
    let out = expect_exit(
        &[
            "check",
            "--color",
            "never",
            "--region",
            "ap-guangzhou",
            EXAMPLE,
            &fixture("warnings-only"),
            &fixture("not-json"),
        ],
        1,
    );
    assert!(
        out.contains("tests/fixtures/warnings-only.json:6:"),
        "{out}"
    );
    assert!(out.contains("tests/fixtures/not-json.json:6:"), "{out}");
    assert!(out.ends_with("1 error, 5 warnings in 3 files\n"), "{out}");
    insta::assert_snapshot!("several_files", out);
}

#[test]
fn the_action_flag_chooses_the_api() {
    expect_exit(
        &["check", "--region", "ap-guangzhou", &fixture("modify")],
        0,
    );
    let out = expect_exit(
        &[
            "check",
            "--color",
            "never",
            "--region",
            "ap-guangzhou",
            "--action",
            "DeleteAuditTrack",
            &fixture("modify"),
        ],
        1,
    );
    assert!(out.contains("error[action-value]"), "{out}");
}

#[test]
fn the_limit_on_diagnostics_is_reported() {
    let out = expect_exit(
        &[
            "check",
            "--color",
            "never",
            "--max-diagnostics",
            "2",
            "--region",
            "ap-guangzhou",
            &fixture("many-faults"),
        ],
        1,
    );
    assert_eq!(out.matches(": error[").count(), 2, "{out}");
    assert!(out.contains("(7 more not shown)"), "{out}");
    // Omitted errors still decide the exit status.
    expect_exit(
        &[
            "check",
            "--max-diagnostics",
            "0",
            "--region",
            "ap-guangzhou",
            &fixture("many-faults"),
        ],
        1,
    );
}

// ---------------------------------------------------------------------------------------------
// Human output

fn human(args: &[&str]) -> String {
    let mut all = vec!["check", "--color", "never"];
    all.extend_from_slice(args);
    stdout(&run(&all))
}

#[test]
fn human_output_of_every_fixture() {
    for name in FIXTURES {
        let out = human(&["--region", "ap-guangzhou", &fixture(name)]);
        insta::assert_snapshot!(format!("human_{}", name.replace('-', "_")), out);
    }
    let out = human(&["--region", "ap-guangzhou", EXAMPLE]);
    insta::assert_snapshot!("human_example", out);
}

#[test]
fn human_output_in_chinese() {
    for name in ["many-faults", "lookalikes"] {
        let out = human(&[
            "--locale",
            "zh-CN",
            "--region",
            "ap-guangzhou",
            &fixture(name),
        ]);
        assert!(out.contains("个文件中有"), "{out}");
        insta::assert_snapshot!(format!("human_zh_{}", name.replace('-', "_")), out);
    }
    let example = human(&["--locale", "zh-CN", "--region", "ap-guangzhou", EXAMPLE]);
    assert!(example.contains("是否应为 \"cloudaudit\"？"), "{example}");
    assert!(
        example.ends_with("1 个文件中有 0 个错误、1 个警告\n"),
        "{example}"
    );
}

#[test]
fn human_output_of_an_unreadable_file_and_a_caller_region() {
    let out = human(&[
        "--region",
        "ap-shanghai",
        EXAMPLE,
        "tests/fixtures/no-such-file.json",
    ]);
    insta::assert_snapshot!("human_unreadable_and_region", out);
}

#[test]
fn colour_only_when_asked() {
    let args = ["--region", "ap-guangzhou", &fixture("many-faults")];
    let coloured = stdout(&run(&[&["check", "--color", "always"][..], &args].concat()));
    assert!(
        coloured.contains("\u{1b}["),
        "no ANSI codes with --color always"
    );
    let plain = stdout(&run(&[&["check", "--color", "never"][..], &args].concat()));
    assert!(!plain.contains('\u{1b}'), "ANSI codes with --color never");
    // Standard output is a pipe here, so `auto` means no colour.
    let auto = stdout(&run(&[&["check"][..], &args].concat()));
    assert_eq!(auto, plain);
}

// ---------------------------------------------------------------------------------------------
// JSON output

/// The fields src/report/json.rs documents for a diagnostic.
const DIAGNOSTIC_FIELDS: &[&str] = &[
    "rule",
    "severity",
    "path",
    "message",
    "apiErrorCode",
    "line",
    "column",
    "endLine",
    "endColumn",
    "help",
    "suppressed",
    "fixable",
];
const ALWAYS: &[&str] = &["rule", "severity", "path", "message", "apiErrorCode"];
const POSITION: &[&str] = &["line", "column", "endLine", "endColumn"];

/// Checks one diagnostic record against the documented contract.
fn check_diagnostic_record(record: &Value, context: &str) {
    let object = record
        .as_object()
        .unwrap_or_else(|| panic!("{context}: a diagnostic is not an object: {record}"));
    for key in object.keys() {
        assert!(
            DIAGNOSTIC_FIELDS.contains(&key.as_str()),
            "{context}: undocumented field {key:?} in {record}"
        );
    }
    for key in ALWAYS {
        assert!(
            object.contains_key(*key),
            "{context}: no {key:?} in {record}"
        );
    }
    let rule = record["rule"].as_str().expect("rule is a string");
    let rule: RuleId = rule
        .parse()
        .unwrap_or_else(|_| panic!("{context}: {rule:?} is no rule id"));
    // A team configuration may change the level, so only the two values are checked.
    assert!(
        matches!(record["severity"].as_str(), Some("error" | "warning")),
        "{context}: {record}"
    );
    let path = record["path"].as_str().expect("path is a string");
    assert!(
        path.is_empty() || path.starts_with('/'),
        "{context}: {path:?}"
    );
    let message = record["message"].as_str().expect("message is a string");
    assert!(!message.is_empty(), "{context}: empty message");
    match &record["apiErrorCode"] {
        Value::Null => assert!(rule.api_error_code().is_none(), "{context}: {record}"),
        Value::String(code) => assert_eq!(
            Some(code.as_str()),
            rule.api_error_code().map(|c| c.as_str()),
            "{context}"
        ),
        other => panic!("{context}: apiErrorCode is {other}"),
    }
    let positions = POSITION.iter().filter(|k| object.contains_key(**k)).count();
    assert!(
        positions == 0 || positions == POSITION.len(),
        "{context}: some but not all of line/column/endLine/endColumn in {record}"
    );
    for key in POSITION {
        if let Some(value) = object.get(*key) {
            assert!(
                value.as_u64().is_some_and(|n| n >= 1),
                "{context}: {key} is {value}, not a positive integer"
            );
        }
    }
    if let Some(help) = object.get("help") {
        assert!(
            help.as_str().is_some_and(|h| !h.is_empty()),
            "{context}: help is {help}"
        );
    }
    if let Some(reason) = object.get("suppressed") {
        assert!(reason.is_string(), "{context}: suppressed is {reason}");
    }
    if let Some(fixable) = object.get("fixable") {
        assert!(fixable.is_boolean(), "{context}: fixable is {fixable}");
    }
}

/// Checks the whole JSON array: one record per input, each checked or unreadable.
fn check_json_contract(output: &Value, files: &[&str]) {
    let records = output.as_array().expect("the output is one JSON array");
    assert_eq!(records.len(), files.len(), "one record per input");
    for (record, file) in records.iter().zip(files) {
        let object = record.as_object().expect("a file record is an object");
        assert_eq!(record["file"].as_str(), Some(*file));
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        if keys == ["error", "file"] {
            assert!(record["error"].as_str().is_some_and(|e| !e.is_empty()));
            continue;
        }
        keys.retain(|k| *k != "fixed"); // with --fix only
        assert_eq!(keys, ["diagnostics", "file", "omitted"], "{record}");
        assert!(record["omitted"].as_u64().is_some(), "{record}");
        for diagnostic in record["diagnostics"].as_array().expect("an array") {
            check_diagnostic_record(diagnostic, file);
        }
    }
}

#[test]
fn json_output_follows_the_contract() {
    let mut files: Vec<String> = FIXTURES.iter().map(|f| fixture(f)).collect();
    files.push(EXAMPLE.to_owned());
    // Inputs under a team configuration: suppressed diagnostics and policies.
    files.push("tests/fixtures/config/team/legacy/request.json".to_owned());
    files.push("tests/fixtures/config/team/request.json".to_owned());
    files.push("tests/fixtures/no-such-file.json".to_owned());
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    let args: Vec<&str> = ["check", "--format", "json", "--region", "ap-guangzhou"]
        .into_iter()
        .chain(files.iter().copied())
        .collect();
    let output = json_output(&args, 2);
    check_json_contract(&output, &files);
}

#[test]
fn json_output_matches_the_library() {
    let file = fixture("many-faults");
    let output = json_output(
        &[
            "check",
            "--format",
            "json",
            "--region",
            "ap-guangzhou",
            &file,
        ],
        1,
    );
    let text = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR")))
        .expect("the fixture exists");
    let report = Validator::new()
        .with_region("ap-guangzhou")
        .validate_str(&text);
    let records = output[0]["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(records.len(), report.diagnostics.len());
    // In text order, as the library's in_text_order lists them.
    for (record, d) in records.iter().zip(report.in_text_order()) {
        let location = d.location.expect("a text diagnostic is located");
        assert_eq!(record["rule"], d.rule().as_str());
        assert_eq!(record["path"], d.path.as_str());
        assert_eq!(record["line"], location.start.line);
        assert_eq!(record["column"], location.start.column);
        assert_eq!(record["endLine"], location.end.line);
        assert_eq!(record["endColumn"], location.end.column);
    }
    // The first diagnostic, spelled out: the space in "my audit trail!".
    assert_eq!(
        records[0],
        serde_json::json!({
            "rule": "name-charset", "severity": "error", "path": "/Name",
            "message": "Name has U+0020 \" \" at character 3; a name may contain only ASCII letters, digits, hyphens (-) and underscores (_) (and 2 more such characters)",
            "apiErrorCode": "InvalidParameterValue",
            "line": 3, "column": 14, "endLine": 3, "endColumn": 15,
            "help": "replace it with a letter, digit, - or _", "fixable": false
        })
    );
}

#[test]
fn json_output_without_a_place_has_no_position() {
    let output = json_output(
        &[
            "check",
            "--format",
            "json",
            "--region",
            "ap-shanghai",
            EXAMPLE,
        ],
        1,
    );
    check_json_contract(&output, &[EXAMPLE]);
    let record = &output[0]["diagnostics"][0];
    assert_eq!(record["rule"], "region-unsupported");
    for key in POSITION {
        assert!(record.get(*key).is_none(), "{key} in {record}");
    }
    assert_eq!(record["apiErrorCode"], "UnsupportedRegion");
}

#[test]
fn json_output_counts_omitted_diagnostics_and_speaks_chinese() {
    let file = fixture("many-faults");
    let output = json_output(
        &[
            "check",
            "--format",
            "json",
            "--locale",
            "zh-CN",
            "--max-diagnostics",
            "3",
            "--region",
            "ap-guangzhou",
            &file,
        ],
        1,
    );
    check_json_contract(&output, &[&file]);
    assert_eq!(output[0]["omitted"], 6);
    assert_eq!(output[0]["diagnostics"].as_array().map(Vec::len), Some(3));
    let message = output[0]["diagnostics"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(message.starts_with("Name 的第 3 个字符是"), "{message}");
}

#[test]
fn json_output_for_standard_input_names_it_dash() {
    let output = run_with_stdin(&["check", "--format", "json", "-"], b"[]");
    assert_eq!(code(&output), 1);
    let value: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    check_json_contract(&value, &["-"]);
    assert_eq!(value[0]["diagnostics"][0]["rule"], "request-not-object");
}

// ---------------------------------------------------------------------------------------------
// SARIF output

#[test]
fn sarif_output_has_rules_and_located_results() {
    let files = [
        fixture("many-faults"),
        fixture("lookalikes"),
        fixture("warnings-only"),
        EXAMPLE.to_owned(),
    ];
    let mut args = vec!["check", "--format", "sarif", "--region", "ap-guangzhou"];
    args.extend(files.iter().map(String::as_str));
    let log = json_output(&args, 1);
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().is_some_and(|s| s.contains("sarif")));
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["tool"]["driver"]["name"], "cloudaudit-lint");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    let all: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(ids, all, "one reportingDescriptor per rule, in table order");
    for (rule, descriptor) in RuleId::ALL.iter().zip(rules) {
        let level = descriptor["defaultConfiguration"]["level"].as_str();
        assert_eq!(level, Some(rule.default_severity().as_str()), "{rule}");
        assert!(
            descriptor["shortDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty()),
            "{rule}"
        );
    }

    let results = run["results"].as_array().expect("results");
    let expected: usize = files
        .iter()
        .map(|file| {
            let text = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR")))
                .expect("fixture");
            Validator::new()
                .with_region("ap-guangzhou")
                .validate_str(&text)
                .diagnostics
                .len()
        })
        .sum();
    assert_eq!(results.len(), expected);
    for result in results {
        let id = result["ruleId"].as_str().expect("ruleId");
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(ids.get(index), Some(&id), "{result}");
        assert!(matches!(
            result["level"].as_str(),
            Some("error" | "warning")
        ));
        assert!(
            result["message"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        let physical = &result["locations"][0]["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(files.iter().any(|f| f == uri), "{uri}");
        let region = &physical["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(
                region[key].as_u64().is_some_and(|n| n >= 1),
                "{key} in {result}"
            );
        }
        let pointer = result["properties"]["jsonPointer"]
            .as_str()
            .expect("pointer");
        assert_eq!(
            result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
            pointer
        );
    }
}

#[test]
fn sarif_output_reports_unreadable_files_as_notifications() {
    let log = json_output(
        &[
            "check",
            "--format",
            "sarif",
            EXAMPLE,
            "tests/fixtures/no-such-file.json",
            "--region",
            "ap-guangzhou",
        ],
        2,
    );
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolExecutionNotifications"]
        .as_array()
        .expect("notifications");
    assert_eq!(notifications.len(), 1);
    assert_eq!(
        notifications[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "tests/fixtures/no-such-file.json"
    );
}

// ---------------------------------------------------------------------------------------------
// The rules listing

/// A rule's description with the default profile's facts.
fn described(rule: RuleId, locale: Locale) -> String {
    cloudaudit_lint::i18n::describe(rule, &cloudaudit_lint::Profile::default(), locale)
}

#[test]
fn rules_lists_every_rule() {
    let out = expect_exit(&["rules"], 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), RuleId::ALL.len(), "{out}");
    for (rule, line) in RuleId::ALL.iter().zip(&lines) {
        let mut words = line.split_whitespace();
        assert_eq!(words.next(), Some(rule.as_str()), "{line}");
        assert_eq!(
            words.next(),
            Some(rule.default_severity().as_str()),
            "{line}"
        );
        assert!(line.ends_with(&described(*rule, Locale::En)), "{line}");
    }
    let zh = expect_exit(&["rules", "--locale", "zh-CN"], 0);
    assert!(
        zh.contains(&described(RuleId::NameLength, Locale::ZhCn)),
        "{zh}"
    );
}

#[test]
fn rules_as_json() {
    let rules = json_output(&["rules", "--format", "json"], 0);
    let rules = rules.as_array().expect("an array");
    assert_eq!(rules.len(), RuleId::ALL.len());
    for (rule, record) in RuleId::ALL.iter().zip(rules) {
        assert_eq!(record["id"], rule.as_str());
        assert_eq!(record["severity"], rule.default_severity().as_str());
        assert_eq!(
            record["apiErrorCode"].as_str(),
            rule.api_error_code().map(|c| c.as_str()),
            "{rule}"
        );
        assert_eq!(record["description"]["en"], described(*rule, Locale::En));
        assert_eq!(
            record["description"]["zh-CN"],
            described(*rule, Locale::ZhCn)
        );
    }
}

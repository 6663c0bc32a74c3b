//! Hostile Terraform plans and configuration files: large plans located in one sweep and
//! bounded as a whole, malformed plan structure, numbers out of range, configurations with a
//! great many problems, suppression entries with several problems, the TOML parser's
//! recursion limit, and suppression globs that keep `*` within one folder.
//!
//! No test here is timed: the linear-time items assert what only a linear implementation
//! gives at scale (bounded output, exact counts, exact positions at the far end).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;
#[cfg(feature = "cli")]
use std::process::{Command, Output, Stdio};

use cloudaudit_lint::config::Config;
#[cfg(feature = "cli")]
use cloudaudit_lint::config::MAX_LISTED_ERRORS;
use cloudaudit_lint::{Locale, RuleId, Validator, terraform};

/// One audit-track resource on one line, with `faults` in its values.
fn resource(index: usize, values: &str) -> String {
    format!(
        r#"{{"address": "tencentcloud_audit_track.t{index}", "mode": "managed", "type": "tencentcloud_audit_track", "name": "t{index}", "values": {values}}}"#
    )
}

/// Values with exactly one problem: the name's space (`name-charset`).
const ONE_FAULT: &str = r#"{"name": "a b", "action_type": "Read", "resource_type": "cvm", "status": 1, "event_names": ["*"], "storage": [{"storage_type": "cls", "storage_region": "ap-guangzhou", "storage_name": "topic", "storage_prefix": "x"}]}"#;

/// Values with several problems (name, action type, status, storage type).
const MANY_FAULTS: &str = r#"{"name": "a b", "action_type": "read", "resource_type": "cvm", "status": 3, "event_names": ["*"], "storage": [{"storage_type": "s3", "storage_region": "ap-guangzhou", "storage_name": "topic", "storage_prefix": "x"}]}"#;

/// A plan of `count` resources, resource `i` on line `i + 2`.
fn plan(count: usize, values: &str) -> String {
    let resources: Vec<String> = (0..count).map(|i| resource(i, values)).collect();
    format!(
        "{{\"format_version\": \"1.2\", \"planned_values\": {{\"root_module\": {{\"resources\": [\n{}\n]}}}}}}\n",
        resources.join(",\n")
    )
}

fn validator() -> Validator {
    Validator::new()
        .with_region("ap-guangzhou")
        .with_catalog(None)
}

#[cfg(feature = "cli")]
fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// A folder of the test's own, removed when the test ends.
#[cfg(feature = "cli")]
fn temp_dir(name: &str) -> common::process::Folder {
    common::process::Folder::new("terraform-config", name)
}

// ---- Terraform plans ----

#[test]
fn the_far_end_of_a_large_plan_is_located_exactly() {
    let count = 20_000;
    let text = plan(count, ONE_FAULT);
    let report = terraform::check_plan(&validator().with_max_diagnostics(usize::MAX), &text)
        .expect("JSON")
        .expect("a plan");
    assert_eq!(report.diagnostics.len(), count);
    assert_eq!(report.omitted, 0);
    let last = report.diagnostics.last().expect("diagnostics");
    assert_eq!(last.rule(), RuleId::NameCharset);
    let location = last.location.expect("located");
    let line = text.lines().nth(count).expect("the last resource's line");
    // The name's value `"a b"`, from its opening quote.
    let column = line.find(r#""a b""#).expect("the name") + 1;
    assert_eq!(
        (location.start.line, location.start.column),
        (count + 1, column)
    );
    assert_eq!(
        last.within.as_ref().map(|r| r.address.as_str()),
        Some("tencentcloud_audit_track.t19999")
    );
}

#[test]
fn max_diagnostics_bounds_the_whole_plan_and_counts_the_rest_exactly() {
    let per_resource = terraform::check_plan(&validator(), &plan(1, MANY_FAULTS))
        .expect("JSON")
        .expect("a plan");
    let each = per_resource.diagnostics.len();
    let errors_each = per_resource.error_count();
    assert!(each >= 4, "{:?}", per_resource.diagnostics);

    let report = terraform::check_plan(
        &validator().with_max_diagnostics(5),
        &plan(1_000, MANY_FAULTS),
    )
    .expect("JSON")
    .expect("a plan");
    assert_eq!(report.diagnostics.len(), 5);
    assert_eq!(report.omitted, 1_000 * each - 5);
    let reported_errors = report.error_count();
    assert_eq!(report.omitted_errors, 1_000 * errors_each - reported_errors);
    // The first five are the first resource's, in order.
    let addresses: Vec<&str> = report
        .diagnostics
        .iter()
        .filter_map(|d| d.within.as_ref().map(|r| r.address.as_str()))
        .collect();
    assert_eq!(addresses[0], "tencentcloud_audit_track.t0");
    assert_eq!(
        addresses
            .iter()
            .filter(|a| **a == "tencentcloud_audit_track.t0")
            .count(),
        each.min(5)
    );
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_bounds_a_plan_with_max_diagnostics() {
    let dir = temp_dir("plan-max");
    std::fs::write(dir.join("plan.json"), plan(1_000, MANY_FAULTS)).expect("written");
    let out = run(
        &[
            "check",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "--format",
            "json",
            "--max-diagnostics",
            "5",
            "plan.json",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(json[0]["diagnostics"].as_array().map(Vec::len), Some(5));
    assert!(json[0]["omitted"].as_u64().is_some_and(|n| n >= 3_995));
}

/// (rule, path, line, column) of every diagnostic of a plan.
fn findings(text: &str) -> Vec<(RuleId, String, usize, usize)> {
    terraform::check_plan(&validator(), text)
        .expect("JSON")
        .expect("a plan")
        .diagnostics
        .into_iter()
        .map(|d| {
            let at = d.location.expect("located").start;
            (d.rule(), d.path, at.line, at.column)
        })
        .collect()
}

#[test]
fn malformed_plan_structure_is_a_located_error() {
    // (plan, pointer, the text the error points at, message)
    let cases = [
        (
            r#"{"format_version": "1.2", "planned_values": []}"#,
            "/planned_values",
            "[]",
            "planned_values must be an object, not an array",
        ),
        (
            r#"{"format_version": "1.2", "planned_values": {"root_module": 7}}"#,
            "/planned_values/root_module",
            "7",
            "planned_values.root_module must be an object, not an integer",
        ),
        (
            r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": {}}}}"#,
            "/planned_values/root_module/resources",
            "{}",
            "planned_values.root_module.resources must be an array, not an object",
        ),
        (
            r#"{"format_version": "1.2", "planned_values": {"root_module": {"child_modules": {}}}}"#,
            "/planned_values/root_module/child_modules",
            "{}",
            "planned_values.root_module.child_modules must be an array, not an object",
        ),
        (
            r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": ["x"]}}}"#,
            "/planned_values/root_module/resources/0",
            "\"x\"",
            "planned_values.root_module.resources[0] must be an object, not a string",
        ),
        (
            r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": [{"type": "tencentcloud_audit_track", "values": []}]}}}"#,
            "/planned_values/root_module/resources/0/values",
            "[]",
            "planned_values.root_module.resources[0].values must be an object, not an array",
        ),
        (
            r#"{"format_version": "1.2", "planned_values": {"root_module": {}}, "resource_changes": {}}"#,
            "/resource_changes",
            "{}}",
            "resource_changes must be an array, not an object",
        ),
    ];
    for (text, pointer, at, message) in cases {
        let report = terraform::check_plan(&validator(), text)
            .expect("JSON")
            .expect("a plan");
        assert!(report.has_errors(), "{text}");
        let d = &report.diagnostics[0];
        assert_eq!(d.rule(), RuleId::ParameterType, "{text}");
        assert_eq!(d.path, pointer, "{text}");
        let location = d.location.expect("located");
        let column = text.rfind(at).expect("the value") + 1;
        assert_eq!(
            (location.start.line, location.start.column),
            (1, column),
            "{text}"
        );
        assert_eq!(d.message(Locale::En), message, "{text}");
    }
}

#[test]
fn the_well_formed_parts_of_a_malformed_plan_are_still_checked() {
    let text = format!(
        r#"{{"format_version": "1.2", "planned_values": {{"root_module": {{"resources": [{}], "child_modules": {{}}}}}}}}"#,
        resource(0, ONE_FAULT)
    );
    let rules: Vec<RuleId> = findings(&text).into_iter().map(|f| f.0).collect();
    assert_eq!(rules, [RuleId::NameCharset, RuleId::ParameterType]);
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_exits_1_for_a_malformed_plan() {
    let dir = temp_dir("plan-malformed");
    std::fs::write(
        dir.join("plan.json"),
        "{\"format_version\": \"1.2\",\n \"planned_values\": []}\n",
    )
    .expect("written");
    let out = run(&["check", "--no-config", "plan.json"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("plan.json:2:20: error[parameter-type]"),
        "{stdout}"
    );
}

#[test]
fn a_number_out_of_range_in_a_plan_is_named_a_number() {
    let values = ONE_FAULT
        .replace("\"status\": 1", "\"status\": 1e9223372036854775807")
        .replace("\"a b\"", "-1e999");
    let report = terraform::check_plan(&validator(), &plan(1, &values))
        .expect("JSON")
        .expect("a plan");
    let messages: Vec<String> = report
        .diagnostics
        .iter()
        .map(|d| d.message(Locale::En))
        .collect();
    assert_eq!(
        messages,
        [
            "Name must be a string, not a number with a fraction or an exponent",
            "Status must be an integer, not a number with a fraction or an exponent",
        ]
    );
    // The help quotes the number as the plan writes it.
    assert_eq!(
        report.diagnostics[0].help(Locale::En).as_deref(),
        Some("write \"-1e999\"")
    );
}

// ---- The configuration reader ----

#[cfg(feature = "cli")]
#[test]
fn eighty_thousand_unknown_rules_are_listed_up_to_the_cap_and_counted() {
    let keys: String = (0..80_000)
        .map(|i| format!("no-such-rule-{i} = \"off\"\n"))
        .collect();
    let text = format!("[rules]\n{keys}");
    let errors = Config::from_toml(&text).expect_err("unknown keys");
    assert_eq!(errors.errors.len(), MAX_LISTED_ERRORS + 1);
    assert_eq!(errors.omitted, 80_000 - MAX_LISTED_ERRORS);
    let last = errors.errors.last().expect("a last entry");
    assert_eq!(
        last.message,
        format!("{} more problems not listed", 80_000 - MAX_LISTED_ERRORS)
    );
    assert_eq!(last.span, None);
    // The listed ones are the first in the text.
    let first = errors.errors[0].span.expect("located");
    assert_eq!(&text[first.start..first.end], "no-such-rule-0");

    let dir = temp_dir("config-cap");
    std::fs::write(dir.join("cloudaudit-lint.toml"), &text).expect("written");
    std::fs::write(dir.join("request.json"), "{}").expect("written");
    let out = run(&["check", "request.json"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), MAX_LISTED_ERRORS + 1, "{stderr}");
    assert!(
        stderr
            .lines()
            .next_back()
            .is_some_and(|l| l.ends_with("79900 more problems not listed"))
    );
}

/// (message, text at the span) of every problem of a configuration.
fn problems(text: &str) -> Vec<(String, String)> {
    Config::from_toml(text)
        .expect_err("problems")
        .errors
        .into_iter()
        .map(|e| {
            let at = e
                .span
                .and_then(|s| text.get(s.start..s.end))
                .unwrap_or("<no place>")
                .to_owned();
            (e.message, at)
        })
        .collect()
}

#[test]
fn a_bad_glob_does_not_hide_the_entrys_other_problems() {
    let text = "[[suppress]]\nfiles = [\"a/[\", \"ok/*.json\", \"b/{\"]\nrules = [\"name-charset\", \"no-such-rule\", 7]\n";
    let found = problems(text);
    let messages: Vec<&str> = found.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(messages[0].starts_with("a [[suppress]] entry needs a \"reason\""));
    assert!(messages[1].starts_with("\"files\": "), "{messages:?}");
    assert_eq!(found[1].1, "\"a/[\"");
    assert_eq!(found[2].1, "\"b/{\"");
    assert!(messages[3].starts_with("unknown rule \"no-such-rule\""));
    assert_eq!(messages[4], "\"rules\" must be a string, not an integer");
}

#[cfg(feature = "cli")]
#[test]
fn a_key_past_the_parsers_recursion_limit_is_located() {
    let key = vec!["a"; 200].join(".");
    for text in [
        format!("[rules]\nname-charset = \"off\"\n{key} = 1\n"),
        format!("[{key}]\n"),
    ] {
        let errors = Config::from_toml(&text).expect_err("too deep");
        let span = errors.errors[0].span.expect("located");
        assert_eq!(&text[span.start..span.end], key, "{text}");
    }
    for deep in [
        format!("a = {}1{}\n", "[".repeat(5_000), "]".repeat(5_000)),
        format!("a = {}1{}\n", "{b = ".repeat(5_000), "}".repeat(5_000)),
        format!("a = {}\n", "[".repeat(100_000)),
    ] {
        let errors = Config::from_toml(&deep).expect_err("too deep");
        assert!(errors.errors[0].span.is_some(), "{:?}", errors.errors[0]);
    }

    let dir = temp_dir("config-deep");
    std::fs::write(
        dir.join("cloudaudit-lint.toml"),
        format!("x = 1\n{key} = 1\n"),
    )
    .expect("written");
    std::fs::write(dir.join("request.json"), "{}").expect("written");
    let out = run(&["check", "request.json"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cloudaudit-lint.toml:2:1: error: recursion limit"),
        "{stderr}"
    );
}

#[test]
fn a_suppression_glob_star_stays_within_one_folder() {
    let config = |glob: &str| {
        Config::from_toml(&format!(
            "[[suppress]]\nfiles = [\"{glob}\"]\nrules = [\"name-charset\"]\nreason = \"old\"\n"
        ))
        .expect("a configuration")
    };
    let dir = Path::new("/repo");
    let applies =
        |config: &Config, file: &str| !config.suppressions_for(&dir.join(file), dir).is_empty();
    let one_level = config("legacy/*.json");
    assert!(applies(&one_level, "legacy/x.json"));
    assert!(!applies(&one_level, "legacy/deep/x.json"));
    let any_depth = config("legacy/**/*.json");
    assert!(applies(&any_depth, "legacy/x.json"));
    assert!(applies(&any_depth, "legacy/deep/x.json"));
    assert!(!applies(&config("*.json"), "legacy/x.json"));
}

#[test]
fn many_resources_sharing_one_large_change_skip_its_unknown_attributes() {
    // Every resource has the same address; its change lists the name and 2 000 event names
    // as unknown until apply, so no resource is missing its name.
    let values = ONE_FAULT.replace(r#""name": "a b", "#, "");
    let resources: Vec<String> = (0..2_000)
        .map(|_| {
            resource(0, &values).replace(
                "tencentcloud_audit_track.t0\"",
                "tencentcloud_audit_track.shared\"",
            )
        })
        .collect();
    let unknown_names = vec!["true"; 2_000].join(", ");
    let text = format!(
        r#"{{"format_version": "1.2", "planned_values": {{"root_module": {{"resources": [{}]}}}}, "resource_changes": [{{"address": "tencentcloud_audit_track.shared", "change": {{"after_unknown": {{"name": true, "event_names": [{unknown_names}]}}}}}}]}}"#,
        resources.join(", ")
    );
    let report = terraform::check_plan(&validator(), &text)
        .expect("JSON")
        .expect("a plan");
    assert!(report.is_clean(), "{:?}", report.diagnostics.first());
    // Without the change, each of them misses its name.
    let without = text.replace(r#""name": true, "#, "");
    let report = terraform::check_plan(&validator().with_max_diagnostics(usize::MAX), &without)
        .expect("JSON")
        .expect("a plan");
    assert_eq!(report.diagnostics.len(), 2_000);
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.rule() == RuleId::MissingParameter)
    );
}

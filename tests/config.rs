//! A team's configuration through the CLI: rule levels, API fact overrides, policies,
//! suppressions, discovery by walking up from the input, and located configuration errors.

#![cfg(feature = "cli")]

mod common;

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// (rule, suppressed) of every diagnostic of the first input of a `--format json` run.
fn rules_of(output: &Output) -> Vec<(String, bool)> {
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the output is JSON");
    json[0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_owned(),
                d.get("suppressed").is_some(),
            )
        })
        .collect()
}

const TEAM: &str = "tests/fixtures/config/team";

#[test]
fn the_configuration_is_found_by_walking_up_and_applied() {
    let out = run(&[
        "check",
        "--format",
        "json",
        "--region",
        "ap-guangzhou",
        &format!("{TEAM}/request.json"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let rules = rules_of(&out);
    let expected = [
        ("policy-name", false),
        ("policy-status", false),
        ("event-names-duplicate", false), // a warning made an error
        ("policy-storage-type", false),
    ];
    let expected: Vec<(String, bool)> = expected
        .iter()
        .map(|(r, s)| ((*r).to_owned(), *s))
        .collect();
    assert_eq!(rules, expected, "storage-region-unknown is off");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let duplicate = &json[0]["diagnostics"][2];
    assert_eq!(duplicate["severity"], "error");
    assert_eq!(
        json[0]["diagnostics"][0]["message"],
        "tracking sets are named prod-<team> (Name \"audit\" does not match the team's pattern ^prod-[a-z0-9-]+$)"
    );
}

#[test]
fn api_overrides_add_regions() {
    let out = run(&[
        "check",
        "--region",
        "ap-shanghai",
        &format!("{TEAM}/prod.json"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let without = run(&[
        "check",
        "--no-config",
        "--region",
        "ap-shanghai",
        &format!("{TEAM}/prod.json"),
    ]);
    assert_eq!(without.status.code(), Some(1));
}

#[test]
fn suppressed_rules_are_reported_as_suppressed_and_do_not_count() {
    let out = run(&[
        "check",
        "--format",
        "json",
        "--region",
        "ap-guangzhou",
        &format!("{TEAM}/legacy/request.json"),
    ]);
    let rules = rules_of(&out);
    assert!(rules.contains(&("policy-name".to_owned(), true)));
    assert!(rules.contains(&("event-names-duplicate".to_owned(), true)));
    assert!(rules.contains(&("policy-status".to_owned(), false)));
    let human = run(&[
        "check",
        "--color",
        "never",
        "--region",
        "ap-guangzhou",
        &format!("{TEAM}/legacy/request.json"),
    ]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("suppressed[policy-name]"), "{text}");
    assert!(
        text.contains("(legacy requests, cleaned up in Q3)"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("2 suppressed"), "{text}");
    let sarif = run(&[
        "check",
        "--format",
        "sarif",
        "--region",
        "ap-guangzhou",
        &format!("{TEAM}/legacy/request.json"),
    ]);
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let suppressed: Vec<&serde_json::Value> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 2);
    assert_eq!(
        suppressed[0]["suppressions"][0]["justification"],
        "legacy requests, cleaned up in Q3"
    );
}

#[test]
fn a_suppression_can_make_a_file_pass() {
    let dir = common::process::Folder::new("config", "suppress");
    std::fs::write(
        dir.join("cloudaudit-lint.toml"),
        "[[suppress]]\nrules = [\"name-length\"]\nreason = \"short names are fine here\"\n",
    )
    .unwrap();
    let request = std::fs::read_to_string("examples/create-audit-track.json")
        .unwrap()
        .replace(
            "\"audit\",\n    \"ActionType\"",
            "\"au\",\n    \"ActionType\"",
        );
    std::fs::write(dir.join("short.json"), request).unwrap();
    let out = run(&[
        "check",
        "--region",
        "ap-guangzhou",
        dir.join("short.json").to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("suppressed[name-length]"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn configuration_errors_are_located_with_suggestions_and_exit_2() {
    let out = run(&[
        "check",
        "--config",
        "tests/fixtures/config/broken.toml",
        "examples/create-audit-track.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines[0],
        "tests/fixtures/config/broken.toml:2:1: error: unknown key \"name-charsett\"; did you mean \"name-charset\"?"
    );
    assert!(lines[1].starts_with("tests/fixtures/config/broken.toml:5:11: error: \"policy.name\": the pattern does not compile"), "{stderr}");
    assert!(
        stderr.contains("broken.toml:8:1: error: unknown key \"stauts\"; did you mean \"status\"?"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_missing_configuration_file_is_a_usage_error() {
    let out = run(&[
        "check",
        "--config",
        "no/such.toml",
        "examples/create-audit-track.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot read the configuration no/such.toml")
    );
}

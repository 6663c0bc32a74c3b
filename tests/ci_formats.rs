//! The CI formats and switches end to end, each judged by its consumer where one can be run
//! here: GitHub workflow commands parsed as the Actions runner parses them, JUnit XML read by
//! `junitparser` (PyPI) and Python's XML parser, GitLab Code Quality checked against GitLab's
//! documented fields (no schema of it is published on a package registry), folders walked,
//! completions loaded by bash, the man page rendered by groff, colour from the environment, and
//! the pre-commit hooks run by the real `pre-commit try-repo`.
//!
//! The Python tools come from `scripts/setup.sh python` (a venv in target/py); a test that
//! needs them fails, never skips, when they are missing.

#![cfg(all(feature = "cli", unix, not(target_arch = "wasm32")))]

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::Request;
use common::process::{BIN, Folder, code, finish, text};
use serde_json::Value;

/// The program in `dir` with `args`, with no colour variables from the caller's environment.
fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command.args(args).current_dir(dir).stdin(Stdio::null());
    for name in [
        "NO_COLOR",
        "FORCE_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "CI",
    ] {
        command.env_remove(name);
    }
    command
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let child = command(dir, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program starts");
    finish(child, &format!("{args:?}"))
}

/// A request with an error at line 2 (`Name` "a b") and nothing else.
fn bad_request() -> String {
    clean_request().set("Name", r#""a b""#).text()
}

/// A clean request (API names the catalogue lists, so not even a warning).
fn clean_request() -> Request {
    Request::valid().set("EventNames", r#"["PutBucket", "DeleteBucket"]"#)
}

/// The JSON output for the same arguments, as the reference the other formats are compared to.
fn json_report(dir: &Path, args: &[&str]) -> Value {
    let out = run(dir, &[&["check", "--format", "json"][..], args].concat());
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

// ---------------------------------------------------------------------------------------------
// --format github

/// One workflow command as the Actions runner reads it (`ActionCommand.TryParseV2` in
/// actions/runner): `::name k=v,k=v::message`, values and message percent-decoded.
#[derive(Debug, PartialEq, Eq)]
struct WorkflowCommand {
    name: String,
    properties: Vec<(String, String)>,
    message: String,
}

impl WorkflowCommand {
    fn parse(line: &str) -> Option<Self> {
        let rest = line.strip_prefix("::")?;
        let end = rest.find("::")?;
        let (head, message) = (&rest[..end], &rest[end + 2..]);
        let (name, properties) = head.split_once(' ').unwrap_or((head, ""));
        let properties = properties
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_owned(), unescape_property(v))
            })
            .collect();
        Some(Self {
            name: name.to_owned(),
            properties,
            message: unescape_data(message),
        })
    }

    fn property(&self, key: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The runner's `UnescapeValue` for data: `%0D`, `%0A`, then `%25`.
fn unescape_data(text: &str) -> String {
    text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%25", "%")
}

/// The runner's `UnescapeValue` for properties: also `%3A` and `%2C`.
fn unescape_property(text: &str) -> String {
    text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_annotations_carry_the_place_and_survive_hostile_names_and_values() {
    let folder = Folder::new("ci-formats", "github");
    // A file name with every character GitHub escapes, and a value with % and a line break.
    let name = "a,b:50%\nc.json";
    folder.write(name, clean_request().set("Name", r#""50%\r\n::x""#).text());
    folder.write("ok.json", clean_request().text());
    let args = [
        "--no-config",
        "--region",
        "ap-guangzhou",
        name,
        "ok.json",
        "missing.json",
    ];
    let out = run(
        &folder.0,
        &[&["check", "--format", "github"][..], &args].concat(),
    );
    assert_eq!(code(&out), 2, "{}", text(&out.stderr));
    let output = text(&out.stdout);
    let commands: Vec<WorkflowCommand> = output
        .lines()
        .map(|line| {
            WorkflowCommand::parse(line).unwrap_or_else(|| panic!("not a command: {line:?}"))
        })
        .collect();
    // No raw control character reaches the log: only the line breaks between commands.
    assert!(
        !output.chars().any(|c| c.is_control() && c != '\n'),
        "{output:?}"
    );

    let report = json_report(&folder.0, &args);
    let expected = report[0]["diagnostics"].as_array().unwrap();
    let annotations: Vec<&WorkflowCommand> = commands
        .iter()
        .filter(|c| c.property("file") == Some(name))
        .collect();
    assert_eq!(annotations.len(), expected.len(), "{output}");
    for (annotation, record) in annotations.iter().zip(expected) {
        assert_eq!(annotation.name, record["severity"].as_str().unwrap());
        for (key, field) in [
            ("line", "line"),
            ("col", "column"),
            ("endLine", "endLine"),
            ("endColumn", "endColumn"),
        ] {
            assert_eq!(
                annotation.property(key),
                Some(record[field].to_string().as_str()),
                "{key} of {annotation:?}"
            );
        }
        let rule = record["rule"].as_str().unwrap();
        assert_eq!(
            annotation.property("title"),
            Some(format!("cloudaudit-lint ({rule})").as_str())
        );
        let message = record["message"].as_str().unwrap();
        // The message as sent, but for control characters drawn as U+FFFD.
        let shown: String = message
            .chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\r' {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect();
        assert!(
            annotation.message.starts_with(&shown),
            "{annotation:?} vs {message:?}"
        );
    }
    assert!(
        annotations.iter().any(|a| a.message.contains('%')),
        "{output}"
    );
    // The clean file has no annotation; the missing one is an error on the file.
    assert!(
        !commands
            .iter()
            .any(|c| c.property("file") == Some("ok.json"))
    );
    let missing: Vec<_> = commands
        .iter()
        .filter(|c| c.property("file") == Some("missing.json"))
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].name, "error");
    assert!(missing[0].message.starts_with("cannot read missing.json"));
}

#[test]
fn github_warnings_and_suppressed_diagnostics_have_their_own_commands() {
    let folder = Folder::new("ci-formats", "github-levels");
    folder.write(
        "cloudaudit-lint.toml",
        "[[suppress]]\nrules = [\"name-charset\"]\nreason = \"legacy\"\n",
    );
    // A repeated API name is a warning; the suppressed error becomes a notice.
    let request = clean_request()
        .set("Name", r#""a b""#)
        .set("EventNames", r#"["PutBucket", "PutBucket"]"#)
        .text();
    folder.write("r.json", request);
    let out = run(
        &folder.0,
        &[
            "check",
            "--format",
            "github",
            "--region",
            "ap-guangzhou",
            "r.json",
        ],
    );
    assert_eq!(code(&out), 0);
    let commands: Vec<WorkflowCommand> = text(&out.stdout)
        .lines()
        .filter_map(WorkflowCommand::parse)
        .collect();
    let names: Vec<(&str, &str)> = commands
        .iter()
        .map(|c| (c.name.as_str(), c.property("title").unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("notice", "cloudaudit-lint (name-charset)"),
            ("warning", "cloudaudit-lint (event-names-duplicate)"),
        ]
    );
    assert!(commands[0].message.ends_with("\nsuppressed: legacy"));
}

// ---------------------------------------------------------------------------------------------
// --format junit

/// The venv `scripts/setup.sh python` makes.
fn python_tool(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/py/bin")
        .join(name);
    assert!(
        path.exists(),
        "{} is missing: run scripts/setup.sh python",
        path.display()
    );
    path
}

/// Reads `xml` with junitparser and Python's XML parser; prints one line per test case:
/// `suite|case|result type|message`, and a first line of totals.
const JUNIT_READER: &str = r#"
import sys, xml.etree.ElementTree as ET
from junitparser import JUnitXml, Failure, Error, Skipped
data = sys.stdin.buffer.read()
ET.fromstring(data)  # a well-formed XML 1.0 document, or an exception
xml = JUnitXml.fromstring(data)
suites = list(xml)
print(f"suites={len(suites)} tests={xml.tests} failures={xml.failures} errors={xml.errors}")
for suite in suites:
    assert suite.tests == len(list(suite)), (suite.name, suite.tests)
    for case in suite:
        kinds = [(type(r).__name__, r.type or '', r.message or '') for r in case.result]
        kind = kinds[0] if kinds else ('Passed', '', '')
        print(f"{suite.name}|{case.name}|{kind[0]}:{kind[1]}|{kind[2]}")
"#;

fn read_junit(xml: &[u8]) -> Vec<String> {
    let mut child = Command::new(python_tool("python"))
        .args(["-c", JUNIT_READER])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python starts");
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), xml).unwrap();
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "junitparser refused the report:\n{}\n{}",
        text(&out.stderr),
        String::from_utf8_lossy(xml)
    );
    text(&out.stdout).lines().map(str::to_owned).collect()
}

#[test]
fn junit_is_read_by_junitparser_with_one_suite_per_file() {
    let folder = Folder::new("ci-formats", "junit");
    // Characters XML escapes or forbids, in a file name and in a value the message quotes.
    let name = "a&b<\"c\".json";
    folder.write(name, clean_request().set("Name", r#""a\u0001 b""#).text());
    folder.write("ok.json", clean_request().text());
    folder.write(
        "warn.json",
        clean_request()
            .set("EventNames", r#"["PutBucket", "PutBucket"]"#)
            .text(),
    );
    let args = [
        "--no-config",
        "--region",
        "ap-guangzhou",
        name,
        "ok.json",
        "warn.json",
        "missing.json",
    ];
    let out = run(
        &folder.0,
        &[&["check", "--format", "junit"][..], &args].concat(),
    );
    assert_eq!(code(&out), 2);
    let lines = read_junit(&out.stdout);
    let report = json_report(&folder.0, &args);
    let bad = report[0]["diagnostics"].as_array().unwrap();
    assert!(bad.len() >= 2, "{bad:?}");
    let tests = bad.len() + 3;
    assert_eq!(
        lines[0],
        format!("suites=4 tests={tests} failures={} errors=1", bad.len() + 1)
    );
    for (line, record) in lines[1..].iter().zip(bad) {
        let message = record["message"]
            .as_str()
            .unwrap()
            .replace('\u{1}', "\u{FFFD}");
        let case = format!(
            "{} {}",
            record["rule"].as_str().unwrap(),
            record["path"].as_str().unwrap()
        );
        assert_eq!(*line, format!("{name}|{case}|Failure:error|{message}"),);
    }
    let rest = &lines[1 + bad.len()..];
    assert_eq!(rest[0], "ok.json|ok.json|Passed:|");
    assert!(
        rest[1].starts_with("warn.json|event-names-duplicate /EventNames/1|Failure:warning|"),
        "{}",
        rest[1]
    );
    assert!(
        rest[2].starts_with("missing.json|missing.json|Error:input|cannot read missing.json"),
        "{}",
        rest[2]
    );
}

// ---------------------------------------------------------------------------------------------
// --format gitlab

/// The fields GitLab documents for a Code Quality issue ("Implement a custom tool", Code
/// Quality report format): each present with its type, severity one of GitLab's five.
fn check_code_quality_issue(issue: &Value) {
    let string = |key: &str| {
        issue[key]
            .as_str()
            .unwrap_or_else(|| panic!("{key} is not a string: {issue}"))
    };
    assert!(!string("description").is_empty());
    assert!(!string("check_name").is_empty());
    assert!(!string("fingerprint").is_empty());
    assert!(
        ["info", "minor", "major", "critical", "blocker"].contains(&string("severity")),
        "{issue}"
    );
    assert!(issue["location"]["path"].is_string(), "{issue}");
    let begin = issue["location"]["lines"]["begin"]
        .as_u64()
        .expect("lines.begin");
    assert!(begin >= 1, "{issue}");
}

fn gitlab(dir: &Path, args: &[&str]) -> Vec<Value> {
    let out = run(dir, &[&["check", "--format", "gitlab"][..], args].concat());
    let issues: Value = serde_json::from_slice(&out.stdout).expect("Code Quality JSON");
    let issues = issues.as_array().expect("an array of issues").clone();
    issues.iter().for_each(check_code_quality_issue);
    issues
}

#[test]
fn gitlab_issues_have_the_documented_fields_and_fingerprints_that_survive_moved_lines() {
    let folder = Folder::new("ci-formats", "gitlab");
    let request = clean_request()
        .set("Name", r#""a b""#)
        .set("EventNames", r#"["PutBucket", "PutBucket", "PutBucket"]"#)
        .text();
    folder.write("r.json", &request);
    let args = [
        "--no-config",
        "--region",
        "ap-guangzhou",
        "r.json",
        "missing.json",
    ];
    let before = gitlab(&folder.0, &args);
    let report = json_report(&folder.0, &args);
    let records = report[0]["diagnostics"].as_array().unwrap();
    assert_eq!(before.len(), records.len() + 1);
    for (issue, record) in before.iter().zip(records) {
        assert_eq!(issue["check_name"], record["rule"]);
        assert_eq!(issue["location"]["path"], "r.json");
        assert_eq!(issue["location"]["lines"]["begin"], record["line"]);
        let severity = if record["severity"] == "error" {
            "major"
        } else {
            "minor"
        };
        assert_eq!(issue["severity"], severity);
    }
    assert_eq!(before[records.len()]["check_name"], "input-unreadable");
    let fingerprints: HashSet<&str> = before
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), before.len(), "fingerprints are unique");

    // Three blank lines on top: every line moves, no fingerprint changes.
    folder.write("r.json", format!("\n\n\n{request}"));
    let after = gitlab(&folder.0, &args);
    for (old, new) in before.iter().zip(&after) {
        assert_eq!(old["fingerprint"], new["fingerprint"]);
    }
    assert_eq!(
        after[0]["location"]["lines"]["begin"].as_u64().unwrap(),
        before[0]["location"]["lines"]["begin"].as_u64().unwrap() + 3
    );
}

// ---------------------------------------------------------------------------------------------
// Folders as inputs

fn checked_files(dir: &Path, args: &[&str]) -> Vec<String> {
    json_report(dir, args)
        .as_array()
        .expect("an array")
        .iter()
        .map(|f| f["file"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn folders_are_walked_with_gitignore_and_the_configured_globs() {
    let folder = Folder::new("ci-formats", "walk");
    let request = clean_request().text();
    for name in [
        "requests/b.json",
        "requests/a.json",
        "requests/deep/c.json",
        "requests/drafts/d.json",
        "requests/generated/e.json",
        "requests/.hidden/f.json",
        "requests/notes.txt",
        "other/g.json",
    ] {
        folder.write(name, &request);
    }
    folder.write("requests/.gitignore", "generated/\n");
    folder.write(
        "cloudaudit-lint.toml",
        "[files]\ninclude = [\"requests/**/*.json\"]\nexclude = [\"requests/drafts/**\"]\n",
    );
    let args = ["--region", "ap-guangzhou", "requests", "other"];
    assert_eq!(
        checked_files(&folder.0, &args),
        ["requests/a.json", "requests/b.json", "requests/deep/c.json"]
    );
    // A file named on the command line is checked whatever the globs say, and only once.
    let args = [
        "--region",
        "ap-guangzhou",
        "other/g.json",
        "requests",
        "requests/a.json",
    ];
    assert_eq!(
        checked_files(&folder.0, &args),
        [
            "other/g.json",
            "requests/a.json",
            "requests/b.json",
            "requests/deep/c.json"
        ]
    );
    // Without a configuration every *.json but the ignored and hidden ones.
    let args = ["--no-config", "--region", "ap-guangzhou", "."];
    assert_eq!(
        checked_files(&folder.0, &args),
        [
            "./other/g.json",
            "./requests/a.json",
            "./requests/b.json",
            "./requests/deep/c.json",
            "./requests/drafts/d.json"
        ]
    );
}

#[test]
fn a_bad_files_glob_is_a_located_configuration_error() {
    let folder = Folder::new("ci-formats", "bad-glob");
    folder.write("cloudaudit-lint.toml", "[files]\nexclude = [\"a[\"]\n");
    folder.write("r/a.json", clean_request().text());
    let out = run(&folder.0, &["check", "r"]);
    assert_eq!(code(&out), 2);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("cloudaudit-lint.toml:2:12: error: \"exclude\":"),
        "{stderr}"
    );
}

#[test]
fn errors_found_in_a_folder_set_the_exit_status() {
    let folder = Folder::new("ci-formats", "walk-status");
    folder.write("r/ok.json", clean_request().text());
    folder.write("r/sub/bad.json", bad_request());
    let out = run(
        &folder.0,
        &["check", "--no-config", "--region", "ap-guangzhou", "r"],
    );
    assert_eq!(code(&out), 1);
    let human = text(&out.stdout);
    assert!(human.contains("r/sub/bad.json:2:"), "{human}");
    assert!(
        human.ends_with("1 error, 0 warnings in 2 files\n"),
        "{human}"
    );
}

// ---------------------------------------------------------------------------------------------
// Completions and the man page

#[test]
fn bash_loads_the_completion_script_and_completes_subcommands() {
    let folder = Folder::new("ci-formats", "completions");
    let out = run(&folder.0, &["completions", "bash"]);
    assert_eq!(code(&out), 0);
    let script = folder.write("completion.bash", &out.stdout);
    // Load it, then ask for the completions of `cloudaudit-lint ch`.
    let probe = format!(
        "source '{}'; COMP_WORDS=(cloudaudit-lint ch); COMP_CWORD=1; COMP_LINE='cloudaudit-lint ch'; \
         COMP_POINT=18; _cloudaudit__lint cloudaudit-lint ch cloudaudit-lint; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let out = Command::new("bash")
        .args(["--norc", "-c", &probe])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "check\n");
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let out = run(&folder.0, &["completions", shell]);
        assert_eq!(code(&out), 0, "{shell}");
        assert!(text(&out.stdout).contains("cloudaudit-lint"), "{shell}");
    }
    assert_eq!(code(&run(&folder.0, &["completions", "tcsh"])), 2);
}

#[test]
fn groff_renders_the_man_page_without_warnings() {
    let folder = Folder::new("ci-formats", "man");
    let out = run(&folder.0, &["man"]);
    assert_eq!(code(&out), 0);
    let page = folder.write("cloudaudit-lint.1", &out.stdout);
    let rendered = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
        .arg(&page)
        .output()
        .expect("groff runs");
    assert!(rendered.status.success());
    assert_eq!(text(&rendered.stderr), "", "groff warnings");
    let rendered = text(&rendered.stdout);
    for section in ["NAME", "SYNOPSIS", "SUBCOMMANDS"] {
        assert!(rendered.contains(section), "{section}:\n{rendered}");
    }
    for subcommand in ["check", "rules", "schema", "completions", "man"] {
        assert!(
            rendered.contains(&format!("cloudaudit-lint-{subcommand}")),
            "{subcommand}:\n{rendered}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Colour

fn coloured(envs: &[(&str, &str)], flags: &[&str]) -> bool {
    let folder = Folder::new(
        "ci-formats",
        &format!("colour-{}", envs.len() * 10 + flags.len()),
    );
    folder.write("r.json", bad_request());
    let mut command = command(
        &folder.0,
        &[
            &["check", "--no-config", "--region", "ap-guangzhou"][..],
            flags,
            &["r.json"],
        ]
        .concat(),
    );
    command.envs(envs.iter().copied());
    let out = command.output().unwrap();
    assert_eq!(code(&out), 1);
    text(&out.stdout).contains('\u{1b}')
}

#[test]
fn colour_follows_force_color_clicolor_force_and_no_color() {
    // Standard output is a pipe here: no colour unless forced.
    assert!(!coloured(&[], &[]));
    assert!(coloured(&[("FORCE_COLOR", "1")], &[]));
    assert!(coloured(&[("CLICOLOR_FORCE", "1")], &[]));
    assert!(!coloured(&[("FORCE_COLOR", "0")], &[]));
    assert!(!coloured(&[("FORCE_COLOR", "")], &[]));
    // NO_COLOR wins over both, and the flag wins over everything.
    assert!(!coloured(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")], &[]));
    assert!(!coloured(
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        &[]
    ));
    assert!(!coloured(&[("FORCE_COLOR", "1")], &["--color", "never"]));
    assert!(coloured(&[("NO_COLOR", "1")], &["--color", "always"]));
}

// ---------------------------------------------------------------------------------------------
// pre-commit

/// `pre-commit try-repo` of this repository's hook `hook` on `file`, in a throw-away git
/// repository holding a bad and a good request, with the program just built first on PATH.
fn pre_commit_try_repo(folder: &Folder, hook: &str, file: &str) -> Output {
    let repo = folder.0.join("repo");
    if !repo.exists() {
        folder.write("repo/bad.json", bad_request());
        folder.write(
            "repo/good.json",
            clean_request().set("Region", r#""ap-guangzhou""#).text(),
        );
        for args in [&["init", "-q"][..], &["add", "bad.json", "good.json"]] {
            let status = Command::new("git")
                .args(args)
                .current_dir(&repo)
                .status()
                .expect("git runs");
            assert!(status.success(), "git {args:?}");
        }
    }
    let bin_dir = Path::new(BIN).parent().expect("the binary's folder");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new(python_tool("pre-commit"))
        .args([
            "try-repo",
            env!("CARGO_MANIFEST_DIR"),
            hook,
            "--files",
            file,
        ])
        .current_dir(&repo)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", folder.0.join("cache"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("pre-commit runs")
}

#[test]
fn the_pre_commit_hook_fails_on_a_bad_request_and_passes_on_a_good_one() {
    let folder = Folder::new("ci-formats", "pre-commit");
    let bad = pre_commit_try_repo(&folder, "cloudaudit-lint-system", "bad.json");
    let log = format!("{}{}", text(&bad.stdout), text(&bad.stderr));
    assert_eq!(bad.status.code(), Some(1), "{log}");
    assert!(log.contains("Failed"), "{log}");
    assert!(log.contains("bad.json:2:13: error[name-charset]"), "{log}");
    let good = pre_commit_try_repo(&folder, "cloudaudit-lint-system", "good.json");
    let log = format!("{}{}", text(&good.stdout), text(&good.stderr));
    assert_eq!(good.status.code(), Some(0), "{log}");
    assert!(log.contains("Passed"), "{log}");
}

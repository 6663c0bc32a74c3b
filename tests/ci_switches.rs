//! The switches a CI pipeline sets: `--output FILE`, `--fail-on error|warning|never`,
//! `--stdin-filename NAME` and `--sarif-root DIR`. The program runs as a subprocess, in a fresh
//! folder of its own unless a test needs the repository.

#![cfg(all(feature = "cli", unix, not(target_arch = "wasm32")))]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_cloudaudit-lint");
const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// A request with one warning (`storage-region-unknown`) and nothing else.
const ONE_WARNING: &str = r#"{
  "Name": "audit",
  "ActionType": "Read",
  "ResourceType": "cos",
  "Status": 1,
  "EventNames": ["*"],
  "Storage": {
    "StorageType": "cos",
    "StorageRegion": "ap-mars",
    "StorageName": "audit-cos",
    "StoragePrefix": "logs"
  }
}
"#;

/// A request with one error (`action-type-value`) and nothing else.
const ONE_ERROR: &str = r#"{
  "Name": "audit",
  "ActionType": "Raed",
  "ResourceType": "cos",
  "Status": 1,
  "EventNames": ["*"],
  "Storage": {
    "StorageType": "cos",
    "StorageRegion": "ap-guangzhou",
    "StorageName": "audit-cos",
    "StoragePrefix": "logs"
  }
}
"#;

/// A fresh, empty folder for one test; removed when dropped.
struct Folder(PathBuf);

impl Folder {
    fn new(test: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "cloudaudit-lint-switches-{}-{test}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).expect("a temporary folder");
        // As the program sees it from inside: the working directory has no symbolic link.
        Self(fs::canonicalize(&path).expect("the temporary folder"))
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("a test folder");
        }
        fs::write(&path, text).expect("a test file");
        path
    }

    /// The names in the folder, sorted.
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.0)
            .expect("the folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Runs `cloudaudit-lint check ARGS` in `dir` with `stdin` as standard input.
fn check_in(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .arg("check")
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program runs");
    let mut input = child.stdin.take().expect("stdin");
    // A usage error ends the program before it reads its input: a closed pipe is no failure.
    match std::io::Write::write_all(&mut input, stdin.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("stdin written: {e}"),
        _ => {}
    }
    drop(input);
    child.wait_with_output().expect("the program ends")
}

fn status(output: &Output) -> i32 {
    output.status.code().expect("an exit status")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

// ---------------------------------------------------------------------------------------------
// --output

#[test]
fn output_writes_the_report_to_a_new_file_and_nothing_to_stdout() {
    let folder = Folder::new("output-new");
    folder.write("request.json", ONE_ERROR);
    let out = check_in(
        &folder.0,
        &[
            "--format",
            "json",
            "--region",
            "ap-guangzhou",
            "--output",
            "report.json",
            "request.json",
        ],
        "",
    );
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let report = json(&fs::read_to_string(folder.0.join("report.json")).expect("the report"));
    assert_eq!(report[0]["diagnostics"][0]["rule"], "action-type-value");
    assert_eq!(
        folder.names(),
        ["report.json", "request.json"],
        "no temporary file left"
    );
}

#[test]
fn a_new_output_file_gets_the_mode_the_umask_gives() {
    let folder = Folder::new("output-umask");
    folder.write("request.json", ONE_WARNING);
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 027 && exec '{BIN}' check --region ap-guangzhou -o report.txt request.json"
        ))
        .current_dir(&folder.0)
        .output()
        .expect("sh runs");
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let mode = fs::metadata(folder.0.join("report.txt"))
        .expect("the report")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn output_replaces_an_existing_file_and_keeps_its_mode() {
    let folder = Folder::new("output-replace");
    folder.write("request.json", ONE_WARNING);
    let report = folder.write("report.sarif", "old report, longer than nothing");
    fs::set_permissions(&report, fs::Permissions::from_mode(0o604)).expect("chmod");
    let out = check_in(
        &folder.0,
        &[
            "--format",
            "sarif",
            "--region",
            "ap-guangzhou",
            "-o",
            "report.sarif",
            "request.json",
        ],
        "",
    );
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let log = json(&fs::read_to_string(&report).expect("the report"));
    assert_eq!(
        log["runs"][0]["results"][0]["ruleId"],
        "storage-region-unknown"
    );
    let mode = fs::metadata(&report)
        .expect("the report")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o604);
}

#[test]
fn output_that_cannot_be_written_leaves_the_file_as_it_was_and_exits_two() {
    let folder = Folder::new("output-fails");
    folder.write("request.json", ONE_WARNING);
    let report = folder.write("out/report.json", "the old report");
    let out_dir = folder.0.join("out");
    fs::set_permissions(&out_dir, fs::Permissions::from_mode(0o555)).expect("chmod");
    // root may write anywhere: the test then has nothing to show.
    let writable = fs::write(out_dir.join("probe"), "").is_ok();
    if !writable {
        let out = check_in(
            &folder.0,
            &[
                "--format",
                "json",
                "--region",
                "ap-guangzhou",
                "-o",
                "out/report.json",
                "request.json",
            ],
            "",
        );
        assert_eq!(status(&out), 2);
        assert_eq!(stdout(&out), "");
        assert!(
            stderr(&out).starts_with("error: cannot write the output to out/report.json: "),
            "{}",
            stderr(&out)
        );
        assert_eq!(
            fs::read_to_string(&report).expect("the report"),
            "the old report"
        );
    }
    fs::set_permissions(&out_dir, fs::Permissions::from_mode(0o755)).expect("chmod");

    // A folder that does not exist, and a folder as the output: both exit 2, whoever runs.
    for target in ["missing/report.json", "out"] {
        let out = check_in(
            &folder.0,
            &["-o", target, "--region", "ap-guangzhou", "request.json"],
            "",
        );
        assert_eq!(status(&out), 2, "{target}");
        assert!(
            stderr(&out).contains("cannot write the output to"),
            "{}",
            stderr(&out)
        );
    }
    assert!(!folder.0.join("missing").exists());
    assert_eq!(
        fs::read_to_string(&report).expect("the report"),
        "the old report"
    );
}

#[test]
fn output_into_a_device_is_written_straight_and_keeps_the_exit_status() {
    let folder = Folder::new("output-device");
    folder.write("request.json", ONE_ERROR);
    let out = check_in(
        &folder.0,
        &[
            "-o",
            "/dev/null",
            "--region",
            "ap-guangzhou",
            "request.json",
        ],
        "",
    );
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn human_output_to_a_file_is_coloured_only_when_asked() {
    let folder = Folder::new("output-colour");
    folder.write("request.json", ONE_ERROR);
    for (color, coloured) in [("auto", false), ("always", true), ("never", false)] {
        let out = check_in(
            &folder.0,
            &[
                "--color",
                color,
                "-o",
                "report.txt",
                "--region",
                "ap-guangzhou",
                "request.json",
            ],
            "",
        );
        assert_eq!(status(&out), 1);
        let text = fs::read_to_string(folder.0.join("report.txt")).expect("the report");
        assert_eq!(text.contains('\x1b'), coloured, "--color {color}:\n{text}");
        assert!(text.contains("error[action-type-value]"));
    }
}

// ---------------------------------------------------------------------------------------------
// --fail-on

/// The exit status of `check --fail-on LEVEL` on `files` in `folder`, no configuration.
fn fail_on(folder: &Folder, level: &str, extra: &[&str]) -> i32 {
    let mut args = vec!["--fail-on", level, "--region", "ap-guangzhou"];
    args.extend_from_slice(extra);
    status(&check_in(&folder.0, &args, ""))
}

#[test]
fn fail_on_sets_the_threshold_of_exit_status_one() {
    let folder = Folder::new("fail-on");
    folder.write("warning.json", ONE_WARNING);
    folder.write("error.json", ONE_ERROR);
    folder.write(
        "clean.json",
        &ONE_WARNING.replace("ap-mars", "ap-guangzhou"),
    );
    let cases = [
        ("error", "clean.json", 0),
        ("error", "warning.json", 0),
        ("error", "error.json", 1),
        ("warning", "clean.json", 0),
        ("warning", "warning.json", 1),
        ("warning", "error.json", 1),
        ("never", "clean.json", 0),
        ("never", "warning.json", 0),
        ("never", "error.json", 0),
    ];
    for (level, file, expected) in cases {
        assert_eq!(
            fail_on(&folder, level, &[file]),
            expected,
            "--fail-on {level} {file}"
        );
    }
    // The default is `error`.
    assert_eq!(
        status(&check_in(
            &folder.0,
            &["--region", "ap-guangzhou", "warning.json"],
            ""
        )),
        0
    );
    // Inputs that cannot be read still exit with 2, whatever the threshold.
    assert_eq!(
        fail_on(&folder, "never", &["clean.json", "missing.json"]),
        2
    );
    assert_eq!(
        fail_on(&folder, "warning", &["error.json", "missing.json"]),
        2
    );
    // Unparseable JSON is an error.
    folder.write("broken.json", "{\"Name\": ");
    assert_eq!(fail_on(&folder, "error", &["broken.json"]), 1);
    assert_eq!(fail_on(&folder, "never", &["broken.json"]), 0);
}

#[test]
fn fail_on_reads_the_levels_the_configuration_sets() {
    let folder = Folder::new("fail-on-config");
    folder.write("warning.json", ONE_WARNING);
    folder.write(
        "promoted/cloudaudit-lint.toml",
        "[rules]\nstorage-region-unknown = \"error\"\n",
    );
    folder.write("promoted/warning.json", ONE_WARNING);
    folder.write(
        "off/cloudaudit-lint.toml",
        "[rules]\nstorage-region-unknown = \"off\"\n",
    );
    folder.write("off/warning.json", ONE_WARNING);
    folder.write(
        "suppressed/cloudaudit-lint.toml",
        "[[suppress]]\nrules = [\"storage-region-unknown\"]\nreason = \"a region in preview\"\n",
    );
    folder.write("suppressed/warning.json", ONE_WARNING);
    // A warning made an error fails at `error`; one turned off or suppressed fails nothing.
    assert_eq!(fail_on(&folder, "error", &["warning.json"]), 0);
    assert_eq!(fail_on(&folder, "error", &["promoted/warning.json"]), 1);
    assert_eq!(fail_on(&folder, "warning", &["off/warning.json"]), 0);
    assert_eq!(fail_on(&folder, "warning", &["suppressed/warning.json"]), 0);
    assert_eq!(fail_on(&folder, "warning", &["warning.json"]), 1);
}

#[test]
fn fail_on_warning_counts_warnings_past_the_diagnostics_limit() {
    let folder = Folder::new("fail-on-omitted");
    folder.write("warning.json", ONE_WARNING);
    // The one warning is omitted, not reported: it still fails the run at `warning`.
    let limited = ["--max-diagnostics", "0", "warning.json"];
    assert_eq!(fail_on(&folder, "warning", &limited), 1);
    assert_eq!(fail_on(&folder, "error", &limited), 0);
}

#[test]
fn fail_on_refuses_other_levels() {
    let folder = Folder::new("fail-on-usage");
    let out = check_in(&folder.0, &["--fail-on", "note", "-"], "{}");
    assert_eq!(status(&out), 2);
    assert!(
        stderr(&out).contains("possible values: error, warning, never"),
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------------------------------------
// --stdin-filename

#[test]
fn stdin_filename_names_standard_input_in_every_format() {
    let folder = Folder::new("stdin-name");
    let args = |format: &'static str| {
        [
            "--format",
            format,
            "--region",
            "ap-guangzhou",
            "--stdin-filename",
            "requests/prod.json",
            "-",
        ]
    };
    let human = check_in(&folder.0, &args("human"), ONE_ERROR);
    assert_eq!(status(&human), 1);
    assert!(
        stdout(&human).starts_with("requests/prod.json:3:17: error[action-type-value]: "),
        "{}",
        stdout(&human)
    );
    let report = json(&stdout(&check_in(&folder.0, &args("json"), ONE_ERROR)));
    assert_eq!(report[0]["file"], "requests/prod.json");
    let log = json(&stdout(&check_in(&folder.0, &args("sarif"), ONE_ERROR)));
    assert_eq!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"],
        serde_json::json!({ "uri": "requests/prod.json", "uriBaseId": "%SRCROOT%" })
    );
}

#[test]
fn stdin_filename_finds_the_configuration_and_suppressions_of_that_name() {
    let folder = Folder::new("stdin-config");
    folder.write(
        "legacy/cloudaudit-lint.toml",
        "[rules]\naction-type-value = \"warning\"\n\n[[suppress]]\nfiles = [\"old/*.json\"]\nrules = [\"storage-region-unknown\"]\nreason = \"moved in Q3\"\n",
    );
    // The configuration of legacy/: its level applies to any name in it.
    let out = check_in(
        &folder.0,
        &[
            "--format",
            "json",
            "--region",
            "ap-guangzhou",
            "--stdin-filename",
            "legacy/new.json",
            "-",
        ],
        ONE_ERROR,
    );
    assert_eq!(status(&out), 0, "{}", stdout(&out));
    assert_eq!(
        json(&stdout(&out))[0]["diagnostics"][0]["severity"],
        "warning"
    );
    // Its suppression applies to the names its glob covers, and only to those.
    let run = |name: &str| {
        let out = check_in(
            &folder.0,
            &[
                "--format",
                "json",
                "--fail-on",
                "warning",
                "--region",
                "ap-guangzhou",
                "--stdin-filename",
                name,
                "-",
            ],
            ONE_WARNING,
        );
        (
            status(&out),
            json(&stdout(&out))[0]["diagnostics"][0]["suppressed"].clone(),
        )
    };
    assert_eq!(run("legacy/old/a.json"), (0, Value::from("moved in Q3")));
    assert_eq!(run("legacy/new.json").0, 1);
    // Without the name, standard input has neither: the folder holds no configuration.
    let out = check_in(&folder.0, &["--region", "ap-guangzhou", "-"], ONE_ERROR);
    assert_eq!(status(&out), 1);
}

#[test]
fn stdin_filename_needs_standard_input() {
    let folder = Folder::new("stdin-needed");
    folder.write("request.json", ONE_WARNING);
    let out = check_in(
        &folder.0,
        &["--stdin-filename", "x.json", "request.json"],
        "",
    );
    assert_eq!(status(&out), 2);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: --stdin-filename names standard input, but no input is -\n"
    );
}

#[test]
fn stdin_filename_is_escaped_like_any_file_name() {
    let folder = Folder::new("stdin-escaped");
    let out = check_in(
        &folder.0,
        &[
            "--region",
            "ap-guangzhou",
            "--stdin-filename",
            "::error x\n.json",
            "-",
        ],
        ONE_ERROR,
    );
    let text = stdout(&out);
    assert!(
        text.starts_with("./::error x\u{FFFD}.json:3:17: "),
        "{text}"
    );
    assert!(!text.lines().any(|line| line.starts_with("::")), "{text}");
}

// ---------------------------------------------------------------------------------------------
// --sarif-root and the repository root

#[test]
fn sarif_uris_are_relative_to_the_repository_root_from_any_folder() {
    let file = "tests/fixtures/many-faults.json";
    let uris = |dir: &Path, arg: &str| -> Vec<Value> {
        let out = check_in(
            dir,
            &["--format", "sarif", "--region", "ap-guangzhou", arg],
            "",
        );
        let log = json(&stdout(&out));
        assert_eq!(
            log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"],
            format!("file://{REPO}/"),
            "{arg}"
        );
        log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"].clone())
            .collect()
    };
    let repo = Path::new(REPO);
    let expected = serde_json::json!({ "uri": file, "uriBaseId": "%SRCROOT%" });
    let from_root = uris(repo, file);
    assert!(from_root.len() > 3);
    assert!(from_root.iter().all(|l| *l == expected), "{from_root:?}");
    assert_eq!(uris(&repo.join("src"), &format!("../{file}")), from_root);
    assert_eq!(
        uris(&repo.join("tests"), &format!("{REPO}/{file}")),
        from_root
    );
}

#[test]
fn sarif_root_sets_the_base_and_must_be_a_folder() {
    let folder = Folder::new("sarif-root");
    folder.write("team/requests/a.json", ONE_ERROR);
    let out = check_in(
        &folder.0,
        &[
            "--format",
            "sarif",
            "--region",
            "ap-guangzhou",
            "--sarif-root",
            "team",
            "team/requests/a.json",
        ],
        "",
    );
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    let run = &json(&stdout(&out))["runs"][0];
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        format!("file://{}/team/", folder.0.display())
    );
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "requests/a.json"
    );
    // Outside the root: an absolute file: URI, and no base.
    let out = check_in(
        &folder.0,
        &[
            "--format",
            "sarif",
            "--region",
            "ap-guangzhou",
            "--sarif-root",
            "team/requests",
            "--stdin-filename",
            "b c.json",
            "-",
        ],
        ONE_ERROR,
    );
    let location = &json(&stdout(&out))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        ["artifactLocation"];
    assert_eq!(
        *location,
        serde_json::json!({ "uri": format!("file://{}/b%20c.json", folder.0.display()) })
    );

    for root in ["missing", "team/requests/a.json"] {
        let out = check_in(
            &folder.0,
            &[
                "--format",
                "sarif",
                "--sarif-root",
                root,
                "team/requests/a.json",
            ],
            "",
        );
        assert_eq!(status(&out), 2, "{root}");
        assert_eq!(
            stderr(&out),
            format!("error: --sarif-root {root} is not a folder\n")
        );
        assert_eq!(stdout(&out), "");
    }
}

#[test]
fn without_a_repository_the_working_directory_is_the_root() {
    let folder = Folder::new("no-repository");
    folder.write("a.json", ONE_ERROR);
    let out = check_in(
        &folder.0,
        &["--format", "sarif", "--region", "ap-guangzhou", "a.json"],
        "",
    );
    let run = &json(&stdout(&out))["runs"][0];
    assert!(
        !folder.0.ancestors().any(|d| d.join(".git").exists()),
        "a repository around the temporary folder"
    );
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        format!("file://{}/", folder.0.display())
    );
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a.json"
    );
    // A folder with `.git` is a repository root, from any folder below it.
    fs::create_dir(folder.0.join(".git")).expect("mkdir");
    folder.write("sub/b.json", ONE_ERROR);
    let out = check_in(
        &folder.0.join("sub"),
        &["--format", "sarif", "--region", "ap-guangzhou", "b.json"],
        "",
    );
    let run = &json(&stdout(&out))["runs"][0];
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "sub/b.json"
    );
}

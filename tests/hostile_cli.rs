//! The program under hostile conditions: writes that fail half-way, endless and oversized
//! inputs, output that cannot be written, and input that tries to write to the terminal or to a
//! CI log. Each example is one a user reported; the program is run as a subprocess, in a fresh
//! folder of its own.

#![cfg(all(feature = "cli", unix, not(target_arch = "wasm32")))]

mod common;

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::Request;
use common::process::{
    BIN, Folder, code, finish, fix_args, fix_args_as, stdout_json as json, text,
};
use serde_json::Value;

/// The program with `args`, run in `dir`, no configuration looked for unless the test asks.
fn command(dir: &Path, args: &[&OsStr]) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn os<'a>(args: &[&'a str]) -> Vec<&'a OsStr> {
    args.iter().map(|a| OsStr::new(*a)).collect()
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let child = command(dir, &os(args)).spawn().expect("the program starts");
    finish(child, &format!("{args:?}"))
}

/// A clean request (API names the catalogue lists, so not even a warning).
fn request() -> Request {
    Request::valid().set("EventNames", r#"["PutBucket", "DeleteBucket"]"#)
}

/// A clean request but for `ActionType` `"read"`, which `--fix` rewrites to `"Read"`, padded with
/// whitespace to at least `size` bytes.
fn fixable_request(size: usize) -> String {
    let text = request().set("ActionType", r#""read""#).text();
    let padding = " ".repeat(size.saturating_sub(text.len()));
    text.replacen('{', &format!("{{{padding}"), 1)
}

fn rules_of(record: &Value) -> Vec<&str> {
    record["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["rule"].as_str().expect("a rule"))
        .collect()
}

/// `sh -c 'ulimit -f BLOCKS; exec BIN ARGS…'`: the program under a file-size limit.
fn under_file_size_limit(dir: &Path, blocks: u32, args: &[&str]) -> Output {
    let script = format!("ulimit -f {blocks} && exec \"$0\" \"$@\"");
    let child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh starts");
    finish(child, "under ulimit -f")
}

// ---------------------------------------------------------------------------------------------
// --fix: atomic writes, and the report survives a failed one

#[test]
fn a_fix_that_hits_a_file_size_limit_leaves_the_file_byte_identical_and_is_reported() {
    let folder = Folder::new("hostile", "ulimit");
    // 32 blocks are 16 KiB (sh counts 512-byte blocks) or 32 KiB; the request is 100 KB.
    let original = fixable_request(100_000);
    let file = folder.write("big.json", &original);
    let out = under_file_size_limit(&folder.0, 32, &fix_args(&["big.json"]));
    assert_eq!(code(&out), 2, "stderr: {}", text(&out.stderr));
    assert_eq!(fs::read_to_string(&file).unwrap(), original);
    assert_eq!(folder.names(), ["big.json"], "no temporary file is left");
    let report = json(&out);
    let record = &report[0];
    assert_eq!(record["file"], "big.json");
    let error = record["error"].as_str().expect("an error for the file");
    assert!(
        error.contains("cannot write the fixes to big.json"),
        "{error}"
    );
    assert!(error.contains("File too large"), "{error}");
    // The report is of the file as it is: the fixable problem is still there.
    assert_eq!(rules_of(record), ["action-type-value"]);
    assert_eq!(record["diagnostics"][0]["fixable"], true);
    assert!(record.get("fixed").is_none(), "{record}");
}

#[test]
fn one_unwritable_file_among_several_keeps_every_result_in_every_format() {
    let folder = Folder::new("hostile", "several");
    let small = fixable_request(0);
    let big = fixable_request(100_000);
    folder.write("small.json", &small);
    folder.write("big.json", &big);
    folder.write("clean.json", request().text());
    let args = |format| fix_args_as(format, &["small.json", "big.json", "clean.json"]);

    let out = under_file_size_limit(&folder.0, 32, &args("json"));
    assert_eq!(code(&out), 2, "stderr: {}", text(&out.stderr));
    let report = json(&out);
    let files = files_of(&report);
    assert_eq!(files, ["small.json", "big.json", "clean.json"]);
    assert_eq!(report[0]["fixed"][0]["after"], "\"Read\"");
    assert!(report[0].get("error").is_none());
    assert!(report[1]["error"].as_str().unwrap().contains("big.json"));
    assert_eq!(report[2]["diagnostics"], serde_json::json!([]));
    assert_eq!(
        fs::read_to_string(folder.0.join("small.json")).unwrap(),
        small.replace("\"read\"", "\"Read\"")
    );
    assert_eq!(fs::read_to_string(folder.0.join("big.json")).unwrap(), big);

    // The small file is fixed by now; the big one still fails, in every format.
    let out = under_file_size_limit(&folder.0, 32, &args("human"));
    assert_eq!(code(&out), 2);
    let human = text(&out.stdout);
    assert!(
        human.contains("error: cannot write the fixes to big.json: File too large"),
        "{human}"
    );
    assert!(
        human.contains("big.json:3:17: error[action-type-value]"),
        "{human}"
    );
    assert!(
        human.ends_with("1 error, 0 warnings in 3 files\n"),
        "{human}"
    );

    let out = under_file_size_limit(&folder.0, 32, &args("sarif"));
    assert_eq!(code(&out), 2);
    let sarif = json(&out);
    let run = &sarif["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let notification = &run["invocations"][0]["toolExecutionNotifications"][0];
    assert!(
        notification["message"]["text"]
            .as_str()
            .unwrap()
            .contains("cannot write the fixes to big.json"),
        "{notification}"
    );
    assert_eq!(run["results"][0]["ruleId"], "action-type-value");
    assert_eq!(fs::read_to_string(folder.0.join("big.json")).unwrap(), big);
}

#[test]
fn a_fix_writes_through_a_symlink_and_keeps_the_mode() {
    let folder = Folder::new("hostile", "symlink");
    let target = folder.write("target.json", fixable_request(0));
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("target.json", folder.0.join("link.json")).unwrap();
    let out = run(
        &folder.0,
        &[
            "check",
            "--fix",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "link.json",
        ],
    );
    assert_eq!(code(&out), 0, "{}", text(&out.stdout));
    let link = fs::symlink_metadata(folder.0.join("link.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    let fixed = fs::read_to_string(&target).unwrap();
    assert!(fixed.contains("\"ActionType\": \"Read\""), "{fixed}");
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o640);
    assert_eq!(folder.names(), ["link.json", "target.json"]);
}

#[test]
fn a_fix_of_something_that_is_not_a_regular_file_is_refused_and_reported() {
    let folder = Folder::new("hostile", "not-regular");
    let mut child = command(&folder.0, &os(&fix_args(&["/dev/stdin"])))
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(fixable_request(0).as_bytes())
        .unwrap();
    let out = finish(child, "--fix /dev/stdin");
    assert_eq!(code(&out), 2);
    let report = json(&out);
    let error = report[0]["error"].as_str().unwrap();
    assert!(
        error.contains("cannot write the fixes to /dev/stdin: it is not a regular file"),
        "{error}"
    );
    assert_eq!(rules_of(&report[0]), ["action-type-value"]);
}

// ---------------------------------------------------------------------------------------------
// --fix edits only what is in the text, whatever the limit on diagnostics

#[test]
fn a_flag_value_is_not_fixable_and_the_documents_own_region_is_left_alone() {
    let folder = Folder::new("hostile", "flag-region");
    let original = request().set("Region", r#""eu-frankfurt""#).text();
    let file = folder.write("request.json", &original);
    let out = run(
        &folder.0,
        &[
            "check",
            "--fix",
            "--no-config",
            "--region",
            "AP-GUANGZHOU",
            "--format",
            "json",
            "request.json",
        ],
    );
    assert_eq!(code(&out), 1, "{}", text(&out.stdout));
    assert_eq!(fs::read_to_string(&file).unwrap(), original);
    let report = json(&out);
    assert!(report[0].get("fixed").is_none(), "{}", report[0]);
    let region = report[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "/Region" && d.get("line").is_none())
        .expect("the caller's region is reported");
    assert_eq!(region["fixable"], false);

    let out = run(
        &folder.0,
        &[
            "check",
            "--no-config",
            "--region",
            "AP-GUANGZHOU",
            "request.json",
        ],
    );
    let human = text(&out.stdout);
    assert!(!human.contains("fixable with --fix"), "{human}");
}

#[test]
fn what_is_fixed_does_not_depend_on_the_limit_on_diagnostics() {
    let folder = Folder::new("hostile", "max-diagnostics");
    // Name's problem comes first and has no fix; ActionType's comes second and has one.
    let original = request()
        .set("Name", r#""a b""#)
        .set("ActionType", r#""read""#)
        .text();
    let file = folder.write("request.json", &original);
    let out = run(
        &folder.0,
        &[
            "check",
            "--fix",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "--max-diagnostics",
            "1",
            "--format",
            "json",
            "request.json",
        ],
    );
    assert_eq!(code(&out), 1);
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        original.replace("\"read\"", "\"Read\"")
    );
    let report = json(&out);
    assert_eq!(report[0]["fixed"].as_array().unwrap().len(), 1);
    assert_eq!(rules_of(&report[0]), ["name-charset"]);
}

// ---------------------------------------------------------------------------------------------
// Output that cannot be written

#[test]
fn output_to_a_full_device_is_an_error_with_a_message() {
    let folder = Folder::new("hostile", "dev-full");
    folder.write("ok.json", request().text());
    for format in ["json", "human", "sarif"] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let child = command(
            &folder.0,
            &os(&[
                "check",
                "--no-config",
                "--region",
                "ap-guangzhou",
                "--format",
                format,
                "ok.json",
            ]),
        )
        .stdout(full)
        .spawn()
        .unwrap();
        let out = finish(child, "> /dev/full");
        assert_eq!(code(&out), 2, "--format {format}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("cannot write the output") && stderr.contains("No space left"),
            "--format {format}: {stderr}"
        );
    }
}

#[test]
fn help_and_version_to_a_full_device_are_an_error_too() {
    let folder = Folder::new("hostile", "dev-full-help");
    for args in [
        &["--help"][..],
        &["--version"],
        &["check", "--help"],
        &["rules"],
    ] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let child = command(&folder.0, &os(args)).stdout(full).spawn().unwrap();
        let out = finish(child, "> /dev/full");
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(text(&out.stderr).contains("No space left"), "{args:?}");
    }
    // Written where they can be, they are a success.
    let out = run(&folder.0, &["--version"]);
    assert_eq!(code(&out), 0);
    assert!(text(&out.stdout).starts_with("cloudaudit-lint "));
}

#[test]
fn a_closed_pipe_is_quiet_but_not_a_success() {
    let folder = Folder::new("hostile", "epipe");
    let mut child = command(&folder.0, &os(&["check", "--no-config", "-"]))
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the program has written anything: it is still reading.
    drop(child.stdout.take());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"Name\": 1}")
        .unwrap();
    let out = finish(child, "| (closed)");
    assert_eq!(code(&out), 2);
    assert_eq!(text(&out.stderr), "");
}

// ---------------------------------------------------------------------------------------------
// Inputs have a size limit; special files

#[test]
fn dev_zero_stops_at_the_default_limit_and_the_other_inputs_are_checked() {
    let folder = Folder::new("hostile", "dev-zero");
    folder.write("ok.json", request().text());
    let out = run(
        &folder.0,
        &[
            "check",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "--format",
            "json",
            "/dev/zero",
            "ok.json",
        ],
    );
    assert_eq!(code(&out), 2);
    let report = json(&out);
    assert_eq!(report[0]["file"], "/dev/zero");
    let error = report[0]["error"].as_str().unwrap();
    assert!(
        error.contains("larger than 64 MiB") && error.contains("--max-input-bytes"),
        "{error}"
    );
    assert_eq!(report[1]["diagnostics"], serde_json::json!([]));
}

#[test]
fn the_limit_is_a_flag_and_a_file_at_the_limit_is_read() {
    let folder = Folder::new("hostile", "limit");
    let request = request().text();
    folder.write("ok.json", &request);
    let limit = request.len().to_string();
    let just_below = (request.len() - 1).to_string();
    let check = |limit: &str| {
        run(
            &folder.0,
            &[
                "check",
                "--no-config",
                "--region",
                "ap-guangzhou",
                "--max-input-bytes",
                limit,
                "--format",
                "json",
                "ok.json",
            ],
        )
    };
    assert_eq!(code(&check(&limit)), 0);
    let out = check(&just_below);
    assert_eq!(code(&out), 2);
    let error = json(&out)[0]["error"].as_str().unwrap().to_owned();
    assert!(
        error.contains(&format!("larger than {just_below} bytes")),
        "{error}"
    );
    // Not a number: a usage error.
    assert_eq!(code(&check("64MiB")), 2);
}

#[test]
fn an_endless_stdin_stops_at_the_limit() {
    let folder = Folder::new("hostile", "endless-stdin");
    let mut child = command(
        &folder.0,
        &os(&[
            "check",
            "--no-config",
            "--max-input-bytes",
            "1048576",
            "--format",
            "json",
            "-",
        ]),
    )
    .stdin(Stdio::piped())
    .spawn()
    .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Writes until the program stops reading; the pipe is never closed by this side first.
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 64 * 1024];
        while stdin.write_all(&chunk).is_ok() {}
    });
    let out = finish(child, "endless stdin");
    writer.join().unwrap();
    assert_eq!(code(&out), 2);
    let error = json(&out)[0]["error"].as_str().unwrap().to_owned();
    assert!(error.contains("larger than 1 MiB"), "{error}");
}

#[test]
fn an_endless_fifo_stops_at_the_limit() {
    let folder = Folder::new("hostile", "fifo");
    let fifo = folder.0.join("pipe.json");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    folder.write("ok.json", request().text());
    let writer = std::thread::spawn(move || {
        let Ok(mut pipe) = fs::OpenOptions::new().write(true).open(&fifo) else {
            return;
        };
        let chunk = vec![b' '; 64 * 1024];
        while pipe.write_all(&chunk).is_ok() {}
    });
    let out = run(
        &folder.0,
        &[
            "check",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "--max-input-bytes",
            "2097152",
            "--format",
            "json",
            "pipe.json",
            "ok.json",
        ],
    );
    // A writer the program never met waits in `open` for a reader: be that reader, briefly.
    let reader = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(folder.0.join("pipe.json"));
    drop(reader);
    writer.join().unwrap();
    assert_eq!(code(&out), 2);
    let report = json(&out);
    let error = report[0]["error"].as_str().unwrap();
    assert!(error.contains("larger than 2 MiB"), "{error}");
    assert_eq!(report[1]["diagnostics"], serde_json::json!([]));
}

#[test]
fn a_folder_without_request_files_is_a_warning_and_the_other_inputs_are_checked() {
    let folder = Folder::new("hostile", "folder");
    fs::create_dir(folder.0.join("requests")).unwrap();
    folder.write("requests/notes.txt", "not a request");
    folder.write("ok.json", request().text());
    let out = run(
        &folder.0,
        &[
            "check",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "requests",
            "ok.json",
        ],
    );
    assert_eq!(code(&out), 0);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("warning: no request files in requests"),
        "{stderr}"
    );
    let human = text(&out.stdout);
    assert!(human.ends_with("no problems in 1 file\n"), "{human}");
}

// ---------------------------------------------------------------------------------------------
// Injection: nothing from input reaches the terminal or a CI log as a command

/// Fails when `output` holds a control character other than a line break, or, where `sgr_only`,
/// an escape that is not one of our colour codes (`ESC [ digits ; … m`).
fn assert_no_control_characters(output: &str, sgr_only: bool) {
    let mut chars = output.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && sgr_only {
            assert_eq!(
                chars.next(),
                Some('['),
                "an escape other than colour:\n{output}"
            );
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
                assert!(
                    c.is_ascii_digit() || c == ';',
                    "an escape other than colour:\n{output:?}"
                );
            }
            continue;
        }
        assert!(
            c == '\n' || !(c.is_control() || c == '\u{2028}' || c == '\u{2029}'),
            "{:?} in the output:\n{output:?}",
            c
        );
    }
}

/// Fails when a line starts with something a CI system reads as a command.
fn assert_no_workflow_commands(output: &str) {
    for line in output.lines() {
        assert!(
            !line.starts_with("::") && !line.starts_with("##"),
            "a line runs as a workflow command: {line:?}\n{output}"
        );
    }
}

const TITLE_AND_CLEAR: &str = r#"{"\u001b]0;PWNED\u0007\u001b[2J": 1}"#;
const WORKFLOW_KEY: &str = r#"{"\n::error file=x::injected": 1, "Name": "a\n::warning::b"}"#;

#[test]
fn keys_and_values_cannot_set_the_title_clear_the_screen_or_inject_a_line() {
    let folder = Folder::new("hostile", "keys");
    folder.write("title.json", TITLE_AND_CLEAR);
    folder.write("workflow.json", WORKFLOW_KEY);
    // Raw control bytes in a string are a syntax error, shown in the code frame and message.
    folder.write("raw.json", b"{\"Name\": \"\x1b]0;PWNED\x07\x1b[2J\"}\n");
    for color in ["never", "always"] {
        let out = run(
            &folder.0,
            &[
                "check",
                "--no-config",
                "--color",
                color,
                "--region",
                "ap-guangzhou",
                "title.json",
                "workflow.json",
                "raw.json",
            ],
        );
        assert_eq!(code(&out), 1);
        let human = text(&out.stdout);
        assert_no_control_characters(&human, color == "always");
        assert_no_workflow_commands(&human);
        assert!(
            human.contains("\u{FFFD}]0;PWNED\u{FFFD}\u{FFFD}[2J"),
            "{human}"
        );
        assert!(
            human.contains("\u{FFFD}::error file=x::injected"),
            "{human}"
        );
    }
    // JSON and SARIF keep what was there, escaped as JSON escapes it.
    let out = run(
        &folder.0,
        &["check", "--no-config", "--format", "json", "title.json"],
    );
    let report = json(&out);
    assert!(
        report[0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["path"] == "/\u{1b}]0;PWNED\u{7}\u{1b}[2J"),
        "{report}"
    );
}

#[test]
fn a_region_flag_with_control_characters_is_escaped() {
    let folder = Folder::new("hostile", "region-flag");
    folder.write("request.json", request().text());
    let out = run(
        &folder.0,
        &[
            "check",
            "--no-config",
            "--region",
            "\u{1b}[2J\n::error::x",
            "request.json",
        ],
    );
    assert_eq!(code(&out), 1);
    let human = text(&out.stdout);
    assert_no_control_characters(&human, false);
    assert_no_workflow_commands(&human);
    assert!(human.contains("\u{FFFD}[2J\u{FFFD}::error::x"), "{human}");
}

#[test]
fn file_names_are_escaped_and_cannot_start_a_command_line() {
    let folder = Folder::new("hostile", "names");
    let request = request().set("ActionType", r#""read""#).text();
    folder.write("\u{1b}]0;PWNED\u{7}.json", &request);
    folder.write("::error file=x::injected.json", &request);
    folder.write("##vso[task.complete]x.json", &request);
    let out = run(
        &folder.0,
        &[
            "check",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "\u{1b}]0;PWNED\u{7}.json",
            "::error file=x::injected.json",
            "##vso[task.complete]x.json",
            "missing\u{1b}[2J.json",
        ],
    );
    assert_eq!(code(&out), 2);
    let human = text(&out.stdout);
    assert_no_control_characters(&human, false);
    assert_no_workflow_commands(&human);
    assert!(
        human.contains("./\u{FFFD}]0;PWNED\u{FFFD}.json:3:17: error[action-type-value]"),
        "{human}"
    );
    assert!(
        human.contains("./::error file=x::injected.json:3:17:"),
        "{human}"
    );
    assert!(
        human.contains("./##vso[task.complete]x.json:3:17:"),
        "{human}"
    );
    assert!(
        human.contains("cannot read missing\u{FFFD}[2J.json: No such file"),
        "{human}"
    );
}

#[test]
fn an_invalid_utf8_file_name_is_checked_and_shown_lossily() {
    let folder = Folder::new("hostile", "invalid-utf8-name");
    let name = OsStr::from_bytes(b"bad\xff.json");
    folder.write(name, request().set("ActionType", r#""read""#).text());
    folder.write("ok.json", request().text());
    let args = |format: &'static str| -> Vec<&OsStr> {
        let mut args = os(&[
            "check",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "--format",
            format,
        ]);
        args.extend([name, OsStr::new("ok.json")]);
        args
    };
    let out = finish(
        command(&folder.0, &args("human")).spawn().unwrap(),
        "bad name",
    );
    assert_eq!(code(&out), 1, "stderr: {}", text(&out.stderr));
    let human = text(&out.stdout);
    assert!(
        human.contains("bad\u{FFFD}.json:3:17: error[action-type-value]"),
        "{human}"
    );
    assert!(
        human.ends_with("1 error, 0 warnings in 2 files\n"),
        "{human}"
    );

    let out = finish(
        command(&folder.0, &args("json")).spawn().unwrap(),
        "bad name",
    );
    assert_eq!(json(&out)[0]["file"], "bad\u{FFFD}.json");
    let out = finish(
        command(&folder.0, &args("sarif")).spawn().unwrap(),
        "bad name",
    );
    let uri = &json(&out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "bad%EF%BF%BD.json");
}

#[test]
fn configuration_problems_and_reasons_are_escaped() {
    let folder = Folder::new("hostile", "config");
    folder.write(
        "cloudaudit-lint.toml",
        "[rules]\n\"\\u001b]0;PWNED\\u0007\\n::error::x\" = \"off\"\n",
    );
    folder.write("request.json", request().text());
    let out = run(
        &folder.0,
        &["check", "--region", "ap-guangzhou", "request.json"],
    );
    assert_eq!(code(&out), 2);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("PWNED"), "{stderr}");
    assert_no_control_characters(&stderr, false);
    assert_no_workflow_commands(&stderr);

    folder.write(
        "cloudaudit-lint.toml",
        "[[suppress]]\nrules = [\"action-type-value\"]\nreason = \"\\u001b[2J\\n::error::x\"\n",
    );
    folder.write(
        "request.json",
        request().set("ActionType", r#""read""#).text(),
    );
    let out = run(
        &folder.0,
        &["check", "--region", "ap-guangzhou", "request.json"],
    );
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let human = text(&out.stdout);
    assert!(human.contains("suppressed[action-type-value]"), "{human}");
    assert!(human.contains("(\u{FFFD}[2J\u{FFFD}::error::x)"), "{human}");
    assert_no_control_characters(&human, false);
    assert_no_workflow_commands(&human);
}

// ---------------------------------------------------------------------------------------------
// Smaller ones

#[test]
fn standard_input_named_twice_is_read_once_and_says_so() {
    let folder = Folder::new("hostile", "stdin-twice");
    let mut child = command(
        &folder.0,
        &os(&[
            "check",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "--format",
            "json",
            "-",
            "-",
        ]),
    )
    .stdin(Stdio::piped())
    .spawn()
    .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(request().text().as_bytes())
        .unwrap();
    let out = finish(child, "check - -");
    assert_eq!(code(&out), 0, "{}", text(&out.stdout));
    let report = json(&out);
    assert_eq!(report.as_array().unwrap().len(), 1, "{report}");
    assert_eq!(report[0]["file"], "-");
    let stderr = text(&out.stderr);
    assert!(
        stderr
            .contains("warning: standard input (-) is named 2 times; it is read and reported once"),
        "{stderr}"
    );
}

#[test]
fn sarif_keeps_a_backslash_in_a_unix_file_name() {
    let folder = Folder::new("hostile", "backslash");
    folder.write("a\\b.json", request().set("ActionType", r#""read""#).text());
    let out = run(
        &folder.0,
        &[
            "check",
            "--no-config",
            "--region",
            "ap-guangzhou",
            "--format",
            "sarif",
            "a\\b.json",
        ],
    );
    assert_eq!(code(&out), 1);
    let sarif = json(&out);
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "a%5Cb.json");
}

/// The files a JSON report is of, in its order.
fn files_of(report: &Value) -> Vec<&str> {
    report
        .as_array()
        .expect("an array of files")
        .iter()
        .map(|r| r["file"].as_str().expect("a file name"))
        .collect()
}

/// `check --fix` of `inputs` in `dir` ([`fix_args`]).
fn fix_as_json(dir: &Path, inputs: &[&str]) -> Output {
    run(dir, &fix_args(inputs))
}

#[test]
fn a_read_only_file_is_not_fixed_and_the_others_are() {
    let folder = Folder::new("hostile", "read-only");
    let fixable = fixable_request(0);
    let locked = folder.write("locked.json", &fixable);
    folder.write("open.json", &fixable);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = fix_as_json(&folder.0, &["locked.json", "open.json"]);
    assert_eq!(code(&out), 2, "stderr: {}", text(&out.stderr));
    let report = json(&out);
    let error = report[0]["error"].as_str().expect("an error for the file");
    assert!(error.contains("locked.json: it is read-only"), "{error}");
    assert_eq!(rules_of(&report[0]), ["action-type-value"]);
    assert_eq!(fs::read_to_string(&locked).unwrap(), fixable);
    assert_eq!(
        fs::metadata(&locked).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert!(report[1].get("error").is_none(), "{}", report[1]);
    assert_eq!(report[1]["fixed"][0]["after"], "\"Read\"");
    assert_eq!(
        folder.names(),
        ["locked.json", "open.json"],
        "no temporary file is left"
    );
}

#[test]
fn a_file_named_several_ways_is_checked_and_fixed_once() {
    let folder = Folder::new("hostile", "named-twice");
    let fixable = fixable_request(0);
    let file = folder.write("sub/a.json", &fixable);
    std::os::unix::fs::symlink(&file, folder.0.join("link.json")).expect("a symbolic link");
    let absolute = file.to_string_lossy().into_owned();
    let out = fix_as_json(
        &folder.0,
        &["sub/a.json", "./sub/a.json", &absolute, "link.json", "sub"],
    );
    assert_eq!(code(&out), 0, "stderr: {}", text(&out.stderr));
    let report = json(&out);
    let files = files_of(&report);
    assert_eq!(files, ["sub/a.json"]);
    assert_eq!(report[0]["fixed"].as_array().map(Vec::len), Some(1));
}

#[test]
fn the_rules_listing_and_pages_draw_a_configurations_control_characters_as_u_fffd() {
    let folder = Folder::new("hostile", "rules-config");
    folder.write(
        "cloudaudit-lint.toml",
        "[api]\nregions = [\"\\u001b[31mX\\u202e\", \"ap-guangzhou\"]\n\
         storage-types = [\"\\u001b[5m\"]\ncapped-products = [\"\\u001b[1m\"]\n",
    );
    for args in [
        &["rules", "--config", "cloudaudit-lint.toml"][..],
        &[
            "rules",
            "region-unsupported",
            "--config",
            "cloudaudit-lint.toml",
        ],
        &[
            "rules",
            "event-names-cap",
            "--config",
            "cloudaudit-lint.toml",
        ],
    ] {
        let out = run(&folder.0, args);
        assert_eq!(code(&out), 0, "{args:?}: {}", text(&out.stderr));
        let listing = text(&out.stdout);
        assert!(
            !listing.contains(['\u{1b}', '\u{202e}']),
            "{args:?}: {listing}"
        );
        assert!(listing.contains('\u{FFFD}'), "{args:?}: {listing}");
    }
}

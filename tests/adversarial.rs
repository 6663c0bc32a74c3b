//! Hostile input, through the library (`Validator::validate_bytes`) and the program
//! (`cloudaudit-lint check --format json`): every case gets a located diagnostic or a clean
//! refusal, never a panic or a hang, the number of diagnostics stays bounded, and what the
//! limit leaves out is counted in `omitted`, so nothing is lost.
//!
//! The small cases are files in tests/adversarial/ (binary ones included: invalid UTF-8,
//! UTF-16, NUL bytes); the big ones (10 MB strings, 100 000-deep nesting, 100 000 entries) are
//! made here at run time. The npm package runs the same files in pkg/test/adversarial.test.mjs.
//!
//! Requests use `"ResourceType": "*"` where they can: it draws no advisory catalogue warning,
//! so every count below is exact.

#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cloudaudit_lint::validate::DEFAULT_MAX_DIAGNOSTICS;
use cloudaudit_lint::{Report, Severity, Validator};
use serde_json::Value;

const REGION: &str = "ap-guangzhou";
const DIR: &str = "tests/adversarial";

/// Generous: only a hang (or an accidentally quadratic path) takes this long, even in a debug
/// build on a busy machine.
const HANG: Duration = Duration::from_secs(60);

/// What a case must produce: rule, pointer, line and column (1-based, characters).
type Seen = (String, String, usize, usize);

fn seen(rule: &str, path: &str, line: usize, column: usize) -> Seen {
    (rule.to_owned(), path.to_owned(), line, column)
}

/// `seen` as every output lists it: by line, then column, then rule, ties as they were.
fn in_text_order(mut seen: Vec<Seen>) -> Vec<Seen> {
    seen.sort_by(|a, b| (a.2, a.3, &a.0).cmp(&(b.2, b.3, &b.0)));
    seen
}

fn validator() -> Validator {
    Validator::new().with_region(REGION)
}

/// The report's diagnostics as [`Seen`], asserting each is located (every diagnostic of a text
/// has a place in it; the caller's region is valid here).
fn located(report: &Report, case: &str) -> Vec<Seen> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let location = d
                .location
                .unwrap_or_else(|| panic!("{case}: {} at {:?} has no location", d.rule(), d.path));
            seen(
                d.rule().as_str(),
                &d.path,
                location.start.line,
                location.start.column,
            )
        })
        .collect()
}

/// The program's `--format json` output for one input, and its exit status.
struct Run {
    status: i32,
    file: Value,
}

impl Run {
    fn diagnostics(&self) -> &[Value] {
        self.file["diagnostics"]
            .as_array()
            .map_or(&[], Vec::as_slice)
    }

    fn omitted(&self) -> u64 {
        self.file["omitted"].as_u64().expect("omitted is a count")
    }

    fn seen(&self, case: &str) -> Vec<Seen> {
        self.diagnostics()
            .iter()
            .map(|d| {
                let number = |key: &str| {
                    d[key]
                        .as_u64()
                        .unwrap_or_else(|| panic!("{case}: {} has no {key} in {d}", d["rule"]))
                        as usize
                };
                let _ = number("endLine") + number("endColumn");
                seen(
                    d["rule"].as_str().expect("rule"),
                    d["path"].as_str().expect("path"),
                    number("line"),
                    number("column"),
                )
            })
            .collect()
    }
}

/// Runs `cloudaudit-lint check --format json` on `input` (a file, or `-` with `stdin`).
fn cli(input: &str, stdin: &[u8], extra: &[&str]) -> Run {
    let mut args = vec![
        "check",
        "--no-config",
        "--region",
        REGION,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    args.push(input);
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
        .args(&args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cloudaudit-lint starts");
    // Written from another thread: the program may answer before it has read everything.
    let mut pipe = child.stdin.take().expect("stdin");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || pipe.write_all(&stdin));
    let output = child.wait_with_output().expect("cloudaudit-lint finishes");
    writer
        .join()
        .expect("the writer thread")
        .expect("stdin written");
    assert!(
        output.stderr.is_empty(),
        "{input}: stderr {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let status = output.status.code().expect("an exit status, not a signal");
    let mut all: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let file = all[0].take();
    Run { status, file }
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(DIR).join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// One committed file, what it must produce, and its exit status.
struct FileCase {
    file: &'static str,
    status: i32,
    expected: Vec<Seen>,
}

fn file_case(file: &'static str, status: i32, expected: Vec<Seen>) -> FileCase {
    FileCase {
        file,
        status,
        expected,
    }
}

/// Look-alike and invisible characters, one class per `EventNames` entry (lines 7 to 29).
/// Those folding to a character API names cannot have also draw `event-name-format`.
fn lookalike_entries(column: usize) -> Vec<Seen> {
    let mut expected = vec![seen("event-names-wildcard", "/EventNames", 6, 17)];
    for entry in 0..23 {
        let path = format!("/EventNames/{entry}");
        let line = 7 + entry;
        let rule = if entry < 10 {
            "confusable-character"
        } else {
            "invisible-character"
        };
        expected.push(seen(rule, &path, line, column));
        // The en dash, no-break space, one dot leader and division slash fold to "-", " ",
        // "." and "/".
        if (5..=8).contains(&entry) {
            expected.push(seen("event-name-format", &path, line, column));
        }
    }
    expected
}

fn file_cases() -> Vec<FileCase> {
    let syntax_at = |line, column| vec![seen("json-syntax", "", line, column)];
    vec![
        // Refused at the first bad byte, 'au|\xff', not read as U+FFFD.
        file_case("invalid-utf8.json", 1, syntax_at(2, 14)),
        // A three-byte character cut short by the end of the file.
        file_case("invalid-utf8-truncated.json", 1, syntax_at(2, 17)),
        // UTF-16, either byte order, with or without its byte order mark: refused at 1:1.
        file_case("utf16le.json", 1, syntax_at(1, 1)),
        file_case("utf16le-bom.json", 1, syntax_at(1, 1)),
        file_case("utf16be.json", 1, syntax_at(1, 1)),
        file_case("utf16be-bom.json", 1, syntax_at(1, 1)),
        // A UTF-8 byte order mark before a valid request: the one problem is the mark.
        file_case("utf8-bom.json", 1, vec![seen("byte-order-mark", "", 1, 1)]),
        file_case("empty.json", 1, syntax_at(1, 1)),
        file_case("whitespace-only.json", 1, syntax_at(1, 1)),
        // Not an integer: a number with an exponent, and one too large for a double.
        file_case(
            "status-1e400.json",
            1,
            vec![seen("parameter-type", "/Status", 5, 13)],
        ),
        // `-0` is the integer 0 for the server's integer parser (Go's strconv and JSON
        // decoders read it so): "not enabled", a valid Status. Nothing to report.
        file_case("status-minus-zero.json", 0, vec![]),
        // An integer, but past any integer type: not 0 or 1.
        file_case(
            "status-2pow64.json",
            1,
            vec![seen("status-value", "/Status", 5, 13)],
        ),
        // A fraction, even a zero one, is not an integer (the help says to write 1).
        file_case(
            "status-1.0.json",
            1,
            vec![seen("parameter-type", "/Status", 5, 13)],
        ),
        // NUL and control characters raw in a string are JSON syntax errors at the character.
        file_case("nul-raw-in-string.json", 1, syntax_at(2, 14)),
        file_case("control-raw-in-string.json", 1, syntax_at(2, 14)),
        file_case("nul-between-tokens.json", 1, syntax_at(2, 19)),
        // A NUL byte first reads as UTF-16 (RFC 4627's detection): a clean refusal all the same.
        file_case("nul-first.json", 1, syntax_at(1, 1)),
        // Escaped, they are in the value: each is reported, at the whole string since an escape
        // cannot be pointed at character by character.
        file_case("control-escaped.json", 1, {
            let mut expected = vec![
                seen("invisible-character", "/Name", 2, 11),
                seen("event-names-wildcard", "/EventNames", 6, 17),
            ];
            for entry in 0..7 {
                let path = format!("/EventNames/{entry}");
                expected.push(seen("invisible-character", &path, 7 + entry, 5));
            }
            expected
        }),
        // Written as they are, each character is pointed at (column 10); escaped, the string is.
        file_case("lookalikes-and-invisibles.json", 1, lookalike_entries(10)),
        file_case(
            "lookalikes-and-invisibles-escaped.json",
            1,
            lookalike_entries(5),
        ),
        // Duplicates at every level: the request, Storage, an entry of EventNames, a value of
        // the wrong type, an unknown parameter and what it nests.
        file_case(
            "duplicate-keys.json",
            1,
            vec![
                seen("duplicate-key", "/Name", 2, 3),
                seen("parameter-type", "/EventNames/1", 7, 23),
                seen("duplicate-key", "/EventNames/1/e", 7, 24),
                seen("event-names-wildcard", "/EventNames", 7, 17),
                seen("duplicate-key", "/Storage/StorageType", 10, 5),
                seen("unknown-parameter", "/Storage/Extra", 15, 5),
                seen("duplicate-key", "/Storage/Extra/k", 15, 15),
                seen("parameter-type", "/TrackForAllMembers", 8, 25),
                seen("duplicate-key", "/TrackForAllMembers/x", 8, 26),
                seen("unknown-parameter", "/Tags", 17, 3),
                seen("duplicate-key", "/Tags/a", 17, 12),
                seen("duplicate-key", "/Tags/a/b", 17, 18),
                seen("duplicate-key", "/Tags/a/0/c", 17, 42),
            ],
        ),
    ]
}

#[test]
fn every_committed_file_has_a_case() {
    let cases: Vec<&str> = file_cases().iter().map(|c| c.file).collect();
    for entry in std::fs::read_dir(DIR).expect("tests/adversarial") {
        let name = entry.expect("an entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            cases.contains(&&*name),
            "{name} has no case in tests/adversarial.rs"
        );
    }
}

#[test]
fn committed_files_through_the_library() {
    for case in file_cases() {
        let report = validator().validate_bytes(&read(case.file));
        assert_eq!(located(&report, case.file), case.expected, "{}", case.file);
        assert_eq!(report.omitted, 0, "{}", case.file);
        assert_eq!(i32::from(report.has_errors()), case.status, "{}", case.file);
    }
}

#[test]
fn committed_files_through_the_program() {
    for case in file_cases() {
        let path = format!("{DIR}/{}", case.file);
        let run = cli(&path, b"", &[]);
        assert_eq!(run.status, case.status, "{}", case.file);
        assert_eq!(
            run.seen(case.file),
            in_text_order(case.expected.clone()),
            "{}",
            case.file
        );
        assert_eq!(run.omitted(), 0, "{}", case.file);
        // Standard input reads the same bytes.
        let piped = cli("-", &read(case.file), &[]);
        assert_eq!(
            piped.seen(case.file),
            in_text_order(case.expected),
            "{} on stdin",
            case.file
        );
    }
}

#[test]
fn status_numbers_say_what_to_write() {
    let help = |file: &str| {
        let report = validator().validate_bytes(&read(file));
        report.diagnostics[0].help(Default::default())
    };
    assert_eq!(help("status-1.0.json").as_deref(), Some("write 1"));
    // No integer stands for 1e400; nothing certain to suggest.
    assert_eq!(help("status-1e400.json"), None);
}

/// The JSON Pointer of an `EventNames` entry.
fn entry(index: usize) -> String {
    format!("/EventNames/{index}")
}

/// A valid request around `event_names` (raw JSON), on one line per member.
fn request_with_event_names(event_names: &str) -> String {
    format!(
        "{{\n\"Name\": \"audit\",\n\"ActionType\": \"Read\",\n\"ResourceType\": \"*\",\n\"Status\": 1,\n\
         \"EventNames\": {event_names},\n\"Storage\": {{\"StorageType\": \"cos\", \
         \"StorageRegion\": \"ap-guangzhou\", \"StorageName\": \"audit-cos\", \"StoragePrefix\": \"logs\"}}\n}}\n"
    )
}

#[test]
fn a_hundred_thousand_event_names_half_bad_are_counted_to_the_last() {
    let start = Instant::now();
    // Entries 1, 5, 9 … have a space (event-name-format, a warning); 3, 7, 11 … a zero-width
    // space (invisible-character, an error); the even ones are fine. With ResourceType "*"
    // the list itself draws one error: it must be exactly ["*"].
    const COUNT: usize = 100_000;
    let names: Vec<String> = (0..COUNT)
        .map(|i| match i % 4 {
            1 => format!("Bad {i}"),
            3 => format!("Api\u{200B}{i}"),
            _ => format!("Api{i}"),
        })
        .collect();
    let text = request_with_event_names(&serde_json::to_string(&names).expect("names"));

    let everything = validator()
        .with_max_diagnostics(usize::MAX)
        .validate_str(&text);
    let bad = COUNT / 2;
    assert_eq!(
        everything.diagnostics.len(),
        bad + 1,
        "every bad entry, and the list"
    );
    assert_eq!(
        everything.diagnostics[0].rule().as_str(),
        "event-names-wildcard"
    );
    for (d, index) in everything.diagnostics[1..]
        .iter()
        .zip((1..COUNT).step_by(2))
    {
        let rule = if index % 4 == 1 {
            "event-name-format"
        } else {
            "invisible-character"
        };
        assert_eq!((d.rule().as_str(), &*d.path), (rule, &*entry(index)));
        assert!(d.location.is_some(), "{} unlocated", d.path);
    }

    let report = validator().validate_bytes(text.as_bytes());
    assert_eq!(report.diagnostics.len(), DEFAULT_MAX_DIAGNOSTICS);
    assert_eq!(report.omitted, bad + 1 - DEFAULT_MAX_DIAGNOSTICS);
    assert_eq!(
        report.diagnostics[..],
        everything.diagnostics[..DEFAULT_MAX_DIAGNOSTICS]
    );
    let omitted_errors = everything.diagnostics[DEFAULT_MAX_DIAGNOSTICS..]
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    assert_eq!(report.omitted_errors, omitted_errors);
    assert_eq!(omitted_errors, bad / 2 - (DEFAULT_MAX_DIAGNOSTICS - 1) / 2);

    let run = cli("-", text.as_bytes(), &[]);
    assert_eq!(run.status, 1);
    assert_eq!(run.diagnostics().len(), DEFAULT_MAX_DIAGNOSTICS);
    assert_eq!(run.omitted() as usize, bad + 1 - DEFAULT_MAX_DIAGNOSTICS);
    assert_eq!(run.seen("event names"), located(&report, "event names"));
    // A limit of its own, and none at all.
    let run = cli("-", text.as_bytes(), &["--max-diagnostics", "10"]);
    assert_eq!(
        (run.diagnostics().len(), run.omitted() as usize),
        (10, bad + 1 - 10)
    );
    assert!(start.elapsed() < HANG, "{:?}", start.elapsed());
}

#[test]
fn a_hundred_thousand_duplicate_and_unknown_keys_are_bounded() {
    let start = Instant::now();
    const COUNT: usize = 100_000;
    // The same key 100 000 times: every one but the last is ignored by the server.
    let mut text = request_with_event_names("[\"*\"]");
    let members = "\"Name\": \"audit\",\n".repeat(COUNT - 1);
    text.insert_str(2, &members);
    let report = validator().validate_str(&text);
    let everything = validator()
        .with_max_diagnostics(usize::MAX)
        .validate_str(&text);
    assert_eq!(everything.diagnostics.len(), COUNT - 1);
    assert!(
        everything
            .diagnostics
            .iter()
            .all(|d| d.rule().as_str() == "duplicate-key"
                && d.path == "/Name"
                && d.location.is_some())
    );
    assert_eq!(report.diagnostics.len() + report.omitted, COUNT - 1);
    assert_eq!(report.omitted_errors, report.omitted);
    // The first duplicate is the first line after the brace.
    assert_eq!(
        located(&report, "duplicates")[0],
        seen("duplicate-key", "/Name", 2, 1)
    );

    // 100 000 parameters the API does not define, each with its did-you-mean search.
    let unknown: String = (0..COUNT).map(|i| format!("\"P{i}\": {i},\n")).collect();
    let mut text = request_with_event_names("[\"*\"]");
    text.insert_str(2, &unknown);
    let everything = validator()
        .with_max_diagnostics(usize::MAX)
        .validate_bytes(text.as_bytes());
    assert_eq!(everything.diagnostics.len(), COUNT);
    let run = cli("-", text.as_bytes(), &[]);
    assert_eq!(run.status, 1);
    assert_eq!(run.diagnostics().len(), DEFAULT_MAX_DIAGNOSTICS);
    assert_eq!(run.omitted() as usize, COUNT - DEFAULT_MAX_DIAGNOSTICS);
    assert!(start.elapsed() < HANG, "{:?}", start.elapsed());
}

#[test]
fn a_hundred_thousand_deep_nesting_is_a_located_error_not_a_stack_overflow() {
    let start = Instant::now();
    const DEPTH: usize = 100_000;
    let arrays = "[".repeat(DEPTH) + &"]".repeat(DEPTH);
    let objects = "{\"a\":".repeat(DEPTH) + "1" + &"}".repeat(DEPTH);
    // The limit is 128 levels: the 129th bracket is the error, on line 1.
    let cases = [
        (arrays.clone(), 129),
        (objects.clone(), 1 + 5 * 128),
        // Deep inside a parameter's value (the request's braces are the first level).
        (format!("{{\"Status\": {arrays}}}"), 12 + 127),
        (request_with_event_names(&arrays), 0),
    ];
    for (text, column) in cases {
        let report = validator().validate_bytes(text.as_bytes());
        let found = located(&report, "deep");
        assert_eq!(found.len(), 1, "{:?}", &found);
        assert_eq!(found[0].0, "json-syntax");
        if column > 0 {
            assert_eq!((found[0].2, found[0].3), (1, column));
        } else {
            assert_eq!((found[0].2, found[0].3), (6, 15 + 127));
        }
        let run = cli("-", text.as_bytes(), &[]);
        assert_eq!(run.status, 1);
        assert_eq!(run.seen("deep"), found);
    }
    assert!(start.elapsed() < HANG, "{:?}", start.elapsed());
}

/// A valid request with `member` (raw JSON) added or replacing its namesake.
fn request_with(key: &str, value: &str) -> String {
    let mut request: serde_json::Map<String, Value> =
        serde_json::from_str(&request_with_event_names("[\"*\"]")).expect("a valid request");
    let value: Value = serde_json::from_str(value).expect("a value");
    match key.strip_prefix("Storage/") {
        Some(field) => {
            request["Storage"][field] = value;
        }
        None => {
            request.insert(key.to_owned(), value);
        }
    }
    serde_json::to_string_pretty(&request).expect("serializes")
}

#[test]
fn ten_megabyte_strings_in_every_field_are_reported_in_time() {
    let start = Instant::now();
    const SIZE: usize = 10 * 1024 * 1024;
    let ascii = "r".repeat(SIZE);
    // Cyrillic "а": 2 bytes each, a look-alike of "a" every one.
    let lookalikes = "\u{430}".repeat(SIZE / 2);
    let long = serde_json::to_string(&ascii).expect("a string");
    let fields = [
        ("Name", "name-length"),
        ("ActionType", "action-type-value"),
        ("Region", "region-mismatch"),
        ("Action", "action-value"),
        ("Version", "version-value"),
        ("ExportId", ""),
        ("Storage/StorageType", "storage-type-value"),
        ("Storage/StorageRegion", "storage-region-format"),
        ("Storage/StorageName", "storage-name-cos"),
        ("Storage/StoragePrefix", "storage-prefix-cos"),
        ("Storage/StorageAccountId", "storage-id-format"),
        ("Storage/StorageAppId", "storage-id-format"),
    ];
    for (field, rule) in fields {
        let text = request_with(field, &long);
        let report = validator().validate_bytes(text.as_bytes());
        let found = located(&report, field);
        let path = format!("/{field}");
        if rule.is_empty() {
            assert!(found.is_empty(), "{field}: {found:?}");
        } else {
            assert!(
                found.iter().any(|s| s.0 == rule && s.1 == path),
                "{field}: {rule} not in {found:?}"
            );
        }
    }
    // As a key: an unknown parameter, whose did-you-mean must not compare 10 MB with each name.
    let text = format!("{{{long}: 1}}");
    let report = validator().validate_bytes(text.as_bytes());
    let unknown = &report.diagnostics.last().expect("a diagnostic");
    assert_eq!(unknown.rule().as_str(), "unknown-parameter");
    assert_eq!(
        unknown.help(Default::default()).as_deref(),
        Some("remove it")
    );
    // An EventNames entry and a name of look-alikes, through the program too.
    let names = format!("[{long}]");
    let text = request_with_event_names(&names);
    let run = cli("-", text.as_bytes(), &[]);
    assert_eq!(
        run.seen("entry"),
        vec![seen("event-names-wildcard", "/EventNames", 6, 15)]
    );
    let text = request_with(
        "Name",
        &serde_json::to_string(&lookalikes).expect("a string"),
    );
    let run = cli("-", text.as_bytes(), &[]);
    let rules: Vec<String> = run.seen("lookalikes").into_iter().map(|s| s.0).collect();
    // In text order: the value (name-length) starts before its first look-alike.
    assert_eq!(rules, ["name-length", "confusable-character"]);
    assert!(start.elapsed() < HANG, "{:?}", start.elapsed());
}

#[test]
fn every_lookalike_and_invisible_character_is_reported_where_it_is() {
    use cloudaudit_lint::unicode::{CharClass, classify};
    let validator = validator();
    let mut checked = 0;
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let rule = match classify(c) {
            CharClass::Plain => continue,
            CharClass::Confusable(_) => "confusable-character",
            CharClass::Invisible => "invisible-character",
        };
        checked += 1;
        // Written as it is where JSON allows; escaped where it must be (controls), and then
        // the diagnostic points at the whole value: located all the same.
        let raw = (c as u32) >= 0x20;
        let value = if raw {
            format!("ab{c}cd")
        } else {
            format!("ab\\u{:04x}cd", c as u32)
        };
        let text = format!("{{\"Name\": \"{value}\"}}");
        let report = validator.validate_str(&text);
        let found = report
            .diagnostics
            .iter()
            .find(|d| d.rule().as_str() == rule && d.path == "/Name")
            .unwrap_or_else(|| panic!("U+{:04X}: no {rule}", c as u32));
        let span = found.location.expect("located").span;
        let marked = &text[span.start..span.end];
        if raw {
            assert_eq!(marked, c.to_string(), "U+{:04X}", c as u32);
        } else {
            assert_eq!(marked, format!("\"{value}\""), "U+{:04X}", c as u32);
        }
    }
    // The C0 and C1 controls and DEL alone are 65; the look-alike table, the full-width forms,
    // the named invisibles, variation selectors and tags are several hundred more.
    assert!(checked > 500, "{checked} characters classified");
}

#[test]
fn escaped_keys_are_the_keys_they_spell() {
    // "N\u0061me" is "Name": a duplicate, though the two keys are written differently.
    let text = "{\"Name\": \"x\", \"N\\u0061me\": \"audit\"}";
    let report = validator().validate_str(text);
    let found = located(&report, "escaped key");
    assert_eq!(found[0], seen("duplicate-key", "/Name", 1, 2));
    assert!(!found.iter().any(|s| s.0 == "name-length"), "{found:?}");
}

#[test]
fn a_rule_points_at_its_character_past_removed_invisible_ones() {
    // The field rules check the value without its invisible characters; the index they give
    // must still be the character's in the value as written, or the caret marks a neighbour.
    let cases = [
        ("Name", "\" a\u{200B}\u{200B}b c\"", "name-charset", " "),
        (
            "ResourceType",
            "\"c\u{200B}o.s\"",
            "resource-type-format",
            ".",
        ),
        (
            "EventNames",
            "[\"\u{202E}Put\u{200B}Obj ect\"]",
            "event-name-format",
            " ",
        ),
        (
            "Storage/StorageName",
            "\"a\u{200B}b_c\"",
            "storage-name-cos",
            "_",
        ),
        (
            "Storage/StoragePrefix",
            "\"\u{FEFF}lo-gs\"",
            "storage-prefix-cos",
            "-",
        ),
    ];
    for (field, value, rule, marked) in cases {
        let text = match field.strip_prefix("Storage/") {
            Some(field) => request_with_storage(field, value),
            None if field == "EventNames" => request_with_event_names(value),
            None => request_with_event_names("[\"*\"]").replacen(
                &format!(
                    "\"{field}\": \"{}\"",
                    if field == "Name" { "audit" } else { "*" }
                ),
                &format!("\"{field}\": {value}"),
                1,
            ),
        };
        let report = validator().validate_str(&text);
        let found = report
            .diagnostics
            .iter()
            .find(|d| d.rule().as_str() == rule)
            .unwrap_or_else(|| panic!("{field}: no {rule} in {text}"));
        let span = found.location.expect("located").span;
        assert_eq!(&text[span.start..span.end], marked, "{field}: {rule}");
    }
}

/// A valid request whose `Storage` field `field` is `value` (raw JSON).
fn request_with_storage(field: &str, value: &str) -> String {
    let text = request_with_event_names("[\"*\"]");
    let old = match field {
        "StorageName" => "\"StorageName\": \"audit-cos\"",
        _ => "\"StoragePrefix\": \"logs\"",
    };
    text.replacen(old, &format!("\"{field}\": {value}"), 1)
}

#[test]
fn human_output_of_a_megabyte_long_line_is_bounded_and_in_time() {
    // A minified request is one line: 100 000 EventNames make it 1.2 MB, and each of the 1000
    // diagnostics shown has a code frame of that line, cut to a window around its caret.
    let start = Instant::now();
    let names: Vec<String> = (0..100_000)
        .map(|i| match i % 2 {
            1 => format!("Bad {i}"),
            _ => format!("Api{i}"),
        })
        .collect();
    let text =
        request_with_event_names(&serde_json::to_string(&names).expect("names")).replace('\n', "");
    let output = Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
        .args([
            "check",
            "--no-config",
            "--region",
            REGION,
            "--color",
            "never",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            let mut pipe = child.stdin.take().expect("stdin");
            let writer = std::thread::spawn(move || pipe.write_all(text.as_bytes()));
            let output = child.wait_with_output();
            writer.join().expect("the writer thread")?;
            output
        })
        .expect("cloudaudit-lint runs");
    assert_eq!(output.status.code(), Some(1));
    let human = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert_eq!(human.matches("warning[event-name-format]").count(), 999);
    assert!(
        human.ends_with("(49001 more not shown)\n"),
        "{}",
        &human[human.len() - 200..]
    );
    let longest = human.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 300, "a line of {longest} characters");
    assert!(start.elapsed() < HANG, "{:?}", start.elapsed());
}

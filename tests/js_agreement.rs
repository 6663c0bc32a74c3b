//! The JavaScript and Rust surfaces agree on random input: requests generated with proptest
//! (hostile strings, characters outside the BMP, broken JSON) are validated here and by the
//! npm package's `validate` in Node, and every diagnostic must match, columns included (the
//! package's count UTF-16 code units: `Position::column_utf16` here).
//!
//! Needs the package built (`scripts/build-wasm.sh`: pkg/wasm/) and `node`. Without them the
//! test says so and passes, unless `CLOUDAUDIT_REQUIRE_PKG` is set, as the step that runs it
//! after building the package sets it.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use cloudaudit_lint::{Locale, Report, Validator, facts};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};

const REGION: &str = "ap-guangzhou";
const CASES: usize = 400;

/// Reads the inputs (a JSON array of strings) on stdin and prints, for each, what the
/// package's validate() returns, or the error it throws.
const NODE_SCRIPT: &str = r#"
const { validate } = await import(process.argv[1]);
let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = JSON.parse(input).map((text) => {
  try { return validate(text, { region: "ap-guangzhou" }); }
  catch (error) { return { error: String(error) }; }
});
process.stdout.write(JSON.stringify(out));
"#;

/// Strings with the characters that make positions and messages differ between surfaces.
fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("audit".to_owned()),
        Just("Read".to_owned()),
        Just("cos".to_owned()),
        Just("*".to_owned()),
        "[a-zA-Z0-9_ -]{0,10}",
        "[a-z]{0,3}[\u{430}\u{ff21}\u{2013}\u{a0}\u{200b}\u{202e}\u{0}\u{85}\u{1f600}\u{20000}\u{e0041}\u{4e2d}][a-z]{0,3}",
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-2i64..3).prop_map(Value::from),
        Just(json!(1.0)),
        tricky_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((tricky_string(), inner), 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A request with some of the API's parameters and some others, as text: pretty, compact,
/// or cut short (a syntax error somewhere in it).
fn input() -> impl Strategy<Value = String> {
    // The common parameters and CreateAuditTrack's own, from the crate's table.
    let keys: Vec<&str> = facts::COMMON_PARAMS
        .iter()
        .chain(facts::REQUEST_PARAMS)
        .map(|spec| spec.name())
        .collect();
    let member = prop_oneof![
        3 => (prop::sample::select(keys).prop_map(str::to_owned), value()),
        1 => (tricky_string(), value()),
    ];
    (
        prop::collection::vec(member, 0..8),
        0..3u8,
        any::<prop::sample::Index>(),
    )
        .prop_map(|(members, form, cut)| {
            let request = Value::Object(members.into_iter().collect());
            let text = if form == 1 {
                serde_json::to_string(&request)
            } else {
                serde_json::to_string_pretty(&request)
            }
            .expect("serializes");
            if form == 2 {
                let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
                match boundaries.is_empty() {
                    true => text,
                    false => text[..boundaries[cut.index(boundaries.len())]].to_owned(),
                }
            } else {
                text
            }
        })
}

/// The diagnostics as the package writes them, from the Rust report: in text order.
fn records(report: &Report) -> Vec<Value> {
    report
        .in_text_order()
        .into_iter()
        .map(|d| {
            let mut record = json!({
                "rule": d.rule().as_str(),
                "severity": if d.is_error() { "error" } else { "warning" },
                "path": d.path,
                "message": d.message(Locale::En),
                "apiErrorCode": d.api_error_code().map(|c| c.as_str()),
                "help": d.help(Locale::En),
            });
            if let Some(location) = d.location {
                record["line"] = json!(location.start.line);
                record["column"] = json!(location.start.column_utf16);
                record["endLine"] = json!(location.end.line);
                record["endColumn"] = json!(location.end.column_utf16);
            }
            record
        })
        .collect()
}

/// The same fields of a record the package returned (`help` absent means none).
fn comparable(js: &Value) -> Value {
    let mut record = json!({
        "rule": js["rule"], "severity": js["severity"], "path": js["path"],
        "message": js["message"], "apiErrorCode": js["apiErrorCode"],
        "help": js.get("help").cloned().unwrap_or(Value::Null),
    });
    for key in ["line", "column", "endLine", "endColumn"] {
        if let Some(n) = js.get(key).filter(|n| !n.is_null()) {
            record[key] = n.clone();
        }
    }
    record
}

#[test]
fn the_npm_package_and_the_library_agree_on_random_requests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let entry = root.join("pkg/node.js");
    let built = root.join("pkg/wasm/cloudaudit_lint_bg.wasm").exists() && entry.exists();
    let node = Command::new("node").arg("--version").output().is_ok();
    if !(built && node) {
        let why = "the npm package is not built (scripts/build-wasm.sh) or node is missing";
        assert!(
            std::env::var_os("CLOUDAUDIT_REQUIRE_PKG").is_none(),
            "{why}"
        );
        eprintln!("skipped: {why}");
        return;
    }

    let mut runner = TestRunner::deterministic();
    let strategy = input();
    let inputs: Vec<String> = (0..CASES)
        .map(|_| strategy.new_tree(&mut runner).expect("a value").current())
        .collect();

    let mut child = Command::new("node")
        .args(["--input-type=module", "-e", NODE_SCRIPT])
        .arg(url(&entry))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node starts");
    let payload = serde_json::to_vec(&inputs).expect("inputs");
    let mut pipe = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || pipe.write_all(&payload));
    let output = child.wait_with_output().expect("node finishes");
    writer.join().expect("writer").expect("stdin written");
    assert!(
        output.status.success(),
        "node: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Vec<Value> = serde_json::from_slice(&output.stdout).expect("JSON from node");
    assert_eq!(results.len(), inputs.len());

    let validator = Validator::new().with_region(REGION).with_catalog(None);
    let mut compared = 0;
    for (text, js) in inputs.iter().zip(&results) {
        let js = js
            .as_array()
            .unwrap_or_else(|| panic!("validate() threw on {text:?}: {js}"));
        let js: Vec<Value> = js.iter().map(comparable).collect();
        let rust = records(&validator.validate_str(text));
        assert_eq!(js, rust, "the surfaces disagree on {text:?}");
        compared += rust.len();
    }
    assert!(compared > CASES, "only {compared} diagnostics compared");
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

//! Terraform `.tf` sources: `tencentcloud_audit_track` and `tencentcloud_events_audit_track`
//! blocks of a module's files, each diagnostic at the attribute's line and column (in
//! characters) with the block's address; non-literal expressions skipped; `var.NAME` checked at
//! its literal default; HCL syntax errors located, never a panic.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use cloudaudit_lint::terraform::source::{SourceFile, check_module, check_source};
use cloudaudit_lint::{Locale, Report, RuleId, Validator};
use proptest::prelude::*;

const FIXTURE: &str = "tests/fixtures/terraform/module";

/// (file, address, attribute, rule, line, column) of a diagnostic.
type Seen = (String, String, String, RuleId, usize, usize);

fn validator() -> Validator {
    Validator::new().with_catalog(None)
}

/// Checks the `.tf` files of one fixture folder as a module, every file checked.
fn module_findings(folder: &str) -> Vec<Seen> {
    let dir = Path::new(FIXTURE).join(folder);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the fixture folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "tf"))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let texts: Vec<String> = names
        .iter()
        .map(|n| std::fs::read_to_string(dir.join(n)).expect("a fixture file"))
        .collect();
    let validator = validator();
    let files: Vec<SourceFile<'_>> = texts
        .iter()
        .map(|text| SourceFile {
            text,
            validator: &validator,
            checked: true,
        })
        .collect();
    let reports = check_module(&files);
    assert_eq!(reports.len(), names.len(), "one report per file");
    names
        .iter()
        .zip(reports)
        .flat_map(|(name, report)| seen(name, &report))
        .collect()
}

fn seen(file: &str, report: &Report) -> Vec<Seen> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let resource = d
                .within
                .clone()
                .expect("every diagnostic names its resource");
            let at = d.location.expect("located in the .tf file").start;
            (
                file.to_owned(),
                resource.address,
                resource.attribute,
                d.rule(),
                at.line,
                at.column,
            )
        })
        .collect()
}

fn rows(rows: &[(&str, &str, &str, RuleId, usize, usize)]) -> Vec<Seen> {
    rows.iter()
        .map(|(f, a, attr, r, l, c)| ((*f).into(), (*a).into(), (*attr).into(), *r, *l, *c))
        .collect()
}

#[test]
fn the_root_module_reports_each_resource_at_its_attributes() {
    let main = "tencentcloud_audit_track.main";
    let archive = "tencentcloud_audit_track.archive";
    let events = "tencentcloud_events_audit_track.events";
    let by_key = "tencentcloud_events_audit_track.by_key";
    let lists = "tencentcloud_events_audit_track.lists";
    use RuleId as R;
    let expected = rows(&[
        ("main.tf", main, "action_type", R::ActionTypeValue, 14, 19),
        (
            "main.tf",
            main,
            "event_names[1]",
            R::EventNamesDuplicate,
            17,
            36,
        ),
        // `count`: the block's address; a status of 3.
        ("main.tf", archive, "status", R::StatusValue, 31, 27),
        // A `<<-` heredoc is a literal: its trailing newline is whitespace the server keeps.
        (
            "main.tf",
            archive,
            "storage[0].storage_name",
            R::SurroundingWhitespace,
            37,
            22,
        ),
        // Checked once, with the entries.
        (
            "main.tf",
            events,
            "storage[0].storage_prefix",
            R::StoragePrefixCos,
            52,
            22,
        ),
        // After `/* 审计 */` on its line: columns count characters.
        (
            "main.tf",
            events,
            "filters[0].resource_fields[1].action_type",
            R::ActionTypeValue,
            62,
            30,
        ),
        (
            "main.tf",
            by_key,
            "filters[0].resource_fields[0].event_names",
            R::EventNamesWildcard,
            82,
            23,
        ),
        // What only the list can get wrong, at the entry's resource_type.
        (
            "main.tf",
            lists,
            "filters[0].resource_fields[1].resource_type",
            R::ResourceFieldsWildcardMixed,
            111,
            23,
        ),
        (
            "main.tf",
            lists,
            "filters[0].resource_fields[2].resource_type",
            R::ResourceFieldsDuplicateProduct,
            116,
            23,
        ),
        // `name = var.track_name`: at the default, after `/* 名称 */`.
        ("variables.tf", main, "name", R::NameCharset, 3, 22),
    ]);
    assert_eq!(module_findings(""), expected);
}

#[test]
fn nested_modules_report_their_own_resources() {
    use RuleId as R;
    assert_eq!(
        module_findings("modules/a"),
        rows(&[
            (
                "main.tf",
                "tencentcloud_audit_track.a_first",
                "name",
                R::SurroundingWhitespace,
                2,
                19
            ),
            // No storage block at all: missing, at the resource's header.
            (
                "main.tf",
                "tencentcloud_audit_track.a_second",
                "storage",
                R::MissingParameter,
                17,
                1
            ),
        ])
    );
    assert_eq!(
        module_findings("modules/b"),
        rows(&[
            (
                "main.tf",
                "tencentcloud_events_audit_track.b_events",
                "storage[0].storage_prefix",
                R::MissingParameter,
                32,
                3,
            ),
            (
                "main.tf",
                "tencentcloud_events_audit_track.b_events",
                "filters[0].resource_fields[0].resource_type",
                R::MissingParameter,
                38,
                5,
            ),
            (
                "variables.tf",
                "tencentcloud_audit_track.b_first",
                "status",
                R::StatusValue,
                2,
                13
            ),
        ])
    );
}

#[test]
fn paths_point_into_terraforms_json_syntax() {
    let text = std::fs::read_to_string(Path::new(FIXTURE).join("main.tf")).unwrap();
    let report = check_source(&validator().with_region("ap-guangzhou"), &text);
    let paths: Vec<&str> = report.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert!(
        paths.contains(&"/resource/tencentcloud_audit_track/main/event_names/1"),
        "{paths:?}"
    );
    assert!(
        paths.contains(
            &"/resource/tencentcloud_events_audit_track/events/filters/0/resource_fields/1/action_type"
        ),
        "{paths:?}"
    );
}

/// A valid audit track with `name = NAME_EXPR`.
fn track_with_name(name: &str) -> String {
    format!(
        r#"resource "tencentcloud_audit_track" "t" {{
  name          = {name}
  action_type   = "Read"
  resource_type = "cvm"
  status        = 1
  event_names   = ["*"]
  storage {{
    storage_type   = "cos"
    storage_region = "ap-guangzhou"
    storage_name   = "bucket"
    storage_prefix = "audit"
  }}
}}
"#
    )
}

#[test]
fn a_valid_block_reports_nothing_and_a_bad_literal_is_reported() {
    let v = validator().with_region("ap-guangzhou");
    assert!(check_source(&v, &track_with_name("\"audit\"")).is_clean());
    let report = check_source(&v, &track_with_name("\"a b\""));
    assert_eq!(
        seen("t.tf", &report),
        rows(&[(
            "t.tf",
            "tencentcloud_audit_track.t",
            "name",
            RuleId::NameCharset,
            2,
            19
        )])
    );
    // Unset (`null`) is missing.
    let report = check_source(&v, &track_with_name("null"));
    assert_eq!(report.diagnostics[0].rule(), RuleId::MissingParameter);
}

#[test]
fn expressions_that_are_not_literals_are_skipped_and_never_missing() {
    let v = validator().with_region("ap-guangzhou");
    for expression in [
        "var.undeclared",
        "local.name",
        "upper(\"a b\")",
        "\"a b ${var.x}\"",
        "var.flag ? \"a b\" : \"c d\"",
        "\"track-${count.index}\"",
        "each.value",
        "each.value.name",
        "[for s in var.list : s][0]",
        "\"a\" + 1",
        "<<EOT\n${var.x} a b\nEOT",
        "tencentcloud_cos_bucket.b.id",
    ] {
        let report = check_source(&v, &track_with_name(expression));
        assert!(report.is_clean(), "{expression}: {:?}", report.diagnostics);
    }
    // A variable without a default, or with a non-literal one, is skipped too.
    for variable in [
        "variable \"n\" {}\n",
        "variable \"n\" {\n  default = local.x\n}\n",
    ] {
        let text = format!("{variable}{}", track_with_name("var.n"));
        assert!(check_source(&v, &text).is_clean(), "{variable}");
    }
}

#[test]
fn a_variable_default_is_checked_at_the_default_and_named_in_the_message() {
    let v = validator().with_region("ap-guangzhou");
    let text = format!(
        "variable \"n\" {{\n  default = \"a b\"\n}}\n{}",
        track_with_name("var.n")
    );
    let report = check_source(&v, &text);
    let d = &report.diagnostics[0];
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(d.rule(), RuleId::NameCharset);
    let at = d.location.unwrap().start;
    assert_eq!((at.line, at.column), (2, 13));
    let resource = d.within.as_ref().unwrap();
    assert_eq!(
        (resource.address.as_str(), resource.attribute.as_str()),
        ("tencentcloud_audit_track.t", "name")
    );
    assert_eq!(resource.variable.as_deref(), Some("n"));
    assert!(
        d.message(Locale::En)
            .ends_with("(from the default of variable \"n\")"),
        "{}",
        d.message(Locale::En)
    );
    assert!(
        d.message(Locale::ZhCn)
            .ends_with("（来自变量 \"n\" 的默认值）"),
        "{}",
        d.message(Locale::ZhCn)
    );
    // A list default: each entry located in it.
    let text = format!(
        "variable \"events\" {{\n  default = [\"GetObject\", \"GetObject\"]\n}}\n{}",
        track_with_name("\"audit\"")
            .replace("event_names   = [\"*\"]", "event_names   = var.events")
            .replace("\"cvm\"", "\"cos\"")
    );
    let report = check_source(&v, &text);
    let duplicate = report
        .diagnostics
        .iter()
        .find(|d| d.rule() == RuleId::EventNamesDuplicate)
        .expect("the duplicate");
    let at = duplicate.location.unwrap().start;
    assert_eq!((at.line, at.column), (2, 27));
    assert_eq!(
        duplicate.within.as_ref().unwrap().attribute,
        "event_names[1]"
    );
}

#[test]
fn a_default_in_a_sibling_file_is_reported_in_that_file_even_when_it_is_not_checked() {
    let v = validator().with_region("ap-guangzhou");
    let main = track_with_name("var.n");
    let variables = "# names\nvariable \"n\" {\n  default = \"x\"\n}\n";
    let reports = check_module(&[
        SourceFile {
            text: &main,
            validator: &v,
            checked: true,
        },
        SourceFile {
            text: variables,
            validator: &v,
            checked: false,
        },
    ]);
    assert!(reports[0].is_clean());
    assert_eq!(
        seen("variables.tf", &reports[1]),
        rows(&[(
            "variables.tf",
            "tencentcloud_audit_track.t",
            "name",
            RuleId::NameLength,
            3,
            13
        )])
    );
    // An unchecked file's own resources and syntax errors are not reported.
    let reports = check_module(&[
        SourceFile {
            text: &track_with_name("\"a b\""),
            validator: &v,
            checked: false,
        },
        SourceFile {
            text: "x = {",
            validator: &v,
            checked: false,
        },
    ]);
    assert!(reports.iter().all(Report::is_clean));
}

#[test]
fn the_region_comes_from_the_modules_provider_block() {
    let text = format!(
        "provider \"tencentcloud\" {{\n  region = \"mars-1\"\n}}\n{}",
        track_with_name("\"audit\"")
    );
    let report = check_source(&validator(), &text);
    assert_eq!(
        report
            .diagnostics
            .iter()
            .map(|d| d.rule())
            .collect::<Vec<_>>(),
        [RuleId::RegionUnsupported]
    );
    // The caller's region wins.
    assert!(check_source(&validator().with_region("ap-guangzhou"), &text).is_clean());
}

#[test]
fn a_syntax_error_is_one_located_hcl_syntax_error() {
    let text = std::fs::read_to_string("tests/fixtures/terraform/broken/main.tf").unwrap();
    let report = check_source(&validator(), &text);
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!(d.rule(), RuleId::HclSyntax);
    assert!(report.has_errors());
    let at = d.location.unwrap().start;
    assert_eq!((at.line, at.column), (2, 24), "the comma");
    assert!(
        d.message(Locale::En)
            .starts_with("the Terraform file is not valid HCL")
    );
    // Columns in characters: the error after non-ASCII text.
    let report = check_source(&validator(), "# 审计\nname = \"审计\" ]\n");
    let at = report.diagnostics[0].location.unwrap().start;
    assert_eq!((at.line, at.column), (2, 13));
}

#[test]
fn deep_nesting_is_a_located_syntax_error_not_a_stack_overflow() {
    for text in [
        format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!("{}{}", "b {\n".repeat(100_000), "}\n".repeat(100_000)),
        format!("a = {}1{}", "(".repeat(100_000), ")".repeat(100_000)),
        format!("a = \"{}\"", "${\"".repeat(50_000)),
        format!("a = 1{}", " + 1".repeat(100_000)),
    ] {
        let report = check_source(&validator(), &text);
        assert_eq!(report.diagnostics.len(), 1, "{}", &text[..20]);
        assert_eq!(report.diagnostics[0].rule(), RuleId::HclSyntax);
        assert!(report.diagnostics[0].location.is_some());
    }
}

#[test]
fn the_limit_on_diagnostics_bounds_each_file() {
    let many: String = (0..30)
        .map(|i| track_with_name("\"a b\"").replace("\"t\"", &format!("\"t{i}\"")))
        .collect();
    let report = check_source(
        &validator()
            .with_region("ap-guangzhou")
            .with_max_diagnostics(5),
        &many,
    );
    assert_eq!(report.diagnostics.len(), 5);
    assert_eq!(report.omitted, 25);
    assert!(report.has_errors());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_is_reported_never_a_panic(text in any::<String>()) {
        let _ = check_source(&validator(), &text);
    }

    /// Bytes as the CLI reads a `.tf` file that is not UTF-8: its text with U+FFFD.
    #[test]
    fn any_bytes_are_reported_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let report = check_source(&validator().with_region("ap-guangzhou"), &text);
        for d in &report.diagnostics {
            prop_assert!(d.location.is_some_and(|l| l.span.end <= text.len()));
        }
    }

    #[test]
    fn hcl_like_text_is_reported_never_a_panic(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("resource \"tencentcloud_audit_track\" \"x\" {"),
                Just("resource \"tencentcloud_events_audit_track\" \"y\" {"),
                Just("filters {"), Just("resource_fields {"), Just("storage {"), Just("}"),
                Just("name = var.n"), Just("variable \"n\" { default = \"a b\" }"),
                Just("event_names = [\"*\", 1, true]"), Just("status = 1e400"),
                Just("status = -1"), Just("name = <<EOT\nx\nEOT"), Just("\n"), Just("#"),
                Just("/*"), Just("\"${"), Just("审计"), Just("[["), Just("= ="),
            ],
            0..40,
        )
    ) {
        let text = parts.join("\n");
        let report = check_source(&validator().with_region("ap-guangzhou"), &text);
        for d in &report.diagnostics {
            let location = d.location.expect("every diagnostic is located");
            prop_assert!(location.span.end <= text.len());
            prop_assert!(text.is_char_boundary(location.span.start));
        }
    }
}

#[cfg(feature = "cli")]
mod cli {
    use super::common::process::{Folder, code, run_in as run};
    use serde_json::Value;

    fn fixture_copy(test: &str) -> Folder {
        let folder = Folder::new("tf", test);
        for name in [
            "main.tf",
            "variables.tf",
            "modules/a/main.tf",
            "modules/b/main.tf",
            "modules/b/variables.tf",
        ] {
            let text = std::fs::read(std::path::Path::new(super::FIXTURE).join(name)).unwrap();
            folder.write(name, text);
        }
        folder
    }

    /// (file, address, rule, line, column) of every diagnostic of a JSON report.
    fn json_rows(json: &Value) -> Vec<(String, String, String, u64, u64)> {
        json.as_array()
            .unwrap()
            .iter()
            .flat_map(|file| {
                let name = file["file"].as_str().unwrap().to_owned();
                file["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(move |d| {
                        (
                            name.clone(),
                            d["resource"]["address"].as_str().unwrap().to_owned(),
                            d["rule"].as_str().unwrap().to_owned(),
                            d["line"].as_u64().unwrap(),
                            d["column"].as_u64().unwrap(),
                        )
                    })
            })
            .collect()
    }

    #[test]
    fn a_folder_of_modules_as_json_and_sarif() {
        let folder = fixture_copy("folder");
        let out = run(
            &folder.0,
            &["check", "--no-config", "--format", "json", "."],
        );
        assert_eq!(code(&out), 1);
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        let rows = json_rows(&json);
        let files: Vec<&str> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["file"].as_str().unwrap())
            .collect();
        assert_eq!(
            files,
            [
                "./main.tf",
                "./modules/a/main.tf",
                "./modules/b/main.tf",
                "./modules/b/variables.tf",
                "./variables.tf"
            ]
        );
        let has = |file: &str, address: &str, rule: &str, line: u64, column: u64| {
            rows.contains(&(file.into(), address.into(), rule.into(), line, column))
        };
        assert!(
            has(
                "./main.tf",
                "tencentcloud_events_audit_track.events",
                "action-type-value",
                62,
                30
            ),
            "{rows:?}"
        );
        assert!(
            has(
                "./modules/b/variables.tf",
                "tencentcloud_audit_track.b_first",
                "status-value",
                2,
                13
            ),
            "{rows:?}"
        );
        assert!(
            has(
                "./variables.tf",
                "tencentcloud_audit_track.main",
                "name-charset",
                3,
                22
            ),
            "{rows:?}"
        );
        // The catalogue is built in: three advisory warnings more than the library tables
        // (the object APIs the fixture names are not in its cos list).
        assert_eq!(rows.len(), 18, "{rows:?}");
        assert!(
            has(
                "./main.tf",
                "tencentcloud_events_audit_track.lists",
                "resource-fields-duplicate-product",
                116,
                23
            ),
            "{rows:?}"
        );
        assert!(
            json.as_array()
                .unwrap()
                .iter()
                .flat_map(|f| f["diagnostics"].as_array().unwrap())
                .all(|d| d["fixable"] == false)
        );

        let out = run(
            &folder.0,
            &["check", "--no-config", "--format", "sarif", "."],
        );
        assert_eq!(code(&out), 1);
        let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
        let results = sarif["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 18);
        let status = results
            .iter()
            .find(|r| r["properties"]["resourceAddress"] == "tencentcloud_audit_track.b_first")
            .expect("b_first's status");
        let location = &status["locations"][0]["physicalLocation"];
        assert!(
            location["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .ends_with("modules/b/variables.tf")
        );
        assert_eq!(location["region"]["startLine"], 2);
        assert_eq!(location["region"]["startColumn"], 13);
        assert_eq!(status["properties"]["resourceAttribute"], "status");
        assert!(
            status["message"]["text"]
                .as_str()
                .unwrap()
                .contains("(from the default of variable \"status\")")
        );
    }

    #[test]
    fn one_file_is_checked_with_its_folders_variables_and_never_fixed() {
        let folder = fixture_copy("one-file");
        let before = std::fs::read_to_string(folder.0.join("main.tf")).unwrap();
        let out = run(
            &folder.0,
            &[
                "check",
                "--no-config",
                "--fix",
                "--format",
                "json",
                "main.tf",
            ],
        );
        assert_eq!(code(&out), 1);
        assert_eq!(
            std::fs::read_to_string(folder.0.join("main.tf")).unwrap(),
            before,
            "a .tf file is never rewritten"
        );
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        let files: Vec<&str> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["file"].as_str().unwrap())
            .collect();
        // variables.tf was not named: it is reported because the default it holds is wrong.
        assert_eq!(files, ["main.tf", "variables.tf"]);
        // Every format carries the place and the variable's note, and names the resource as it
        // does for plans: human output by address, JUnit by its path, GitLab in the fingerprint.
        let note = "(from the default of variable ";
        for (format, needles) in [
            (
                "human",
                [
                    "variables.tf:3:22: error[name-charset]: tencentcloud_audit_track.main.name:",
                    note,
                ],
            ),
            ("github", ["::error file=variables.tf,line=3,col=22,", note]),
            ("gitlab", ["\"path\": \"variables.tf\"", note]),
            (
                "junit",
                [
                    "name-charset /resource/tencentcloud_audit_track/main/name",
                    note,
                ],
            ),
        ] {
            let out = run(
                &folder.0,
                &[
                    "check",
                    "--no-config",
                    "--color",
                    "never",
                    "--format",
                    format,
                    "main.tf",
                ],
            );
            assert_eq!(code(&out), 1, "{format}");
            let text = String::from_utf8(out.stdout).unwrap();
            for needle in needles {
                assert!(text.contains(needle), "{format}: {needle} in {text}");
            }
        }
    }

    #[test]
    fn a_tf_file_over_the_size_limit_is_not_read() {
        let folder = fixture_copy("limit");
        let out = run(
            &folder.0,
            &[
                "check",
                "--no-config",
                "--max-input-bytes",
                "100",
                "main.tf",
            ],
        );
        assert_eq!(code(&out), 2);
        assert!(String::from_utf8_lossy(&out.stdout).contains("larger than 100 bytes"));
    }

    #[test]
    fn a_malformed_file_is_a_located_error() {
        let folder = Folder::new("tf", "broken");
        folder.write(
            "main.tf",
            std::fs::read("tests/fixtures/terraform/broken/main.tf").expect("the fixture"),
        );
        let out = run(&folder.0, &["check", "--no-config", "main.tf"]);
        assert_eq!(code(&out), 1);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("main.tf:2:24: error[hcl-syntax]"), "{text}");
    }
}

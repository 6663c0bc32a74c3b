//! Every rule's documentation page: its sections are there, its failing example reports the
//! rule and its fixed example reports nothing, and the generated `docs/rules/` pages are the
//! ones the doc comments give.
//!
//! Regenerate the pages after changing a rule's doc comment:
//!
//! ```sh
//! UPDATE_RULE_DOCS=1 cargo test --test rule_docs
//! ```

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use cloudaudit_lint::catalog::Catalog;
use cloudaudit_lint::rule_doc::{self, ExampleRequest, RuleDoc};
use cloudaudit_lint::{Config, Report, RuleId, Validator};

/// The catalogue the CLI builds in, loaded explicitly so that the catalogue rules' examples
/// are checked with or without the `catalog` feature.
fn catalog() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| {
        Catalog::parse(include_str!("../src/catalog/catalog.tsv")).expect("the catalogue parses")
    })
}

fn check(request: &ExampleRequest, config: Option<&Config>) -> Report {
    let mut validator = Validator::new();
    if let Some(config) = config {
        validator = validator.with_config(config);
    }
    let validator = validator
        .with_catalog(Some(catalog()))
        .with_region(request.region.clone());
    if request.hcl {
        return cloudaudit_lint::terraform::source::check_source(&validator, &request.text);
    }
    validator.validate_bytes(request.text.as_bytes())
}

fn rules_of(report: &Report) -> Vec<RuleId> {
    report.diagnostics.iter().map(|d| d.rule()).collect()
}

#[test]
fn every_rule_has_the_three_sections_and_an_example() {
    let problems: Vec<String> = RuleId::ALL
        .iter()
        .filter_map(|rule| RuleDoc::of(*rule).err())
        .map(|e| e.to_string())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn failing_examples_report_their_rule_and_fixed_examples_report_nothing() {
    let mut problems = Vec::new();
    for rule in RuleId::ALL {
        let Ok(doc) = RuleDoc::of(*rule) else {
            continue; // reported by the test above
        };
        let config = doc
            .example
            .config
            .as_deref()
            .map(|text| Config::from_toml(text).expect("the example's configuration is valid"));
        let failing = check(&doc.example.failing, config.as_ref());
        if !rules_of(&failing).contains(rule) {
            problems.push(format!(
                "{rule}: the failing example reports {:?}",
                rules_of(&failing)
            ));
        }
        let fixed = check(&doc.example.fixed, config.as_ref());
        if !fixed.diagnostics.is_empty() {
            problems.push(format!(
                "{rule}: the fixed example reports {:?}",
                rules_of(&fixed)
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn pages_resolve_every_fact() {
    for rule in RuleId::ALL {
        let page = rule_doc::markdown(*rule).expect("the page renders");
        assert!(!page.contains("[`facts::"), "{rule}: an unresolved fact");
        assert!(
            !page.contains("region:"),
            "{rule}: an info string attribute is shown"
        );
    }
}

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rule_doc::PAGES_DIR)
}

/// Every generated page, by file name.
fn generated() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = RuleId::ALL
        .iter()
        .map(|rule| {
            let page = rule_doc::markdown(*rule).expect("the page renders");
            (format!("{rule}.md"), page)
        })
        .collect();
    pages.push(("README.md".to_owned(), rule_doc::index()));
    pages
}

#[test]
fn generated_pages_are_up_to_date() {
    let dir = pages_dir();
    let pages = generated();
    if std::env::var_os("UPDATE_RULE_DOCS").is_some() {
        std::fs::create_dir_all(&dir).expect("create docs/rules");
        for (name, page) in &pages {
            std::fs::write(dir.join(name), page).expect("write a page");
        }
        for entry in std::fs::read_dir(&dir).expect("read docs/rules") {
            let entry = entry.expect("an entry");
            if !pages
                .iter()
                .any(|(name, _)| entry.file_name() == name.as_str())
            {
                std::fs::remove_file(entry.path()).expect("remove a page of no rule");
            }
        }
    }
    let stale: Vec<&str> = pages
        .iter()
        .filter(|(name, page)| std::fs::read_to_string(dir.join(name)).ok().as_ref() != Some(page))
        .map(|(name, _)| name.as_str())
        .collect();
    let mut extra: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|name| !pages.iter().any(|(page, _)| page == name))
                .collect()
        })
        .unwrap_or_default();
    extra.sort();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "docs/rules is stale: {stale:?} differ, {extra:?} belong to no rule; \
         regenerate with `UPDATE_RULE_DOCS=1 cargo test --test rule_docs`"
    );
}

#[test]
fn help_uris_point_at_the_generated_pages() {
    for rule in RuleId::ALL {
        let uri = rule_doc::help_uri(*rule);
        assert!(
            uri.starts_with("https://github.com/cloudaudit-lint/cloudaudit-lint/blob/main/"),
            "{uri}"
        );
        let page = uri.rsplit("/blob/main/").next().expect("a path");
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(page).is_file(),
            "{uri}"
        );
    }
}

/// The CLI's `rules RULE` and SARIF rule metadata carry the same pages.
#[cfg(feature = "cli")]
mod cli {
    use std::process::{Command, Output};

    use cloudaudit_lint::rule_doc;
    use cloudaudit_lint::{RuleId, rule_doc::RuleDoc};
    use serde_json::Value;

    fn run(args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("the CLI runs")
    }

    #[test]
    fn rules_rule_prints_the_page() {
        for rule in [
            RuleId::NameLength,
            RuleId::PolicyName,
            RuleId::ByteOrderMark,
        ] {
            let out = run(&["rules", rule.as_str()]);
            assert_eq!(out.status.code(), Some(0));
            let text = String::from_utf8(out.stdout).expect("UTF-8");
            // As the page is, drawn safe to print: the byte order mark's example shows its
            // invisible U+FEFF as U+FFFD, as human output shows any invisible character.
            let page: String = rule_doc::text(rule)
                .expect("a page")
                .lines()
                .map(|line| format!("{}\n", cloudaudit_lint::report::human::shown(line)))
                .collect();
            assert_eq!(text, page);
            assert!(text.starts_with(&format!("{rule}\n")), "{text}");
            assert!(text.contains("\nWhat it checks\n") && text.contains("\nUse instead:\n"));
        }
        let page = String::from_utf8(run(&["rules", "name-length"]).stdout).expect("UTF-8");
        assert!(page.contains("3 to 48 characters"), "{page}");
    }

    #[test]
    fn rules_rule_as_json_has_the_markdown_page_and_its_address() {
        let out = run(&["rules", "event-names-cap", "--format", "json"]);
        assert_eq!(out.status.code(), Some(0));
        let record: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let rule = RuleId::EventNamesCap;
        assert_eq!(record["id"], rule.as_str());
        assert_eq!(record["helpUri"], rule_doc::help_uri(rule));
        assert_eq!(
            record["documentation"],
            rule_doc::markdown(rule).expect("a page")
        );
    }

    #[test]
    fn an_unknown_rule_is_a_usage_error_with_a_did_you_mean() {
        let out = run(&["rules", "name-lenght"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        assert!(
            stderr.contains("unknown rule id `name-lenght`; did you mean `name-length`?"),
            "{stderr}"
        );
        let out = run(&["rules", "colour"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("`cloudaudit-lint rules` lists them")
        );
    }

    #[test]
    fn sarif_rules_carry_the_pages() {
        let out = run(&[
            "check",
            "--format",
            "sarif",
            "--region",
            "ap-guangzhou",
            "examples/create-audit-track.json",
        ]);
        let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF");
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules");
        assert_eq!(rules.len(), RuleId::ALL.len());
        for (rule, descriptor) in RuleId::ALL.iter().zip(rules) {
            let doc = RuleDoc::of(*rule).expect("a page");
            assert_eq!(descriptor["helpUri"], rule_doc::help_uri(*rule), "{rule}");
            assert_eq!(
                descriptor["fullDescription"]["markdown"],
                doc.what_it_checks
            );
            let text = descriptor["fullDescription"]["text"]
                .as_str()
                .expect("text");
            assert!(!text.is_empty() && !text.contains('`'), "{rule}: {text}");
            assert_eq!(
                descriptor["help"]["markdown"],
                rule_doc::markdown(*rule).expect("a page")
            );
            assert_eq!(
                descriptor["help"]["text"],
                rule_doc::text(*rule).expect("a page")
            );
        }
    }
}

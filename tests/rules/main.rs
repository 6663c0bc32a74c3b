//! Request-level tables, one module per rule family: each row is a request text, the caller's
//! region and every diagnostic it must produce (rule id, severity, JSON Pointer, API error
//! code, line and column), in order. Rows with no expected diagnostic are the passing cases.
//!
//! Line and column numbers refer to the layout documented in `tests/common/mod.rs`.

#[path = "../common/mod.rs"]
mod common;
// The benchmark's corpus generator, shared; the message snapshot uses part of it.
#[cfg(feature = "catalog")]
#[allow(dead_code)]
#[path = "../../benches/corpus/mod.rs"]
mod corpus;

mod actions;
mod api;
mod catalog;
mod common_params;
mod document;
mod event_names;
mod events;
mod messages;
#[cfg(feature = "catalog")]
mod messages_snapshot;
mod policies;
mod storage;
mod text;
mod values;

use cloudaudit_lint::RuleId;
use common::Case;

/// Every table row of every family.
fn all_cases() -> Vec<Case> {
    [
        document::cases(),
        common_params::cases(),
        text::cases(),
        values::cases(),
        event_names::cases(),
        storage::cases(),
        actions::cases(),
        events::cases(),
        policies::cases(),
        catalog::cases(),
    ]
    .concat()
}

/// A rule added to the table without a row that triggers it fails here.
#[test]
fn every_rule_has_a_table_row() {
    let covered = common::rules_expected(&all_cases());
    let missing: Vec<&str> = RuleId::ALL
        .iter()
        .filter(|rule| !covered.contains(rule))
        .map(|rule| rule.as_str())
        .collect();
    assert!(missing.is_empty(), "rules with no table row: {missing:?}");
}

/// Rows name rules by their id text; a typo there would silently cover nothing.
#[test]
fn every_expected_rule_id_exists() {
    let unknown: Vec<String> = all_cases()
        .iter()
        .flat_map(|c| &c.expected)
        .map(|e| e.seen.rule.clone())
        .filter(|id| id.parse::<RuleId>().is_err())
        .collect();
    assert!(
        unknown.is_empty(),
        "unknown rule ids in tables: {unknown:?}"
    );
}

/// Each table's severity and error code agree with the rule table: a row cannot silently
/// restate a different contract than `RuleId` publishes (rows with a configuration, which may
/// change a rule's level, aside).
#[test]
fn table_rows_agree_with_the_rule_table() {
    for case in all_cases().into_iter().filter(|c| c.config.is_none()) {
        for e in &case.expected {
            let Ok(rule) = e.seen.rule.parse::<RuleId>() else {
                continue;
            };
            assert_eq!(
                e.seen.severity,
                rule.default_severity(),
                "{}: {}",
                case.name,
                rule
            );
            assert_eq!(
                e.seen.code.as_deref(),
                rule.api_error_code().map(|c| c.as_str()),
                "{}: {}",
                case.name,
                rule
            );
        }
    }
}

/// Lines end at "\n", "\r\n" or a lone "\r": every row gives the same lines and columns with
/// any of them (rows about JSON or HCL syntax excepted, where the break itself can be the fault).
#[test]
fn every_row_holds_with_other_line_endings() {
    for ending in ["\r\n", "\r"] {
        let cases: Vec<Case> = all_cases()
            .into_iter()
            .filter(|c| c.text.contains('\n'))
            .filter(|c| c.expected.iter().all(|e| !e.seen.rule.ends_with("-syntax")))
            .map(|mut c| {
                c.name = format!("{} (lines ending in {ending:?})", c.name);
                c.text = c.text.replace('\n', ending);
                c
            })
            .collect();
        assert!(cases.len() > 100, "only {} rows", cases.len());
        common::run(&cases);
    }
}

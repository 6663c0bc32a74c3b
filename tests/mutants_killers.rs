//! Tests written against mutants that `cargo mutants` (scripts/mutants.sh) found surviving in
//! src/rules/ and src/validate/: each pins one behaviour the other tests left open.

#![cfg(not(target_arch = "wasm32"))]

use cloudaudit_lint::rules::text::clean;
use cloudaudit_lint::suggest::closest;
use cloudaudit_lint::{Param, Validator, Violation};

/// A candidate whose length differs by exactly the allowed number of edits is still
/// compared (the skip of hopeless candidates is `>`, not `>=` or `==`).
#[test]
fn a_suggestion_exactly_the_limit_longer_is_found() {
    // "Statu" has 5 characters: one edit allowed, and "Status" is one longer.
    assert_eq!(closest("Statu", ["Status"]), Some("Status"));
    assert_eq!(closest("Nam", ["Name", "EventNames"]), Some("Name"));
}

/// The allowed distance is a third of the length (`/`, not `%` or `*`).
#[test]
fn the_allowed_distance_is_a_third_of_the_length() {
    // 10 characters, two edits from "ResourceType": within 10 / 3 = 3, not within 10 % 3 = 1.
    assert_eq!(
        closest("ResurceTpe", ["ResourceType"]),
        Some("ResourceType")
    );
    // 6 characters, four edits from "Status": past 6 / 3 = 2 (6 * 3 would allow it).
    assert_eq!(closest("Stxxxx", ["Status"]), None);
}

/// Of two candidates equally close, the first wins (a strict `<`), so suggestions are stable.
#[test]
fn ties_go_to_the_first_candidate() {
    assert_eq!(closest("bat", ["cat", "hat"]), Some("cat"));
    assert_eq!(closest("bat", ["hat", "cat"]), Some("hat"));
}

/// Indexes of look-alike characters count from the value as written, leading whitespace
/// included (`index + offset`, which `index * offset` matches only by chance).
#[test]
fn lookalike_indexes_count_leading_whitespace() {
    let cleaned = clean(Param::Name, " x\u{430}y");
    let index = cleaned.violations.iter().find_map(|v| match v {
        Violation::ConfusableCharacter { index, .. } => Some(*index),
        _ => None,
    });
    assert_eq!(index, Some(2));
    let cleaned = clean(Param::Name, "   \u{200B}y");
    let index = cleaned.violations.iter().find_map(|v| match v {
        Violation::InvisibleCharacter { index, .. } => Some(*index),
        _ => None,
    });
    // U+200B is not whitespace to Rust, so it is the first character after three spaces.
    assert_eq!(index, Some(3));
}

/// A syntax error marks exactly the character it is about: its span ends one character
/// (in bytes: the character's length) after it starts.
#[test]
fn a_syntax_error_marks_one_whole_character() {
    for (text, start, end) in [
        ("{\"a\": x}", 6, 7),
        ("{\"a\": \u{e9}}", 6, 8),
        ("{\"a\": \u{4e2d}}", 6, 9),
        ("{\"a\": 1", 7, 7), // at the end there is no character: an empty span
    ] {
        let report = Validator::new().validate_str(text);
        let location = report.diagnostics[0].location.expect("located");
        assert_eq!(
            (location.span.start, location.span.end),
            (start, end),
            "{text:?}"
        );
        assert_eq!(
            location.end.column - location.start.column,
            end.min(start + 1) - start
        );
    }
}

/// `Validator::profile` hands back the profile in use, not a default one.
#[test]
fn the_validator_gives_back_its_profile() {
    let profile = cloudaudit_lint::Profile::default().with_extra_regions(["ap-shanghai"]);
    let validator = Validator::new().with_profile(profile.clone());
    assert_eq!(validator.profile(), &profile);
}

/// `Validator::report_violations` turns a rule function's violations into diagnostics at the
/// path given, with the validator's severities and no location.
#[test]
fn violations_of_one_rule_function_become_a_report() {
    use cloudaudit_lint::rules::name::check_name;
    let validator = Validator::new();
    let violations = check_name("a b", validator.profile());
    let report = validator.report_violations("/Name", violations);
    let rules: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.rule().as_str(), d.path.as_str(), d.is_error(), d.location))
        .collect();
    assert_eq!(rules, [("name-charset", "/Name", true, None)]);
}

/// Only the first `SUGGESTED_EVENTS_LIMIT` unknown API names get a did-you-mean (a strict
/// `<`, and a count that goes up), which keeps a list of 100 000 names linear.
#[test]
fn did_you_mean_for_api_names_stops_at_its_limit() {
    use cloudaudit_lint::catalog::{Catalog, SUGGESTED_EVENTS_LIMIT};
    use cloudaudit_lint::rules::catalog::check_event_names_listed;
    // "LookUpEvent" is one edit from "LookUpEvents": each would get a suggestion.
    let entries = vec![Some("LookUpEvent"); SUGGESTED_EVENTS_LIMIT + 2];
    // The catalogue's file, so that the test runs with or without the `catalog` feature.
    let catalog = Catalog::parse(include_str!("../src/catalog/catalog.tsv")).expect("catalogue");
    let found = check_event_names_listed("cloudaudit", &entries, &catalog);
    let suggested: Vec<bool> = found
        .iter()
        .map(|(_, v)| {
            matches!(
                v,
                Violation::EventNameUnknown {
                    suggestion: Some(_),
                    ..
                }
            )
        })
        .collect();
    assert_eq!(suggested.len(), SUGGESTED_EVENTS_LIMIT + 2);
    assert!(suggested[..SUGGESTED_EVENTS_LIMIT].iter().all(|s| *s));
    assert!(!suggested[SUGGESTED_EVENTS_LIMIT..].iter().any(|s| *s));
}

/// A number with an exponent or a fraction that stands for an integer is offered as that
/// integer, computed exactly (the decimal shift, and the bound of 16 digits in all).
#[test]
fn an_integer_written_with_an_exponent_is_offered_exactly() {
    for (number, integer) in [("1e2", "100"), ("12e9", "12000000000"), ("2.50e1", "25")] {
        let text = format!("{{\"Status\": {number}}}");
        let report = Validator::new()
            .with_region("ap-guangzhou")
            .validate_str(&text);
        let status = report
            .diagnostics
            .iter()
            .find(|d| d.path == "/Status")
            .expect("a diagnostic at /Status");
        assert_eq!(status.rule().as_str(), "parameter-type", "{number}");
        assert_eq!(
            status.help(cloudaudit_lint::Locale::En),
            Some(format!("write {integer}")),
            "{number}"
        );
    }
}

/// Diagnostics come in the API's parameter order even when a duplicate key, found first,
/// belongs to a later parameter: at the top level and inside Storage.
#[test]
fn duplicates_of_later_parameters_are_sorted_after_earlier_ones() {
    let text = r#"{"Status": 1, "Status": 2, "Name": "a b",
                   "Storage": {"StoragePrefix": "x", "StoragePrefix": "y", "StorageType": "cos"}}"#;
    let report = Validator::new()
        .with_region("ap-guangzhou")
        .validate_str(text);
    let at = |rule: &str, path: &str| {
        report
            .diagnostics
            .iter()
            .position(|d| d.rule().as_str() == rule && d.path == path)
            .unwrap_or_else(|| panic!("no {rule} at {path}"))
    };
    assert!(at("name-charset", "/Name") < at("duplicate-key", "/Status"));
    assert!(
        at("missing-parameter", "/Storage/StorageRegion")
            < at("duplicate-key", "/Storage/StoragePrefix")
    );
}

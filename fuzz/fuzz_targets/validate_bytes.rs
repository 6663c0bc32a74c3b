//! Validation from raw bytes, as the command-line program reads a file: with and without the
//! caller's region, under a small and the default limit, and the safe fixes.
//!
//! The first byte chooses the options; the rest is the input.

#![no_main]

mod common;

use cloudaudit_lint::source::{decode, parse};
use cloudaudit_lint::validate::DEFAULT_MAX_DIAGNOSTICS;
use cloudaudit_lint::{Severity, Validator};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&options, bytes)) = data.split_first() else {
        return;
    };
    let mut validator = Validator::new();
    let caller_region = options & 1 != 0;
    if caller_region {
        validator = validator.with_region("ap-guangzhou");
    }
    let max = if options & 2 != 0 {
        3
    } else {
        DEFAULT_MAX_DIAGNOSTICS
    };
    let limited = validator.clone().with_max_diagnostics(max);
    let everything = validator.clone().with_max_diagnostics(usize::MAX);

    let report = limited.validate_bytes(bytes);
    let full = everything.validate_bytes(bytes);
    // The limit keeps a prefix and counts the rest: nothing is lost.
    assert_eq!(
        report.diagnostics.len() + report.omitted,
        full.diagnostics.len()
    );
    assert_eq!(
        report.diagnostics[..],
        full.diagnostics[..report.diagnostics.len()]
    );
    let errors = |ds: &[cloudaudit_lint::Diagnostic]| {
        ds.iter()
            .filter(|d| d.severity == Severity::Error && d.suppressed.is_none())
            .count()
    };
    assert_eq!(
        report.omitted_errors,
        errors(&full.diagnostics[report.diagnostics.len()..])
    );

    let Ok(text) = decode(bytes) else {
        // Refused: exactly one located json-syntax diagnostic.
        assert_eq!(full.diagnostics.len(), 1);
        assert_eq!(full.diagnostics[0].rule().as_str(), "json-syntax");
        assert!(full.diagnostics[0].location.is_some());
        return;
    };
    common::check_located(&report, text, max, caller_region);
    assert_eq!(
        limited.validate_str(text),
        report,
        "bytes and text disagree"
    );

    if options & 4 != 0 && parse(text).is_ok() {
        let fixed = everything.fix_str(text);
        assert!(
            parse(&fixed.text).is_ok(),
            "a fix broke the JSON: {:?}",
            fixed.text
        );
        let after = everything.validate_str(&fixed.text);
        // Fixes never add errors of the rules that have fixes. (They may reveal others: a
        // StorageType fixed to "cos" subjects the bucket name to the COS rules.)
        let fixable_errors = |ds: &[cloudaudit_lint::Diagnostic]| {
            ds.iter()
                .filter(|d| d.severity == Severity::Error && d.is_fixable())
                .count()
        };
        assert!(
            fixable_errors(&after.diagnostics) <= fixable_errors(&full.diagnostics),
            "fixes added fixable errors: {:?} -> {:?}",
            full.diagnostics
                .iter()
                .map(|d| d.rule())
                .collect::<Vec<_>>(),
            after
                .diagnostics
                .iter()
                .map(|d| d.rule())
                .collect::<Vec<_>>()
        );
        if fixed.changes.is_empty() {
            assert_eq!(fixed.text, text);
        }
    }
});

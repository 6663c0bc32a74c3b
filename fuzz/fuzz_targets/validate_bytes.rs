//! Validation from raw bytes, as the command-line program reads a file: with and without the
//! caller's region, under a small and the default limit, and the safe fixes.
//!
//! The first byte chooses the options; the rest is the input.

#![no_main]

mod common;

use cloudaudit_lint::Severity;
use cloudaudit_lint::source::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(common::Replayed {
        options,
        text: Some(text),
        everything,
        full,
    }) = common::replay_bytes(data)
    else {
        return;
    };

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

//! The invariants of a report on bytes and text, without `arbitrary`: shared by the fuzz
//! targets (through `common`) and by the main crate's `tests/fuzz_seeds.rs`, which replays the
//! seeds of `fuzz/regressions/` on a stable toolchain.

#![allow(dead_code)] // each user takes a different part

use cloudaudit_lint::source::decode;
use cloudaudit_lint::validate::DEFAULT_MAX_DIAGNOSTICS;
use cloudaudit_lint::{Diagnostic, Locale, Report, Severity, Validator};

/// What [`replay_bytes`] read and checked, for a target that goes on (the fixes).
pub struct Replayed<'a> {
    /// The options byte: bit 0 the caller's region, bit 1 a limit of three, bit 2 the fixes.
    pub options: u8,
    /// The input as text; `None` when it was refused (and checked as refused).
    pub text: Option<&'a str>,
    /// The validator of the options without a limit on diagnostics.
    pub everything: Validator,
    /// Its report on the input.
    pub full: Report,
}

/// Validates `data` as the `validate_bytes` target reads it (the first byte chooses the
/// options, the rest is the input) and checks that the limit keeps a prefix and counts the
/// rest, a refusal is one located `json-syntax`, every diagnostic is located in the text, and
/// bytes and text give the same report. `None` for empty data.
pub fn replay_bytes(data: &[u8]) -> Option<Replayed<'_>> {
    let (&options, bytes) = data.split_first()?;
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
    let everything = validator.with_max_diagnostics(usize::MAX);

    let report = limited.validate_bytes(bytes);
    let full = everything.validate_bytes(bytes);
    // The limit keeps a prefix and counts the rest: nothing is lost.
    let kept = report.diagnostics.len();
    assert_eq!(kept + report.omitted, full.diagnostics.len());
    assert_eq!(report.diagnostics[..], full.diagnostics[..kept]);
    let errors = |ds: &[Diagnostic]| {
        ds.iter()
            .filter(|d| d.severity == Severity::Error && d.suppressed.is_none())
            .count()
    };
    assert_eq!(report.omitted_errors, errors(&full.diagnostics[kept..]));

    let Ok(text) = decode(bytes) else {
        // Refused: exactly one located json-syntax diagnostic.
        assert_eq!(full.diagnostics.len(), 1);
        assert_eq!(full.diagnostics[0].rule().as_str(), "json-syntax");
        assert!(full.diagnostics[0].location.is_some());
        return Some(Replayed {
            options,
            text: None,
            everything,
            full,
        });
    };
    check_located(&report, text, max, caller_region);
    assert_eq!(
        limited.validate_str(text),
        report,
        "bytes and text disagree"
    );
    Some(Replayed {
        options,
        text: Some(text),
        everything,
        full,
    })
}

/// The invariants of a report on `text`: bounded, every diagnostic located inside the text
/// (but the caller's region, which has no place in it), ranges on character boundaries.
pub fn check_located(report: &Report, text: &str, max: usize, caller_region: bool) {
    assert!(
        report.diagnostics.len() <= max,
        "more than {max} diagnostics"
    );
    assert!(report.omitted_errors <= report.omitted);
    if report.omitted > 0 {
        assert_eq!(report.diagnostics.len(), max, "omitted before the limit");
    }
    for d in &report.diagnostics {
        check_message(d);
        let Some(location) = d.location else {
            assert!(
                caller_region && d.path == "/Region",
                "unlocated diagnostic {:?} at {:?}",
                d.rule(),
                d.path
            );
            continue;
        };
        let span = location.span;
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} outside the text"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(location.start.line >= 1 && location.start.column >= 1);
        assert!(
            (location.start.line, location.start.column)
                <= (location.end.line, location.end.column)
        );
    }
}

/// A diagnostic's message and help render in both languages, and its path is a pointer.
pub fn check_message(d: &Diagnostic) {
    for locale in [Locale::En, Locale::ZhCn] {
        assert!(!d.message(locale).is_empty());
        let _ = d.help(locale);
    }
    assert!(
        d.path.is_empty() || d.path.starts_with('/'),
        "{:?} is no pointer",
        d.path
    );
}

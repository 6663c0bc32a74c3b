//! The fuzz seeds of `validate_bytes` (`fuzz/regressions/validate_bytes/`: inputs that once
//! crashed or hung the fuzz target) replayed on the library as the target reads them, so a
//! stable toolchain checks them on every test run: the first byte chooses the options (bit 0
//! the caller's region, bit 1 a limit of three diagnostics), the rest is the input.

use std::path::Path;

use cloudaudit_lint::source::decode;
use cloudaudit_lint::validate::DEFAULT_MAX_DIAGNOSTICS;
use cloudaudit_lint::{Diagnostic, Severity, Validator};

fn errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.suppressed.is_none())
        .count()
}

/// The target's invariants for one seed: the limit keeps a prefix and counts the rest, every
/// diagnostic is located inside the text on character boundaries (but the caller's region),
/// and bytes and text give the same report.
fn replay(name: &str, data: &[u8]) {
    let Some((&options, bytes)) = data.split_first() else {
        return;
    };
    let caller_region = options & 1 != 0;
    let mut validator = Validator::new();
    if caller_region {
        validator = validator.with_region("ap-guangzhou");
    }
    let max = if options & 2 != 0 {
        3
    } else {
        DEFAULT_MAX_DIAGNOSTICS
    };
    let limited = validator.clone().with_max_diagnostics(max);
    let report = limited.validate_bytes(bytes);
    let full = validator
        .with_max_diagnostics(usize::MAX)
        .validate_bytes(bytes);
    let kept = report.diagnostics.len();
    assert!(kept <= max, "{name}: {kept} diagnostics");
    assert_eq!(kept + report.omitted, full.diagnostics.len(), "{name}");
    assert_eq!(report.diagnostics[..], full.diagnostics[..kept], "{name}");
    assert_eq!(
        report.omitted_errors,
        errors(&full.diagnostics[kept..]),
        "{name}"
    );
    let Ok(text) = decode(bytes) else {
        assert_eq!(full.diagnostics.len(), 1, "{name}");
        assert_eq!(full.diagnostics[0].rule().as_str(), "json-syntax", "{name}");
        return;
    };
    for d in &report.diagnostics {
        let Some(location) = d.location else {
            assert!(caller_region && d.path == "/Region", "{name}: {d:?}");
            continue;
        };
        let span = location.span;
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{name}: {span:?}"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
    assert_eq!(
        limited.validate_str(text),
        report,
        "{name}: bytes and text disagree"
    );
}

#[test]
fn every_validate_bytes_seed_keeps_the_targets_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/validate_bytes");
    let mut seeds = 0;
    for entry in std::fs::read_dir(&dir).expect("the seeds' directory") {
        let path = entry.expect("a seed").path();
        let data = std::fs::read(&path).expect("a seed's bytes");
        replay(&path.display().to_string(), &data);
        seeds += 1;
    }
    assert!(seeds >= 2, "{seeds} seeds in {}", dir.display());
}

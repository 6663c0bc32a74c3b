//! The heap a validation needs beyond its input: at most twice the input for the benchmark's
//! large `EventNames` requests (cos, a hundred thousand distinct names the catalogue does not
//! list: one warning per name and the cap's error, past the report's limit from the thousandth
//! on). Counted, not timed: the benchmark's allocator (`benches/measure`) records the peak of
//! live bytes while the validation runs, the report it returns included.
//!
//! One test in this file: the allocator counts every thread, so nothing may run beside it.

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../benches/corpus/mod.rs"]
mod corpus;
#[allow(dead_code)]
#[path = "../benches/measure/mod.rs"]
mod measure;

use std::sync::OnceLock;

use cloudaudit_lint::RuleId;
use cloudaudit_lint::catalog::Catalog;
use measure::{CountingAllocator, peak_heap};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// The most extra heap, as a multiple of the input, issue 13 allows.
const LIMIT: f64 = 2.0;

#[test]
fn large_event_names_lists_take_at_most_twice_their_size() {
    // The catalogue read from its file, as the benchmark's corpus does, so that every name is
    // a warning with or without the `catalog` feature.
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    let catalog = CATALOG.get_or_init(|| {
        Catalog::parse(include_str!("../src/catalog/catalog.tsv")).expect("the catalogue")
    });
    let validator = corpus::validator().with_catalog(Some(catalog));
    for count in [10_000, 100_000] {
        let text = corpus::event_names_request(count);
        let report = validator.validate_str(&text);
        // Every finding is there, kept or counted: one per name and the cap.
        assert_eq!(report.diagnostics.len() + report.omitted, count + 1);
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.rule() == RuleId::EventNamesCap)
                || report.omitted_errors == 1
        );
        assert_eq!(
            report.diagnostics.len(),
            cloudaudit_lint::validate::DEFAULT_MAX_DIAGNOSTICS
        );
        drop(report);
        let peak = peak_heap(|| validator.validate_str(&text));
        let ratio = peak as f64 / text.len() as f64;
        eprintln!(
            "{count} names: {peak} bytes of heap for {} bytes ({ratio:.2}×)",
            text.len()
        );
        assert!(
            ratio <= LIMIT,
            "{count} names: {peak} bytes of heap for {} bytes of input ({ratio:.2}×, limit {LIMIT}×)",
            text.len()
        );
    }
}

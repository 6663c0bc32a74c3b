//! Every input is processed in time linear in its size: each large input (unknown keys,
//! `EventNames`, plan resources, configuration keys, a number's digits and its exponent) is
//! doubled three times, and at every size the output must be exactly what the input calls for
//! and the work per item must stay flat.
//!
//! Nothing here is timed. The work is counted: heap allocations and bytes allocated, on this
//! thread only (a global allocator with thread-local counters), which are the same on a busy
//! or a quiet machine. Work that grows faster than the input (a list copied per item, a
//! diagnostic that re-reads the text from the start into a new string) raises the per-item
//! count at each doubling and fails here. The wall-clock figures are the benchmark's:
//! `cargo bench --bench compare -- linear` (benches/README.md).

#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use cloudaudit_lint::facts::TrackAction;
use cloudaudit_lint::{Config, Report, RuleId, Validator, terraform};

/// The system allocator, counting this thread's allocations.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    // `try_with`: a thread being torn down has no counters left, and needs none.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
    let _ = BYTES.try_with(|n| n.set(n.get() + bytes as u64));
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters are only
// bookkeeping and allocate nothing.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The work `run` does: (allocations, bytes allocated) on this thread.
fn work<T>(run: impl FnOnce() -> T) -> (u64, u64, T) {
    let allocations = ALLOCATIONS.with(Cell::get);
    let bytes = BYTES.with(Cell::get);
    let result = run();
    (
        ALLOCATIONS.with(Cell::get) - allocations,
        BYTES.with(Cell::get) - bytes,
        result,
    )
}

/// How much the work per item may grow from the smallest size to the largest (eight times as
/// many items): a little for the growth of vectors by doubling and fixed costs spread thinner,
/// far less than the 8× of a quadratic algorithm.
const FLAT: f64 = 1.5;

/// Runs `check` at `smallest`, 2×, 4× and 8× that many items; `check` builds the input,
/// processes it inside `work` and checks the output, returning the measured work. Fails when
/// the work per item grows by more than [`FLAT`].
fn doubling(family: &str, smallest: usize, mut check: impl FnMut(usize) -> (u64, u64)) {
    let sizes = [smallest, smallest * 2, smallest * 4, smallest * 8];
    let per_item: Vec<(usize, f64, f64)> = sizes
        .iter()
        .map(|&n| {
            let (allocations, bytes) = check(n);
            (n, allocations as f64 / n as f64, bytes as f64 / n as f64)
        })
        .collect();
    let (_, first_allocations, first_bytes) = per_item[0];
    for &(n, allocations, bytes) in &per_item {
        assert!(
            allocations <= first_allocations * FLAT && bytes <= first_bytes * FLAT,
            "{family}: the work per item grows with the input: {per_item:?} \
             (items, allocations per item, bytes per item); at {n} items"
        );
    }
}

fn validator() -> Validator {
    Validator::new()
        .with_region("ap-guangzhou")
        .with_catalog(None)
}

fn count_rule(report: &Report, rule: RuleId) -> usize {
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule() == rule)
        .count()
}

const VALID_MEMBERS: &str = r#""Name": "audit", "ActionType": "Read", "ResourceType": "cos",
  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
  "StorageName": "audit-cos", "StoragePrefix": "logs"}"#;

#[test]
fn unknown_keys_are_linear_and_each_reported() {
    doubling("unknown keys", 500, |n| {
        let mut text = format!("{{{VALID_MEMBERS}, \"Status\": 1, \"EventNames\": [\"PutObject\"]");
        for i in 0..n {
            text.push_str(&format!(",\n  \"Extra{i:07}\": {i}"));
        }
        text.push('}');
        let validator = validator().with_max_diagnostics(usize::MAX);
        let (allocations, bytes, report) = work(|| validator.validate_str(&text));
        assert_eq!(report.diagnostics.len(), n);
        assert_eq!(count_rule(&report, RuleId::UnknownParameter), n);
        // Each is located on its own line, in key order.
        let lines: Vec<usize> = report
            .diagnostics
            .iter()
            .filter_map(|d| Some(d.location?.start.line))
            .collect();
        assert_eq!(lines, (4..4 + n).collect::<Vec<_>>());
        (allocations, bytes)
    });
}

#[test]
fn unknown_keys_past_the_limit_are_counted_not_kept() {
    doubling("unknown keys, limited", 500, |n| {
        let mut text = format!("{{{VALID_MEMBERS}, \"Status\": 1, \"EventNames\": [\"PutObject\"]");
        for i in 0..n {
            text.push_str(&format!(",\n  \"Extra{i:07}\": {i}"));
        }
        text.push('}');
        let validator = validator().with_max_diagnostics(100);
        let (allocations, bytes, report) = work(|| validator.validate_str(&text));
        assert_eq!(report.diagnostics.len(), 100);
        assert_eq!(report.omitted, n - 100);
        assert_eq!(report.omitted_errors, n - 100);
        (allocations, bytes)
    });
}

#[test]
fn event_names_are_linear_and_each_duplicate_is_reported() {
    doubling("EventNames", 500, |n| {
        // Every name twice: one duplicate warning for every second entry, one cap error.
        let entries: Vec<String> = (0..n)
            .map(|i| format!("\"PutObject{:07}\"", i / 2))
            .collect();
        let text = format!(
            "{{{VALID_MEMBERS}, \"Status\": 1, \"EventNames\": [{}]}}",
            entries.join(",\n  ")
        );
        let validator = validator().with_max_diagnostics(usize::MAX);
        let (allocations, bytes, report) = work(|| validator.validate_str(&text));
        assert_eq!(count_rule(&report, RuleId::EventNamesDuplicate), n / 2);
        assert_eq!(count_rule(&report, RuleId::EventNamesCap), 1);
        assert_eq!(report.diagnostics.len(), n / 2 + 1);
        (allocations, bytes)
    });
}

/// A plan with `n` audit-track resources, each with one fault (a space in its name).
fn plan(n: usize) -> String {
    let resources: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"address": "tencentcloud_audit_track.t{i}", "mode": "managed",
        "type": "tencentcloud_audit_track", "name": "t{i}",
        "values": {{"name": "audit {i}", "action_type": "Read", "resource_type": "cos",
          "status": 1, "event_names": ["PutObject"], "track_for_all_members": 0,
          "storage": [{{"storage_type": "cos", "storage_region": "ap-guangzhou",
            "storage_name": "audit-cos", "storage_prefix": "logs"}}]}}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"format_version": "1.2", "planned_values": {{"root_module": {{"resources": [
      {}]}}}}}}"#,
        resources.join(",\n      ")
    )
}

#[test]
fn plan_resources_are_linear_and_each_fault_is_located() {
    doubling("plan resources", 100, |n| {
        let text = plan(n);
        let validator = validator().with_max_diagnostics(usize::MAX);
        let (allocations, bytes, report) = work(|| terraform::check_plan(&validator, &text));
        let report = report
            .expect("the plan is JSON")
            .expect("the text is a plan");
        assert_eq!(report.diagnostics.len(), n);
        assert_eq!(count_rule(&report, RuleId::NameCharset), n);
        // Resource i's name is on line 4 + 6i, the third line of its entry.
        let lines: Vec<usize> = report
            .diagnostics
            .iter()
            .filter_map(|d| Some(d.location?.start.line))
            .collect();
        assert_eq!(lines, (0..n).map(|i| 4 + 6 * i).collect::<Vec<_>>());
        (allocations, bytes)
    });
}

#[test]
fn config_keys_are_linear_and_refused() {
    doubling("configuration keys", 100, |n| {
        let mut text = String::from("[rules]\n");
        for i in 0..n {
            text.push_str(&format!("no-such-rule-{i:07} = \"off\"\n"));
        }
        let (allocations, bytes, result) = work(|| Config::from_toml(&text));
        let errors = result.expect_err("unknown rule ids are refused").errors;
        // Every problem listed, or a bounded number of them: never none, never more than
        // there are keys, and the first on the first key's line.
        assert!(!errors.is_empty() && errors.len() <= n, "{}", errors.len());
        let first = errors[0].span.expect("located");
        assert_eq!(
            text.get(first.start..first.end),
            Some("no-such-rule-0000000")
        );
        (allocations, bytes)
    });
}

/// A request whose `Status` is `number` (all else valid).
fn with_status(number: &str) -> String {
    format!("{{{VALID_MEMBERS}, \"EventNames\": [\"PutObject\"], \"Status\": {number}}}")
}

#[test]
fn a_numbers_digits_are_linear() {
    doubling("number digits", 2_000, |n| {
        // 10^(n-1) written with a fraction: integral, far out of range, so no replacement.
        let text = with_status(&format!("1{}.0", "0".repeat(n - 1)));
        let (allocations, bytes, report) = work(|| validator().validate_str(&text));
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].rule(), RuleId::ParameterType);
        assert_eq!(report.diagnostics[0].help(Default::default()), None);
        (allocations, bytes)
    });
    doubling("integer digits", 2_000, |n| {
        let text = with_status(&"9".repeat(n));
        let (allocations, bytes, report) = work(|| validator().validate_str(&text));
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].rule(), RuleId::StatusValue);
        (allocations, bytes)
    });
}

#[test]
fn an_exponents_digits_and_value_are_linear() {
    doubling("exponent digits", 2_000, |n| {
        // 1e000…01 is 10, however many zeros the exponent is written with.
        let text = with_status(&format!("1e{}1", "0".repeat(n - 1)));
        let (allocations, bytes, report) = work(|| validator().validate_str(&text));
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(
            report.diagnostics[0].help(Default::default()).as_deref(),
            Some("write 10")
        );
        (allocations, bytes)
    });
    // The exponent's value doubled up to and past 2^63: one type error each, and no more work
    // for a larger exponent than for a small one.
    let mut works = Vec::new();
    for bits in [8u32, 16, 32, 62, 63, 64, 128] {
        let exponent = 2u128.pow(bits.min(127)) - 1;
        let text = with_status(&format!("1e{exponent}"));
        let (allocations, bytes, report) = work(|| validator().validate_str(&text));
        assert_eq!(report.diagnostics.len(), 1, "1e{exponent}");
        assert_eq!(report.diagnostics[0].rule(), RuleId::ParameterType);
        works.push((allocations, bytes));
    }
    let (least, most) = (
        works.iter().map(|w| w.0).min().unwrap_or_default(),
        works.iter().map(|w| w.0).max().unwrap_or_default(),
    );
    assert!(most <= least + 2, "{works:?}");
}

#[test]
fn every_action_reads_a_long_request_linearly() {
    for action in [
        TrackAction::Modify,
        TrackAction::Delete,
        TrackAction::Describe,
        TrackAction::DescribeList,
    ] {
        doubling("keys under another action", 500, |n| {
            let mut text = String::from("{\"TrackId\": 1, \"PageSize\": 1");
            for i in 0..n {
                text.push_str(&format!(", \"Extra{i:07}\": {i}"));
            }
            text.push('}');
            let validator = validator()
                .with_action(action)
                .with_max_diagnostics(usize::MAX);
            let (allocations, bytes, report) = work(|| validator.validate_str(&text));
            assert!(count_rule(&report, RuleId::UnknownParameter) >= n);
            (allocations, bytes)
        });
    }
}

//! The fuzz seeds of `validate_bytes` (`fuzz/regressions/validate_bytes/`: inputs that once
//! crashed or hung the fuzz target) replayed on the library with the target's own checks
//! (`fuzz/fuzz_targets/common/reports.rs`), so a stable toolchain runs them on every test run.

use std::path::Path;

#[path = "../fuzz/fuzz_targets/common/reports.rs"]
mod reports;

#[test]
fn every_validate_bytes_seed_keeps_the_targets_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/validate_bytes");
    let mut seeds = 0;
    for entry in std::fs::read_dir(&dir).expect("the seeds' directory") {
        let path = entry.expect("a seed").path();
        let data = std::fs::read(&path).expect("a seed's bytes");
        eprintln!("{}", path.display());
        reports::replay_bytes(&data);
        seeds += 1;
    }
    assert!(seeds >= 2, "{seeds} seeds in {}", dir.display());
}

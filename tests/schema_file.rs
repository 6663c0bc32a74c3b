//! The JSON Schema the benchmark's peers validate with (benches/create-audit-track.schema.json)
//! is exactly what `cloudaudit-lint schema` prints, so it can never drift from the rules.
//! After a change to the facts or to src/schema.rs, regenerate it with
//! `cargo run -- schema > benches/create-audit-track.schema.json`.

use cloudaudit_lint::{Profile, schema::json_schema};

#[test]
fn committed_benchmark_schema_is_the_generated_one() {
    let committed = include_str!("../benches/create-audit-track.schema.json");
    let generated = serde_json::to_string_pretty(&json_schema(&Profile::default()))
        .expect("a schema serializes")
        + "\n";
    assert!(
        committed == generated,
        "benches/create-audit-track.schema.json is stale: regenerate it with \
         `cargo run -- schema > benches/create-audit-track.schema.json`"
    );
}

//! The JSON Schema export against the library: it is valid draft 2020-12, the copy the
//! benchmark's peers read is the generated one, and on the seeded benchmark corpus the
//! `jsonschema` crate and the library agree on which requests are invalid, for every fault a
//! schema can express.

// The benchmark's corpus generator, shared; this test uses part of it.
#[allow(dead_code)]
#[path = "../benches/corpus/mod.rs"]
mod corpus;

use cloudaudit_lint::{Profile, RuleId, schema::json_schema};
use serde_json::Value;

fn schema() -> Value {
    json_schema(&Profile::default())
}

#[test]
fn the_export_is_a_valid_2020_12_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!("not a valid schema: {error}");
    }
}

#[test]
fn the_committed_copy_is_the_generated_schema() {
    let committed: Value =
        serde_json::from_str(include_str!("../benches/create-audit-track.schema.json"))
            .expect("the committed schema is JSON");
    assert_eq!(
        committed,
        schema(),
        "regenerate it with `cargo run -- schema`"
    );
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_prints_the_same_schema() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
        .arg("schema")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0));
    let printed: Value = serde_json::from_slice(&out.stdout).expect("the output is JSON");
    assert_eq!(printed, schema());
}

#[test]
fn the_schema_and_the_library_agree_on_the_corpus() {
    let peer = jsonschema::validator_for(&schema()).expect("the schema compiles");
    let ours = corpus::validator();
    let cases = corpus::generate(20_261_124, 600, 70);
    let mut covered: Vec<RuleId> = Vec::new();
    let mut judged = 0;
    for case in &cases {
        if case.schema_blind {
            continue;
        }
        let ours_invalid = ours.validate_str(&case.text).has_errors();
        let peer_invalid = match serde_json::from_str::<Value>(&case.text) {
            Ok(value) => !peer.is_valid(&value),
            Err(_) => true,
        };
        assert_eq!(
            ours_invalid, peer_invalid,
            "faults {:?}: the library says {ours_invalid}, the schema says {peer_invalid}\n{}",
            case.faults, case.text
        );
        judged += 1;
        covered.extend(&case.faults);
    }
    covered.sort();
    covered.dedup();
    assert!(judged > 500, "only {judged} requests could be judged");
    // The schema-expressible faults the corpus draws all appear, so the agreement covers them.
    for rule in [
        RuleId::NameLength,
        RuleId::NameCharset,
        RuleId::ActionTypeValue,
        RuleId::StatusValue,
        RuleId::EventNamesWildcard,
        RuleId::EventNamesCap,
        RuleId::StorageTypeValue,
        RuleId::MissingParameter,
        RuleId::UnknownParameter,
        RuleId::ParameterType,
    ] {
        assert!(covered.contains(&rule), "no judged request breaks {rule}");
    }
}

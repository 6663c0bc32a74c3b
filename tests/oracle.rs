//! The one-pass reader against the former path (the whole tree, then the walk), while the
//! reader replaces it: the same report, positions included, on the benchmark corpus, its
//! large inputs, the fuzz regressions, the adversarial files, dictionary-made inputs and
//! mutated requests.

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../benches/corpus/mod.rs"]
mod corpus;

use cloudaudit_lint::Validator;
use cloudaudit_lint::facts::TrackAction;
use proptest::prelude::*;

fn validators() -> Vec<Validator> {
    let base = Validator::new().with_max_diagnostics(usize::MAX);
    let mut all = vec![base.clone(), base.clone().with_region("ap-guangzhou")];
    for action in TrackAction::ALL {
        all.push(base.clone().with_region("ap-tokio").with_action(*action));
    }
    all.push(Validator::new().with_max_diagnostics(3));
    all
}

fn agree(text: &str) -> Result<(), String> {
    for validator in validators() {
        let ours = validator.validate_str(text);
        let tree = validator.validate_str_with_tree(text);
        if ours != tree {
            return Err(format!(
                "the reader and the tree disagree on {text:?}:\nreader {ours:#?}\ntree {tree:#?}"
            ));
        }
    }
    Ok(())
}

#[test]
fn the_corpus_and_its_large_inputs_agree() {
    for case in corpus::generate(20_190_319, 2000, 70) {
        agree(&case.text).unwrap();
    }
    agree(&corpus::event_names_request(1000)).unwrap();
    agree(&corpus::large_request(200_000)).unwrap();
    agree(&corpus::long_name_request(100_000)).unwrap();
}

#[test]
fn fuzz_regressions_and_adversarial_files_agree() {
    let mut files = Vec::new();
    for dir in ["fuzz/regressions/validate_bytes", "tests/adversarial"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(&dir).expect("the folder") {
            files.push(entry.expect("an entry").path());
        }
    }
    assert!(files.len() > 20, "{files:?}");
    for file in files {
        let bytes = std::fs::read(&file).expect("readable");
        if let Ok(text) = cloudaudit_lint::source::decode(&bytes) {
            agree(text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        }
    }
}

#[test]
fn duplicate_keys_at_every_depth_agree() {
    let nested =
        r#"{"a": 1, "b": {"c": [1, {"d": 1, "d": 2}], "c": 0}, "a": [{"e~/": 1, "e~/": 2}]}"#;
    for place in [
        "\"Tags\": NESTED",
        "\"Name\": NESTED",
        "\"Status\": [NESTED, [NESTED]]",
        "\"EventNames\": [\"A\", NESTED, [NESTED], NESTED]",
        "\"EventNames\": NESTED",
        "\"Storage\": {\"StorageType\": NESTED, \"X\": NESTED, \"X\": NESTED, \"StorageName\": \"a b\"}",
        "\"Storage\": [NESTED]",
        "\"TrackId\": NESTED, \"PageSize\": NESTED, \"Action\": \"DeleteAuditTrack\"",
        "\"Zz\": NESTED, \"Zz\": NESTED, \"Aa\": 1",
    ] {
        let member = place.replace("NESTED", nested);
        agree(&format!("{{{member}}}")).unwrap();
        agree(&format!("{{{member}, {member}, \"Name\": \"x\"}}")).unwrap();
        agree(&format!("[{{{member}}}]")).unwrap();
    }
}

/// The tokens of the fuzz dictionary.
fn dictionary() -> Vec<String> {
    let text = include_str!("../fuzz/dict/request.dict");
    text.lines()
        .filter_map(|line| line.split_once('=').map(|(_, token)| token))
        .filter_map(|token| serde_json::from_str::<String>(token).ok())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Inputs spliced from the fuzz dictionary's tokens agree.
    #[test]
    fn dictionary_made_inputs_agree(picks in prop::collection::vec(any::<prop::sample::Index>(), 0..40)) {
        let tokens = dictionary();
        let text: String = picks.iter().map(|i| i.get(&tokens).as_str()).collect();
        agree(&text).map_err(TestCaseError::fail)?;
        agree(&format!("{{{text}}}")).map_err(TestCaseError::fail)?;
    }

    /// Corpus requests with a span of their text deleted, doubled or replaced by a token agree.
    #[test]
    fn mutated_requests_agree(
        seed in 0u64..1000,
        at in any::<prop::sample::Index>(),
        len in 0usize..40,
        edit in 0u8..3,
        token in any::<prop::sample::Index>(),
    ) {
        let case = corpus::generate(seed, 1, 50).remove(0);
        let text = case.text;
        let start = at.index(text.len() + 1);
        let end = (start + len).min(text.len());
        let (Some(before), Some(middle), Some(after)) =
            (text.get(..start), text.get(start..end), text.get(end..))
        else {
            return Ok(()); // not on character boundaries
        };
        let tokens = dictionary();
        let mutated = match edit {
            0 => format!("{before}{after}"),
            1 => format!("{before}{middle}{middle}{after}"),
            _ => format!("{before}{}{after}", token.get(&tokens)),
        };
        agree(&mutated).map_err(TestCaseError::fail)?;
    }
}

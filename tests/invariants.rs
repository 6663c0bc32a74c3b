//! Properties of reports on hostile and valid input, one sentence each above its `proptest!`
//! case: determinism and order, text written with escapes or without, text and the value it
//! parses to, and valid requests surviving a round trip through serde.

#![cfg(not(target_arch = "wasm32"))]

use cloudaudit_lint::catalog::Catalog;
use cloudaudit_lint::facts::{self, ParamSpec};
use cloudaudit_lint::{CreateAuditTrackRequest, Locale, Profile, Report, Validator};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

const REGION: &str = "ap-guangzhou";

fn validator() -> Validator {
    Validator::new()
        .with_region(REGION)
        .with_max_diagnostics(usize::MAX)
}

/// Rule, pointer and English message of each diagnostic, in order: what two reports of the
/// same request share whatever the positions.
fn essentials(report: &Report) -> Vec<(String, String, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule().as_str().to_owned(),
                d.path.clone(),
                d.message(Locale::En),
            )
        })
        .collect()
}

/// Strings a hostile or careless user writes: look-alikes, invisible and control characters,
/// surrounding space, characters outside the BMP, and a few values that are right.
fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("audit".to_owned()),
        Just("Read".to_owned()),
        Just("cos".to_owned()),
        Just("*".to_owned()),
        Just("ap-guangzhou".to_owned()),
        Just("LookUpEvents".to_owned()),
        "[a-zA-Z0-9_-]{0,12}",
        "[ \\t]?[a-z]{1,6}[ \\t]?",
        "[a-z]{0,3}[\u{430}\u{3bf}\u{ff21}\u{2013}\u{a0}\u{200b}\u{202e}\u{feff}\u{0}\u{1b}\u{7f}\u{85}][a-z]{0,3}",
        "[a-z]{0,2}[\u{1f600}\u{e0041}\u{e0100}\u{fe0f}][a-z]{0,2}",
        any::<String>().prop_map(|s| s.chars().take(8).collect()),
    ]
}

/// A JSON value whose strings are hostile, nested a little.
fn hostile_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..5).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop_oneof![Just(1.0), Just(-0.0), Just(1.5e300), Just(0.5)].prop_map(Value::from),
        hostile_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Keys: the API's own, near misses, and hostile ones (with `/` and `~`, escaped in pointers).
fn key() -> impl Strategy<Value = String> {
    let known: Vec<&'static str> = facts::COMMON_PARAMS
        .iter()
        .chain(facts::TrackAction::Create.params())
        .chain(facts::STORAGE_PARAMS)
        .map(|p: &ParamSpec| p.name())
        .collect();
    prop_oneof![
        4 => prop::sample::select(known).prop_map(str::to_owned),
        1 => hostile_string(),
        1 => "[a-z/~]{1,4}",
    ]
}

/// A request-like object: most of the API's parameters, with hostile values and extras.
fn hostile_request() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((key(), hostile_value()), 0..10),
        prop::collection::vec((key(), hostile_value()), 0..6),
        any::<bool>(),
    )
        .prop_map(|(members, storage, with_storage)| {
            let mut object: Map<String, Value> = members.into_iter().collect();
            if with_storage {
                object.insert(
                    "Storage".into(),
                    Value::Object(storage.into_iter().collect()),
                );
            }
            Value::Object(object)
        })
}

/// JSON text with every character outside ASCII written as a `\u` escape (surrogate pairs
/// beyond the BMP), as `JSON.stringify`-style ASCII-safe writers do.
fn ascii_escaped(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).expect("a value serializes");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// The rank of a diagnostic's parameter under `base` in `params` (unknown ones last), and the
/// parameter's key.
fn rank(path: &str, base: &str, params: &[&[ParamSpec]]) -> Option<(usize, String)> {
    let rest = path.strip_prefix(base)?.strip_prefix('/')?;
    let segment = rest.split('/').next().unwrap_or_default();
    let key = segment.replace("~1", "/").replace("~0", "~");
    let index = params
        .iter()
        .flat_map(|group| group.iter())
        .position(|p| p.name() == key)
        .unwrap_or(usize::MAX);
    Some((index, key))
}

/// Diagnostics come in the API's parameter order, then the unknown parameters sorted by key
/// (each followed by what it nests); inside `Storage` the same with its fields.
fn check_order(report: &Report) -> Result<(), TestCaseError> {
    let top: [&[ParamSpec]; 2] = [facts::COMMON_PARAMS, facts::TrackAction::Create.params()];
    let storage: [&[ParamSpec]; 1] = [facts::STORAGE_PARAMS];
    for (base, params) in [("", &top[..]), ("/Storage", &storage[..])] {
        let mut last_known = 0;
        let mut last_unknown: Option<String> = None;
        for d in &report.diagnostics {
            let Some((index, key)) = rank(&d.path, base, params) else {
                continue;
            };
            let unknown_parameter = d.rule().as_str() == "unknown-parameter"
                && d.path == format!("{base}/{}", d.path.rsplit('/').next().unwrap_or_default());
            if unknown_parameter || last_unknown.is_some() {
                if let Some(previous) = &last_unknown {
                    prop_assert!(
                        *previous <= key,
                        "unknown {key:?} after {previous:?} under {base:?}: {:?}",
                        essentials(report)
                    );
                }
                last_unknown = Some(key);
            } else {
                prop_assert!(
                    index >= last_known,
                    "{} out of the parameter order under {base:?}: {:?}",
                    d.path,
                    essentials(report)
                );
                last_known = index;
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The same request validates to the same diagnostics every time, from text and from its
    /// value, and they come in the API's parameter order, unknown parameters last by key.
    #[test]
    fn diagnostics_are_deterministic_and_sorted(request in hostile_request()) {
        let text = serde_json::to_string_pretty(&request).expect("serializes");
        let validator = validator();
        let first = validator.validate_str(&text);
        prop_assert_eq!(&first, &validator.validate_str(&text));
        prop_assert_eq!(&first, &validator.validate_bytes(text.as_bytes()));
        check_order(&first)?;
        let value = validator.validate_value(&request);
        prop_assert_eq!(&value, &validator.validate_value(&request));
        check_order(&value)?;
    }

    /// Text and the value it parses to give the same diagnostics but for positions; every
    /// diagnostic of the text is located.
    #[test]
    fn text_and_its_value_agree(request in hostile_request(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&request)
        } else {
            serde_json::to_string(&request)
        }.expect("serializes");
        let validator = validator();
        let from_text = validator.validate_str(&text);
        let parsed: Value = serde_json::from_str(&text).expect("our own text parses");
        let from_value = validator.validate_value(&parsed);
        prop_assert_eq!(essentials(&from_text), essentials(&from_value));
        prop_assert!(from_text.diagnostics.iter().all(|d| d.location.is_some()));
        prop_assert!(from_value.diagnostics.iter().all(|d| d.location.is_none()));
    }

    /// Writing non-ASCII characters as `\u` escapes changes positions, never the diagnostics:
    /// a character that cannot be pointed at is reported at its whole value, not dropped.
    #[test]
    fn escaped_text_validates_as_raw_text(request in hostile_request()) {
        let raw = serde_json::to_string_pretty(&request).expect("serializes");
        let escaped = ascii_escaped(&request);
        let validator = validator();
        let (raw_report, escaped_report) = (validator.validate_str(&raw), validator.validate_str(&escaped));
        prop_assert_eq!(essentials(&raw_report), essentials(&escaped_report));
        prop_assert!(escaped_report.diagnostics.iter().all(|d| d.location.is_some()));
    }
}

/// The report `limit` keeps: the first `limit` diagnostics of the unlimited report, the rest
/// counted (and those of them that are errors).
fn limited(full: &Report, limit: usize) -> Report {
    let kept = full.diagnostics.len().min(limit);
    let rest = full.diagnostics.get(kept..).unwrap_or_default();
    let mut report = Report::default();
    report.diagnostics = full.diagnostics.get(..kept).unwrap_or_default().to_vec();
    report.omitted = rest.len();
    report.omitted_errors = rest.iter().filter(|d| d.is_error()).count();
    report
}

/// The same for requests whose findings cluster in one parameter: `Storage` (whose findings
/// are reordered by field), `EventNames` (many entries), duplicate and unknown keys.
#[test]
fn a_limit_keeps_the_first_diagnostics_of_one_crowded_parameter() {
    let valid = r#""Name": "audit", "ActionType": "Read", "ResourceType": "cos", "Status": 1"#;
    let storage = r#""StorageType": "cos", "StorageRegion": "ap-guangzhou", "StorageName": "audit", "StoragePrefix": "audit""#;
    let names =
        r#""EventNames": ["PutObject", "x y", "PutObject", "", "*", "a b", 7, {"k": 1, "k": 2}]"#;
    let texts = [
        format!(r#"{{{valid}, "EventNames": ["*"], "Storage": {{"StorageType": "ftp"}}}}"#),
        format!(
            r#"{{{valid}, {names}, "Storage": {{"StoragePrefix": "a/b", "StorageType": 1, "X": {{"k": 1, "k": 2}}, "X": 1}}}}"#
        ),
        format!(
            r#"{{{valid}, "EventNames": ["*"], "Storage": {{{storage}}}, "Tags": [{{"a": 1, "a": 2}}], "Tags": 1, "Name": 5, "Zz": {{"b": 1, "b": 1}}}}"#
        ),
        format!(
            r#"{{"Name": 1, "Name": 2, "Name": 3, {valid}, "Status": "1", "Storage": {{{storage}}}, {names}}}"#
        ),
    ];
    let lenient = validator();
    for text in &texts {
        let full = lenient.validate_str(text);
        assert!(
            full.diagnostics.len() > 3,
            "{text}: {:?}",
            essentials(&full)
        );
        for limit in 0..=full.diagnostics.len() + 1 {
            let strict = validator().with_max_diagnostics(limit);
            assert_eq!(
                strict.validate_str(text),
                limited(&full, limit),
                "{limit}: {text}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A limit on diagnostics keeps exactly the first ones the unlimited report has and counts
    /// the rest, from text (duplicate keys included: every member written twice) and from a
    /// value, whether the findings past the limit are built or only counted.
    #[test]
    fn a_limit_keeps_the_first_diagnostics_and_counts_the_rest(
        request in hostile_request(),
        limit in 0usize..6,
    ) {
        let text = serde_json::to_string(&request).expect("serializes");
        let doubled = match text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            Some(body) if !body.is_empty() => format!("{{{body},{body}}}"),
            _ => text.clone(),
        };
        let lenient = validator();
        let strict = validator().with_max_diagnostics(limit);
        for text in [&text, &doubled] {
            let full = lenient.validate_str(text);
            prop_assert_eq!(strict.validate_str(text), limited(&full, limit), "{}", text);
        }
        let full = lenient.validate_value(&request);
        prop_assert_eq!(strict.validate_value(&request), limited(&full, limit));
    }
}

/// A valid request: a listed product with some of its listed API names (or `*` and `["*"]`),
/// a COS bucket or a CLS topic, and the optional parameters now and then.
fn valid_request() -> impl Strategy<Value = Value> {
    // The catalogue's file, so that the requests are the same with or without the feature.
    let catalog = Catalog::parse(include_str!("../src/catalog/catalog.tsv")).unwrap_or_default();
    let products: Vec<(String, Vec<String>)> = catalog
        .products()
        .iter()
        .filter(|p| !p.events.is_empty())
        .map(|p| (p.code.clone(), p.events.clone()))
        .collect();
    let product = prop_oneof![
        1 => Just(("*".to_owned(), vec!["*".to_owned()])),
        1 => prop::sample::select(products.clone()).prop_map(|(code, _)| (code, vec!["*".to_owned()])),
        4 => prop::sample::select(products).prop_flat_map(|(code, events)| {
            prop::sample::subsequence(events.clone(), 1..=events.len().min(10))
                .prop_map(move |events| (code.clone(), events))
        }),
    ];
    let storage = prop_oneof![
        ("[a-z0-9]{1,3}(-[a-z0-9]{1,3}){0,3}", "[a-zA-Z0-9]{3,20}").prop_map(|(name, prefix)| json!({
            "StorageType": "cos", "StorageRegion": REGION, "StorageName": name, "StoragePrefix": prefix
        })),
        ("[a-z0-9-]{1,50}", "[a-zA-Z0-9]{3,20}").prop_map(|(topic, prefix)| json!({
            "StorageType": "cls", "StorageRegion": REGION, "StorageName": topic, "StoragePrefix": prefix
        })),
    ];
    (
        "[A-Za-z0-9_-]{3,48}",
        prop::sample::select(facts::ACTION_TYPES),
        product,
        0..=1i64,
        storage,
        prop::option::of(0..=1i64),
    )
        .prop_map(
            |(name, action_type, (resource_type, events), status, storage, members)| {
                let mut request = json!({
                    "Name": name, "ActionType": action_type, "ResourceType": resource_type,
                    "Status": status, "EventNames": events, "Storage": storage,
                });
                if let Some(members) = members {
                    request["TrackForAllMembers"] = json!(members);
                }
                request
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// A valid request stays valid through serde: parsed and written again (compact or
    /// pretty), and through the typed `CreateAuditTrackRequest` and back.
    #[test]
    fn serialize_parse_valid_revalidates_clean(request in valid_request()) {
        let validator = Validator::new().with_region(REGION).with_profile(Profile::default());
        let text = serde_json::to_string_pretty(&request).expect("serializes");
        let report = validator.validate_str(&text);
        prop_assert!(report.is_clean(), "{}: {:?}", text, essentials(&report));
        let parsed: Value = serde_json::from_str(&text).expect("parses");
        for again in [serde_json::to_string(&parsed), serde_json::to_string_pretty(&parsed)] {
            let again = again.expect("serializes");
            prop_assert!(validator.validate_str(&again).is_clean(), "{}", again);
        }
        prop_assert!(validator.validate_value(&parsed).is_clean());
        let typed: CreateAuditTrackRequest = serde_json::from_str(&text).expect("a typed request");
        prop_assert!(validator.validate_request(&typed).is_clean());
        let written = serde_json::to_string(&typed).expect("serializes");
        prop_assert!(validator.validate_str(&written).is_clean(), "{}", written);
        let reread: CreateAuditTrackRequest = serde_json::from_str(&written).expect("reads back");
        prop_assert_eq!(reread, typed);
    }
}

/// The caller's region is checked when the validator is made: whatever the order of the
/// builders, it is checked against the profile and the policy the validator ends with.
#[test]
fn the_caller_region_is_checked_against_the_final_profile_whatever_the_builders_order() {
    let rules = |validator: Validator| -> Vec<cloudaudit_lint::RuleId> {
        let report = validator.validate_str("{}");
        let mut rules: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.path == "/Region")
            .map(|d| d.rule())
            .collect();
        rules.dedup();
        rules
    };
    let unsupported = vec![cloudaudit_lint::RuleId::RegionUnsupported];
    let extra = || Profile::default().with_extra_regions(["ap-mars"]);
    assert_eq!(rules(Validator::new().with_region("ap-mars")), unsupported);
    assert!(
        rules(
            Validator::new()
                .with_region("ap-mars")
                .with_profile(extra())
        )
        .is_empty()
    );
    assert!(
        rules(
            Validator::new()
                .with_profile(extra())
                .with_region("ap-mars")
        )
        .is_empty()
    );
    let config = cloudaudit_lint::Config::from_json(&json!({"api": {"regions": ["ap-mars"]}}))
        .expect("configuration");
    assert!(rules(Validator::new().with_region("ap-mars").with_config(&config)).is_empty());
    assert_eq!(
        rules(
            Validator::new()
                .with_config(&config)
                .with_region("ap-guangzhou")
        ),
        unsupported
    );
    // Also when the text is not JSON.
    let report = Validator::new().with_region("ap-mars").validate_str("{");
    assert!(report.diagnostics.iter().any(|d| d.path == "/Region"));
}

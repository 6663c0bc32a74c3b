//! Property tests: each `proptest!` block states its invariant in one sentence above it.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use cloudaudit_lint::facts::{KNOWN_STORAGE_REGIONS, SUPPORTED_REGIONS};
use cloudaudit_lint::report::json;
use cloudaudit_lint::report::{FileOutcome, Outcome};
use cloudaudit_lint::rules::name::check_name;
use cloudaudit_lint::{Locale, Param, Profile, Report, Severity, Validator};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Value, json};

// ---------------------------------------------------------------------------------------------
// Helpers

/// (rule, severity, path, English message) of every diagnostic, in order.
fn essentials(report: &Report) -> Vec<(String, Severity, String, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule().as_str().to_owned(),
                d.severity,
                d.path.clone(),
                d.message(Locale::En),
            )
        })
        .collect()
}

/// One line per diagnostic, for failure messages.
fn listing(report: &Report) -> String {
    report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {} {} — {}",
                d.severity,
                d.rule(),
                d.path,
                d.message(Locale::En)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// JSON text of `value` with the members of every object in an order drawn from `seed`
/// (serde_json's own maps are sorted), compact or indented.
fn render(value: &Value, seed: u64, pretty: bool) -> String {
    let mut out = String::new();
    write_value(&mut out, value, seed, pretty, 0);
    out
}

fn write_value(out: &mut String, value: &Value, seed: u64, pretty: bool, depth: usize) {
    let newline = |out: &mut String, depth: usize| {
        if pretty {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        }
    };
    match value {
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_by_key(|(key, _)| {
                let mut hasher = DefaultHasher::new();
                (seed, key.as_str()).hash(&mut hasher);
                hasher.finish()
            });
            out.push('{');
            for (index, (key, value)) in members.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                out.push_str(&Value::String((*key).clone()).to_string());
                out.push_str(if pretty { ": " } else { ":" });
                write_value(out, value, seed, pretty, depth + 1);
            }
            if !members.is_empty() {
                newline(out, depth);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push_str(if pretty { ", " } else { "," });
                }
                write_value(out, item, seed, pretty, depth + 1);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// The name rule's definition, written independently of the crate.
fn is_valid_name(name: &str) -> bool {
    (3..=48).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

// ---------------------------------------------------------------------------------------------
// Strategies

/// Keys that steer the walk into every parameter (of every action and of `Storage`), plus
/// arbitrary ones.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(Param::ALL).prop_map(|p| p.name().to_owned()),
        1 => any::<String>(),
    ]
}

/// Strings the rules care about, plus arbitrary ones.
fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => select(vec![
            "*", "cos", "cls", "Read", "read", "audit", "ap-guangzhou", "ap-mars", "",
            " x ", "аudit", "au\u{200B}dit", "CreateAuditTrack", "ModifyAuditTrack",
            "DeleteAuditTrack", "DescribeAuditTracks", "2019-03-19", "audit-1250000000",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

/// Any JSON value, with request-like keys and strings more often than chance would give.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-3i64..4).prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 12, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..12).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..10)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A request as generated: the value, the region and whether the region is in the document
/// (else it is the caller's).
#[derive(Debug, Clone)]
struct Generated {
    value: Value,
    region: String,
    region_in_document: bool,
}

impl Generated {
    /// The catalogue of products and API names is advisory and data-dependent (generated
    /// names are arbitrary): these properties are about the API's own rules, so it is off.
    fn validator(&self) -> Validator {
        let validator = Validator::new().with_catalog(None);
        if self.region_in_document {
            validator
        } else {
            validator.with_region(self.region.clone())
        }
    }

    fn object(&mut self) -> &mut Map<String, Value> {
        self.value
            .as_object_mut()
            .expect("generated requests are objects")
    }

    fn storage(&mut self) -> &mut Map<String, Value> {
        self.object()
            .get_mut("Storage")
            .and_then(Value::as_object_mut)
            .expect("generated requests have a Storage object")
    }
}

/// (ResourceType, EventNames) that satisfy the wildcard rules and the caps.
fn product_and_events() -> impl Strategy<Value = (String, Vec<String>)> {
    let names = prop_oneof![
        1 => Just(vec!["*".to_owned()]),
        3 => prop::collection::btree_set("[A-Za-z][A-Za-z0-9_]{0,30}", 1..=10)
            .prop_map(|set| set.into_iter().collect()),
    ];
    prop_oneof![
        1 => Just(("*".to_owned(), vec!["*".to_owned()])),
        4 => (
            select(vec!["cos", "cls", "cvm", "cloudaudit", "audit", "tke", "cdb"]),
            names
        )
            .prop_map(|(p, n)| (p.to_owned(), n)),
    ]
}

/// A COS bucket that fits COS's 60-character host with `region`, ending in a letter (so it
/// never looks like `-APPID`).
fn cos_bucket(region: &str) -> BoxedStrategy<String> {
    let max = (31 - region.len()).min(50);
    prop_oneof![
        1 => "[a-z]".boxed(),
        4 => proptest::string::string_regex(&format!("[a-z0-9][a-z0-9-]{{0,{}}}[a-z]", max - 2))
            .expect("a valid pattern")
            .boxed(),
    ]
    .boxed()
}

fn storage() -> impl Strategy<Value = Value> {
    let cos = select(KNOWN_STORAGE_REGIONS.to_vec()).prop_flat_map(|region| {
        (cos_bucket(region), "[A-Za-z0-9]{3,40}").prop_map(move |(name, prefix)| {
            json!({"StorageType": "cos", "StorageRegion": region,
                   "StorageName": name, "StoragePrefix": prefix})
        })
    });
    let cls = (
        select(KNOWN_STORAGE_REGIONS.to_vec()),
        "[A-Za-z0-9_-]{1,50}",
        "[A-Za-z0-9/_.-]{1,40}",
    )
        .prop_map(|(region, name, prefix)| {
            json!({"StorageType": "cls", "StorageRegion": region,
                   "StorageName": name, "StoragePrefix": prefix})
        });
    let extras = (
        proptest::option::of("[0-9]{1,12}"),
        proptest::option::of("[0-9]{10}"),
        proptest::option::of(1i64..=2),
    );
    (prop_oneof![cos, cls], extras).prop_map(|(mut storage, (account, app, compress))| {
        let map = storage.as_object_mut().expect("storage is an object");
        if let Some(account) = account {
            map.insert("StorageAccountId".into(), account.into());
        }
        if let Some(app) = app {
            map.insert("StorageAppId".into(), app.into());
        }
        if let Some(compress) = compress {
            map.insert("Compress".into(), compress.into());
        }
        storage
    })
}

/// A valid `CreateAuditTrack` request with every optional part present or not.
fn valid_request() -> impl Strategy<Value = Generated> {
    (
        "[A-Za-z0-9_-]{3,48}",
        select(vec!["Read", "Write", "*"]),
        product_and_events(),
        0i64..=1,
        storage(),
        (
            proptest::option::of(0i64..=1),
            proptest::option::of("[A-Za-z0-9_-]{1,20}"),
            any::<bool>(),
        ),
        (select(SUPPORTED_REGIONS.to_vec()), any::<bool>()),
    )
        .prop_map(
            |(name, action_type, (product, events), status, storage, optional, region)| {
                let (track_all, export_id, common) = optional;
                let (region, region_in_document) = region;
                let mut value = json!({
                    "Name": name, "ActionType": action_type, "ResourceType": product,
                    "Status": status, "EventNames": events, "Storage": storage,
                });
                let map = value.as_object_mut().expect("an object");
                if let Some(track_all) = track_all {
                    map.insert("TrackForAllMembers".into(), track_all.into());
                }
                if let Some(export_id) = export_id {
                    map.insert("ExportId".into(), export_id.into());
                }
                if common {
                    map.insert("Action".into(), "CreateAuditTrack".into());
                    map.insert("Version".into(), "2019-03-19".into());
                }
                if region_in_document {
                    map.insert("Region".into(), region.into());
                }
                Generated {
                    value,
                    region: region.to_owned(),
                    region_in_document,
                }
            },
        )
}

/// One fault to inject into a valid request.
#[derive(Debug, Clone)]
enum Fault {
    /// Insert a character no name may have, at a character index.
    BadNameChar(char, usize),
    /// Insert an invisible character into the name.
    InvisibleInName(char, usize),
    /// A name of this many letters (49 or more).
    LongName(usize),
    /// An `ActionType` that is not one of the three.
    BadActionType(&'static str),
    /// A `Status` other than 0 and 1.
    Status(i64),
    /// A `TrackForAllMembers` other than 0 and 1.
    TrackForAllMembers(i64),
    /// A value of the wrong JSON type at a top-level parameter.
    WrongType(&'static str, Value),
    /// A value of the wrong JSON type at a `Storage` field.
    WrongStorageType(&'static str, Value),
    /// A key the API does not define, at the top level.
    UnknownKey(&'static str),
    /// A key the API does not define, inside `Storage`.
    UnknownStorageKey(&'static str),
    /// A required parameter removed.
    Missing(&'static str),
    /// A required `Storage` field removed.
    MissingStorage(&'static str),
    /// 11 API names for cos or cls.
    ElevenNames(&'static str),
    /// `ResourceType` `*` with API names.
    WildcardWithNames,
    /// A refused COS bucket name (COS storage, valid prefix and region).
    BadBucket(String),
    /// A refused COS prefix (COS storage, valid bucket and region).
    BadCosPrefix(&'static str),
    /// A `StorageType` that is not cos or cls.
    BadStorageType(&'static str),
    /// A `StorageRegion` that is not a region code.
    BadStorageRegion(&'static str),
    /// A `Compress` other than 1 and 2.
    Compress(i64),
    /// An API region the page does not list (in the document or from the caller).
    UnsupportedRegion(&'static str),
    /// An `Action` outside the tracking-set family.
    BadAction(&'static str),
    /// Whitespace around `ResourceType`.
    PaddedResourceType,
}

fn fault() -> impl Strategy<Value = Fault> {
    let top = vec![
        "Name",
        "ActionType",
        "ResourceType",
        "Status",
        "EventNames",
        "Storage",
    ];
    let storage_fields = vec![
        "StorageType",
        "StorageRegion",
        "StorageName",
        "StoragePrefix",
    ];
    prop_oneof![
        (select(vec![' ', '.', '!', '@', '/', '中', 'é']), 0usize..48)
            .prop_map(|(c, i)| Fault::BadNameChar(c, i)),
        (
            select(vec!['\u{200B}', '\u{202E}', '\0', '\u{7}']),
            0usize..48
        )
            .prop_map(|(c, i)| Fault::InvisibleInName(c, i)),
        (49usize..80).prop_map(Fault::LongName),
        select(vec!["read", "WRITE", "All", "", "Delete", "**"]).prop_map(Fault::BadActionType),
        prop_oneof![Just(2i64), Just(-1), Just(i64::MAX)].prop_map(Fault::Status),
        prop_oneof![Just(2i64), Just(-1)].prop_map(Fault::TrackForAllMembers),
        select(vec![
            ("Name", json!(5)),
            ("ActionType", Value::Null),
            ("ResourceType", json!(1)),
            ("Status", json!("1")),
            ("Status", json!(true)),
            ("Status", json!(1.5)),
            ("EventNames", json!("PutObject")),
            ("EventNames", json!({"a": 1})),
            ("Storage", json!("cos")),
            ("Storage", json!([])),
            ("TrackForAllMembers", json!("0")),
            ("ExportId", json!(false)),
        ])
        .prop_map(|(k, v)| Fault::WrongType(k, v)),
        select(vec![
            ("StorageType", json!(1)),
            ("StorageName", json!(null)),
            ("StoragePrefix", json!(["logs"])),
            ("Compress", json!("1")),
            ("StorageAppId", json!(1250000000)),
        ])
        .prop_map(|(k, v)| Fault::WrongStorageType(k, v)),
        select(vec!["Colour", "EventName", "eventnames", "Tags", "Bucket"])
            .prop_map(Fault::UnknownKey),
        select(vec!["Bucket", "Name", "StorageNmae", "Region"]).prop_map(Fault::UnknownStorageKey),
        select(top).prop_map(Fault::Missing),
        select(storage_fields).prop_map(Fault::MissingStorage),
        select(vec!["cos", "cls"]).prop_map(Fault::ElevenNames),
        Just(Fault::WildcardWithNames),
        prop_oneof![
            Just("Bad_Name".to_owned()),
            Just("-audit".to_owned()),
            Just("audit-".to_owned()),
            Just(String::new()),
            Just("a".repeat(51)),
            Just("Audit".to_owned()),
        ]
        .prop_map(Fault::BadBucket),
        select(vec!["a/b", "ab", "logs_2024", "", "日志日志"]).prop_map(Fault::BadCosPrefix),
        select(vec!["ckafka", "COS", "", "cos,cls"]).prop_map(Fault::BadStorageType),
        select(vec!["guangzhou", "AP-GUANGZHOU", "ap-", "", "ap_guangzhou"])
            .prop_map(Fault::BadStorageRegion),
        prop_oneof![Just(0i64), Just(3)].prop_map(Fault::Compress),
        select(vec!["ap-shanghai", "na-ashburn", "ap-mars", ""]).prop_map(Fault::UnsupportedRegion),
        select(vec!["CreateAuditTrak", "RunInstances", ""]).prop_map(Fault::BadAction),
        Just(Fault::PaddedResourceType),
    ]
}

/// Injects `fault`; returns the JSON Pointer of the injected fault.
fn inject(request: &mut Generated, fault: &Fault) -> String {
    let set = |request: &mut Generated, key: &str, value: Value| {
        request.object().insert(key.to_owned(), value);
    };
    let cos_storage = |request: &mut Generated, name: &str, prefix: &str| {
        let storage = request.storage();
        storage.insert("StorageType".into(), "cos".into());
        storage.insert("StorageRegion".into(), "ap-guangzhou".into());
        storage.insert("StorageName".into(), name.into());
        storage.insert("StoragePrefix".into(), prefix.into());
    };
    match fault {
        Fault::BadNameChar(c, index) | Fault::InvisibleInName(c, index) => {
            let name = request.object()["Name"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let mut chars: Vec<char> = name.chars().collect();
            chars.insert((*index).min(chars.len()), *c);
            set(
                request,
                "Name",
                chars.into_iter().collect::<String>().into(),
            );
            "/Name".into()
        }
        Fault::LongName(length) => {
            set(request, "Name", "n".repeat(*length).into());
            "/Name".into()
        }
        Fault::BadActionType(value) => {
            set(request, "ActionType", (*value).into());
            "/ActionType".into()
        }
        Fault::Status(value) => {
            set(request, "Status", (*value).into());
            "/Status".into()
        }
        Fault::TrackForAllMembers(value) => {
            set(request, "TrackForAllMembers", (*value).into());
            "/TrackForAllMembers".into()
        }
        Fault::WrongType(key, value) => {
            set(request, key, value.clone());
            format!("/{key}")
        }
        Fault::WrongStorageType(key, value) => {
            request.storage().insert((*key).to_owned(), value.clone());
            format!("/Storage/{key}")
        }
        Fault::UnknownKey(key) => {
            set(request, key, json!(["x"]));
            format!("/{key}")
        }
        Fault::UnknownStorageKey(key) => {
            request.storage().insert((*key).to_owned(), "x".into());
            format!("/Storage/{key}")
        }
        Fault::Missing(key) => {
            request.object().remove(*key);
            format!("/{key}")
        }
        Fault::MissingStorage(key) => {
            request.storage().remove(*key);
            format!("/Storage/{key}")
        }
        Fault::ElevenNames(product) => {
            let names: Vec<String> = (0..11).map(|i| format!("Api{i}")).collect();
            set(request, "ResourceType", (*product).into());
            set(request, "EventNames", names.into());
            "/EventNames".into()
        }
        Fault::WildcardWithNames => {
            set(request, "ResourceType", "*".into());
            set(request, "EventNames", json!(["LookUpEvents"]));
            "/EventNames".into()
        }
        Fault::BadBucket(name) => {
            cos_storage(request, name, "logs");
            "/Storage/StorageName".into()
        }
        Fault::BadCosPrefix(prefix) => {
            cos_storage(request, "audit-cos", prefix);
            "/Storage/StoragePrefix".into()
        }
        Fault::BadStorageType(value) => {
            request
                .storage()
                .insert("StorageType".into(), (*value).into());
            "/Storage/StorageType".into()
        }
        Fault::BadStorageRegion(value) => {
            request
                .storage()
                .insert("StorageRegion".into(), (*value).into());
            "/Storage/StorageRegion".into()
        }
        Fault::Compress(value) => {
            request.storage().insert("Compress".into(), (*value).into());
            "/Storage/Compress".into()
        }
        Fault::UnsupportedRegion(region) => {
            request.region = (*region).to_owned();
            if request.region_in_document {
                set(request, "Region", (*region).into());
            }
            "/Region".into()
        }
        Fault::BadAction(action) => {
            set(request, "Action", (*action).into());
            "/Action".into()
        }
        Fault::PaddedResourceType => {
            let product = request.object()["ResourceType"]
                .as_str()
                .unwrap_or("cos")
                .to_owned();
            set(request, "ResourceType", format!(" {product}").into());
            "/ResourceType".into()
        }
    }
}

/// JSON-looking text: tokens of JSON and near-JSON glued together.
fn json_soup() -> impl Strategy<Value = String> {
    let token = select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\r",
        "\t",
        "\"Name\"",
        "\"Storage\"",
        "\"EventNames\"",
        "\"a\"",
        "\"",
        "\\",
        "\\u",
        "\\uD800",
        "\\n",
        "1",
        "-",
        "0",
        "01",
        "1.",
        "1e400",
        ".5",
        "+1",
        "true",
        "tru",
        "null",
        "nul",
        "false",
        "\u{FEFF}",
        "é",
        "😀",
        "\u{202E}",
        "\u{0}",
        "'",
        "/*",
        "NaN",
    ]);
    prop::collection::vec(token, 0..40).prop_map(|tokens| tokens.concat())
}

fn validator_with(region: Option<String>, max: usize) -> Validator {
    let validator = Validator::new().with_max_diagnostics(max);
    match region {
        Some(region) => validator.with_region(region),
        None => validator,
    }
}

fn region_choice() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof![
        select(SUPPORTED_REGIONS.to_vec()).prop_map(str::to_owned),
        any::<String>(),
    ])
}

/// Checks the limit on a report and that the unlimited report has the same head.
fn check_limit(text_report: &Report, full: &Report, max: usize) -> Result<(), TestCaseError> {
    prop_assert!(text_report.diagnostics.len() <= max);
    prop_assert_eq!(
        text_report.diagnostics.len() + text_report.omitted,
        full.diagnostics.len(),
        "diagnostics kept plus omitted is the whole"
    );
    prop_assert!(text_report.omitted_errors <= text_report.omitted);
    prop_assert_eq!(
        &text_report.diagnostics[..],
        &full.diagnostics[..text_report.diagnostics.len()]
    );
    prop_assert_eq!(text_report.has_errors(), full.has_errors());
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Properties

proptest! {
    /// A name drawn from the name charset passes exactly when it has 3 to 48 characters.
    #[test]
    fn names_from_the_charset_pass_exactly_at_3_to_48(name in "[A-Za-z0-9_-]{0,60}") {
        let passes = check_name(&name, &Profile::default()).is_empty();
        prop_assert_eq!(passes, (3..=48).contains(&name.len()), "{:?}", name);
    }

    /// Any string passes the name rule exactly when it has 3 to 48 characters, all ASCII
    /// letters, digits, hyphens or underscores.
    #[test]
    fn any_string_passes_the_name_rule_exactly_when_valid(
        name in prop_oneof![
            any::<String>(),
            prop::collection::vec(
                prop_oneof![3 => prop::char::range('-', 'z'), 1 => any::<char>()],
                0..60,
            )
            .prop_map(|chars| chars.into_iter().collect::<String>()),
        ]
    ) {
        let violations = check_name(&name, &Profile::default());
        prop_assert_eq!(violations.is_empty(), is_valid_name(&name), "{:?}: {:?}", name, violations);
    }

    /// Validating any JSON value never panics, keeps at most the limit of diagnostics, and
    /// counts the rest.
    #[test]
    fn any_value_validates_within_the_limit(
        value in json_value(),
        region in region_choice(),
        max in 0usize..12,
    ) {
        let limited = validator_with(region.clone(), max).validate_value(&value);
        let full = validator_with(region, usize::MAX).validate_value(&value);
        check_limit(&limited, &full, max)?;
        prop_assert!(limited.diagnostics.iter().all(|d| d.location.is_none()));
    }

    /// Validating any text never panics, keeps at most the limit of diagnostics, and every
    /// location lies inside the text.
    #[test]
    fn any_text_validates_within_the_limit(
        text in prop_oneof![any::<String>(), json_soup()],
        region in region_choice(),
        max in 0usize..12,
    ) {
        let limited = validator_with(region.clone(), max).validate_str(&text);
        let full = validator_with(region, usize::MAX).validate_str(&text);
        check_limit(&limited, &full, max)?;
        for d in &full.diagnostics {
            if let Some(l) = d.location {
                prop_assert!(l.span.start <= l.span.end && l.span.end <= text.len(), "{:?}", d);
                prop_assert!(text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end), "{:?}", d);
                prop_assert!(l.start.line >= 1 && l.start.column >= 1 && l.start <= l.end, "{:?}", d);
            }
        }
    }

    /// Validating any bytes never panics and keeps at most the limit of diagnostics.
    #[test]
    fn any_bytes_validate_within_the_limit(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..200),
            json_soup().prop_map(String::into_bytes),
        ],
        max in 0usize..12,
    ) {
        let limited = validator_with(None, max).validate_bytes(&bytes);
        let full = validator_with(None, usize::MAX).validate_bytes(&bytes);
        check_limit(&limited, &full, max)?;
    }

    /// A valid request with a few bytes changed still validates without panicking.
    #[test]
    fn mutated_valid_requests_validate(
        request in valid_request(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let mut bytes = render(&request.value, 0, true).into_bytes();
        for (at, byte, kind) in edits {
            let index = at.index(bytes.len() + 1);
            match kind {
                0 => bytes.insert(index, byte),
                1 if index < bytes.len() => { bytes.remove(index); }
                _ if index < bytes.len() => bytes[index] = byte,
                _ => bytes.push(byte),
            }
        }
        let report = request.validator().validate_bytes(&bytes);
        prop_assert!(report.diagnostics.len() <= cloudaudit_lint::validate::DEFAULT_MAX_DIAGNOSTICS);
    }

    /// A generated valid request draws no diagnostic at all, as text or as a value.
    #[test]
    fn valid_requests_are_clean(request in valid_request(), seed in any::<u64>(), pretty in any::<bool>()) {
        let text = render(&request.value, seed, pretty);
        let report = request.validator().validate_str(&text);
        prop_assert!(report.is_clean(), "{}\n{}", text, listing(&report));
        prop_assert!(request.validator().validate_value(&request.value).is_clean());
    }

    /// One injected fault draws an error at exactly the pointer of the fault and no error
    /// anywhere else.
    #[test]
    fn one_fault_is_one_error_at_its_pointer(
        mut request in valid_request(),
        fault in fault(),
        seed in any::<u64>(),
    ) {
        let pointer = inject(&mut request, &fault);
        let text = render(&request.value, seed, true);
        let report = request.validator().validate_str(&text);
        let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
        prop_assert!(
            errors.iter().any(|d| d.path == pointer),
            "{:?}: no error at {}\n{}\n{}", fault, pointer, text, listing(&report)
        );
        prop_assert!(
            errors.iter().all(|d| d.path == pointer),
            "{:?}: an error elsewhere than {}\n{}\n{}", fault, pointer, text, listing(&report)
        );
    }

    /// Text and the serde_json value parsed from it draw the same diagnostics (rule,
    /// severity, pointer, message) in the same order.
    #[test]
    fn text_and_value_agree(
        value in prop_oneof![
            2 => json_value(),
            2 => valid_request().prop_map(|r| r.value),
            3 => (valid_request(), fault()).prop_map(|(mut r, f)| { inject(&mut r, &f); r.value }),
        ],
        seed in any::<u64>(),
        pretty in any::<bool>(),
        region in proptest::option::of(select(vec!["ap-guangzhou", "ap-shanghai"])),
    ) {
        let text = render(&value, seed, pretty);
        let parsed: Value = serde_json::from_str(&text).expect("rendered text is JSON");
        let validator = validator_with(region.map(str::to_owned), usize::MAX);
        let from_text = validator.validate_str(&text);
        let from_value = validator.validate_value(&parsed);
        prop_assert_eq!(essentials(&from_text), essentials(&from_value), "{}", text);
    }

    /// Every located diagnostic points at its own pointer in the text: at the value there or
    /// one character of it, at the key for unknown and duplicate keys, at the opening brace
    /// of the object a missing parameter belongs to.
    #[test]
    fn locations_point_at_their_pointer(
        value in prop_oneof![
            1 => json_value(),
            1 => valid_request().prop_map(|r| r.value),
            3 => (valid_request(), fault()).prop_map(|(mut r, f)| { inject(&mut r, &f); r.value }),
        ],
        seed in any::<u64>(),
        pretty in any::<bool>(),
    ) {
        let text = render(&value, seed, pretty);
        let report = Validator::new().with_region("ap-guangzhou").validate_str(&text);
        for d in &report.diagnostics {
            let Some(location) = d.location else { continue };
            let at = &text[location.span.start..location.span.end];
            let rule = d.rule().as_str();
            let (parent, last) = d.path.rsplit_once('/').unwrap_or(("", ""));
            let last = last.replace("~1", "/").replace("~0", "~");
            let context = format!("{rule} at {} points at {at:?} in\n{text}", d.path);
            match rule {
                "missing-parameter" => {
                    prop_assert_eq!(at, "{", "{}", context);
                    prop_assert!(value.pointer(parent).is_some_and(Value::is_object), "{}", context);
                }
                "unknown-parameter" | "duplicate-key" => {
                    prop_assert_eq!(at, Value::String(last).to_string(), "{}", context);
                }
                _ => {
                    let here = value.pointer(&d.path);
                    prop_assert!(here.is_some(), "{}", context);
                    // Compared after the same parse: serde_json's float parsing does not
                    // always round-trip its own output exactly.
                    let here = here.and_then(|h| serde_json::from_str::<Value>(&h.to_string()).ok());
                    let whole = serde_json::from_str::<Value>(at).ok();
                    let one_char = match (d.violation.character_index(), here.as_ref().and_then(Value::as_str)) {
                        (Some(index), Some(s)) => s.chars().nth(index).map(String::from),
                        _ => None,
                    };
                    prop_assert!(
                        whole == here || one_char.as_deref() == Some(at),
                        "{}", context
                    );
                }
            }
        }
    }

    /// Validating one parameter of a request on its own gives exactly the diagnostics that
    /// whole-request validation gives at that parameter's pointer or below it.
    #[test]
    fn one_parameter_validates_as_in_the_whole_request(
        request in prop_oneof![
            valid_request(),
            (valid_request(), fault()).prop_map(|(mut r, f)| { inject(&mut r, &f); r }),
        ],
    ) {
        let validator = request.validator();
        let whole = validator.validate_value(&request.value);
        let resource_type = request.value.get("ResourceType").and_then(Value::as_str);
        for (name, value) in request.value.as_object().expect("an object") {
            let pointer = format!("/{name}");
            let expected: Vec<_> = essentials(&whole)
                .into_iter()
                .filter(|(_, _, path, _)| *path == pointer || path.starts_with(&format!("{pointer}/")))
                .collect();
            let alone = validator.validate_parameter(name, value, resource_type);
            prop_assert_eq!(essentials(&alone), expected, "{} in {}", name, request.value);
        }
    }

    /// Validating the same input twice, with the same or a new validator, gives equal reports.
    #[test]
    fn validation_is_deterministic(
        text in prop_oneof![
            json_soup(),
            json_value().prop_map(|v| render(&v, 7, true)),
            (valid_request(), fault()).prop_map(|(mut r, f)| { inject(&mut r, &f); render(&r.value, 3, false) }),
        ],
        region in region_choice(),
    ) {
        let validator = validator_with(region.clone(), usize::MAX);
        let first = validator.validate_str(&text);
        prop_assert_eq!(&first, &validator.validate_str(&text));
        prop_assert_eq!(&first, &validator_with(region, usize::MAX).validate_str(&text));
    }

    /// The JSON output lists every diagnostic of a text in text order, by (line, column, rule),
    /// the ones without a line first, and lists each diagnostic of the report exactly once.
    #[test]
    fn json_output_lists_diagnostics_in_text_order(
        text in prop_oneof![
            json_soup(),
            json_value().prop_map(|v| render(&v, 5, true)),
            (valid_request(), fault(), any::<u64>()).prop_map(|(mut r, f, seed)| { inject(&mut r, &f); render(&r.value, seed, true) }),
        ],
        region in region_choice(),
    ) {
        let report = validator_with(region, usize::MAX).validate_str(&text);
        let files = [FileOutcome::new("request.json", Outcome::checked(&text, &report))];
        let output: Value = serde_json::from_str(&json::render(&files, Locale::En)).expect("JSON");
        let records = output[0]["diagnostics"].as_array().expect("diagnostics");
        let keys: Vec<(u64, u64, &str)> = records
            .iter()
            .map(|r| (
                r["line"].as_u64().unwrap_or(0),
                r["column"].as_u64().unwrap_or(0),
                r["rule"].as_str().expect("a rule"),
            ))
            .collect();
        prop_assert!(keys.is_sorted(), "{keys:?}\n{}", listing(&report));
        let mut listed: Vec<(String, String)> = records
            .iter()
            .map(|r| (r["rule"].as_str().unwrap_or_default().to_owned(), r["path"].as_str().unwrap_or_default().to_owned()))
            .collect();
        let mut reported: Vec<(String, String)> = report
            .diagnostics
            .iter()
            .map(|d| (d.rule().as_str().to_owned(), d.path.clone()))
            .collect();
        listed.sort();
        reported.sort();
        prop_assert_eq!(listed, reported);
        // The library's Serialize writes the same diagnostics in the same order.
        prop_assert_eq!(&serde_json::to_value(&report).expect("JSON")["diagnostics"], &output[0]["diagnostics"]);
    }

    /// The UTF-8 bytes of a text validate as the text does, unless a NUL byte among the first
    /// two makes them look like UTF-16.
    #[test]
    fn bytes_of_text_validate_as_the_text(
        text in prop_oneof![any::<String>(), json_soup(), json_value().prop_map(|v| render(&v, 1, false))],
    ) {
        let looks_like_utf16 = text.as_bytes().iter().take(2).any(|b| *b == 0) && text.len() >= 2;
        let validator = Validator::new().with_region("ap-guangzhou");
        let from_bytes = validator.validate_bytes(text.as_bytes());
        if looks_like_utf16 {
            prop_assert_eq!(from_bytes.diagnostics.len(), 1);
            prop_assert_eq!(from_bytes.diagnostics[0].rule().as_str(), "json-syntax");
        } else {
            prop_assert_eq!(from_bytes, validator.validate_str(&text));
        }
    }
}

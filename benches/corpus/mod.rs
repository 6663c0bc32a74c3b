//! The benchmark corpus: realistic `CreateAuditTrack` request texts, about 70% valid and the
//! rest with one to three faults drawn from every rule the requests can break, plus the large
//! edge inputs. Everything follows from one seed, so every run (and the Node benchmark, which
//! reads the same files) sees the same bytes.
//!
//! Each case records the rules its faults break, and whether one of those faults is invisible
//! to a JSON Schema (`schemaBlind`): the agreement check between our validator and the schema
//! peers skips exactly those cases. The generator checks itself against the library: a valid
//! case must draw no diagnostic at all, and a faulty case every rule it was built to break
//! (a case that misses one, because two faults masked each other, is drawn again).

use cloudaudit_lint::catalog::Catalog;
use cloudaudit_lint::{RuleId, Validator, facts};

/// The caller region every corpus request is validated for, as an SDK client would pass it.
pub const CALLER_REGION: &str = "ap-guangzhou";

/// The validator every consumer of the corpus uses.
pub fn validator() -> Validator {
    Validator::new().with_region(CALLER_REGION)
}

/// A small, fast, seedable generator (splitmix64): the corpus must not depend on a crate's
/// version of its random streams.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `range`.
    pub fn between(&mut self, range: std::ops::RangeInclusive<usize>) -> usize {
        range.start() + self.below(range.end() - range.start() + 1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A JSON value as the generator builds it: members keep their order and may repeat, numbers
/// keep their text.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// A number or literal, written as is.
    Lit(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn str(s: impl Into<String>) -> Self {
        Self::Str(s.into())
    }

    fn int(n: i64) -> Self {
        Self::Lit(n.to_string())
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Self::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Writes the value compactly (`indent` `None`) or pretty-printed at `indent` levels.
    pub fn write(&self, out: &mut String, indent: Option<usize>) {
        let newline = |out: &mut String, level: usize| {
            out.push('\n');
            out.push_str(&"  ".repeat(level));
        };
        match self {
            Self::Lit(text) => out.push_str(text),
            Self::Str(s) => out.push_str(&serde_json::to_string(s).expect("strings serialize")),
            Self::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                        if indent.is_none() {
                            out.push(' ');
                        }
                    }
                    if let Some(level) = indent {
                        newline(out, level + 1);
                    }
                    item.write(out, indent.map(|l| l + 1));
                }
                if let (Some(level), false) = (indent, items.is_empty()) {
                    newline(out, level);
                }
                out.push(']');
            }
            Self::Obj(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                        if indent.is_none() {
                            out.push(' ');
                        }
                    }
                    if let Some(level) = indent {
                        newline(out, level + 1);
                    }
                    out.push_str(&serde_json::to_string(key).expect("strings serialize"));
                    out.push_str(": ");
                    value.write(out, indent.map(|l| l + 1));
                }
                if let (Some(level), false) = (indent, members.is_empty()) {
                    newline(out, level);
                }
                out.push('}');
            }
        }
    }

    pub fn to_text(&self, pretty: bool) -> String {
        let mut out = String::new();
        self.write(&mut out, pretty.then_some(0));
        out
    }
}

type Members = Vec<(String, Json)>;

fn get<'a>(members: &'a Members, key: &str) -> Option<&'a Json> {
    members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn get_mut<'a>(members: &'a mut Members, key: &str) -> Option<&'a mut Json> {
    members
        .iter_mut()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// Replaces the member `key`, or appends it.
fn set(members: &mut Members, key: &str, value: Json) {
    match get_mut(members, key) {
        Some(slot) => *slot = value,
        None => members.push((key.to_owned(), value)),
    }
}

fn remove(members: &mut Members, key: &str) -> bool {
    let before = members.len();
    members.retain(|(k, _)| k != key);
    members.len() != before
}

fn storage_mut(members: &mut Members) -> Option<&mut Members> {
    match get_mut(members, "Storage") {
        Some(Json::Obj(storage)) => Some(storage),
        _ => None,
    }
}

fn storage_type(members: &Members) -> Option<&str> {
    match get(members, "Storage") {
        Some(Json::Obj(storage)) => get(storage, "StorageType").and_then(Json::as_str),
        _ => None,
    }
}

fn resource_type(members: &Members) -> Option<&str> {
    get(members, "ResourceType").and_then(Json::as_str)
}

/// Products the valid requests track; their API names come from the crate's catalogue, so
/// that a valid request draws no "unlisted" warning either.
const PRODUCTS: &[&str] = &["cos", "cls", "cvm", "cam", "cloudaudit", "vpc", "tke"];

fn api_names(product: &str) -> Vec<&'static str> {
    catalog()
        .product(product)
        .map(|p| p.events.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

/// `count` distinct API names of `product`, in a random order.
fn some_api_names(rng: &mut Rng, product: &str, count: usize) -> Vec<Json> {
    let mut names = api_names(product);
    for i in (1..names.len()).rev() {
        names.swap(i, rng.below(i + 1));
    }
    names.truncate(count);
    names.into_iter().map(Json::str).collect()
}

const NAME_WORDS: &[&str] = &[
    "audit", "trail", "prod", "staging", "ops", "security", "billing", "logs", "team", "gz", "hk",
    "all", "events", "write", "read", "archive", "cos", "org", "finance", "dev",
];

fn valid_name(rng: &mut Rng) -> String {
    let mut name = String::new();
    for i in 0..rng.between(1..=3) {
        if i > 0 {
            name.push(*rng.pick(&['-', '_']));
        }
        let word = *rng.pick(NAME_WORDS);
        name.push_str(word);
    }
    if rng.chance(40) {
        name.push_str(&rng.between(1..=2025).to_string());
    }
    while name.chars().count() < *facts::NAME_LENGTH.start() {
        name.push('0');
    }
    name
}

/// A bucket name of at most `max` characters (lowercase words and digits joined by `-`).
fn bucket_name(rng: &mut Rng, max: usize) -> String {
    let mut bucket = String::new();
    for i in 0..rng.between(1..=3) {
        let word = *rng.pick(&["audit", "logs", "trail", "cloud", "ops", "backup", "sec"]);
        if bucket.len() + word.len() + usize::from(i > 0) > max {
            break;
        }
        if i > 0 {
            bucket.push('-');
        }
        bucket.push_str(word);
    }
    if bucket.is_empty() {
        bucket.push_str(&"a".repeat(max.clamp(1, 3)));
    }
    bucket
}

fn topic_id(rng: &mut Rng) -> String {
    let hex = |rng: &mut Rng, n: usize| -> String {
        (0..n)
            .map(|_| char::from(b"0123456789abcdef"[rng.below(16)]))
            .collect()
    };
    format!(
        "{}-{}-{}-{}-{}",
        hex(rng, 8),
        hex(rng, 4),
        hex(rng, 4),
        hex(rng, 4),
        hex(rng, 12)
    )
}

/// The longest bucket name whose COS host stays within COS's limit in `region`.
fn bucket_budget(region: &str) -> usize {
    let fixed = 1 + facts::APPID_DIGITS.end() + ".cos.".len() + ".myqcloud.com".len();
    facts::COS_HOST_MAX.saturating_sub(fixed + region.len())
}

fn valid_storage(rng: &mut Rng) -> Json {
    let region = (*rng.pick(facts::KNOWN_STORAGE_REGIONS)).to_owned();
    let mut storage = if rng.chance(70) {
        let bucket = bucket_name(rng, bucket_budget(&region).min(20));
        vec![
            ("StorageType".to_owned(), Json::str("cos")),
            ("StorageRegion".to_owned(), Json::str(region)),
            ("StorageName".to_owned(), Json::str(bucket)),
            (
                "StoragePrefix".to_owned(),
                Json::str(*rng.pick(&["cloudaudit", "audit", "logs2024", "trail", "prodAudit"])),
            ),
        ]
    } else {
        vec![
            ("StorageType".to_owned(), Json::str("cls")),
            ("StorageRegion".to_owned(), Json::str(region)),
            ("StorageName".to_owned(), Json::str(topic_id(rng))),
            (
                "StoragePrefix".to_owned(),
                Json::str(*rng.pick(&["cloudaudit", "audit", "ops/audit", "trail-"])),
            ),
        ]
    };
    if rng.chance(10) {
        let account = rng.between(100_000_000..=999_999_999).to_string();
        storage.push(("StorageAccountId".to_owned(), Json::str(account)));
        let app_id = rng.between(1_250_000_000..=1_259_999_999).to_string();
        storage.push(("StorageAppId".to_owned(), Json::str(app_id)));
    }
    if rng.chance(15) {
        storage.push(("Compress".to_owned(), Json::int(rng.between(1..=2) as i64)));
    }
    Json::Obj(storage)
}

/// A request that draws no diagnostic.
fn valid_request(rng: &mut Rng) -> Members {
    let (product, event_names) = if rng.chance(20) {
        ("*".to_owned(), vec![Json::str("*")])
    } else {
        let product = *rng.pick(PRODUCTS);
        let names = if rng.chance(25) {
            vec![Json::str("*")]
        } else {
            let count = rng.between(1..=facts::EVENT_NAMES_CAP);
            some_api_names(rng, product, count)
        };
        (product.to_owned(), names)
    };
    let mut members = vec![
        ("Name".to_owned(), Json::str(valid_name(rng))),
        (
            "ActionType".to_owned(),
            Json::str(*rng.pick(facts::ACTION_TYPES)),
        ),
        ("ResourceType".to_owned(), Json::str(product)),
        ("Status".to_owned(), Json::int(i64::from(rng.chance(85)))),
        ("EventNames".to_owned(), Json::Arr(event_names)),
        ("Storage".to_owned(), valid_storage(rng)),
    ];
    if rng.chance(30) {
        members.push((
            "TrackForAllMembers".to_owned(),
            Json::int(rng.below(2) as i64),
        ));
    }
    if rng.chance(10) {
        let id = format!("export-{}", rng.between(10_000_000..=99_999_999));
        members.push(("ExportId".to_owned(), Json::str(id)));
    }
    // Key order varies between clients (alphabetical from some SDKs, page order from others).
    if rng.chance(30) {
        members.sort_by(|a, b| a.0.cmp(&b.0));
    }
    members
}

/// One way to break a request: the rule it breaks, whether a JSON Schema can see it, and how.
#[derive(Clone, Copy)]
struct Fault {
    rule: RuleId,
    /// The schema cannot express it: the agreement check skips requests with such a fault.
    schema_blind: bool,
    how: How,
}

#[derive(Clone, Copy)]
enum How {
    /// Changes the request's members; `false` when it does not apply to this request.
    Members(fn(&mut Members, &mut Rng) -> bool),
    /// Changes the text; `alone` when no other fault can be seen past it.
    Text {
        edit: fn(String, &mut Rng) -> String,
        alone: bool,
    },
}

const fn members(rule: RuleId, edit: fn(&mut Members, &mut Rng) -> bool) -> Fault {
    Fault {
        rule,
        schema_blind: false,
        how: How::Members(edit),
    }
}

const fn blind(rule: RuleId, edit: fn(&mut Members, &mut Rng) -> bool) -> Fault {
    Fault {
        rule,
        schema_blind: true,
        how: How::Members(edit),
    }
}

const fn text(rule: RuleId, edit: fn(String, &mut Rng) -> String, alone: bool) -> Fault {
    Fault {
        rule,
        schema_blind: false,
        how: How::Text { edit, alone },
    }
}

/// A string field to spoil, picked among those the request has: top-level `Name`,
/// `ResourceType`, `ActionType`, an `EventNames` entry, or a `Storage` field.
fn some_string_field<'m>(members: &'m mut Members, rng: &mut Rng) -> Option<&'m mut String> {
    let choice = rng.below(6);
    let slot = match choice {
        0 => get_mut(members, "Name"),
        1 => get_mut(members, "ResourceType"),
        2 => match get_mut(members, "EventNames") {
            Some(Json::Arr(items)) if !items.is_empty() => {
                let i = rng.below(items.len());
                items.get_mut(i)
            }
            _ => None,
        },
        _ => {
            let field = *rng.pick(&[
                "StorageName",
                "StoragePrefix",
                "StorageRegion",
                "StorageType",
            ]);
            storage_mut(members).and_then(|s| get_mut(s, field))
        }
    };
    match slot {
        Some(Json::Str(s)) if !s.is_empty() && s != "*" => Some(s),
        _ => None,
    }
}

const LOOKALIKES: &[(char, char)] = &[
    ('a', 'а'),
    ('o', 'ο'),
    ('e', 'е'),
    ('c', 'с'),
    ('p', 'р'),
    ('i', 'і'),
    ('-', '\u{2013}'),
    ('A', 'Ａ'),
    ('s', 'ѕ'),
];

const INVISIBLES: &[char] = &['\u{200B}', '\u{00AD}', '\u{202E}', '\u{FEFF}', '\u{2060}'];

fn edit_whitespace(members: &mut Members, rng: &mut Rng) -> bool {
    let space = *rng.pick(&[" ", "\t", "\u{3000}", "  "]);
    let leading = rng.chance(50);
    match some_string_field(members, rng) {
        Some(s) if leading => s.insert_str(0, space),
        Some(s) => s.push_str(space),
        None => return false,
    }
    true
}

fn edit_confusable(members: &mut Members, rng: &mut Rng) -> bool {
    let Some(s) = some_string_field(members, rng) else {
        return false;
    };
    let Some((ascii, lookalike)) = LOOKALIKES.iter().find(|(a, _)| s.contains(*a)) else {
        return false;
    };
    *s = s.replacen(*ascii, &lookalike.to_string(), 1);
    true
}

fn edit_invisible(members: &mut Members, rng: &mut Rng) -> bool {
    let c = *rng.pick(INVISIBLES);
    let Some(s) = some_string_field(members, rng) else {
        return false;
    };
    let at = s
        .char_indices()
        .nth(s.chars().count() / 2)
        .map_or(0, |(i, _)| i);
    s.insert(at, c);
    true
}

fn edit_duplicate_key(members: &mut Members, rng: &mut Rng) -> bool {
    let i = rng.below(members.len().max(1));
    let Some((key, value)) = members.get(i).cloned() else {
        return false;
    };
    // An earlier copy with another value: the server, and a schema, see only the last one.
    let shadowed = match &value {
        Json::Str(_) => Json::str("draft"),
        _ => Json::Lit("null".to_owned()),
    };
    members.insert(i, (key, shadowed));
    true
}

fn edit_missing(members: &mut Members, rng: &mut Rng) -> bool {
    if rng.chance(70) {
        let param = rng.pick(facts::REQUEST_PARAMS);
        param.required && remove(members, param.name())
    } else {
        let field = rng.pick(facts::STORAGE_PARAMS);
        field.required && storage_mut(members).is_some_and(|s| remove(s, field.name()))
    }
}

fn edit_unknown(members: &mut Members, rng: &mut Rng) -> bool {
    match rng.below(4) {
        0 => members.push((
            "Description".to_owned(),
            Json::str("ships every write event"),
        )),
        1 => members.push((
            "Tags".to_owned(),
            Json::Arr(vec![Json::Obj(vec![
                ("TagKey".to_owned(), Json::str("team")),
                ("TagValue".to_owned(), Json::str("ops")),
            ])]),
        )),
        2 => members.push(("IsEnableKmsEncry".to_owned(), Json::int(0))),
        _ => match storage_mut(members) {
            Some(storage) => storage.push(("StorageBucket".to_owned(), Json::str("audit"))),
            None => return false,
        },
    }
    true
}

fn edit_wrong_type(members: &mut Members, rng: &mut Rng) -> bool {
    let (key, value) = match rng.below(7) {
        0 => ("Status", Json::str("1")),
        1 => ("Name", Json::int(20240101)),
        2 => ("EventNames", Json::str("PutObject")),
        3 => ("Storage", Json::str("cos")),
        4 => ("TrackForAllMembers", Json::Lit("true".to_owned())),
        5 => ("ActionType", Json::Arr(vec![Json::str("Read")])),
        _ => {
            return match get_mut(members, "EventNames") {
                Some(Json::Arr(items)) if items.len() < facts::EVENT_NAMES_CAP => {
                    items.push(Json::Lit("null".to_owned()));
                    true
                }
                _ => false,
            };
        }
    };
    set(members, key, value);
    true
}

/// Integers written with a fraction: JSON Schema's `integer` is about the value, so `1.0`
/// passes a schema, while the API's integer parsing refuses the text.
fn edit_fraction(members: &mut Members, rng: &mut Rng) -> bool {
    let value = Json::Lit(format!("{}.0", rng.below(2)));
    match rng.below(2) {
        0 => set(members, "Status", value),
        _ => set(members, "TrackForAllMembers", value),
    }
    true
}

fn edit_action(members: &mut Members, rng: &mut Rng) -> bool {
    let action = *rng.pick(&["CreateAuditTracks", "CreateTrack", "createaudittrack"]);
    members.insert(0, ("Action".to_owned(), Json::str(action)));
    true
}

fn edit_version(members: &mut Members, rng: &mut Rng) -> bool {
    let version = *rng.pick(&["2019-03-18", "2017-03-12", "2019-3-19"]);
    members.insert(0, ("Version".to_owned(), Json::str(version)));
    true
}

/// A supported region other than the caller's: a warning only. (A document `Region` the API
/// does not support is not generated: with a caller region ours reports the mismatch, the
/// caller's region wins, and the schema, which cannot know the caller, calls it an error.)
fn edit_region_mismatch(members: &mut Members, rng: &mut Rng) -> bool {
    let others: Vec<&str> = facts::SUPPORTED_REGIONS
        .iter()
        .copied()
        .filter(|r| *r != CALLER_REGION)
        .collect();
    members.insert(0, ("Region".to_owned(), Json::str(*rng.pick(&others))));
    true
}

fn edit_name_length(members: &mut Members, rng: &mut Rng) -> bool {
    let name = if rng.chance(50) {
        (*rng.pick(&["ab", "a", "x1", ""])).to_owned()
    } else {
        let mut name = valid_name(rng);
        while name.len() <= *facts::NAME_LENGTH.end() {
            name.push_str("-audit");
        }
        name
    };
    set(members, "Name", Json::str(name));
    true
}

fn edit_name_charset(members: &mut Members, rng: &mut Rng) -> bool {
    let name = *rng.pick(&[
        "audit trail",
        "审计跟踪",
        "audit.trail",
        "prod/audit",
        "audit@ops",
    ]);
    set(members, "Name", Json::str(name));
    true
}

fn edit_action_type(members: &mut Members, rng: &mut Rng) -> bool {
    let value = *rng.pick(&["read", "write", "All", "Read/Write", "", "ReadWrite"]);
    set(members, "ActionType", Json::str(value));
    true
}

fn edit_resource_type_format(members: &mut Members, rng: &mut Rng) -> bool {
    let value = *rng.pick(&["cloud audit", "", "cos,cls", "cos.bucket", "qcs::cos"]);
    set(members, "ResourceType", Json::str(value));
    true
}

fn edit_resource_type_case(members: &mut Members, _rng: &mut Rng) -> bool {
    match resource_type(members) {
        Some(product) if product != "*" => {
            let upper = product.to_ascii_uppercase();
            set(members, "ResourceType", Json::str(upper));
            true
        }
        _ => false,
    }
}

fn edit_status(members: &mut Members, rng: &mut Rng) -> bool {
    set(members, "Status", Json::int(*rng.pick(&[2, -1, 10])));
    true
}

fn edit_track_for_all_members(members: &mut Members, rng: &mut Rng) -> bool {
    set(
        members,
        "TrackForAllMembers",
        Json::int(*rng.pick(&[2, -1])),
    );
    true
}

fn specific_product(members: &Members) -> Option<String> {
    resource_type(members)
        .filter(|p| *p != "*")
        .map(str::to_owned)
}

fn edit_event_names_empty(members: &mut Members, _rng: &mut Rng) -> bool {
    specific_product(members).is_some_and(|_| {
        set(members, "EventNames", Json::Arr(Vec::new()));
        true
    })
}

fn edit_event_names_wildcard(members: &mut Members, rng: &mut Rng) -> bool {
    if resource_type(members) == Some("*") {
        let count = rng.between(1..=3);
        set(
            members,
            "EventNames",
            Json::Arr(some_api_names(rng, "cloudaudit", count)),
        );
    } else {
        set(members, "ResourceType", Json::str("*"));
        if get(members, "EventNames") == Some(&Json::Arr(vec![Json::str("*")])) {
            set(members, "EventNames", Json::Arr(Vec::new()));
        }
    }
    true
}

fn edit_mixed_wildcard(members: &mut Members, rng: &mut Rng) -> bool {
    let Some(product) = specific_product(members) else {
        return false;
    };
    let count = rng.between(1..=3);
    let mut names = some_api_names(rng, &product, count);
    names.insert(rng.below(names.len() + 1), Json::str("*"));
    set(members, "EventNames", Json::Arr(names));
    true
}

fn edit_event_names_duplicate(members: &mut Members, rng: &mut Rng) -> bool {
    let Some(product) = specific_product(members) else {
        return false;
    };
    let count = rng.between(1..=5);
    let mut names = some_api_names(rng, &product, count);
    let again = names[rng.below(names.len())].clone();
    names.push(again);
    set(members, "EventNames", Json::Arr(names));
    true
}

fn edit_cap(members: &mut Members, rng: &mut Rng) -> bool {
    let product = *rng.pick(facts::CAPPED_PRODUCTS);
    set(members, "ResourceType", Json::str(product));
    let count = rng.between(facts::EVENT_NAMES_CAP + 1..=14);
    set(
        members,
        "EventNames",
        Json::Arr(some_api_names(rng, product, count)),
    );
    true
}

fn edit_cap_other(members: &mut Members, rng: &mut Rng) -> bool {
    let product = *rng.pick(&["cvm", "cam", "vpc", "tke"]);
    set(members, "ResourceType", Json::str(product));
    let count = rng.between(facts::EVENT_NAMES_CAP_OTHER + 1..=14);
    set(
        members,
        "EventNames",
        Json::Arr(some_api_names(rng, product, count)),
    );
    true
}

fn edit_resource_type_unknown(members: &mut Members, rng: &mut Rng) -> bool {
    let product = *rng.pick(&["cdn2", "audit", "objectstorage"]);
    set(members, "ResourceType", Json::str(product));
    set(members, "EventNames", Json::Arr(vec![Json::str("*")]));
    true
}

fn edit_event_name_unknown(members: &mut Members, rng: &mut Rng) -> bool {
    let unlisted = *rng.pick(&["PutObjects", "DescribeEverything", "lookupevent"]);
    match (specific_product(members), get_mut(members, "EventNames")) {
        (Some(_), Some(Json::Arr(items)))
            if items.len() < facts::EVENT_NAMES_CAP && !items.contains(&Json::str("*")) =>
        {
            items.push(Json::str(unlisted));
            true
        }
        _ => false,
    }
}

fn edit_event_name_format(members: &mut Members, rng: &mut Rng) -> bool {
    let bad = *rng.pick(&["Put Object", "cos:PutObject", "Describe-Instances", ""]);
    match get_mut(members, "EventNames") {
        Some(Json::Arr(items))
            if items.len() < facts::EVENT_NAMES_CAP && !items.contains(&Json::str("*")) =>
        {
            items.push(Json::str(bad));
            true
        }
        _ => false,
    }
}

fn set_storage_field(members: &mut Members, field: &str, value: Json) -> bool {
    match storage_mut(members) {
        Some(storage) => {
            set(storage, field, value);
            true
        }
        None => false,
    }
}

fn edit_storage_type(members: &mut Members, rng: &mut Rng) -> bool {
    let value = *rng.pick(&["ckafka", "COS", "oss", ""]);
    set_storage_field(members, "StorageType", Json::str(value))
}

fn edit_storage_region_format(members: &mut Members, rng: &mut Rng) -> bool {
    let value = *rng.pick(&["guangzhou", "AP-GUANGZHOU", "ap_guangzhou", "ap-"]);
    set_storage_field(members, "StorageRegion", Json::str(value))
}

fn edit_storage_region_unknown(members: &mut Members, rng: &mut Rng) -> bool {
    let value = *rng.pick(&["ap-mars", "ap-guangzho", "eu-paris"]);
    set_storage_field(members, "StorageRegion", Json::str(value))
}

fn edit_storage_name_cos(members: &mut Members, rng: &mut Rng) -> bool {
    if storage_type(members) != Some(facts::STORAGE_COS) {
        return false;
    }
    let long = "audit-logs-".repeat(5);
    let value = match rng.below(5) {
        0 => "Audit_Logs".to_owned(),
        1 => "-audit".to_owned(),
        2 => "audit-".to_owned(),
        3 => long,
        _ => "audit..logs!".to_owned(),
    };
    set_storage_field(members, "StorageName", Json::str(value))
}

/// A bucket name that still carries `-APPID`; sometimes with a bucket of 40 to 50 characters,
/// whose full name is longer than 50 although the bucket itself is fine.
fn edit_storage_name_app_id(members: &mut Members, rng: &mut Rng) -> bool {
    if storage_type(members) != Some(facts::STORAGE_COS) {
        return false;
    }
    let bucket = if rng.chance(30) {
        let length = rng.between(40..=facts::COS_BUCKET_NAME_MAX);
        let mut bucket = "audit-".repeat(9);
        bucket.truncate(length - 1);
        bucket.trim_end_matches('-').to_owned() + "x"
    } else {
        bucket_name(rng, 12)
    };
    let app_id = rng.between(1_250_000_000..=1_259_999_999);
    set_storage_field(
        members,
        "StorageName",
        Json::str(format!("{bucket}-{app_id}")),
    )
}

fn edit_storage_name_cls(members: &mut Members, rng: &mut Rng) -> bool {
    if storage_type(members) != Some(facts::STORAGE_CLS) {
        return false;
    }
    let value = if rng.chance(50) {
        String::new()
    } else {
        format!("{}-{}", topic_id(rng), topic_id(rng))
    };
    set_storage_field(members, "StorageName", Json::str(value))
}

fn edit_storage_prefix_cos(members: &mut Members, rng: &mut Rng) -> bool {
    if storage_type(members) != Some(facts::STORAGE_COS) {
        return false;
    }
    let long = "auditlogs".repeat(5);
    let value = *rng.pick(&["ab", "logs/2024", "audit_logs", "audit-logs", &long]);
    set_storage_field(members, "StoragePrefix", Json::str(value))
}

fn edit_storage_prefix_empty(members: &mut Members, _rng: &mut Rng) -> bool {
    storage_type(members) == Some(facts::STORAGE_CLS)
        && set_storage_field(members, "StoragePrefix", Json::str(""))
}

fn edit_cos_host_length(members: &mut Members, rng: &mut Rng) -> bool {
    if storage_type(members) != Some(facts::STORAGE_COS) {
        return false;
    }
    let region = *rng.pick(&["na-siliconvalley", "ap-shanghai-fsi", "ap-singapore"]);
    let length = rng.between(bucket_budget(region) + 1..=facts::COS_BUCKET_NAME_MAX);
    let mut bucket = "cloudaudit-logs-".repeat(4);
    bucket.truncate(length - 1);
    let bucket = bucket.trim_end_matches('-').to_owned() + "z";
    set_storage_field(members, "StorageRegion", Json::str(region))
        && set_storage_field(members, "StorageName", Json::str(bucket))
}

fn edit_storage_id(members: &mut Members, rng: &mut Rng) -> bool {
    let (field, value) = *rng.pick(&[
        ("StorageAccountId", "acct-100001"),
        ("StorageAppId", "12500a"),
        ("StorageAccountId", ""),
    ]);
    set_storage_field(members, field, Json::str(value))
}

fn edit_compress(members: &mut Members, rng: &mut Rng) -> bool {
    set_storage_field(members, "Compress", Json::int(*rng.pick(&[0, 3])))
}

fn text_syntax(text: String, rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => text.trim_end().trim_end_matches('}').to_owned(),
        1 => match text.rfind('}') {
            Some(at) => format!("{},{}", text[..at].trim_end(), &text[at..]),
            None => text,
        },
        2 => text.replacen("\"Name\"", "'Name'", 1),
        _ => text.replacen(": ", ": // the value\n", 1),
    }
}

fn text_not_object(text: String, _rng: &mut Rng) -> String {
    format!("[{text}]")
}

fn text_byte_order_mark(text: String, _rng: &mut Rng) -> String {
    format!("\u{FEFF}{text}")
}

/// Every fault the corpus draws from, with the rule it breaks. Not drawn: `region-unsupported`,
/// which is about the caller's region option and not the document (see
/// [`edit_region_mismatch`]).
const FAULTS: &[Fault] = &[
    text(RuleId::JsonSyntax, text_syntax, true),
    text(RuleId::RequestNotObject, text_not_object, true),
    text(RuleId::ByteOrderMark, text_byte_order_mark, false),
    // A parsed instance holds only the last of duplicate keys: no schema can see the first.
    blind(RuleId::DuplicateKey, edit_duplicate_key),
    members(RuleId::MissingParameter, edit_missing),
    members(RuleId::UnknownParameter, edit_unknown),
    members(RuleId::ParameterType, edit_wrong_type),
    blind(RuleId::ParameterType, edit_fraction),
    members(RuleId::ActionValue, edit_action),
    members(RuleId::VersionValue, edit_version),
    members(RuleId::RegionMismatch, edit_region_mismatch),
    members(RuleId::SurroundingWhitespace, edit_whitespace),
    members(RuleId::ConfusableCharacter, edit_confusable),
    members(RuleId::InvisibleCharacter, edit_invisible),
    members(RuleId::NameLength, edit_name_length),
    members(RuleId::NameCharset, edit_name_charset),
    members(RuleId::ActionTypeValue, edit_action_type),
    members(RuleId::ResourceTypeFormat, edit_resource_type_format),
    members(RuleId::ResourceTypeCase, edit_resource_type_case),
    members(RuleId::StatusValue, edit_status),
    members(RuleId::TrackForAllMembersValue, edit_track_for_all_members),
    members(RuleId::EventNamesEmpty, edit_event_names_empty),
    members(RuleId::EventNamesWildcard, edit_event_names_wildcard),
    members(RuleId::EventNamesMixedWildcard, edit_mixed_wildcard),
    members(RuleId::EventNamesDuplicate, edit_event_names_duplicate),
    members(RuleId::EventNamesCap, edit_cap),
    members(RuleId::EventNamesCapOther, edit_cap_other),
    members(RuleId::EventNameFormat, edit_event_name_format),
    members(RuleId::ResourceTypeUnknown, edit_resource_type_unknown),
    members(RuleId::EventNameUnknown, edit_event_name_unknown),
    members(RuleId::StorageTypeValue, edit_storage_type),
    members(RuleId::StorageRegionFormat, edit_storage_region_format),
    members(RuleId::StorageRegionUnknown, edit_storage_region_unknown),
    members(RuleId::StorageNameCos, edit_storage_name_cos),
    members(RuleId::StorageNameAppId, edit_storage_name_app_id),
    members(RuleId::StorageNameCls, edit_storage_name_cls),
    members(RuleId::StoragePrefixCos, edit_storage_prefix_cos),
    members(RuleId::StoragePrefixEmpty, edit_storage_prefix_empty),
    members(RuleId::StorageCosHostLength, edit_cos_host_length),
    members(RuleId::StorageIdFormat, edit_storage_id),
    members(RuleId::StorageCompressValue, edit_compress),
];

/// One corpus request.
#[derive(Debug, Clone)]
pub struct Case {
    pub text: String,
    /// The rules its faults break (empty: a valid request).
    pub faults: Vec<RuleId>,
    /// One of its faults is invisible to a JSON Schema (see [`FAULTS`]).
    pub schema_blind: bool,
}

/// Draws one faulty case: one to three faults, retried until the library reports every rule
/// they were meant to break (faults can mask each other, e.g. a missing `Storage` and a bad
/// bucket name).
fn faulty_case(rng: &mut Rng, validator: &Validator) -> Case {
    for _attempt in 0..100 {
        let mut members = valid_request(rng);
        let wanted = *rng.pick(&[1, 1, 1, 1, 1, 1, 2, 2, 2, 3]);
        let mut applied: Vec<Fault> = Vec::new();
        let mut text_edits = Vec::new();
        let mut tries = 0;
        while applied.len() < wanted && tries < 50 {
            tries += 1;
            let fault = *rng.pick(FAULTS);
            if applied.iter().any(|f| f.rule == fault.rule) {
                continue;
            }
            match fault.how {
                How::Text { alone: true, .. } if wanted > 1 => continue,
                How::Text { edit, .. } => text_edits.push(edit),
                How::Members(edit) => {
                    if !edit(&mut members, rng) {
                        continue;
                    }
                }
            }
            applied.push(fault);
        }
        let mut text = Json::Obj(members).to_text(rng.chance(50));
        for edit in text_edits {
            text = edit(text, rng);
        }
        let report = validator.validate_str(&text);
        let found: Vec<RuleId> = report.diagnostics.iter().map(|d| d.rule()).collect();
        if !applied.is_empty() && applied.iter().all(|f| found.contains(&f.rule)) {
            return Case {
                text,
                faults: applied.iter().map(|f| f.rule).collect(),
                schema_blind: applied.iter().any(|f| f.schema_blind),
            };
        }
    }
    panic!("the corpus generator could not build a faulty request in 100 attempts");
}

fn valid_case(rng: &mut Rng, validator: &Validator) -> Case {
    for _attempt in 0..100 {
        let text = Json::Obj(valid_request(rng)).to_text(rng.chance(50));
        if validator.validate_str(&text).is_clean() {
            return Case {
                text,
                faults: Vec::new(),
                schema_blind: false,
            };
        }
    }
    panic!("the corpus generator could not build a valid request in 100 attempts");
}

/// The corpus: `count` requests, `valid_percent` of them valid, from `seed`.
pub fn generate(seed: u64, count: usize, valid_percent: u64) -> Vec<Case> {
    let mut rng = Rng::new(seed);
    let validator = validator();
    (0..count)
        .map(|_| {
            if rng.chance(valid_percent) {
                valid_case(&mut rng, &validator)
            } else {
                faulty_case(&mut rng, &validator)
            }
        })
        .collect()
}

/// A realistic, unique API name for entry `i` of a long list.
fn numbered_api_name(i: usize) -> String {
    const VERBS: &[&str] = &["Put", "Get", "Delete", "Describe", "Modify", "Create"];
    const NOUNS: &[&str] = &[
        "BucketPolicy",
        "ObjectAcl",
        "BucketLifecycle",
        "BucketReplication",
        "ObjectTagging",
    ];
    format!(
        "{}{}{i:06}",
        VERBS[i % VERBS.len()],
        NOUNS[(i / VERBS.len()) % NOUNS.len()]
    )
}

fn request_with(event_names: Vec<Json>, extra: Option<(&str, Json)>, product: &str) -> Json {
    let mut members = vec![
        ("Name".to_owned(), Json::str("audit-trail")),
        ("ActionType".to_owned(), Json::str("Write")),
        ("ResourceType".to_owned(), Json::str(product)),
        ("Status".to_owned(), Json::int(1)),
        ("EventNames".to_owned(), Json::Arr(event_names)),
        (
            "Storage".to_owned(),
            Json::Obj(vec![
                ("StorageType".to_owned(), Json::str("cos")),
                ("StorageRegion".to_owned(), Json::str("ap-guangzhou")),
                ("StorageName".to_owned(), Json::str("audit-cos")),
                ("StoragePrefix".to_owned(), Json::str("cloudaudit")),
            ]),
        ),
    ];
    if let Some((key, value)) = extra {
        members.push((key.to_owned(), value));
    }
    Json::Obj(members)
}

/// A cos request listing `count` distinct API names (one `event-names-cap` error).
pub fn event_names_request(count: usize) -> String {
    let names = (0..count)
        .map(|i| Json::Str(numbered_api_name(i)))
        .collect();
    request_with(names, None, "cos").to_text(true)
}

/// A request of about `bytes` bytes: a valid request plus an unknown `Tags` parameter holding
/// many small objects, which a validator must parse but need not keep.
pub fn large_request(bytes: usize) -> String {
    let tag = |i: usize| {
        Json::Obj(vec![
            ("TagKey".to_owned(), Json::Str(format!("team-{i:07}"))),
            (
                "TagValue".to_owned(),
                Json::Str(format!("cost-center-{:05}", i % 50_000)),
            ),
        ])
    };
    let per_tag = tag(0).to_text(false).len() + 2;
    let tags = (0..bytes / per_tag).map(tag).collect();
    request_with(vec![Json::str("*")], Some(("Tags", Json::Arr(tags))), "cvm").to_text(false)
}

/// A request whose `Name` is `bytes` characters long (one `name-length` error).
pub fn long_name_request(bytes: usize) -> String {
    let mut request = request_with(vec![Json::str("*")], None, "cvm");
    if let Json::Obj(members) = &mut request {
        set(members, "Name", Json::Str("a".repeat(bytes)));
    }
    request.to_text(true)
}

/// The crate's catalogue, read from its file so that the corpus is the same with or without
/// the `catalog` feature.
fn catalog() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| {
        Catalog::parse(include_str!("../../src/catalog/catalog.tsv")).unwrap_or_default()
    })
}

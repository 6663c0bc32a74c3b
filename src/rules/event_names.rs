//! `EventNames`: the API names whose events are tracked, given the `ResourceType`.
//!
//! **What it checks.**
//! - `ResourceType` `*` (all products) requires `EventNames` to be exactly `["*"]` (error).
//! - For one product, `["*"]` means all its APIs; `*` mixed with names is redundant (warning).
//! - For cos and cls at most 10 API names (error, `LimitExceeded`); for every other product
//!   the same cap draws a warning, because the Chinese reference caps every product and the
//!   English one only cos and cls. Both caps come from the [`Profile`].
//! - An empty list, a repeated name (warnings) and entries that cannot be API names: API names
//!   are ASCII letters, digits and underscores (not always PascalCase: `createTopic` and
//!   `SMS_AddDumpLogTask` exist), so no case pattern is enforced.
//!
//! ```
//! use cloudaudit_lint::rules::event_names::check_event_names;
//! use cloudaudit_lint::{Profile, RuleId};
//! let profile = Profile::default();
//! assert!(check_event_names("cloudaudit", &["LookUpEvents", "DeleteAudit"], &profile).is_empty());
//! let found = check_event_names("*", &["LookUpEvents"], &profile);
//! assert_eq!(found[0].0, None); // about the list, not one entry
//! assert_eq!(found[0].1.rule(), RuleId::EventNamesWildcard);
//! ```

use super::{report, reported};
use std::hash::{BuildHasher, RandomState};

use hashbrown::hash_table::{Entry, HashTable};

use super::catalog::Listed;
use super::text::{clean, written_index};
use crate::catalog::Catalog;
use crate::{Param, Profile, RuleId, Violation, facts};

/// A violation of `EventNames` and where it is: `None` for the list, `Some(i)` for entry `i`.
pub type EntryViolation = (Option<usize>, Violation);

/// Checks one entry of `EventNames`: hygiene, then that it is `*` or can be an API name.
///
/// ```
/// use cloudaudit_lint::rules::event_names::check_event_name;
/// assert!(check_event_name("SMS_AddDumpLogTask").is_empty());
/// assert!(!check_event_name("Look Up").is_empty());
/// ```
pub fn check_event_name(name: &str) -> Vec<Violation> {
    // The common case, read once: an API name's characters are printable ASCII, so there is
    // nothing for the hygiene rules to find either.
    if !name.is_empty() && facts::API_NAME_CHARS.holds(name) {
        return Vec::new();
    }
    let cleaned = clean(Param::EventNames, name);
    let mut violations = cleaned.violations;
    let value = &*cleaned.value;
    if value == facts::WILDCARD {
        return violations;
    }
    let outside = facts::API_NAME_CHARS.first_outside(value);
    if value.is_empty() || outside.is_some() {
        report(&mut violations, || Violation::EventNameFormat {
            name: name.to_owned(),
            character: outside.map(|(index, c)| (c, written_index(name, cleaned.offset, index))),
        });
    }
    violations
}

/// Checks the whole `EventNames` list for `resource_type`.
pub fn check_event_names(
    resource_type: &str,
    names: &[&str],
    profile: &Profile,
) -> Vec<EntryViolation> {
    let entries: Vec<Option<&str>> = names.iter().copied().map(Some).collect();
    check_entries(Some(resource_type), entries.as_slice(), profile)
}

/// The entries of an `EventNames` list, by index: `None` for an entry of another JSON type.
pub(crate) trait Entries {
    fn count(&self) -> usize;
    fn name(&self, index: usize) -> Option<&str>;
}

impl Entries for [Option<&str>] {
    fn count(&self) -> usize {
        self.len()
    }

    fn name(&self, index: usize) -> Option<&str> {
        self.get(index).copied().flatten()
    }
}

/// Where the list rules put what they find. A finding is built only once the sink has
/// admitted its rule: one it refuses (past the report's limit, say) it counts itself.
pub(crate) trait EntrySink {
    /// Whether a finding of `rule` is wanted; when not, it is not built.
    fn admit(&mut self, rule: RuleId) -> bool;
    /// A finding admitted: about the list (`None`) or entry `index`.
    fn push(&mut self, index: Option<usize>, violation: Violation);
}

/// Every finding, in order.
#[derive(Default)]
pub(crate) struct Collect(pub Vec<EntryViolation>);

impl EntrySink for Collect {
    fn admit(&mut self, _rule: RuleId) -> bool {
        true
    }

    fn push(&mut self, index: Option<usize>, violation: Violation) {
        self.0.push((index, violation));
    }
}

/// The list rules over entries that may not all be strings (`None` for an entry of another
/// JSON type, already reported as a type error). `resource_type` is `None` when it is absent
/// or not a string, which leaves out the rules that depend on it.
pub(crate) fn check_entries<E: Entries + ?Sized>(
    resource_type: Option<&str>,
    entries: &E,
    profile: &Profile,
) -> Vec<EntryViolation> {
    let mut found = Collect::default();
    visit_entries(resource_type, entries, profile, None, &mut found);
    found.0
}

/// The list rules, then each entry's (its own, a repeat, and with a `catalog`, whether it is
/// listed for the product), in entry order, into `sink`. Nothing is stored per entry but an
/// index table for the repeats of a long list.
pub(crate) fn visit_entries<E: Entries + ?Sized>(
    resource_type: Option<&str>,
    entries: &E,
    profile: &Profile,
    catalog: Option<&Catalog>,
    sink: &mut impl EntrySink,
) {
    for violation in list_rules(resource_type, entries, profile) {
        if sink.admit(violation.rule()) {
            sink.push(None, violation);
        }
    }
    let mut listed = match (catalog, resource_type) {
        (Some(catalog), Some(resource_type)) => Listed::new(resource_type, catalog),
        _ => None,
    };
    let mut first_seen = FirstSeen::new(entries.count());
    for index in 0..entries.count() {
        let Some(name) = entries.name(index) else {
            continue;
        };
        for violation in check_event_name(name) {
            if sink.admit(violation.rule()) {
                sink.push(Some(index), violation);
            }
        }
        if let Some(first_index) = first_seen.insert(entries, name, index)
            && sink.admit(RuleId::EventNamesDuplicate)
        {
            let violation = Violation::EventNamesDuplicate {
                name: name.to_owned(),
                first_index,
            };
            sink.push(Some(index), violation);
        }
        if let Some(listed) = &mut listed
            && let Some(violation) = listed.check(name, |rule| sink.admit(rule))
        {
            sink.push(Some(index), violation);
        }
    }
}

fn list_rules<E: Entries + ?Sized>(
    resource_type: Option<&str>,
    entries: &E,
    profile: &Profile,
) -> Vec<Violation> {
    let product = resource_type.map(|r| clean(Param::ResourceType, r).value);
    let count = entries.count();
    let wildcards = (0..count)
        .filter(|&i| entries.name(i) == Some(facts::WILDCARD))
        .count();
    let names = count - wildcards;
    match product.as_deref() {
        Some(facts::WILDCARD) => {
            if !(count == 1 && wildcards == 1) {
                return reported(|| Violation::EventNamesWildcard {
                    count,
                    has_wildcard: wildcards > 0,
                });
            }
            Vec::new()
        }
        _ if count == 0 => reported(|| Violation::EventNamesEmpty),
        product => {
            let mut violations = Vec::new();
            if wildcards > 0 && names > 0 {
                report(&mut violations, || Violation::EventNamesMixedWildcard {
                    names,
                });
            }
            if let Some(product) = product.filter(|p| !p.is_empty()) {
                let (cap, hard) = profile.event_names_cap_for(product);
                if names > cap {
                    report(&mut violations, || Violation::EventNamesCap {
                        count: names,
                        cap,
                        product: product.to_owned(),
                        hard,
                    });
                }
            }
            violations
        }
    }
}

/// Index of each name's first occurrence: the short lists forms send on every keystroke are
/// searched in place, without allocating; long ones get a table of entry indexes (4 bytes a
/// slot, at most half full), whose names are read from the list itself.
enum FirstSeen {
    Few,
    Many(IndexTable),
}

impl FirstSeen {
    const LINEAR_LIMIT: usize = 32;

    fn new(count: usize) -> Self {
        if count <= Self::LINEAR_LIMIT {
            return Self::Few;
        }
        IndexTable::new(count).map_or(Self::Few, Self::Many)
    }

    /// Records `name` at `index` (entries are recorded in order); returns the index of its
    /// first occurrence if it occurred before.
    fn insert<E: Entries + ?Sized>(
        &mut self,
        entries: &E,
        name: &str,
        index: usize,
    ) -> Option<usize> {
        match self {
            Self::Few => (0..index).find(|&i| entries.name(i) == Some(name)),
            Self::Many(table) => table.insert(entries, name, index),
        }
    }
}

/// The entries seen, as their indexes (4 bytes each, not the names), in a hash table keyed by
/// the names they stand for, with the standard library's randomly keyed hash (a list written
/// to collide gains nothing).
struct IndexTable {
    seen: HashTable<u32>,
    hasher: RandomState,
}

impl IndexTable {
    /// A table for `count` entries; `None` when their indexes do not fit in 4 bytes (a list
    /// of four billion entries, searched in place instead).
    fn new(count: usize) -> Option<Self> {
        u32::try_from(count).ok()?;
        Some(Self {
            seen: HashTable::with_capacity(count),
            hasher: RandomState::new(),
        })
    }

    fn insert<E: Entries + ?Sized>(
        &mut self,
        entries: &E,
        name: &str,
        index: usize,
    ) -> Option<usize> {
        let Self { seen, hasher } = self;
        let index = u32::try_from(index).ok()?;
        let name_of = |i: &u32| usize::try_from(*i).ok().and_then(|i| entries.name(i));
        match seen.entry(
            hasher.hash_one(name),
            |i| name_of(i) == Some(name),
            |i| hasher.hash_one(name_of(i).unwrap_or_default()),
        ) {
            Entry::Occupied(first) => usize::try_from(*first.get()).ok(),
            Entry::Vacant(slot) => {
                slot.insert(index);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(resource_type: &str, names: &[&str]) -> Vec<(Option<usize>, RuleId)> {
        check_event_names(resource_type, names, &Profile::default())
            .into_iter()
            .map(|(at, v)| (at, v.rule()))
            .collect()
    }

    fn numbered(count: usize) -> Vec<String> {
        (0..count).map(|i| format!("Api{i}")).collect()
    }

    /// `check_event_name` answers a name of API-name characters without the hygiene rules:
    /// none of those characters is one they flag, alone or between others.
    #[test]
    fn api_name_characters_are_clean() {
        for byte in (0..=u8::MAX).filter(|&b| facts::API_NAME_CHARS.contains_byte(b)) {
            let c = char::from(byte);
            for text in [c.to_string(), format!("A{c}A")] {
                assert!(
                    clean(Param::EventNames, &text).violations.is_empty(),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn wildcard_product_requires_exactly_one_wildcard() {
        assert_eq!(rules("*", &["*"]), []);
        for names in [
            &[][..],
            &["LookUpEvents"],
            &["*", "*"],
            &["*", "LookUpEvents"],
        ] {
            assert_eq!(
                rules("*", names).first(),
                Some(&(None, RuleId::EventNamesWildcard)),
                "{names:?}"
            );
        }
    }

    #[test]
    fn cap_boundaries_for_cos_and_cls_are_errors() {
        for product in ["cos", "cls"] {
            let ten = numbered(10);
            let ten: Vec<&str> = ten.iter().map(String::as_str).collect();
            assert_eq!(rules(product, &ten), [], "{product} 10");
            let eleven = numbered(11);
            let eleven: Vec<&str> = eleven.iter().map(String::as_str).collect();
            assert_eq!(
                rules(product, &eleven),
                [(None, RuleId::EventNamesCap)],
                "{product} 11"
            );
        }
    }

    #[test]
    fn cap_for_other_products_is_a_warning_and_configurable() {
        let eleven = numbered(11);
        let eleven: Vec<&str> = eleven.iter().map(String::as_str).collect();
        assert_eq!(rules("cvm", &eleven), [(None, RuleId::EventNamesCapOther)]);
        let profile = Profile {
            event_names_cap_other: 20,
            ..Profile::default()
        };
        assert!(check_event_names("cvm", &eleven, &profile).is_empty());
    }

    #[test]
    fn the_wildcard_does_not_count_towards_the_cap() {
        let ten = numbered(10);
        let mut names: Vec<&str> = ten.iter().map(String::as_str).collect();
        names.push("*");
        assert_eq!(
            rules("cos", &names),
            [(None, RuleId::EventNamesMixedWildcard)]
        );
    }

    #[test]
    fn lints_table() {
        assert_eq!(rules("cvm", &[]), [(None, RuleId::EventNamesEmpty)]);
        assert_eq!(rules("cvm", &["*"]), []);
        assert_eq!(
            rules("cvm", &["*", "RunInstances"]),
            [(None, RuleId::EventNamesMixedWildcard)]
        );
        assert_eq!(
            rules("cvm", &["RunInstances", "StopInstances", "RunInstances"]),
            [(Some(2), RuleId::EventNamesDuplicate)]
        );
        assert_eq!(
            rules("cvm", &["Run Instances", "", "createTopic"]),
            [
                (Some(0), RuleId::EventNameFormat),
                (Some(1), RuleId::EventNameFormat)
            ]
        );
        assert_eq!(
            rules("cvm", &["RunInstances "]),
            [(Some(0), RuleId::SurroundingWhitespace)]
        );
    }

    #[test]
    fn a_duplicate_names_its_first_occurrence() {
        let found = check_event_names("cvm", &["A", "B", "A", "A"], &Profile::default());
        let firsts: Vec<_> = found
            .iter()
            .filter_map(|(at, v)| match v {
                Violation::EventNamesDuplicate { first_index, .. } => Some((*at, *first_index)),
                _ => None,
            })
            .collect();
        assert_eq!(firsts, [(Some(2), 0), (Some(3), 0)]);
    }

    proptest::proptest! {
        /// Short lists (searched in place) and long ones (the index table) name the same first
        /// occurrence as a search from the start.
        #[test]
        fn each_repeat_names_its_first_occurrence(picks in proptest::collection::vec(0usize..40, 0..120)) {
            let names: Vec<String> = picks.iter().map(|i| format!("Api{i}")).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let found: Vec<(Option<usize>, usize)> = check_event_names("cvm", &names, &Profile::default())
                .iter()
                .filter_map(|(at, v)| match v {
                    Violation::EventNamesDuplicate { first_index, .. } => Some((*at, *first_index)),
                    _ => None,
                })
                .collect();
            let expected: Vec<(Option<usize>, usize)> = names
                .iter()
                .enumerate()
                .filter_map(|(at, name)| {
                    let first = names.iter().position(|n| n == name)?;
                    (first < at).then_some((Some(at), first))
                })
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn duplicates_are_found_in_long_lists_too() {
        let mut names = numbered(100);
        names.push("Api7".into());
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let found = check_event_names("cvm", &names, &Profile::default());
        assert!(found.contains(&(
            Some(100),
            Violation::EventNamesDuplicate {
                name: "Api7".into(),
                first_index: 7
            }
        )));
    }
}

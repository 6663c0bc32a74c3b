//! `Storage`: where the tracking set ships its logs.
//!
//! **What it checks.**
//! - `StorageType` is one of the profile's storage types (`cos`, `cls`).
//! - `StorageRegion` is shaped like a region code; one COS does not publish is a warning
//!   (`CosRegionError` is only known at run time).
//! - For COS, `StorageName` is the bucket name **without** its `-APPID` suffix: at most 50
//!   lowercase letters, digits and hyphens, not starting or ending with a hyphen; a name that
//!   still ends in `-` and ten digits draws a warning with the bare name. `StoragePrefix` is 3
//!   to 40 ASCII letters and digits. COS also caps the whole host
//!   `<bucket>-<APPID>.cos.<region>.myqcloud.com` at 60 characters (a warning).
//! - For CLS, `StorageName` is a log topic ID of 1 to 50 characters; an empty prefix warns.
//! - The Chinese edition's optional fields: `StorageAccountId` and `StorageAppId` are digit
//!   strings (warning), `Compress` is 1 or 2.
//!
//! ```
//! use cloudaudit_lint::rules::storage::{check_storage, StorageFields};
//! use cloudaudit_lint::{Param, Profile, RuleId};
//! let storage = StorageFields {
//!     storage_type: Some("cos"),
//!     region: Some("ap-guangzhou"),
//!     name: Some("audit-cos-1250000000"),
//!     prefix: Some("test"),
//!     ..StorageFields::default()
//! };
//! let found = check_storage(&storage, &Profile::default());
//! assert_eq!(found[0].0, Param::StorageName);
//! assert_eq!(found[0].1.rule(), RuleId::StorageNameAppId);
//! ```

use super::suggest::closest;
use super::text::{clean, written_index};
use super::{report, reported};
use crate::violation::{BucketNameFault, PrefixFault};
use crate::{Param, Profile, Violation, facts};

/// The `Storage` fields as plain values; `None` for a field that is absent (or, in
/// whole-request validation, not of its JSON type, which is reported separately).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StorageFields<'a> {
    /// `StorageType`.
    pub storage_type: Option<&'a str>,
    /// `StorageRegion`.
    pub region: Option<&'a str>,
    /// `StorageName`.
    pub name: Option<&'a str>,
    /// `StoragePrefix`.
    pub prefix: Option<&'a str>,
    /// `StorageAccountId`.
    pub account_id: Option<&'a str>,
    /// `StorageAppId`.
    pub app_id: Option<&'a str>,
    /// `Compress`.
    pub compress: Option<i64>,
}

impl<'a> StorageFields<'a> {
    /// The slot of the string field `param`; `None` for `Compress` (an integer) and for a
    /// parameter that is not a field of `Storage`.
    pub fn text_mut(&mut self, param: Param) -> Option<&mut Option<&'a str>> {
        Some(match param {
            Param::StorageType => &mut self.storage_type,
            Param::StorageRegion => &mut self.region,
            Param::StorageName => &mut self.name,
            Param::StoragePrefix => &mut self.prefix,
            Param::StorageAccountId => &mut self.account_id,
            Param::StorageAppId => &mut self.app_id,
            Param::Compress
            | Param::Action
            | Param::Version
            | Param::Region
            | Param::Name
            | Param::ActionType
            | Param::ResourceType
            | Param::Status
            | Param::EventNames
            | Param::Storage
            | Param::TrackForAllMembers
            | Param::ExportId
            | Param::TrackId
            | Param::PageNumber
            | Param::PageSize
            | Param::Filters
            | Param::ResourceFields => return None,
        })
    }

    /// The value of the string field `param`, as [`StorageFields::text_mut`] finds it.
    ///
    /// ```
    /// use cloudaudit_lint::rules::storage::StorageFields;
    /// use cloudaudit_lint::Param;
    /// let mut fields = StorageFields::default();
    /// *fields.text_mut(Param::StoragePrefix).unwrap() = Some("audit");
    /// assert_eq!(fields.prefix, Some("audit"));
    /// assert_eq!(fields.text(Param::StoragePrefix), Some(Some("audit")));
    /// assert_eq!(fields.text(Param::Compress), None);
    /// ```
    pub fn text(&self, param: Param) -> Option<Option<&'a str>> {
        let mut copy = *self;
        copy.text_mut(param).map(|slot| *slot)
    }
}

/// A violation in `Storage`, with the field it is about.
pub type FieldViolation = (Param, Violation);

/// Checks every present field of `Storage`, and the rules that join them.
pub fn check_storage(storage: &StorageFields<'_>, profile: &Profile) -> Vec<FieldViolation> {
    let mut found = Vec::new();
    let mut add = |field: Param, violations: Vec<Violation>| {
        // Most fields find nothing: no extending by an empty list.
        if !violations.is_empty() {
            found.extend(violations.into_iter().map(|v| (field, v)));
        }
    };
    let storage_type = storage
        .storage_type
        .map(|t| clean(Param::StorageType, t).value);
    if let Some(value) = storage.storage_type {
        add(Param::StorageType, check_storage_type(value, profile));
    }
    if let Some(region) = storage.region {
        add(Param::StorageRegion, check_storage_region(region, profile));
    }
    if let Some(name) = storage.name {
        add(
            Param::StorageName,
            check_storage_name(storage_type.as_deref(), name),
        );
    }
    if let Some(prefix) = storage.prefix {
        add(
            Param::StoragePrefix,
            check_storage_prefix(storage_type.as_deref(), prefix),
        );
    }
    if let Some(id) = storage.account_id {
        add(
            Param::StorageAccountId,
            check_storage_id(Param::StorageAccountId, id),
        );
    }
    if let Some(id) = storage.app_id {
        add(
            Param::StorageAppId,
            check_storage_id(Param::StorageAppId, id),
        );
    }
    if let Some(compress) = storage.compress {
        add(Param::Compress, check_compress(compress));
    }
    if storage_type.as_deref() == Some(facts::STORAGE_COS)
        && let (Some(name), Some(region)) = (storage.name, storage.region)
    {
        add(Param::StorageName, check_cos_host_length(name, region));
    }
    found
}

/// Checks `StorageType`.
pub fn check_storage_type(value: &str, profile: &Profile) -> Vec<Violation> {
    let cleaned = clean(Param::StorageType, value);
    let mut violations = cleaned.violations;
    if !profile.is_storage_type(&cleaned.value) {
        report(&mut violations, || Violation::StorageTypeValue {
            value: value.to_owned(),
            suggestion: closest(
                &cleaned.value,
                profile.storage_types.iter().map(String::as_str),
            )
            .map(str::to_owned),
            accepted: profile.storage_types.clone(),
        });
    }
    violations
}

/// Checks `StorageRegion`: a region code's shape, then whether COS publishes it.
pub fn check_storage_region(value: &str, profile: &Profile) -> Vec<Violation> {
    let cleaned = clean(Param::StorageRegion, value);
    let mut violations = cleaned.violations;
    let region = &*cleaned.value;
    if !is_region_code(region) {
        report(&mut violations, || Violation::StorageRegionFormat {
            value: value.to_owned(),
        });
    } else if !profile.is_known_storage_region(region) {
        report(&mut violations, || Violation::StorageRegionUnknown {
            value: value.to_owned(),
            suggestion: closest(region, profile.storage_regions.iter().map(String::as_str))
                .map(str::to_owned),
        });
    }
    violations
}

/// Whether `region` looks like a region code: [`facts::is_region_code`].
fn is_region_code(region: &str) -> bool {
    facts::is_region_code(region)
}

/// Checks `StorageName` for the storage type (`None` when it is unknown: hygiene only).
pub fn check_storage_name(storage_type: Option<&str>, name: &str) -> Vec<Violation> {
    let cleaned = clean(Param::StorageName, name);
    let mut violations = cleaned.violations;
    match storage_type {
        Some(facts::STORAGE_COS) => {
            let written_index = |index| written_index(name, cleaned.offset, index);
            violations.extend(bucket_name_faults(
                &cleaned.value,
                name.trim(),
                written_index,
            ));
        }
        Some(facts::STORAGE_CLS) => {
            let length = cleaned.value.chars().count();
            if !facts::CLS_TOPIC_LENGTH.contains(&length) {
                report(&mut violations, || Violation::ClsTopicLength {
                    length,
                    min: *facts::CLS_TOPIC_LENGTH.start(),
                    max: *facts::CLS_TOPIC_LENGTH.end(),
                });
            }
        }
        _ => {}
    }
    violations
}

/// Splits `bucket-1250000000` into the bucket and the APPID digits.
fn split_app_id(name: &str) -> Option<(&str, &str)> {
    // The hyphen is ASCII: a byte search finds it, and splits at a character's boundary.
    let hyphen = name.bytes().rposition(|b| b == b'-')?;
    let (bucket, digits) = (name.get(..hyphen)?, name.get(hyphen + 1..)?);
    let is_app_id = facts::APPID_DIGITS.contains(&digits.len())
        && facts::DIGITS.holds(digits)
        && !bucket.is_empty();
    is_app_id.then_some((bucket, digits))
}

/// The faults of `name`, a cleaned value; `written` is the value as written, trimmed, and
/// `written_index` maps a character index of `name` to the value as written.
///
/// The `-APPID` finding's bucket is `written` less the suffix when it ends with the same one:
/// its fix then removes the suffix and nothing else (a look-alike or an invisible character
/// in the bucket stays, for its own rule and a person).
fn bucket_name_faults(
    name: &str,
    written: &str,
    written_index: impl Fn(usize) -> usize,
) -> Vec<Violation> {
    let mut faults = Vec::new();
    let bucket = match split_app_id(name) {
        Some((bucket, app_id)) => {
            let as_written = written
                .strip_suffix(app_id)
                .and_then(|rest| rest.strip_suffix('-'))
                .filter(|rest| !rest.is_empty());
            report(&mut faults, || Violation::BucketNameAppId {
                bucket: as_written.unwrap_or(bucket).to_owned(),
                app_id: app_id.to_owned(),
                exact: as_written.is_some(),
            });
            bucket
        }
        None => name,
    };
    let length = bucket.chars().count();
    if length == 0 {
        report(&mut faults, || {
            Violation::BucketName(BucketNameFault::Empty)
        });
        return faults;
    }
    if length > facts::COS_BUCKET_NAME_MAX {
        report(&mut faults, || {
            Violation::BucketName(BucketNameFault::TooLong {
                length,
                max: facts::COS_BUCKET_NAME_MAX,
            })
        });
    }
    if let Some((index, character)) = facts::COS_BUCKET_CHARS.first_outside(bucket) {
        report(&mut faults, || {
            Violation::BucketName(BucketNameFault::Charset {
                character,
                index: written_index(index),
            })
        });
    }
    if bucket.starts_with('-') || bucket.ends_with('-') {
        report(&mut faults, || {
            Violation::BucketName(BucketNameFault::EdgeHyphen)
        });
    }
    faults
}

/// Warns when `<bucket>-<APPID>.cos.<region>.myqcloud.com` would exceed COS's host limit,
/// assuming a ten-digit APPID. Only for names and regions that are otherwise well formed.
fn check_cos_host_length(name: &str, region: &str) -> Vec<Violation> {
    let name = clean(Param::StorageName, name).value;
    let region = clean(Param::StorageRegion, region).value;
    let bucket = split_app_id(&name).map_or(&*name, |(bucket, _)| bucket);
    let app_id = 1 + facts::APPID_DIGITS.end();
    let length = bucket.len() + app_id + ".cos.".len() + region.len() + ".myqcloud.com".len();
    // The length first: most hosts are short, and then the name's and the region's own
    // rules need not be asked whether they are well formed.
    if length <= facts::COS_HOST_MAX
        || bucket_name_faults(bucket, bucket, |index| index)
            .iter()
            .any(|v| matches!(v, Violation::BucketName(_)))
        || !is_region_code(&region)
    {
        return Vec::new();
    }
    reported(|| Violation::CosHostLength {
        length,
        max: facts::COS_HOST_MAX,
    })
}

/// Checks `StoragePrefix` for the storage type (`None` when it is unknown: hygiene only).
pub fn check_storage_prefix(storage_type: Option<&str>, prefix: &str) -> Vec<Violation> {
    let cleaned = clean(Param::StoragePrefix, prefix);
    let mut violations = cleaned.violations;
    let value = &*cleaned.value;
    match storage_type {
        Some(facts::STORAGE_COS) => {
            let length = value.chars().count();
            if !facts::COS_PREFIX_LENGTH.contains(&length) {
                report(&mut violations, || {
                    Violation::CosPrefix(PrefixFault::Length {
                        length,
                        min: *facts::COS_PREFIX_LENGTH.start(),
                        max: *facts::COS_PREFIX_LENGTH.end(),
                    })
                });
            }
            if let Some((index, character)) = facts::COS_PREFIX_CHARS.first_outside(value) {
                report(&mut violations, || {
                    Violation::CosPrefix(PrefixFault::Charset {
                        character,
                        index: written_index(prefix, cleaned.offset, index),
                    })
                });
            }
        }
        _ if value.is_empty() && violations.is_empty() => {
            report(&mut violations, || Violation::StoragePrefixEmpty);
        }
        _ => {}
    }
    violations
}

/// Checks `StorageAccountId` or `StorageAppId`: a non-empty string of digits.
pub fn check_storage_id(field: Param, value: &str) -> Vec<Violation> {
    let cleaned = clean(field, value);
    let mut violations = cleaned.violations;
    if cleaned.value.is_empty() || !facts::DIGITS.holds(&cleaned.value) {
        report(&mut violations, || Violation::StorageIdFormat {
            field,
            value: value.to_owned(),
        });
    }
    violations
}

/// Checks `Compress`.
pub fn check_compress(value: i64) -> Vec<Violation> {
    if facts::COMPRESS_VALUES.contains(&value) {
        Vec::new()
    } else {
        reported(|| Violation::CompressValue {
            value: value.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleId;
    use crate::violation::Fix;

    fn rules(violations: Vec<Violation>) -> Vec<RuleId> {
        violations.iter().map(Violation::rule).collect()
    }

    #[test]
    fn storage_types() {
        let profile = Profile::default();
        assert!(check_storage_type("cos", &profile).is_empty());
        assert!(check_storage_type("cls", &profile).is_empty());
        assert_eq!(
            rules(check_storage_type("ckafka", &profile)),
            [RuleId::StorageTypeValue]
        );
        let found = check_storage_type("COS", &profile);
        assert_eq!(found[0].fix(), Some(Fix::Replace("cos".into())));
    }

    #[test]
    fn storage_regions() {
        let profile = Profile::default();
        for region in facts::KNOWN_STORAGE_REGIONS {
            assert!(
                check_storage_region(region, &profile).is_empty(),
                "{region}"
            );
        }
        for (region, expected) in [
            ("ap-mars", RuleId::StorageRegionUnknown),
            ("guangzhou", RuleId::StorageRegionFormat),
            ("AP-GUANGZHOU", RuleId::StorageRegionFormat),
            ("ap-", RuleId::StorageRegionFormat),
            ("-ap", RuleId::StorageRegionFormat),
            ("", RuleId::StorageRegionFormat),
        ] {
            assert_eq!(
                rules(check_storage_region(region, &profile)),
                [expected],
                "{region}"
            );
        }
    }

    #[test]
    fn cos_bucket_names() {
        let cos = Some("cos");
        for (name, expected) in [
            ("audit-cos", &[][..]),
            ("a", &[]),
            (&"a".repeat(50), &[]),
            (&"a".repeat(51), &[RuleId::StorageNameCos]),
            ("", &[RuleId::StorageNameCos]),
            ("Audit", &[RuleId::StorageNameCos]),
            ("audit_cos", &[RuleId::StorageNameCos]),
            ("-audit", &[RuleId::StorageNameCos]),
            ("audit-", &[RuleId::StorageNameCos]),
            ("audit-1250000000", &[RuleId::StorageNameAppId]),
            ("audit-125000000", &[]),
            (
                "Audit-1250000000",
                &[RuleId::StorageNameAppId, RuleId::StorageNameCos],
            ),
        ] {
            assert_eq!(rules(check_storage_name(cos, name)), expected, "{name}");
        }
        assert_eq!(
            check_storage_name(cos, "audit-1250000000")[0].fix(),
            Some(Fix::Replace("audit".into()))
        );
    }

    #[test]
    fn cls_topic_ids() {
        let cls = Some("cls");
        assert!(check_storage_name(cls, "a").is_empty());
        assert!(check_storage_name(cls, &"a".repeat(50)).is_empty());
        assert_eq!(rules(check_storage_name(cls, "")), [RuleId::StorageNameCls]);
        assert_eq!(
            rules(check_storage_name(cls, &"a".repeat(51))),
            [RuleId::StorageNameCls]
        );
        // Upper case and underscores are fine for CLS.
        assert!(check_storage_name(cls, "Topic_ID").is_empty());
    }

    #[test]
    fn prefixes() {
        let cos = Some("cos");
        for (prefix, ok) in [
            ("abc", true),
            ("ab", false),
            (&*"a".repeat(40), true),
            (&*"a".repeat(41), false),
            ("a-b", false),
            ("Logs2024", true),
        ] {
            assert_eq!(check_storage_prefix(cos, prefix).is_empty(), ok, "{prefix}");
        }
        assert!(check_storage_prefix(Some("cls"), "any/prefix-ok").is_empty());
        assert_eq!(
            rules(check_storage_prefix(Some("cls"), "")),
            [RuleId::StoragePrefixEmpty]
        );
    }

    #[test]
    fn optional_fields() {
        assert!(check_storage_id(Param::StorageAppId, "1250000000").is_empty());
        assert_eq!(
            rules(check_storage_id(Param::StorageAppId, "12a")),
            [RuleId::StorageIdFormat]
        );
        assert_eq!(
            rules(check_storage_id(Param::StorageAccountId, "")),
            [RuleId::StorageIdFormat]
        );
        assert!(check_compress(1).is_empty() && check_compress(2).is_empty());
        assert_eq!(rules(check_compress(0)), [RuleId::StorageCompressValue]);
    }

    #[test]
    fn cos_host_length_is_a_cross_field_warning() {
        let storage = |name| StorageFields {
            storage_type: Some("cos"),
            region: Some("ap-guangzhou"),
            name: Some(name),
            prefix: Some("logs"),
            ..StorageFields::default()
        };
        // 19 + 11 + 5 + 12 + 13 = 60: at the limit.
        let (at_limit, over) = ("a".repeat(19), "a".repeat(20));
        assert!(check_storage(&storage(&at_limit), &Profile::default()).is_empty());
        let found = check_storage(&storage(&over), &Profile::default());
        assert_eq!(
            found,
            [(
                Param::StorageName,
                Violation::CosHostLength {
                    length: 61,
                    max: 60
                }
            )]
        );
    }
}

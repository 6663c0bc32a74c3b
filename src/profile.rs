//! The API facts the rules read, overridable at run time.
//!
//! A [`Profile`] starts from [`facts`] (the page's values) and can be changed
//! when Tencent changes the API before this crate is released: extra regions, other caps,
//! another storage type.
//!
//! ```
//! use cloudaudit_lint::Profile;
//! let profile = Profile::default().with_extra_regions(["ap-shanghai"]);
//! assert!(profile.is_supported_region("ap-shanghai"));
//! assert!(profile.is_supported_region("ap-guangzhou"));
//! ```

use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::facts;

/// The facts the rules check against. `Default` is the page's values.
///
/// It deserializes from camelCase JSON (or TOML) where every field is optional, so a caller
/// names only what it changes: `{"regions": ["ap-guangzhou", "ap-shanghai"], "eventNamesCap": 20}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Profile {
    /// Regions in which the API is offered (the request's `Region`).
    pub regions: Vec<String>,
    /// Storage regions known to exist; others draw a warning, not an error.
    pub storage_regions: Vec<String>,
    /// Accepted `Storage.StorageType` values.
    pub storage_types: Vec<String>,
    /// Shortest tracking-set name, in characters.
    pub name_min: usize,
    /// Longest tracking-set name, in characters.
    pub name_max: usize,
    /// The most API names `EventNames` may list for a product in `cappedProducts` (an error).
    pub event_names_cap: usize,
    /// Products capped at `eventNamesCap`.
    pub capped_products: Vec<String>,
    /// The most API names for any other specific product (a warning).
    pub event_names_cap_other: usize,
}

impl Default for Profile {
    fn default() -> Self {
        Self {
            regions: owned(facts::SUPPORTED_REGIONS),
            storage_regions: owned(facts::KNOWN_STORAGE_REGIONS),
            storage_types: owned(facts::STORAGE_TYPES),
            name_min: *facts::NAME_LENGTH.start(),
            name_max: *facts::NAME_LENGTH.end(),
            event_names_cap: facts::EVENT_NAMES_CAP,
            capped_products: owned(facts::CAPPED_PRODUCTS),
            event_names_cap_other: facts::EVENT_NAMES_CAP_OTHER,
        }
    }
}

/// A profile whose facts contradict each other, which every reader of a profile refuses
/// ([`Profile::check`]). The message names the fields by the names the reader shows:
/// [`ProfileConflict::message`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileConflict {
    /// The shortest name allowed is longer than the longest.
    #[error("nameMin ({min}) is larger than nameMax ({max})")]
    NameLength {
        /// `nameMin`.
        min: usize,
        /// `nameMax`.
        max: usize,
    },
}

/// How a reader spells the profile's fields: camelCase (JSON, JavaScript) or kebab-case (the
/// configuration file's `[api]` table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldNames {
    /// `nameMin`, as `Profile`'s serde form and the npm package name it.
    CamelCase,
    /// `"name-min"`, as `cloudaudit-lint.toml` names it.
    KebabCase,
}

impl ProfileConflict {
    /// The message with the fields spelt as `names` spells them.
    ///
    /// ```
    /// use cloudaudit_lint::profile::{FieldNames, ProfileConflict};
    /// let conflict = ProfileConflict::NameLength { min: 50, max: 3 };
    /// assert_eq!(conflict.message(FieldNames::KebabCase), r#""name-min" (50) is larger than "name-max" (3)"#);
    /// assert_eq!(conflict.to_string(), "nameMin (50) is larger than nameMax (3)");
    /// ```
    pub fn message(&self, names: FieldNames) -> String {
        match (self, names) {
            (Self::NameLength { .. }, FieldNames::CamelCase) => self.to_string(),
            (Self::NameLength { min, max }, FieldNames::KebabCase) => {
                format!("\"name-min\" ({min}) is larger than \"name-max\" ({max})")
            }
        }
    }
}

fn owned(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}

impl Profile {
    /// The profile with `regions` added to the supported API regions.
    pub fn with_extra_regions<I, S>(mut self, regions: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        for region in regions {
            let region = region.into();
            if !self.regions.contains(&region) {
                self.regions.push(region);
            }
        }
        self
    }

    /// Refuses a profile whose facts contradict each other (a shortest name longer than the
    /// longest). Every reader of a profile calls it: the configuration file's and the npm
    /// package's.
    ///
    /// ```
    /// use cloudaudit_lint::Profile;
    /// assert!(Profile::default().check().is_ok());
    /// let reversed = Profile { name_min: 50, name_max: 3, ..Profile::default() };
    /// assert!(reversed.check().is_err());
    /// ```
    pub fn check(&self) -> Result<(), ProfileConflict> {
        if self.name_min > self.name_max {
            return Err(ProfileConflict::NameLength {
                min: self.name_min,
                max: self.name_max,
            });
        }
        Ok(())
    }

    /// The allowed name length, in characters.
    pub fn name_length(&self) -> RangeInclusive<usize> {
        self.name_min..=self.name_max
    }

    /// Whether the API is offered in `region`.
    pub fn is_supported_region(&self, region: &str) -> bool {
        listed(&self.regions, region)
    }

    /// Whether `region` is a known storage region.
    pub fn is_known_storage_region(&self, region: &str) -> bool {
        listed(&self.storage_regions, region)
    }

    /// Whether `storage_type` is accepted.
    pub fn is_storage_type(&self, storage_type: &str) -> bool {
        listed(&self.storage_types, storage_type)
    }

    /// The cap on API names for `product` and whether exceeding it is a hard error
    /// (`true` for the capped products) or a warning.
    pub fn event_names_cap_for(&self, product: &str) -> (usize, bool) {
        if listed(&self.capped_products, product) {
            (self.event_names_cap, true)
        } else {
            (self.event_names_cap_other, false)
        }
    }
}

/// Whether `value` is one of `list`: compared a word at a time in place
/// ([`crate::swar::same_bytes`]), which for short codes costs less than a call to `memcmp`.
fn listed(list: &[String], value: &str) -> bool {
    list.iter()
        .any(|item| crate::swar::same_bytes(item.as_bytes(), value.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_the_pages_values() {
        let profile = Profile::default();
        assert_eq!(profile.regions.len(), facts::SUPPORTED_REGIONS.len());
        assert_eq!(profile.name_length(), facts::NAME_LENGTH);
        assert_eq!(profile.event_names_cap_for("cos"), (10, true));
        assert_eq!(profile.event_names_cap_for("cvm"), (10, false));
    }

    #[test]
    fn deserializes_partial_overrides_and_refuses_unknown_keys() {
        let profile: Profile = serde_json::from_str(
            r#"{"eventNamesCap": 20, "storageTypes": ["cos", "cls", "ckafka"]}"#,
        )
        .unwrap();
        assert_eq!(profile.event_names_cap, 20);
        assert!(profile.is_storage_type("ckafka"));
        assert_eq!(profile.regions, Profile::default().regions);
        assert!(serde_json::from_str::<Profile>(r#"{"eventNameCap": 20}"#).is_err());
    }

    #[test]
    fn check_refuses_a_reversed_name_length_in_either_spelling() {
        let reversed = Profile {
            name_min: 50,
            name_max: 3,
            ..Profile::default()
        };
        let conflict = reversed.check().unwrap_err();
        assert_eq!(conflict, ProfileConflict::NameLength { min: 50, max: 3 });
        assert_eq!(
            conflict.message(FieldNames::CamelCase),
            "nameMin (50) is larger than nameMax (3)"
        );
        assert_eq!(
            conflict.message(FieldNames::KebabCase),
            "\"name-min\" (50) is larger than \"name-max\" (3)"
        );
        let equal = Profile {
            name_min: 5,
            name_max: 5,
            ..Profile::default()
        };
        assert_eq!(equal.check(), Ok(()));
    }

    #[test]
    fn the_configuration_reader_refuses_what_check_refuses() {
        let errors = crate::Config::from_toml("[api]\nname-min = 50\nname-max = 3\n").unwrap_err();
        let messages: Vec<&str> = errors.errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [ProfileConflict::NameLength { min: 50, max: 3 }.message(FieldNames::KebabCase)]
        );
    }

    #[test]
    fn extra_regions_are_added_once() {
        let profile = Profile::default().with_extra_regions(["ap-shanghai", "ap-guangzhou"]);
        assert_eq!(profile.regions.len(), facts::SUPPORTED_REGIONS.len() + 1);
    }
}

//! Which rules run on which parameter: one exhaustive `match` on [`Param`] per kind of value,
//! so a parameter added to [`Param`] does not compile until it is given its rules, and every
//! reader of a request (text, a `serde_json::Value`, a typed request, one form field) runs
//! the same ones.

use super::event_names::{Entries, EntrySink, visit_entries};
use super::storage::{FieldViolation, StorageFields, check_storage};
use super::{action_type, catalog, common, name, policy, resource_type, switch, text};
use super::{report, reported};
use crate::catalog::Catalog;
use crate::config::Policy;
use crate::facts::{STORAGE_PARAMS, TrackAction};
use crate::violation::{IntegerRange, integer_range};
use crate::{Param, Profile, Violation};

/// What the rules read besides the value: the facts, the team's policy, the catalogue and the
/// action being validated.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rules<'p> {
    pub profile: &'p Profile,
    pub policy: &'p Policy,
    pub catalog: Option<&'p Catalog>,
    pub action: TrackAction,
}

impl Rules<'_> {
    /// The rules of the string parameter `param` of the request (the fields of `Storage` are
    /// checked together, by [`Rules::storage`]), then the team's policy about it.
    pub fn text(&self, param: Param, value: &str) -> Vec<Violation> {
        let mut violations = match param {
            Param::Action => common::check_action(value, self.action),
            Param::Version => common::check_version(value),
            Param::Region => common::check_region(value, self.profile),
            Param::Name => {
                let mut found = name::check_name(value, self.profile);
                if self.action.modifies() {
                    report(&mut found, || Violation::ModifyName {
                        action: self.action.name(),
                        value: value.to_owned(),
                    });
                }
                found
            }
            Param::ActionType => action_type::check_action_type(value),
            Param::ResourceType => {
                let mut found = resource_type::check_resource_type(value);
                if let Some(catalog) = self.catalog {
                    found.extend(catalog::check_product(value, catalog));
                }
                found
            }
            Param::ExportId => text::clean(Param::ExportId, value).violations,
            // Checked together by `storage`.
            Param::StorageType
            | Param::StorageRegion
            | Param::StorageName
            | Param::StoragePrefix
            | Param::StorageAccountId
            | Param::StorageAppId => return Vec::new(),
            // Not strings.
            Param::Status
            | Param::EventNames
            | Param::Storage
            | Param::TrackForAllMembers
            | Param::TrackId
            | Param::PageNumber
            | Param::PageSize
            | Param::Compress
            | Param::Filters
            | Param::ResourceFields => return Vec::new(),
        };
        violations.extend(policy::check_text(self.policy, param, value));
        violations
    }

    /// The rules of the integer parameter `param`; `Err` holds a number too large for an
    /// `i64`, which no rule accepts. `Compress` in range is checked with the other fields of
    /// `Storage`, by [`Rules::storage`].
    pub fn integer(&self, param: Param, value: Result<i64, String>) -> Vec<Violation> {
        match integer_range(param) {
            Some(IntegerRange::Switch(_)) => match value {
                Ok(value) => {
                    let mut found = switch::check_switch(param, value);
                    found.extend(policy::check_integer(self.policy, param, value));
                    found
                }
                Err(text) => reported(|| Violation::SwitchValue { param, value: text }),
            },
            Some(IntegerRange::Positive(_)) => match value {
                Ok(value) if value >= 1 => Vec::new(),
                Ok(value) => reported(|| Violation::NotPositive {
                    param,
                    value: value.to_string(),
                }),
                Err(text) => reported(|| Violation::NotPositive { param, value: text }),
            },
            Some(IntegerRange::Storage) => match value {
                Ok(_) => Vec::new(),
                Err(text) => reported(|| Violation::CompressValue { value: text }),
            },
            // Not an integer.
            None => Vec::new(),
        }
    }

    /// The rules of `EventNames` given `ResourceType`, each entry's findings together in
    /// entry order, the list's own (index `None`) first, into `sink`, which builds only those
    /// it admits.
    pub fn event_names<E: Entries + ?Sized>(
        &self,
        resource_type: Option<&str>,
        entries: &E,
        sink: &mut impl EntrySink,
    ) {
        visit_entries(resource_type, entries, self.profile, self.catalog, sink);
    }

    /// The rules of the fields of `Storage` and those that join them, then the team's
    /// policies about them.
    pub fn storage(&self, fields: &StorageFields<'_>) -> Vec<FieldViolation> {
        let mut found = check_storage(fields, self.profile);
        for spec in STORAGE_PARAMS {
            if let Some(Some(value)) = fields.text(spec.param)
                && let Some(violation) = policy::check_text(self.policy, spec.param, value)
            {
                found.push((spec.param, violation));
            }
        }
        found
    }
}

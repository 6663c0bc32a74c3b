//! The one home of "API parameter ↔ provider attribute": the `tencentcloud_audit_track`
//! attributes and the `CreateAuditTrack` parameters they stand for, and the
//! `tencentcloud_events_audit_track` attributes and `CreateEventsAuditTrack`'s, shared by plans
//! and `.tf` sources.

use crate::Param;
use crate::facts::TrackAction;

/// Attributes and the parameters they map to.
pub(super) type Attributes = &'static [(&'static str, Param)];

/// The action and top-level attributes of the resource type `kind`, if it is an audit track.
pub(super) fn resource_kind(kind: &str) -> Option<(TrackAction, Attributes)> {
    match kind {
        super::RESOURCE_TYPE => Some((TrackAction::Create, ATTRIBUTES)),
        super::EVENTS_RESOURCE_TYPE => Some((TrackAction::CreateEvents, EVENTS_ATTRIBUTES)),
        _ => None,
    }
}

/// `tencentcloud_events_audit_track`'s top-level attributes and the parameters they map to.
pub(super) const EVENTS_ATTRIBUTES: &[(&str, Param)] = &[
    ("name", Param::Name),
    ("status", Param::Status),
    ("storage", Param::Storage),
    ("filters", Param::Filters),
    ("track_for_all_members", Param::TrackForAllMembers),
];

/// The `filters` block's attributes and the `Filters` fields they map to.
pub(super) const FILTER_ATTRIBUTES: &[(&str, Param)] =
    &[("resource_fields", Param::ResourceFields)];

/// A `resource_fields` block's attributes and the fields of a `ResourceFields` entry.
pub(super) const RESOURCE_FIELD_ATTRIBUTES: &[(&str, Param)] = &[
    ("resource_type", Param::ResourceType),
    ("action_type", Param::ActionType),
    ("event_names", Param::EventNames),
];

/// Top-level attributes and the parameters they map to.
pub(super) const ATTRIBUTES: &[(&str, Param)] = &[
    ("name", Param::Name),
    ("action_type", Param::ActionType),
    ("resource_type", Param::ResourceType),
    ("status", Param::Status),
    ("event_names", Param::EventNames),
    ("storage", Param::Storage),
    ("track_for_all_members", Param::TrackForAllMembers),
];

/// The `storage` block's attributes and the `Storage` fields they map to.
pub(super) const STORAGE_ATTRIBUTES: &[(&str, Param)] = &[
    ("storage_type", Param::StorageType),
    ("storage_region", Param::StorageRegion),
    ("storage_name", Param::StorageName),
    ("storage_prefix", Param::StoragePrefix),
    ("storage_account_id", Param::StorageAccountId),
    ("storage_app_id", Param::StorageAppId),
    ("compress", Param::Compress),
];

/// `/3` → `[3]` for entries of a list attribute.
pub(super) fn index_suffix(rest: &str) -> String {
    rest.split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            if s.bytes().all(|b| b.is_ascii_digit()) {
                format!("[{s}]")
            } else {
                format!(".{s}")
            }
        })
        .collect()
}

/// The attribute an API pointer stands for (`/Storage/StorageName` → `storage[0].storage_name`,
/// `/Filters/ResourceFields/1/EventNames/0` → `filters[0].resource_fields[1].event_names[0]`).
pub(super) fn api_to_attribute(api_path: &str) -> String {
    if let Some(rest) = api_path.strip_prefix("/Filters") {
        return filters_attribute(rest);
    }
    let mut segments = api_path.trim_start_matches('/').split('/');
    let top = segments.next().unwrap_or_default();
    let Some((attribute, param)) = ATTRIBUTES.iter().find(|(_, p)| p.name() == top) else {
        return top.to_owned();
    };
    match (param, segments.next()) {
        (Param::Storage, Some(field)) => {
            let name = STORAGE_ATTRIBUTES
                .iter()
                .find(|(_, p)| p.name() == field)
                .map_or(field, |(a, _)| a);
            format!("storage[0].{name}")
        }
        (_, Some(index)) => format!("{attribute}[{index}]"),
        _ => (*attribute).to_owned(),
    }
}

/// The attribute under `filters[0]` of the API pointer `rest` (what follows `/Filters`).
fn filters_attribute(rest: &str) -> String {
    let mut attribute = String::from("filters");
    let mut segments = rest.split('/').filter(|s| !s.is_empty());
    let Some(list) = segments.next() else {
        return attribute;
    };
    attribute.push_str("[0].");
    let name = FILTER_ATTRIBUTES
        .iter()
        .find(|(_, p)| p.name() == list)
        .map_or(list, |(a, _)| a);
    attribute.push_str(name);
    for segment in segments {
        if segment.bytes().all(|b| b.is_ascii_digit()) {
            attribute.push_str(&format!("[{segment}]"));
        } else {
            let name = RESOURCE_FIELD_ATTRIBUTES
                .iter()
                .find(|(_, p)| p.name() == segment)
                .map_or(segment, |(a, _)| a);
            attribute.push('.');
            attribute.push_str(name);
        }
    }
    attribute
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_pointers_name_their_blocks() {
        assert_eq!(
            api_to_attribute("/Filters/ResourceFields/1/EventNames/0"),
            "filters[0].resource_fields[1].event_names[0]"
        );
        assert_eq!(
            api_to_attribute("/Filters/ResourceFields"),
            "filters[0].resource_fields"
        );
        assert_eq!(api_to_attribute("/Filters"), "filters");
        assert_eq!(
            api_to_attribute("/Storage/StorageName"),
            "storage[0].storage_name"
        );
    }
}

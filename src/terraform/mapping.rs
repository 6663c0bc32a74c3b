//! The one home of "API parameter ↔ provider attribute": the `tencentcloud_audit_track`
//! attributes and the `CreateAuditTrack` parameters they stand for, shared by plans and `.tf`
//! sources.

use crate::Param;

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

/// The attribute an API pointer stands for (`/Storage/StorageName` → `storage[0].storage_name`).
pub(super) fn api_to_attribute(api_path: &str) -> String {
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

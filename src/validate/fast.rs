//! The fast path for the common case: a `CreateAuditTrack` request with nothing to report.
//!
//! Most requests a console or a service validates are fine, and for them the full path
//! (a tree with spans, the walk, JSON Pointers, a report) builds a great deal only to throw it
//! away. [`is_clean`] reads the text once instead, without allocating, and answers "clean" only
//! for a document of the plain shape — an object whose keys are `CreateAuditTrack`'s own
//! parameters, each once, with strings without escapes, small integers,
//! `EventNames` an array of such strings and `Storage` an object of its own fields — whose every
//! value passes the very rule functions the walk calls (and the team policy). For anything else
//! it answers "don't know", and the full path runs as before, so diagnostics are built only
//! when there is something to report.
//!
//! A "clean" answer stands for the empty report the full path would give, so the rule
//! dispatch below must follow the walk's (`walk.rs`): a rule added there for a
//! `CreateAuditTrack` parameter is added here too. Debug builds check every "clean" answer
//! against the full path, so a test that validates a clean request catches a gap.

use super::Validator;
use crate::facts::TrackAction;
use crate::rules::event_names::check_entries;
use crate::rules::storage::{StorageFields, check_storage};
use crate::rules::{action_type, catalog, common, name, resource_type, switch, text};
use crate::source::plain_run_len;
use crate::{Field, Switch};

/// The longest `EventNames` list the fast path reads; longer lists take the full path.
const MAX_EVENT_NAMES: usize = 32;

/// Whether the full path would find nothing at all in `text`. `false` means "not known".
pub(super) fn is_clean(validator: &Validator, text: &str) -> bool {
    if !matches!(validator.action, None | Some(TrackAction::Create)) {
        return false;
    }
    read(text).is_some_and(|request| passes(validator, &request))
}

/// Whether the walk would find nothing at all in `value` (a parsed request, for
/// [`Validator::validate_value`]). `false` means "not known".
pub(super) fn value_is_clean(validator: &Validator, value: &serde_json::Value) -> bool {
    if !matches!(validator.action, None | Some(TrackAction::Create)) {
        return false;
    }
    read_value(value).is_some_and(|request| passes(validator, &request))
}

/// The values of a plain-shaped request, borrowed from the text or the parsed value.
#[derive(Default)]
struct Request<'t> {
    name: Option<&'t str>,
    action_type: Option<&'t str>,
    resource_type: Option<&'t str>,
    status: Option<i64>,
    track_for_all_members: Option<i64>,
    export_id: Option<&'t str>,
    event_names: Option<EventNames<'t>>,
    storage: Option<StorageFields<'t>>,
}

struct EventNames<'t> {
    entries: [Option<&'t str>; MAX_EVENT_NAMES],
    len: usize,
}

impl<'t> EventNames<'t> {
    fn as_slice(&self) -> &[Option<&'t str>] {
        self.entries.get(..self.len).unwrap_or_default()
    }
}

/// Runs every rule the walk runs on a request of this shape; `true` when none has anything
/// to say.
fn passes(validator: &Validator, request: &Request<'_>) -> bool {
    let profile = &validator.profile;
    let policy = &validator.policy;
    let text_ok = |param: &str, value: &str| policy.check_text(param, value).is_none();
    let integer_ok = |param: &str, switch: Switch, value: i64| {
        switch::check_switch(switch, value).is_empty()
            && policy.check_integer(param, value).is_none()
    };
    // The document carries no `Region` (the reader refuses one): the caller's must be given
    // and supported.
    let Some(caller_region) = validator.region.as_deref() else {
        return false;
    };
    let (
        Some(name),
        Some(action_type),
        Some(resource_type),
        Some(status),
        Some(event_names),
        Some(storage),
    ) = (
        request.name,
        request.action_type,
        request.resource_type,
        request.status,
        request.event_names.as_ref(),
        request.storage.as_ref(),
    )
    else {
        return false; // a required parameter is missing
    };
    let (Some(_), Some(_), Some(_), Some(_)) = (
        storage.storage_type,
        storage.region,
        storage.name,
        storage.prefix,
    ) else {
        return false;
    };
    let event_names = event_names.as_slice();
    common::check_region(caller_region, profile).is_empty()
        && name::check_name(name, profile).is_empty()
        && text_ok("Name", name)
        && action_type::check_action_type(action_type).is_empty()
        && text_ok("ActionType", action_type)
        && resource_type::check_resource_type(resource_type).is_empty()
        && validator
            .catalog
            .is_none_or(|catalog| catalog::check_product(resource_type, catalog).is_empty())
        && text_ok("ResourceType", resource_type)
        && integer_ok("Status", Switch::Status, status)
        && request
            .track_for_all_members
            .is_none_or(|value| integer_ok("TrackForAllMembers", Switch::TrackForAllMembers, value))
        && request.export_id.is_none_or(|id| {
            text::clean(Field::ExportId, id).violations.is_empty() && text_ok("ExportId", id)
        })
        && check_entries(Some(resource_type), event_names, profile).is_empty()
        && validator.catalog.is_none_or(|catalog| {
            catalog::check_event_names_listed(resource_type, event_names, catalog).is_empty()
        })
        && check_storage(storage, profile).is_empty()
        && [
            ("StorageType", storage.storage_type),
            ("StorageRegion", storage.region),
            ("StoragePrefix", storage.prefix),
        ]
        .into_iter()
        .all(|(field, value)| value.is_none_or(|value| text_ok(field, value)))
}

/// Reads a plain-shaped request, or `None` for anything else (which includes everything that
/// is not strict JSON, so a `Some` is always a document the full parser accepts with the same
/// values).
fn read(text: &str) -> Option<Request<'_>> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut request = Request::default();
    reader.object(|reader, key| {
        match key {
            "Name" => set(&mut request.name, reader.string()?),
            "ActionType" => set(&mut request.action_type, reader.string()?),
            "ResourceType" => set(&mut request.resource_type, reader.string()?),
            "Status" => set(&mut request.status, reader.integer()?),
            "TrackForAllMembers" => set(&mut request.track_for_all_members, reader.integer()?),
            "ExportId" => set(&mut request.export_id, reader.string()?),
            "EventNames" => set(&mut request.event_names, reader.event_names()?),
            "Storage" => set(&mut request.storage, reader.storage()?),
            _ => None, // a common parameter, or one the API does not define
        }
    })?;
    reader.whitespace();
    (reader.at == reader.bytes.len()).then_some(request)
}

/// Reads a request of the plain shape from a parsed value, or `None` for anything else.
fn read_value(value: &serde_json::Value) -> Option<Request<'_>> {
    use serde_json::Value;
    fn string(value: &Value) -> Option<&str> {
        value.as_str()
    }
    // An integer as the walk reads one from a value: an `i64`, or else a finding.
    fn integer(value: &Value) -> Option<i64> {
        value.as_number()?.as_i64()
    }
    let mut request = Request::default();
    for (key, value) in value.as_object()? {
        match key.as_str() {
            "Name" => request.name = Some(string(value)?),
            "ActionType" => request.action_type = Some(string(value)?),
            "ResourceType" => request.resource_type = Some(string(value)?),
            "Status" => request.status = Some(integer(value)?),
            "TrackForAllMembers" => request.track_for_all_members = Some(integer(value)?),
            "ExportId" => request.export_id = Some(string(value)?),
            "EventNames" => {
                let mut names = EventNames {
                    entries: [None; MAX_EVENT_NAMES],
                    len: 0,
                };
                for entry in value.as_array()? {
                    *names.entries.get_mut(names.len)? = Some(string(entry)?);
                    names.len += 1;
                }
                request.event_names = Some(names);
            }
            "Storage" => {
                let mut fields = StorageFields::default();
                for (key, value) in value.as_object()? {
                    match key.as_str() {
                        "StorageType" => fields.storage_type = Some(string(value)?),
                        "StorageRegion" => fields.region = Some(string(value)?),
                        "StorageName" => fields.name = Some(string(value)?),
                        "StoragePrefix" => fields.prefix = Some(string(value)?),
                        "StorageAccountId" => fields.account_id = Some(string(value)?),
                        "StorageAppId" => fields.app_id = Some(string(value)?),
                        "Compress" => fields.compress = Some(integer(value)?),
                        _ => return None,
                    }
                }
                request.storage = Some(fields);
            }
            _ => return None,
        }
    }
    Some(request)
}

/// Stores the first value of a key; `None` for a second one (a duplicate key).
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    match slot {
        Some(_) => None,
        None => {
            *slot = Some(value);
            Some(())
        }
    }
}

/// A cursor over strict JSON that accepts only the plain shape (see [`read`]).
struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
}

impl<'t> Reader<'t> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// Skips whitespace, then `byte`.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.whitespace();
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    /// A string without escapes (the rules read exactly the text); one with an escape, or a
    /// control character JSON refuses, is left to the full path.
    fn string(&mut self) -> Option<&'t str> {
        self.expect(b'"')?;
        let start = self.at;
        self.at += plain_run_len(self.bytes.get(start..)?);
        let content = self.text.get(start..self.at)?;
        (self.peek() == Some(b'"')).then(|| self.at += 1)?;
        Some(content)
    }

    /// A non-negative integer written as the API parses one (no sign, fraction or exponent,
    /// no leading zero) that fits in an `i64`.
    fn integer(&mut self) -> Option<i64> {
        self.whitespace();
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        let digits = self.text.get(start..self.at)?;
        if digits.is_empty()
            || (digits.len() > 1 && digits.starts_with('0'))
            || matches!(self.peek(), Some(b'.' | b'e' | b'E'))
        {
            return None;
        }
        digits.parse().ok()
    }

    /// `{ "key": value, … }`, each value read by `member`, which returns `None` to give up.
    fn object(&mut self, mut member: impl FnMut(&mut Self, &'t str) -> Option<()>) -> Option<()> {
        self.expect(b'{')?;
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.expect(b':')?;
            member(self, key)?;
            self.whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn event_names(&mut self) -> Option<EventNames<'t>> {
        let mut names = EventNames {
            entries: [None; MAX_EVENT_NAMES],
            len: 0,
        };
        self.expect(b'[')?;
        self.whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Some(names);
        }
        loop {
            let entry = self.string()?;
            *names.entries.get_mut(names.len)? = Some(entry);
            names.len += 1;
            self.whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Some(names);
                }
                _ => return None,
            }
        }
    }

    fn storage(&mut self) -> Option<StorageFields<'t>> {
        let mut fields = StorageFields::default();
        self.object(|reader, key| match key {
            "StorageType" => set(&mut fields.storage_type, reader.string()?),
            "StorageRegion" => set(&mut fields.region, reader.string()?),
            "StorageName" => set(&mut fields.name, reader.string()?),
            "StoragePrefix" => set(&mut fields.prefix, reader.string()?),
            "StorageAccountId" => set(&mut fields.account_id, reader.string()?),
            "StorageAppId" => set(&mut fields.app_id, reader.string()?),
            "Compress" => set(&mut fields.compress, reader.integer()?),
            _ => None,
        })?;
        Some(fields)
    }
}

/// The `CreateAuditTrack` parameters and `Storage` fields the reader knows, which must be
/// exactly the API's: a parameter added to the facts must be added to the reader.
#[cfg(test)]
const READ_PARAMS: &[&str] = &[
    "Name",
    "ActionType",
    "ResourceType",
    "Status",
    "EventNames",
    "Storage",
    "TrackForAllMembers",
    "ExportId",
];

#[cfg(test)]
const READ_STORAGE_FIELDS: &[&str] = &[
    "StorageType",
    "StorageRegion",
    "StorageName",
    "StoragePrefix",
    "StorageAccountId",
    "StorageAppId",
    "Compress",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Validator;

    const CLEAN: &str = r#"{
        "Name": "audit-trail", "ActionType": "Write", "ResourceType": "cos",
        "Status": 1, "EventNames": ["PutBucket", "DeleteBucket"],
        "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
                    "StorageName": "audit-cos", "StoragePrefix": "logs"},
        "TrackForAllMembers": 0
    }"#;

    fn validator() -> Validator {
        Validator::new().with_region("ap-guangzhou")
    }

    #[test]
    fn the_reader_knows_exactly_the_apis_parameters() {
        let names = |params: &[crate::facts::Param]| -> Vec<&str> {
            let mut names: Vec<&str> = params.iter().map(|p| p.name).collect();
            names.sort_unstable();
            names
        };
        let sorted = |list: &[&'static str]| {
            let mut list = list.to_vec();
            list.sort_unstable();
            list
        };
        assert_eq!(names(crate::facts::REQUEST_PARAMS), sorted(READ_PARAMS));
        assert_eq!(
            names(crate::facts::STORAGE_PARAMS),
            sorted(READ_STORAGE_FIELDS)
        );
    }

    #[test]
    fn a_clean_request_is_clean_and_so_is_its_full_report() {
        assert!(is_clean(&validator(), CLEAN));
        assert!(validator().validate_str(CLEAN).is_clean());
        let value = serde_json::from_str(CLEAN).expect("JSON");
        assert!(value_is_clean(&validator(), &value));
        assert!(validator().validate_value(&value).is_clean());
    }

    #[test]
    fn anything_off_the_plain_shape_or_with_a_finding_is_not_known_clean() {
        let not_clean = [
            CLEAN.replace("audit-trail", "audit trail"), // a rule fires
            CLEAN.replace("\"Write\"", "\"Wr\\u0069te\""), // an escape
            CLEAN.replace("\"Status\": 1", "\"Status\": 1.0"), // a fraction
            CLEAN.replace("\"Status\": 1", "\"Status\": 01"), // not JSON
            CLEAN.replace("\"Status\": 1", "\"Status\": \"1\""), // a type error
            CLEAN.replace("PutBucket\"", "PutBucket\" ,"), // not JSON
            CLEAN.replace("\"TrackForAllMembers\"", "\"Name\""), // a duplicate key
            CLEAN.replace("\"TrackForAllMembers\"", "\"Region\""), // a common parameter
            CLEAN.replace("\"TrackForAllMembers\"", "\"Tags\""), // an unknown one
            CLEAN.replace("audit-cos", "аudit-cos"),     // non-ASCII
            CLEAN.replace("\"ActionType\": \"Write\",", ""), // a missing parameter
            format!("\u{feff}{CLEAN}"),                  // a byte order mark
            format!("{CLEAN} {{}}"),                     // trailing content
        ];
        for text in &not_clean {
            assert!(!is_clean(&validator(), text), "{text}");
        }
        assert!(!is_clean(&Validator::new(), CLEAN), "no caller region");
        // As a parsed value, the escaped text is clean; on every case the fast answer is the
        // full path's.
        for text in &not_clean {
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
                let full = validator().validate_value(&value).is_clean();
                assert_eq!(value_is_clean(&validator(), &value), full, "{text}");
            }
        }
        let modify = validator().with_action(TrackAction::Modify);
        assert!(!is_clean(&modify, CLEAN));
    }
}

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
//! A "clean" answer stands for the empty report the full path would give. The rules run are
//! chosen by [`Rules`], as in the walk, so the two cannot disagree on which rules a parameter
//! has; the reader only decides which shapes it reads. Debug builds check every "clean" answer
//! against the full path.

use super::Validator;
use crate::Param;
use crate::facts::{ParamType, REQUEST_PARAMS, STORAGE_PARAMS, TrackAction};
use crate::rules::Rules;
use crate::rules::storage::StorageFields;
use crate::source::plain_run_len;

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

/// The values of a plain-shaped request, borrowed from the text or the parsed value: one
/// slot per parameter of `CreateAuditTrack`, in [`REQUEST_PARAMS`]' order.
struct Request<'t> {
    slots: [Option<Slot<'t>>; REQUEST_PARAMS.len()],
    /// The entries of the `StringArray` slot, read in place (the list is too large to move).
    event_names: EventNames<'t>,
}

/// One value of the plain shape, as read (an array's entries are in [`Request`]).
enum Slot<'t> {
    Text(&'t str),
    Integer(i64),
    EventNames,
    Storage(StorageFields<'t>),
}

impl<'t> Request<'t> {
    fn new() -> Self {
        Self {
            slots: std::array::from_fn(|_| None),
            event_names: EventNames {
                entries: [None; MAX_EVENT_NAMES],
                len: 0,
            },
        }
    }

    /// Where `key`'s value goes and the shape it is read in; `None` for a common parameter,
    /// a field of `Storage` or a key the API does not define (left to the full path).
    fn spec(key: &str) -> Option<(usize, ParamType)> {
        let index = REQUEST_PARAMS.iter().position(|spec| spec.name() == key)?;
        Some((index, REQUEST_PARAMS.get(index)?.ty))
    }

    /// Stores the value at `index`; `None` for a second one (a duplicate key).
    fn set(&mut self, index: usize, slot: Slot<'t>) -> Option<()> {
        set(self.slots.get_mut(index)?, slot)
    }

    /// The slot of `param`.
    fn get(&self, param: Param) -> Option<&Slot<'t>> {
        let index = REQUEST_PARAMS.iter().position(|spec| spec.param == param)?;
        self.slots.get(index)?.as_ref()
    }
}

/// The shape a field of `Storage` is read in; `None` for a key that is not one.
fn storage_shape(key: &str) -> Option<(Param, ParamType)> {
    let spec = STORAGE_PARAMS.iter().find(|spec| spec.name() == key)?;
    Some((spec.param, spec.ty))
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

/// Runs every rule the walk runs on a request of this shape, as [`Rules`] chooses them;
/// `true` when none has anything to say.
fn passes(validator: &Validator, request: &Request<'_>) -> bool {
    let rules = Rules {
        profile: &validator.profile,
        policy: &validator.policy,
        catalog: validator.catalog,
        action: TrackAction::Create,
    };
    // The document carries no `Region` (the reader refuses one): the caller's must be given
    // and supported.
    let Some(caller_region) = validator.region.as_deref() else {
        return false;
    };
    if !rules.text(Param::Region, caller_region).is_empty() {
        return false;
    }
    let resource_type = match request.get(Param::ResourceType) {
        Some(Slot::Text(value)) => Some(*value),
        _ => None,
    };
    REQUEST_PARAMS
        .iter()
        .zip(&request.slots)
        .all(|(spec, slot)| match slot {
            None => !spec.required,
            Some(Slot::Text(value)) => rules.text(spec.param, value).is_empty(),
            Some(Slot::Integer(value)) => rules.integer(spec.param, Ok(*value)).is_empty(),
            Some(Slot::EventNames) => {
                rules.event_names_pass(resource_type, request.event_names.as_slice())
            }
            Some(Slot::Storage(storage)) => storage_passes(&rules, storage),
        })
}

/// Whether `Storage` has every required field, each of its kind, and nothing to report.
fn storage_passes(rules: &Rules<'_>, storage: &StorageFields<'_>) -> bool {
    let complete = STORAGE_PARAMS.iter().all(|spec| {
        !spec.required
            || storage
                .text(spec.param)
                .is_some_and(|value| value.is_some())
    });
    complete && rules.storage(storage).is_empty()
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
    let mut request = Request::new();
    reader.object(|reader, key| {
        let (index, ty) = Request::spec(key)?;
        let slot = match ty {
            ParamType::String => Slot::Text(reader.string()?),
            ParamType::Integer => Slot::Integer(reader.integer()?),
            ParamType::StringArray => {
                reader.event_names(&mut request.event_names)?;
                Slot::EventNames
            }
            ParamType::Storage => Slot::Storage(reader.storage()?),
            // Not `CreateAuditTrack`'s: never in its table.
            ParamType::Filters | ParamType::ResourceFields => return None,
        };
        request.set(index, slot)
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
    let mut request = Request::new();
    for (key, value) in value.as_object()? {
        let (index, ty) = Request::spec(key)?;
        let slot = match ty {
            ParamType::String => Slot::Text(string(value)?),
            ParamType::Integer => Slot::Integer(integer(value)?),
            ParamType::StringArray => {
                let names = &mut request.event_names;
                for entry in value.as_array()? {
                    *names.entries.get_mut(names.len)? = Some(string(entry)?);
                    names.len += 1;
                }
                Slot::EventNames
            }
            ParamType::Storage => {
                let mut fields = StorageFields::default();
                for (key, value) in value.as_object()? {
                    match storage_shape(key)? {
                        (_, ParamType::Integer) => fields.compress = Some(integer(value)?),
                        (param, _) => *fields.text_mut(param)? = Some(string(value)?),
                    }
                }
                Slot::Storage(fields)
            }
            ParamType::Filters | ParamType::ResourceFields => return None,
        };
        request.set(index, slot)?;
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

    /// An array of plain strings, read into `names`.
    fn event_names(&mut self, names: &mut EventNames<'t>) -> Option<()> {
        self.expect(b'[')?;
        self.whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Some(());
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
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn storage(&mut self) -> Option<StorageFields<'t>> {
        let mut fields = StorageFields::default();
        self.object(|reader, key| match storage_shape(key)? {
            (_, ParamType::Integer) => set(&mut fields.compress, reader.integer()?),
            (param, _) => set(fields.text_mut(param)?, reader.string()?),
        })?;
        Some(fields)
    }
}

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

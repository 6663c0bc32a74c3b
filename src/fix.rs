//! Safe autofixes, applied to the text so that only the fixed values change: formatting, key
//! order and everything else stay byte for byte.
//!
//! The fixes are the certain ones ([`Violation::fix`](crate::Violation::fix)): the case of an
//! enum value (`read` → `Read`), surrounding whitespace, a quoted integer (`"1"` → `1`), a
//! repeated `EventNames` entry, `["*", "X"]` → `["*"]` when `ResourceType` is `*`, and a COS
//! bucket name's `-APPID` suffix. Never one that guesses: a too-long name is left alone.
//!
//! Only what is in the text is fixed: a diagnostic with no place in it (a region the caller
//! gave, not the document) is not fixable, and what is fixed does not depend on the
//! validator's limit on diagnostics.
//!
//! ```
//! use cloudaudit_lint::Validator;
//! let text = "{\n  \"ActionType\": \"read\",\n  \"Name\":  \" audit \"\n}";
//! let fixed = Validator::new().fix_str(text);
//! assert_eq!(fixed.text, "{\n  \"ActionType\": \"Read\",\n  \"Name\":  \"audit\"\n}");
//! assert_eq!(fixed.changes.len(), 2);
//! ```

use crate::source::{JsonValue, Node, parse};
use crate::violation::Fix;
use crate::{Diagnostic, RuleId, Validator};

/// One change a fix made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The rule whose diagnostic it fixed.
    pub rule: RuleId,
    /// JSON Pointer of the value changed (the entry, for a removed one).
    pub path: String,
    /// The text it replaced.
    pub before: String,
    /// The text written instead (empty for a removed entry).
    pub after: String,
}

/// A text after its safe fixes, and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The fixed text (the input itself when nothing was fixable).
    pub text: String,
    /// The changes, in the order they were made.
    pub changes: Vec<Change>,
}

/// One fix turns into at most this many rounds (a trimmed value may then need its case fixed).
const MAX_ROUNDS: usize = 4;

/// How many diagnostics a round of fixes looks at, fixable or not: the first ones in the text.
/// A text of millions of faults (`[null, null, …]`) would otherwise hold a diagnostic for
/// each in memory at once, which no request has; what lies beyond is left for the next run.
pub const DIAGNOSTICS_PER_ROUND: usize = 100_000;

/// Whether a safe fix repairs `diagnostic`, one of a text's: it has a fix, is in a request
/// (not a Terraform plan) and has a place in the text. A value the caller gave (`--region`)
/// has none, so no edit of the text can repair it.
///
/// ```
/// use cloudaudit_lint::{Validator, fix::is_fixable_in_text};
/// let report = Validator::new().with_region("AP-GUANGZHOU").validate_str(r#"{"ActionType": "read"}"#);
/// let fixable: Vec<&str> = report.diagnostics.iter()
///     .filter(|d| is_fixable_in_text(d))
///     .map(|d| d.path.as_str())
///     .collect();
/// assert_eq!(fixable, ["/ActionType"]); // not the caller's "/Region"
/// ```
pub fn is_fixable_in_text(diagnostic: &Diagnostic) -> bool {
    diagnostic.location.is_some() && diagnostic.is_fixable()
}

/// Applies every safe fix `validator`'s diagnostics offer to `text`: the validator's limit on
/// reported diagnostics does not limit the fixes; each round looks at the first
/// [`DIAGNOSTICS_PER_ROUND`] diagnostics.
pub fn fix_str(validator: &Validator, text: &str) -> Fixed {
    let validator = validator
        .clone()
        .with_max_diagnostics(DIAGNOSTICS_PER_ROUND);
    let mut text = text.to_owned();
    let mut changes = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let edits = edits(&validator, &text);
        if edits.is_empty() {
            break;
        }
        // Back to front, so that earlier offsets stay valid; changes are listed front to back.
        for edit in edits.iter().rev() {
            text.replace_range(edit.start..edit.end, &edit.replacement);
        }
        changes.extend(edits.into_iter().map(|edit| edit.change));
    }
    Fixed { text, changes }
}

/// A fix as an edit of the text: the bytes it replaces and the text written instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    /// Byte offset of the first byte replaced.
    pub start: usize,
    /// Byte offset just past the last byte replaced.
    pub end: usize,
    /// The text written instead (empty for a removed entry).
    pub replacement: String,
}

/// For each of `diagnostics` (a report of `text`), the edit that fixes it on its own: the one
/// [`fix_str`] makes for it first. `None` for a diagnostic with no safe fix, a suppressed one
/// (`--fix` leaves those alone) and every one when `text` does not parse.
///
/// ```
/// use cloudaudit_lint::{Validator, fix::edits_for};
/// let text = r#"{"ActionType": "read"}"#;
/// let report = Validator::new().validate_str(text);
/// let edits = edits_for(text, &report.diagnostics);
/// let edit = edits.iter().flatten().next().unwrap();
/// assert_eq!((&text[edit.start..edit.end], edit.replacement.as_str()), (r#""read""#, r#""Read""#));
/// ```
pub fn edits_for(text: &str, diagnostics: &[Diagnostic]) -> Vec<Option<TextEdit>> {
    let root = parse(text).ok();
    diagnostics
        .iter()
        .map(|d| {
            let root = root.as_ref()?;
            if d.suppressed.is_some() || !is_fixable_in_text(d) {
                return None;
            }
            let fix = d.violation.fix()?;
            let edit = edit(text, root, &d.path, &fix, d.rule())?;
            Some(TextEdit {
                start: edit.start,
                end: edit.end,
                replacement: edit.replacement,
            })
        })
        .collect()
}

struct Edit {
    start: usize,
    end: usize,
    replacement: String,
    change: Change,
}

/// The edits of one round: every fixable diagnostic's, in text order, none overlapping.
fn edits(validator: &Validator, text: &str) -> Vec<Edit> {
    let report = validator.validate_str(text);
    let fixable = || {
        report
            .diagnostics
            .iter()
            .filter(|d| d.suppressed.is_none() && is_fixable_in_text(d))
    };
    // The whole tree is parsed only when there is something to fix: a request with nothing
    // fixable (most, and a hostile one of millions of entries) is read once, by the validator.
    if fixable().next().is_none() {
        return Vec::new();
    }
    let Ok(root) = parse(text) else {
        return Vec::new();
    };
    let mut edits: Vec<Edit> = fixable()
        .filter_map(|d| {
            let fix = d.violation.fix()?;
            edit(text, &root, &d.path, &fix, d.rule())
        })
        .collect();
    crate::order::sort_by_key(&mut edits, |e| (e.start, e.end));
    let mut kept: Vec<Edit> = Vec::with_capacity(edits.len());
    for edit in edits {
        if kept.last().is_none_or(|last| last.end <= edit.start) {
            kept.push(edit);
        }
    }
    kept
}

fn edit(text: &str, root: &Node<'_>, path: &str, fix: &Fix, rule: RuleId) -> Option<Edit> {
    let (start, end, replacement) = match fix {
        Fix::Replace(value) => {
            let node = resolve(root, path)?;
            (node.span.start, node.span.end, value.to_string())
        }
        Fix::OnlyWildcard => {
            let node = resolve(root, path)?;
            (node.span.start, node.span.end, "[\"*\"]".to_owned())
        }
        Fix::RemoveEntry => {
            let (parent, index) = path.rsplit_once('/')?;
            let JsonValue::Array(items) = &resolve(root, parent)?.value else {
                return None;
            };
            let index: usize = index.parse().ok()?;
            let entry = items.get(index)?;
            // Take the separator before the entry, or after it when it is the first.
            let (start, end) = match (
                index.checked_sub(1).and_then(|i| items.get(i)),
                index.checked_add(1).and_then(|i| items.get(i)),
            ) {
                (Some(previous), _) => (previous.span.end, entry.span.end),
                (None, Some(next)) => (entry.span.start, next.span.start),
                (None, None) => (entry.span.start, entry.span.end),
            };
            let change = Change {
                rule,
                path: path.to_owned(),
                before: text.get(entry.span.start..entry.span.end)?.to_owned(),
                after: String::new(),
            };
            return Some(Edit {
                start,
                end,
                replacement: String::new(),
                change,
            });
        }
    };
    let change = Change {
        rule,
        path: path.to_owned(),
        before: text.get(start..end)?.to_owned(),
        after: replacement.clone(),
    };
    Some(Edit {
        start,
        end,
        replacement,
        change,
    })
}

/// The node a JSON Pointer names (the last member of a repeated key, as the server reads).
fn resolve<'n, 'a>(root: &'n Node<'a>, pointer: &str) -> Option<&'n Node<'a>> {
    if pointer.is_empty() {
        return Some(root);
    }
    let mut node = root;
    for segment in pointer.strip_prefix('/')?.split('/') {
        let segment = crate::source::unescape_token(segment);
        node = match &node.value {
            JsonValue::Object(members) => &members.iter().rev().find(|m| m.key == segment)?.value,
            JsonValue::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

impl Validator {
    /// Applies every safe fix to `text`; see [`fix`](crate::fix).
    pub fn fix_str(&self, text: &str) -> Fixed {
        fix_str(self, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> Fixed {
        Validator::new().with_region("ap-guangzhou").fix_str(text)
    }

    #[test]
    fn duplicate_entries_are_removed_with_their_separator() {
        let f = fixed(r#"{"EventNames": ["A", "B", "A", "B"], "ResourceType": "cvm"}"#);
        assert!(
            f.text.starts_with(r#"{"EventNames": ["A", "B"], "#),
            "{}",
            f.text
        );
        assert_eq!(f.changes.len(), 2);
    }

    #[test]
    fn a_wildcard_product_keeps_only_the_wildcard() {
        let f =
            fixed("{\"ResourceType\": \"*\", \"EventNames\": [\n  \"*\",\n  \"LookUpEvents\"\n]}");
        assert_eq!(f.text, "{\"ResourceType\": \"*\", \"EventNames\": [\"*\"]}");
        assert_eq!(f.changes[0].rule, RuleId::EventNamesWildcard);
    }

    #[test]
    fn quoted_integers_and_appid_suffixes_are_fixed_and_guesses_are_not() {
        let f = fixed(
            r#"{"Status": "1", "Name": "x", "Storage": {"StorageType": "cos", "StorageName": "logs-1250000000"}}"#,
        );
        assert_eq!(
            f.text,
            r#"{"Status": 1, "Name": "x", "Storage": {"StorageType": "cos", "StorageName": "logs"}}"#
        );
    }

    #[test]
    fn fixes_that_need_a_second_round_get_one() {
        // Trimming first, then the case.
        let f = fixed(r#"{"ActionType": " read "}"#);
        assert_eq!(f.text, r#"{"ActionType": "Read"}"#);
        assert_eq!(f.changes.len(), 2);
    }

    #[test]
    fn nothing_to_fix_leaves_the_text_alone() {
        let text = "{ \"Name\" : \"far-too-long-name-that-nobody-can-shorten-safely-at-all\" }";
        let f = fixed(text);
        assert_eq!(f.text, text);
        assert!(f.changes.is_empty());
        assert_eq!(fixed("{not json").text, "{not json");
    }
}

//! The fix path, `Validator::fix_str`, on its own: the fixed text is JSON, every byte outside
//! the values the changes name is the input's byte, and fixing adds no error a fix exists
//! for. A text with no change is the input.
//!
//! The first byte chooses the options (the caller's region, the action); the rest is the
//! input.

#![no_main]

use std::collections::BTreeSet;

use cloudaudit_lint::facts::TrackAction;
use cloudaudit_lint::fix::Change;
use cloudaudit_lint::source::{JsonValue, Node, parse};
use cloudaudit_lint::{Diagnostic, Severity, Validator};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&options, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let mut validator = Validator::new().with_max_diagnostics(usize::MAX);
    if options & 1 != 0 {
        validator = validator.with_region("ap-guangzhou");
    }
    if options & 2 != 0 {
        validator = validator.with_action(TrackAction::Modify);
    }
    let fixed = validator.fix_str(text);
    let Ok(before) = parse(text) else {
        assert!(fixed.changes.is_empty(), "a text that is not JSON was fixed");
        assert_eq!(fixed.text, text);
        return;
    };
    if fixed.changes.is_empty() {
        assert_eq!(fixed.text, text, "the text changed without a change listed");
        return;
    }
    let after = parse(&fixed.text)
        .unwrap_or_else(|e| panic!("a fix broke the JSON ({e:?}): {:?}", fixed.text));

    // Only the changed values differ: with each of them replaced by a placeholder, the two
    // texts are the same byte for byte (keys, whitespace, order, every other value).
    let changed = changed_values(&fixed.changes);
    let outside_before = outside(text, &before, &changed);
    let outside_after = outside(&fixed.text, &after, &changed);
    assert_eq!(
        outside_before, outside_after,
        "bytes outside the changed values differ; changes: {:?}",
        fixed.changes
    );

    // Re-validated, the fixed text has no more errors of the rules that have fixes.
    let fixable_errors = |ds: &[Diagnostic]| {
        ds.iter()
            .filter(|d| d.severity == Severity::Error && d.is_fixable())
            .count()
    };
    let was = validator.validate_str(text);
    let now = validator.validate_str(&fixed.text);
    assert!(
        fixable_errors(&now.diagnostics) <= fixable_errors(&was.diagnostics),
        "fixes added fixable errors: {:?} -> {:?}",
        was.diagnostics.iter().map(|d| d.rule()).collect::<Vec<_>>(),
        now.diagnostics.iter().map(|d| d.rule()).collect::<Vec<_>>()
    );
});

/// The JSON Pointers of the values the changes rewrote: the value itself, or for a removed
/// entry the array that held it (whose later entries moved).
fn changed_values(changes: &[Change]) -> BTreeSet<String> {
    changes
        .iter()
        .map(|change| {
            if change.after.is_empty() {
                change
                    .path
                    .rsplit_once('/')
                    .map_or(String::new(), |(parent, _)| parent.to_owned())
            } else {
                change.path.clone()
            }
        })
        .collect()
}

/// `text` with the text of every value at a pointer in `changed` replaced by a NUL (which JSON
/// text cannot hold outside a string, and a string cannot hold unescaped).
fn outside(text: &str, root: &Node<'_>, changed: &BTreeSet<String>) -> String {
    let mut spans = Vec::new();
    changed_spans(root, String::new(), changed, &mut spans);
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in spans {
        if start < at {
            continue; // inside a value already replaced
        }
        out.push_str(&text[at..start]);
        out.push('\0');
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

fn changed_spans(
    node: &Node<'_>,
    pointer: String,
    changed: &BTreeSet<String>,
    out: &mut Vec<(usize, usize)>,
) {
    if changed.contains(&pointer) {
        out.push((node.span.start, node.span.end));
        return;
    }
    match &node.value {
        JsonValue::Object(members) => {
            // The value the server reads, and a fix rewrites, is the last of a repeated key.
            for (index, member) in members.iter().enumerate() {
                let repeated = members[index + 1..].iter().any(|m| m.key == member.key);
                if !repeated {
                    let key = member.key.replace('~', "~0").replace('/', "~1");
                    changed_spans(&member.value, format!("{pointer}/{key}"), changed, out);
                }
            }
        }
        JsonValue::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                changed_spans(item, format!("{pointer}/{index}"), changed, out);
            }
        }
        _ => {}
    }
}

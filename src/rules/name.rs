//! The tracking-set `Name`.
//!
//! **What it checks.** The name is 3 to 48 characters of ASCII letters, digits, hyphens and
//! underscores. Length counts characters. The first character outside the charset is named by
//! code point with its position, and the count of the others is given.
//!
//! **Why.** The server answers `InvalidParameterValue` with no hint of which character it
//! disliked; a space, a Chinese name or a pasted look-alike are the usual causes.
//!
//! ```
//! use cloudaudit_lint::rules::name::check_name;
//! use cloudaudit_lint::{Profile, Violation};
//! let profile = Profile::default();
//! assert!(check_name("audit-trail_01", &profile).is_empty());
//! assert_eq!(
//!     check_name("audit trail", &profile),
//!     [Violation::NameCharset { character: ' ', index: 5, count: 1 }]
//! );
//! ```

use super::report;
use super::text::{clean, written_index};
use crate::{Param, Profile, Violation, facts};

/// Checks a tracking-set name against the profile's length limits and the name charset.
pub fn check_name(name: &str, profile: &Profile) -> Vec<Violation> {
    let cleaned = clean(Param::Name, name);
    let mut violations = cleaned.violations;
    let length = cleaned.value.chars().count();
    if !profile.name_length().contains(&length) {
        report(&mut violations, || Violation::NameLength {
            length,
            min: profile.name_min,
            max: profile.name_max,
        });
    }
    // Found by its bytes ([`facts::Charset::first_outside`]); the characters after it are
    // counted only when there is one.
    let value = &*cleaned.value;
    if let Some((index, character)) = facts::NAME_CHARS.first_outside(value) {
        // Every character before it is ASCII: its index is its byte offset too.
        let after = value.get(index..).unwrap_or_default().chars().skip(1);
        report(&mut violations, || Violation::NameCharset {
            character,
            index: written_index(name, cleaned.offset, index),
            count: 1 + after.filter(|c| !facts::is_name_char(*c)).count(),
        });
    }
    violations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleId;

    fn rules(name: &str) -> Vec<RuleId> {
        check_name(name, &Profile::default())
            .iter()
            .map(Violation::rule)
            .collect()
    }

    #[test]
    fn length_boundaries() {
        for (length, ok) in [(0, false), (2, false), (3, true), (48, true), (49, false)] {
            let name = "a".repeat(length);
            let expected: &[RuleId] = if ok { &[] } else { &[RuleId::NameLength] };
            assert_eq!(rules(&name), expected, "length {length}");
        }
    }

    #[test]
    fn charset_table() {
        for (name, expected) in [
            ("abc", &[][..]),
            ("A-b_9", &[]),
            ("---", &[]),
            ("a.b", &[RuleId::NameCharset]),
            ("a b", &[RuleId::NameCharset]),
            ("审计日志", &[RuleId::NameCharset]),
            ("ab", &[RuleId::NameLength]),
            ("a!", &[RuleId::NameLength, RuleId::NameCharset]),
            ("аudit", &[RuleId::ConfusableCharacter]),
            ("ａｕｄｉｔ", &[RuleId::ConfusableCharacter]),
            ("au\u{200B}dit", &[RuleId::InvisibleCharacter]),
            ("audit\u{202E}", &[RuleId::InvisibleCharacter]),
            (" audit", &[RuleId::SurroundingWhitespace]),
            ("audit\t", &[RuleId::SurroundingWhitespace]),
        ] {
            assert_eq!(rules(name), expected, "{name:?}");
        }
    }

    #[test]
    fn charset_violation_names_the_first_character_and_counts_the_rest() {
        assert_eq!(
            check_name(" a.b.c", &Profile::default()).last(),
            Some(&Violation::NameCharset {
                character: '.',
                index: 2,
                count: 2
            })
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // 16 three-byte characters: 48 bytes, 16 characters; only the charset fails.
        assert_eq!(rules(&"中".repeat(16)), [RuleId::NameCharset]);
    }
}

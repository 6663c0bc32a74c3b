//! Text hygiene: whitespace around a value, characters that look like ASCII but are not, and
//! characters that cannot be seen.
//!
//! **What it checks.** Every string parameter is an identifier the server compares byte for
//! byte. A copied value easily brings along a trailing space, a Cyrillic `а`, a full-width
//! `Ａ`, a zero-width space or a right-to-left override. Each is reported once per value,
//! naming the character by code point, and the field's own rule then checks the value as the
//! user meant it (trimmed, invisible characters removed, look-alikes folded to ASCII), so one
//! slip is one diagnostic.
//!
//! ```
//! use cloudaudit_lint::rules::text::clean;
//! use cloudaudit_lint::{Param, Violation};
//! let cleaned = clean(Param::Name, " аudit\u{200B}");
//! assert_eq!(cleaned.value, "audit");
//! assert!(matches!(cleaned.violations[0], Violation::SurroundingWhitespace { leading: true, .. }));
//! assert!(matches!(cleaned.violations[1], Violation::ConfusableCharacter { looks_like: 'a', .. }));
//! assert!(matches!(cleaned.violations[2], Violation::InvisibleCharacter { character: '\u{200B}', .. }));
//! ```

use std::borrow::Cow;

#[doc(hidden)]
pub use crate::unicode::{CharClass, ascii_lookalike, classify, invisible_name};
use crate::{Param, Violation};

/// A value after hygiene: what the field's own rule should check, and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned<'a> {
    /// The value trimmed, with invisible characters removed and look-alikes folded to ASCII.
    /// Borrowed when nothing had to change.
    pub value: Cow<'a, str>,
    /// The value's 0-based character index of `value`'s first character (the count of leading
    /// whitespace characters), to map indexes back to the value as written.
    pub offset: usize,
    /// At most one violation per kind: whitespace, look-alike, invisible.
    pub violations: Vec<Violation>,
}

/// The index in `written` of character `index` of the value [`clean`] made of it (whose
/// [`offset`](Cleaned::offset) is `offset`): the leading whitespace and the invisible
/// characters removed before it count again, so that a field rule's index points at the
/// character it names.
pub(crate) fn written_index(written: &str, offset: usize, index: usize) -> usize {
    written
        .chars()
        .enumerate()
        .skip(offset)
        .filter(|(_, c)| classify(*c) != CharClass::Invisible)
        .nth(index)
        .map_or(index + offset, |(at, _)| at)
}

/// Whether every byte is printable ASCII, a space to `~`: eight bytes at a time, as every
/// string of every request comes through here.
fn is_printable_ascii(bytes: &[u8]) -> bool {
    use crate::swar::{below, equal, high, words};
    let printable = |b: &u8| (b' '..0x7F).contains(b);
    let (mut words, rest) = words(bytes);
    // No byte below a space, none past ASCII, no DEL.
    words.all(|word| below(word, b' ') | high(word) | equal(word, 0x7F) == 0)
        && rest.iter().all(printable)
}

/// Checks a value's hygiene and returns what its field rule should check.
#[inline]
pub fn clean(field: Param, value: &str) -> Cleaned<'_> {
    // Fast path, inlined at every rule: printable ASCII with no surrounding space needs
    // nothing.
    let bytes = value.as_bytes();
    if is_printable_ascii(bytes) && bytes.first() != Some(&b' ') && bytes.last() != Some(&b' ') {
        return Cleaned {
            value: Cow::Borrowed(value),
            offset: 0,
            violations: Vec::new(),
        };
    }
    clean_written(field, value)
}

/// [`clean`] for a value with something to clean.
#[inline(never)]
fn clean_written(field: Param, value: &str) -> Cleaned<'_> {
    let mut violations = Vec::new();
    let trimmed = value.trim();
    let offset = value.chars().take_while(|c| c.is_whitespace()).count();
    if trimmed.len() != value.len() {
        violations.push(Violation::SurroundingWhitespace {
            field,
            leading: offset > 0,
            trailing: value.ends_with(char::is_whitespace),
            trimmed: trimmed.to_owned(),
        });
    }
    let mut confusable = None;
    let mut invisible = None;
    let mut folded = String::with_capacity(trimmed.len());
    for (index, c) in trimmed.chars().enumerate() {
        let index = index + offset;
        match classify(c) {
            CharClass::Plain => folded.push(c),
            CharClass::Confusable(ascii) => {
                folded.push(ascii);
                let (count, _) = confusable.get_or_insert((0, (c, index, ascii)));
                *count += 1;
            }
            CharClass::Invisible => {
                let (count, _) = invisible.get_or_insert((0, (c, index)));
                *count += 1;
            }
        }
    }
    if let Some((count, (character, index, looks_like))) = confusable {
        violations.push(Violation::ConfusableCharacter {
            field,
            character,
            index,
            looks_like,
            count,
        });
    }
    if let Some((count, (character, index))) = invisible {
        violations.push(Violation::InvisibleCharacter {
            field,
            character,
            index,
            count,
        });
    }
    let value = if folded == trimmed {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(folded)
    };
    Cleaned {
        value,
        offset,
        violations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Eight bytes at a time answers as one byte at a time.
        #[test]
        fn printable_ascii_is_read_a_word_at_a_time(
            bytes in proptest::collection::vec(
                prop_oneof![Just(b' '), Just(b'~'), Just(0x7F), Just(0x1F), Just(0x80), b' '..0x7F_u8, any::<u8>()],
                0..40,
            )
        ) {
            let expected = bytes.iter().all(|b| (b' '..0x7F).contains(b));
            prop_assert_eq!(is_printable_ascii(&bytes), expected, "{:?}", bytes);
        }
    }

    #[test]
    fn written_indexes_count_what_clean_removed() {
        let written = " a\u{200B}b c";
        let cleaned = clean(Param::Name, written);
        assert_eq!(cleaned.value, "ab c");
        assert_eq!(written_index(written, cleaned.offset, 0), 1); // a
        assert_eq!(written_index(written, cleaned.offset, 1), 3); // b, after the zero-width space
        assert_eq!(written_index(written, cleaned.offset, 2), 4); // the space
    }

    #[test]
    fn plain_ascii_is_borrowed_untouched() {
        let cleaned = clean(Param::Name, "audit-log_1");
        assert!(matches!(cleaned.value, Cow::Borrowed("audit-log_1")));
        assert!(cleaned.violations.is_empty());
    }

    #[test]
    fn whitespace_is_named_by_side() {
        let sides = |v: &str| match clean(Param::Name, v).violations.first() {
            Some(Violation::SurroundingWhitespace {
                leading, trailing, ..
            }) => Some((*leading, *trailing)),
            _ => None,
        };
        assert_eq!(sides(" a"), Some((true, false)));
        assert_eq!(sides("a\t"), Some((false, true)));
        assert_eq!(sides("\u{3000}a "), Some((true, true)));
        assert_eq!(sides("a b"), None);
    }

    #[test]
    fn indexes_count_characters_of_the_value_as_written() {
        let cleaned = clean(Param::Name, "  ab\u{200B}c");
        assert_eq!(cleaned.value, "abc");
        assert_eq!(
            cleaned.violations[1],
            Violation::InvisibleCharacter {
                field: Param::Name,
                character: '\u{200B}',
                index: 4,
                count: 1
            }
        );
    }

    #[test]
    fn lookalikes_are_counted_and_folded() {
        let cleaned = clean(Param::ResourceType, "сοѕ"); // Cyrillic с, Greek ο, Cyrillic ѕ
        assert_eq!(cleaned.value, "cos");
        assert_eq!(
            cleaned.violations,
            vec![Violation::ConfusableCharacter {
                field: Param::ResourceType,
                character: 'с',
                index: 0,
                looks_like: 'c',
                count: 3
            }]
        );
    }
}

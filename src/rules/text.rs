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

use crate::{Param, Violation};

/// What a character is, for the hygiene rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// Printable ASCII (or any character with no hygiene concern).
    Plain,
    /// Looks like the given ASCII character.
    Confusable(char),
    /// Invisible, control or bidirectional control.
    Invisible,
}

/// Classifies one character.
///
/// ```
/// use cloudaudit_lint::rules::text::{classify, CharClass};
/// assert_eq!(classify('а'), CharClass::Confusable('a')); // U+0430 CYRILLIC SMALL LETTER A
/// assert_eq!(classify('Ａ'), CharClass::Confusable('A')); // U+FF21 FULLWIDTH LATIN CAPITAL LETTER A
/// assert_eq!(classify('\u{202E}'), CharClass::Invisible);
/// assert_eq!(classify('中'), CharClass::Plain);
/// ```
pub fn classify(c: char) -> CharClass {
    if c.is_ascii() {
        return if c.is_ascii_control() {
            CharClass::Invisible
        } else {
            CharClass::Plain
        };
    }
    if is_invisible(c) {
        return CharClass::Invisible;
    }
    match ascii_lookalike(c) {
        Some(ascii) => CharClass::Confusable(ascii),
        None => CharClass::Plain,
    }
}

/// Invisible characters with the Unicode name reporters show for them.
const INVISIBLE_NAMES: &[(char, &str)] = &[
    ('\u{00AD}', "SOFT HYPHEN"),
    ('\u{061C}', "ARABIC LETTER MARK"),
    ('\u{180E}', "MONGOLIAN VOWEL SEPARATOR"),
    ('\u{200B}', "ZERO WIDTH SPACE"),
    ('\u{200C}', "ZERO WIDTH NON-JOINER"),
    ('\u{200D}', "ZERO WIDTH JOINER"),
    ('\u{200E}', "LEFT-TO-RIGHT MARK"),
    ('\u{200F}', "RIGHT-TO-LEFT MARK"),
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2060}', "WORD JOINER"),
    ('\u{2061}', "FUNCTION APPLICATION"),
    ('\u{2062}', "INVISIBLE TIMES"),
    ('\u{2063}', "INVISIBLE SEPARATOR"),
    ('\u{2064}', "INVISIBLE PLUS"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
    ('\u{FEFF}', "ZERO WIDTH NO-BREAK SPACE"),
];

/// The Unicode name of an invisible character this module knows by name.
///
/// ```
/// assert_eq!(cloudaudit_lint::rules::text::invisible_name('\u{200B}'), Some("ZERO WIDTH SPACE"));
/// ```
pub fn invisible_name(c: char) -> Option<&'static str> {
    INVISIBLE_NAMES
        .iter()
        .find(|(known, _)| *known == c)
        .map(|(_, name)| *name)
}

fn is_invisible(c: char) -> bool {
    c.is_control() // C0, DEL and C1
        || invisible_name(c).is_some()
        || ('\u{FE00}'..='\u{FE0F}').contains(&c) // variation selectors
        || ('\u{E0000}'..='\u{E007F}').contains(&c) // tag characters
        || ('\u{E0100}'..='\u{E01EF}').contains(&c) // variation selectors supplement
}

/// Greek and Cyrillic letters drawn like Latin ones, and other common look-alikes.
const LOOKALIKES: &[(char, char)] = &[
    // Cyrillic
    ('а', 'a'),
    ('в', 'B'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('ѕ', 's'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ԁ', 'd'),
    ('һ', 'h'),
    ('ԛ', 'q'),
    ('ԝ', 'w'),
    ('ӏ', 'l'),
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('Ѕ', 'S'),
    ('І', 'I'),
    ('Ј', 'J'),
    ('У', 'Y'),
    ('Ԛ', 'Q'),
    ('Ԝ', 'W'),
    // Greek
    ('ο', 'o'),
    ('ν', 'v'),
    ('ι', 'i'),
    ('α', 'a'),
    ('κ', 'k'),
    ('ρ', 'p'),
    ('τ', 't'),
    ('Α', 'A'),
    ('Β', 'B'),
    ('Ε', 'E'),
    ('Ζ', 'Z'),
    ('Η', 'H'),
    ('Ι', 'I'),
    ('Κ', 'K'),
    ('Μ', 'M'),
    ('Ν', 'N'),
    ('Ο', 'O'),
    ('Ρ', 'P'),
    ('Τ', 'T'),
    ('Υ', 'Y'),
    ('Χ', 'X'),
    // Latin letters outside ASCII that read as ASCII ones
    ('ı', 'i'),
    ('ɡ', 'g'),
    ('ɑ', 'a'),
    ('ʟ', 'L'),
    // Dashes, spaces and the like
    ('\u{2010}', '-'),
    ('\u{2011}', '-'),
    ('\u{2012}', '-'),
    ('\u{2013}', '-'),
    ('\u{2014}', '-'),
    ('\u{2015}', '-'),
    ('\u{2212}', '-'),
    ('\u{00A0}', ' '),
    ('\u{2000}', ' '),
    ('\u{2001}', ' '),
    ('\u{2002}', ' '),
    ('\u{2003}', ' '),
    ('\u{2004}', ' '),
    ('\u{2005}', ' '),
    ('\u{2006}', ' '),
    ('\u{2007}', ' '),
    ('\u{2008}', ' '),
    ('\u{2009}', ' '),
    ('\u{200A}', ' '),
    ('\u{202F}', ' '),
    ('\u{205F}', ' '),
    ('\u{3000}', ' '),
    ('\u{2024}', '.'),
    ('\u{2215}', '/'),
];

/// The ASCII character `c` is drawn like, if any.
///
/// ```
/// use cloudaudit_lint::rules::text::ascii_lookalike;
/// assert_eq!(ascii_lookalike('ｃ'), Some('c')); // full-width
/// assert_eq!(ascii_lookalike('с'), Some('c')); // Cyrillic
/// assert_eq!(ascii_lookalike('c'), None);
/// ```
pub fn ascii_lookalike(c: char) -> Option<char> {
    // Full-width forms U+FF01..U+FF5E mirror ASCII U+0021..U+007E.
    if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        return char::from_u32(c as u32 - 0xFEE0);
    }
    LOOKALIKES
        .iter()
        .find(|(lookalike, _)| *lookalike == c)
        .map(|(_, ascii)| *ascii)
}

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
///
/// ```
/// use cloudaudit_lint::rules::text::{clean, written_index};
/// use cloudaudit_lint::Param;
/// let written = " a\u{200B}b c";
/// let cleaned = clean(Param::Name, written);
/// assert_eq!(cleaned.value, "ab c");
/// assert_eq!(written_index(written, cleaned.offset, 2), 4); // the space
/// ```
pub fn written_index(written: &str, offset: usize, index: usize) -> usize {
    written
        .chars()
        .enumerate()
        .skip(offset)
        .filter(|(_, c)| classify(*c) != CharClass::Invisible)
        .nth(index)
        .map_or(index + offset, |(at, _)| at)
}

/// Checks a value's hygiene and returns what its field rule should check.
pub fn clean(field: Param, value: &str) -> Cleaned<'_> {
    // Fast path: printable ASCII with no surrounding space needs nothing.
    if value
        .bytes()
        .all(|b| (0x21..0x7F).contains(&b) || b == b' ')
        && !value.starts_with(' ')
        && !value.ends_with(' ')
    {
        return Cleaned {
            value: Cow::Borrowed(value),
            offset: 0,
            violations: Vec::new(),
        };
    }
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

    #[test]
    fn classification_table() {
        for (c, class) in [
            ('a', CharClass::Plain),
            ('\0', CharClass::Invisible),
            ('\u{7F}', CharClass::Invisible),
            ('\u{85}', CharClass::Invisible),
            ('\u{200D}', CharClass::Invisible),
            ('\u{2066}', CharClass::Invisible),
            ('\u{FE0F}', CharClass::Invisible),
            ('\u{E0041}', CharClass::Invisible),
            ('Ｚ', CharClass::Confusable('Z')),
            ('＿', CharClass::Confusable('_')),
            ('－', CharClass::Confusable('-')),
            ('\u{2013}', CharClass::Confusable('-')),
            ('Ο', CharClass::Confusable('O')),
            ('é', CharClass::Plain),
            ('中', CharClass::Plain),
        ] {
            assert_eq!(classify(c), class, "{c:?}");
        }
    }
}

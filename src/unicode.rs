//! Unicode facts the rules and the reporters share: which characters cannot be seen, which
//! look like ASCII ones, and how many terminal cells a character takes.
//!
//! A leaf: it depends on nothing else in the crate. The hygiene rules
//! ([`rules::text`](crate::rules::text)) report what [`classify`] finds; the human reporter draws
//! invisible characters as U+FFFD and aligns its caret by [`width`]; the JSON Schema's hygiene
//! pattern is generated from [`classify`]. (`rules::text` re-exports [`CharClass`],
//! [`classify`], [`ascii_lookalike`] and [`invisible_name`] under their old paths; this module
//! is their home.)
//!
//! ```
//! use cloudaudit_lint::unicode::{CharClass, classify, width};
//! assert_eq!(classify('\u{200B}'), CharClass::Invisible); // ZERO WIDTH SPACE
//! assert_eq!(width('中'), 2);
//! ```

use unicode_width::UnicodeWidthChar;

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
/// use cloudaudit_lint::unicode::{classify, CharClass};
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
/// assert_eq!(cloudaudit_lint::unicode::invisible_name('\u{200B}'), Some("ZERO WIDTH SPACE"));
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
/// use cloudaudit_lint::unicode::ascii_lookalike;
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

/// How many terminal cells `c` takes: two for East Asian wide characters, none for a control
/// or combining character, one otherwise.
///
/// ```
/// use cloudaudit_lint::unicode::width;
/// assert_eq!(width('a'), 1);
/// assert_eq!(width('Ｚ'), 2); // full-width
/// assert_eq!(width('\u{0301}'), 0); // combining acute accent
/// ```
pub fn width(c: char) -> usize {
    c.width().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

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

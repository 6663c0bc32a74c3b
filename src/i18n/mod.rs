//! Every message text, one table per language: `en` and `zh` each turn a
//! [`Violation`] into a message (what is wrong, with the field and the value) and an optional
//! help line (what to do), decided once as a [`Help`]; [`describe`] gives each rule's
//! one-line description with the facts of the profile in force.
//!
//! ```
//! use cloudaudit_lint::i18n::{help, message, Locale};
//! use cloudaudit_lint::Violation;
//! let v = Violation::ActionTypeValue { value: "read".into(), suggestion: Some("Read") };
//! assert_eq!(message(&v, Locale::En), r#"ActionType "read" is not one of Read, Write or * (all)"#);
//! assert_eq!(help(&v, Locale::En).as_deref(), Some(r#"did you mean "Read"?"#));
//! assert_eq!(help(&v, Locale::ZhCn).as_deref(), Some("是否应为 \"Read\"？"));
//! ```

pub(crate) mod en;
mod help;
pub(crate) mod zh;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use help::Help;

use crate::unicode::invisible_name;
use crate::{Profile, RuleId, Violation};

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    /// English (`en`).
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese (`zh-CN`).
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Locale {
    /// The BCP 47 tag: `"en"` or `"zh-CN"`.
    pub const fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhCn => "zh-CN",
        }
    }
}

/// The error returned for a locale tag other than `en` and `zh-CN`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale `{0}`; use `en` or `zh-CN`")]
pub struct UnknownLocale(pub String);

impl std::str::FromStr for Locale {
    type Err = UnknownLocale;

    /// Accepts `en` and `zh-CN`, case-insensitively, and the common spellings `zh`, `zh_CN`,
    /// `zh-Hans`.
    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        match tag.to_ascii_lowercase().replace('_', "-").as_str() {
            "en" | "en-us" | "en-gb" => Ok(Self::En),
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" => Ok(Self::ZhCn),
            _ => Err(UnknownLocale(tag.to_owned())),
        }
    }
}

/// The message for `violation` in `locale`.
pub fn message(violation: &Violation, locale: Locale) -> String {
    written(|out| write_message(out, violation, locale))
}

/// Writes the message for `violation` in `locale` to the end of `out`: what a caller that
/// gathers many messages in one text (the npm package's payload) calls, so that no message is
/// a string of its own.
pub(crate) fn write_message(
    out: &mut String,
    violation: &Violation,
    locale: Locale,
) -> fmt::Result {
    match locale {
        Locale::En => en::write_message(out, violation),
        Locale::ZhCn => zh::write_message(out, violation),
    }
}

/// The help line for `violation` in `locale`, when there is something to suggest.
pub fn help(violation: &Violation, locale: Locale) -> Option<String> {
    let help = violation.help()?;
    Some(written(|out| write_help(out, &help, locale)))
}

/// Writes `help` in `locale` to the end of `out` (see [`write_message`]).
pub(crate) fn write_help(out: &mut String, help: &Help<'_>, locale: Locale) -> fmt::Result {
    match locale {
        Locale::En => en::write_help(out, help),
        Locale::ZhCn => zh::write_help(out, help),
    }
}

/// The text `write` writes: writing to a `String` cannot fail, so its `fmt::Result` is
/// always `Ok` and is not looked at.
fn written(write: impl FnOnce(&mut String) -> fmt::Result) -> String {
    let mut text = String::new();
    let _infallible = write(&mut text);
    text
}

/// The one-line description of `rule` in `locale`, stating the facts of `profile`, the
/// profile in force: every surface that describes a rule (`cloudaudit-lint rules`, SARIF rule
/// metadata, the npm package's `rules()`, the JSON Schema) calls it, so an overridden limit is
/// the limit each of them states.
///
/// ```
/// use cloudaudit_lint::i18n::{describe, Locale};
/// use cloudaudit_lint::{Profile, RuleId};
/// let default = Profile::default();
/// assert_eq!(describe(RuleId::NameLength, &default, Locale::En), "Name must be 3 to 48 characters long.");
/// let longer = Profile { name_max: 64, ..Profile::default() };
/// assert_eq!(describe(RuleId::NameLength, &longer, Locale::ZhCn), "Name 长度必须为 3 到 64 个字符。");
/// ```
pub fn describe(rule: RuleId, profile: &Profile, locale: Locale) -> String {
    match locale {
        Locale::En => en::describe(rule, profile),
        Locale::ZhCn => zh::describe(rule, profile),
    }
}

/// The closing line of human output: counts of errors, warnings and suppressed diagnostics
/// over `files` inputs.
pub fn summary(
    locale: Locale,
    errors: usize,
    warnings: usize,
    suppressed: usize,
    omitted: usize,
    files: usize,
) -> String {
    match locale {
        Locale::En => en::summary(errors, warnings, suppressed, omitted, files),
        Locale::ZhCn => zh::summary(errors, warnings, suppressed, omitted, files),
    }
}

/// A label in human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Before the help line.
    Help,
    /// Before the API error code.
    ApiError,
    /// The note that `--fix` repairs it.
    Fixable,
}

/// `label` in `locale`.
pub fn label(locale: Locale, label: Label) -> &'static str {
    match locale {
        Locale::En => en::label(label),
        Locale::ZhCn => zh::label(label),
    }
}

/// The report of an input that could not be read.
pub fn unreadable(locale: Locale, file: &str, reason: &str) -> String {
    match locale {
        Locale::En => en::unreadable(file, reason),
        Locale::ZhCn => zh::unreadable(file, reason),
    }
}

/// The report of an input whose fixes could not be written (`check --fix`): it is unchanged.
pub fn unwritable(locale: Locale, file: &str, reason: &str) -> String {
    match locale {
        Locale::En => en::unwritable(file, reason),
        Locale::ZhCn => zh::unwritable(file, reason),
    }
}

/// The note appended to the message of a diagnostic whose `.tf` value came from the literal
/// `default` of a variable.
///
/// ```
/// use cloudaudit_lint::i18n::{from_variable_default, Locale};
/// assert_eq!(from_variable_default(Locale::En, "name"), r#"(from the default of variable "name")"#);
/// ```
pub fn from_variable_default(locale: Locale, variable: &str) -> String {
    match locale {
        Locale::En => en::from_variable_default(variable),
        Locale::ZhCn => zh::from_variable_default(variable),
    }
}

/// A character as messages show it: ASCII as itself in quotes, anything else by code point,
/// with its name when it is invisible (`U+200B ZERO WIDTH SPACE`) or in quotes when visible
/// (`U+0430 "а"`).
pub(crate) fn character(c: char) -> String {
    if c.is_ascii_graphic() {
        return format!("\"{c}\"");
    }
    let code = format!("U+{:04X}", c as u32);
    if let Some(name) = invisible_name(c) {
        format!("{code} {name}")
    } else if c.is_control() {
        code
    } else {
        format!("{code} \"{c}\"")
    }
}

/// `a, b or c` in English, `a、b 或 c` in Chinese.
pub(crate) fn list<S: AsRef<str>>(items: &[S], last_joiner: &str, joiner: &str) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{}{last_joiner}{}", init.join(joiner), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_parse_leniently_and_print_canonically() {
        for (tag, locale) in [
            ("en", Locale::En),
            ("EN", Locale::En),
            ("zh-CN", Locale::ZhCn),
            ("zh_cn", Locale::ZhCn),
            ("zh-Hans", Locale::ZhCn),
        ] {
            assert_eq!(tag.parse::<Locale>(), Ok(locale), "{tag}");
        }
        assert!("fr".parse::<Locale>().is_err());
        assert_eq!(Locale::ZhCn.tag(), "zh-CN");
    }

    #[test]
    fn characters_are_shown_by_kind() {
        assert_eq!(character('@'), "\"@\"");
        assert_eq!(character(' '), "U+0020 \" \"");
        assert_eq!(character('\u{200B}'), "U+200B ZERO WIDTH SPACE");
        assert_eq!(character('\0'), "U+0000");
        assert_eq!(character('а'), "U+0430 \"а\"");
    }

    #[test]
    fn lists_join_naturally() {
        assert_eq!(list(&["a"], " or ", ", "), "a");
        assert_eq!(list(&["a", "b", "c"], " or ", ", "), "a, b or c");
    }
}

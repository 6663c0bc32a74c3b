//! Human output: one block per diagnostic, then a summary line.
//!
//! ```text
//! request.json:3:14: error[name-charset]: Name has U+0020 " " at character 3; …
//!    |
//!  3 |   "Name": "my audit trail!",
//!    |              ^
//!    = help: replace it with a letter, digit, - or _
//!    = api error: InvalidParameterValue
//! ```
//!
//! Columns count characters. The code frame shows at most [`FRAME_WIDTH`] characters of a
//! line around the problem, draws invisible and control characters as U+FFFD so that the
//! terminal shows what is there (a right-to-left override cannot reorder the frame), and
//! aligns the caret by display width (CJK characters take two cells).

use std::borrow::Cow;
use std::fmt::Write as _;

use super::{FileOutcome, Outcome};
use crate::fix::is_fixable_in_text;
use crate::i18n::{self, Label};
use crate::unicode::{self, CharClass, classify};
use crate::{Diagnostic, Locale, Location, Severity};

/// The most characters of one line a code frame shows.
pub const FRAME_WIDTH: usize = 100;

/// Terminal colours, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Style {
    /// Whether to write ANSI colour codes.
    pub color: bool,
}

impl Style {
    /// With ANSI colour codes when `color`, else plain text.
    pub const fn colored(color: bool) -> Self {
        Self { color }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn severity(self, severity: Severity, text: &str) -> String {
        match severity {
            Severity::Error => self.paint("1;31", text),
            Severity::Warning => self.paint("1;33", text),
        }
    }
}

/// Renders `files` for a terminal.
///
/// Everything taken from input (file names, keys, values, the caller's region, a
/// configuration's reasons) is written through [`shown`], so no control character from input
/// reaches the terminal, and every line starts with text of ours or a file name that cannot
/// pass for a command to a CI log ([`shown_file`]).
pub fn render(files: &[FileOutcome<'_>], locale: Locale, style: Style) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings, mut suppressed, mut omitted, mut checked) = (0, 0, 0, 0, 0);
    for file in files {
        let name = shown_file(file.file);
        match file.outcome {
            Outcome::Checked {
                text,
                report,
                fixes,
                unwritten,
            } => {
                if let Some(reason) = unwritten {
                    let label = style.severity(Severity::Error, "error");
                    let message = i18n::unwritable(locale, &name, &shown(reason));
                    let _ = writeln!(out, "{label}: {message}\n");
                }
                for change in fixes {
                    let label = style.paint("1;32", "fixed");
                    let after = if change.after.is_empty() {
                        "(removed)".to_owned()
                    } else {
                        one_line(&change.after)
                    };
                    let _ = writeln!(
                        out,
                        "{name}: {label}[{}]: {} {} → {after}",
                        change.rule,
                        shown(&change.path),
                        one_line(&change.before)
                    );
                }
                if !fixes.is_empty() {
                    out.push('\n');
                }
                for diagnostic in report.in_text_order() {
                    match &diagnostic.suppressed {
                        Some(reason) => {
                            suppressed_line(&mut out, &name, diagnostic, reason, locale, style)
                        }
                        None => diagnostic_block(&mut out, &name, text, diagnostic, locale, style),
                    }
                }
                suppressed += report.suppressed_count();
                errors += report.error_count() + report.omitted_errors;
                warnings += report.warning_count();
                omitted += report.omitted;
                checked += 1;
            }
            Outcome::Unreadable { reason } => {
                let label = style.severity(Severity::Error, "error");
                let _ = writeln!(
                    out,
                    "{label}: {}\n",
                    i18n::unreadable(locale, &name, &shown(reason))
                );
            }
        }
    }
    let summary = i18n::summary(locale, errors, warnings, suppressed, omitted, checked);
    let _ = writeln!(out, "{}", style.paint("1", &summary));
    out
}

/// `file:line:column`, or the file alone for a problem with no place in the text; `file` is
/// already [`shown_file`].
fn place(file: &str, diagnostic: &Diagnostic) -> String {
    match diagnostic.location {
        Some(l) => format!("{file}:{}:{}", l.start.line, l.start.column),
        None => file.to_owned(),
    }
}

/// A suppressed diagnostic: one line, so it is seen but does not crowd the problems.
fn suppressed_line(
    out: &mut String,
    file: &str,
    diagnostic: &Diagnostic,
    reason: &str,
    locale: Locale,
    style: Style,
) {
    let place = place(file, diagnostic);
    let label = style.paint("2", &format!("suppressed[{}]", diagnostic.rule()));
    let _ = writeln!(
        out,
        "{place}: {label}: {} ({})\n",
        shown(&diagnostic.headline(locale)),
        shown(reason)
    );
}

fn diagnostic_block(
    out: &mut String,
    file: &str,
    text: &str,
    diagnostic: &Diagnostic,
    locale: Locale,
    style: Style,
) {
    let place = place(file, diagnostic);
    let label = format!("{}[{}]", diagnostic.severity, diagnostic.rule());
    let _ = writeln!(
        out,
        "{}: {}: {}",
        style.paint("1", &place),
        style.severity(diagnostic.severity, &label),
        shown(&diagnostic.headline(locale))
    );
    let gutter_width = diagnostic
        .location
        .map_or(1, |l| l.start.line.to_string().len());
    let pad = " ".repeat(gutter_width);
    let bar = style.paint("1;34", "|");
    if let Some(location) = diagnostic.location {
        let frame = code_frame(text, location);
        let number = style.paint("1;34", &location.start.line.to_string());
        let caret = style.severity(diagnostic.severity, &"^".repeat(frame.caret_width));
        let _ = writeln!(out, " {pad} {bar}");
        let _ = writeln!(out, " {number} {bar} {}", frame.line);
        let _ = writeln!(
            out,
            " {pad} {bar} {}{caret}",
            " ".repeat(frame.caret_offset)
        );
    }
    let equals = style.paint("1;34", "=");
    if let Some(help) = diagnostic.help(locale) {
        let label = style.paint("1;36", i18n::label(locale, Label::Help));
        let _ = writeln!(out, " {pad} {equals} {label}: {}", shown(&help));
    }
    if is_fixable_in_text(diagnostic) {
        let label = i18n::label(locale, Label::Fixable);
        let _ = writeln!(out, " {pad} {equals} {label}");
    }
    if let Some(code) = diagnostic.api_error_code() {
        let label = i18n::label(locale, Label::ApiError);
        let _ = writeln!(out, " {pad} {equals} {label}: {code}");
    }
    out.push('\n');
}

/// Text taken from input, made safe to print on one line: every character a terminal would
/// act on or hide (controls, escapes, line breaks, bidirectional overrides) drawn as U+FFFD,
/// a tab as one space, as in code frames.
///
/// ```
/// use cloudaudit_lint::report::human::shown;
/// assert_eq!(shown("a\u{1b}]0;PWNED\u{7}\nb\tc"), "a\u{FFFD}]0;PWNED\u{FFFD}\u{FFFD}b c");
/// ```
#[doc(hidden)]
pub fn shown(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| printable(c) == c) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(printable).collect())
}

/// A file name as the first thing on a line: [`shown`], and prefixed with `./` (the same file)
/// unless it starts with an ASCII letter, a digit, `_`, `.` or `/`, so that no name can pass
/// for a command to a CI log (`::error …` in GitHub Actions, `##vso[…]` in Azure Pipelines).
/// Standard input, `-`, is shown as it is.
///
/// ```
/// use cloudaudit_lint::report::human::shown_file;
/// assert_eq!(shown_file("requests/a.json"), "requests/a.json");
/// assert_eq!(shown_file("::error file=x::y.json"), "./::error file=x::y.json");
/// assert_eq!(shown_file("-"), "-");
/// ```
#[doc(hidden)]
pub fn shown_file(name: &str) -> String {
    let safe_start = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '/');
    let name = shown(name);
    match name.chars().next() {
        Some(c) if safe_start(c) => name.into_owned(),
        _ if name == "-" => name.into_owned(),
        _ => format!("./{name}"),
    }
}

/// One line of text, made safe to print, and where the caret goes under it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Frame {
    line: String,
    caret_offset: usize,
    caret_width: usize,
}

fn code_frame(text: &str, location: Location) -> Frame {
    // Only the characters the window can show are read, at most FRAME_WIDTH on each side of
    // the caret: a minified request is one line of megabytes, and each diagnostic has a frame.
    let caret = floor_boundary(text, location.span.start.min(text.len()));
    let is_break = |c: &char| *c == '\n' || *c == '\r';
    let before: Vec<char> = text[..caret]
        .chars()
        .rev()
        .take_while(|c| !is_break(c))
        .take(FRAME_WIDTH)
        .collect();
    let after: Vec<char> = text[caret..]
        .chars()
        .take_while(|c| !is_break(c))
        .take(FRAME_WIDTH + 1)
        .collect();
    let caret_start = location.start.column - 1;
    // The line's length in characters, when its end is within reach; else it is longer than
    // anything the window shows.
    let line_len = (after.len() <= FRAME_WIDTH).then_some(caret_start + after.len());
    let caret_len = if location.end.line == location.start.line {
        location.end.column.saturating_sub(location.start.column)
    } else {
        after.len()
    }
    .max(1);
    // A window of the line around the caret.
    let window_start = match line_len {
        Some(len) if len <= FRAME_WIDTH => 0,
        Some(len) => caret_start
            .saturating_sub(FRAME_WIDTH / 3)
            .min(len - FRAME_WIDTH),
        None => caret_start.saturating_sub(FRAME_WIDTH / 3),
    };
    let window_end = line_len.map_or(window_start + FRAME_WIDTH, |len| {
        (window_start + FRAME_WIDTH).min(len)
    });
    let char_at = |index: usize| match index.checked_sub(caret_start) {
        Some(forward) => after.get(forward),
        None => before.get(caret_start - 1 - index),
    };
    let mut shown = String::new();
    let (mut caret_offset, mut caret_width) = (0, 0);
    if window_start > 0 {
        shown.push('…');
        caret_offset += 1;
    }
    for index in window_start..window_end {
        let Some(c) = char_at(index) else { continue };
        let c = printable(*c);
        let width = unicode::width(c);
        if index < caret_start {
            caret_offset += width;
        } else if index < caret_start + caret_len {
            caret_width += width;
        }
        shown.push(c);
    }
    if line_len.is_none_or(|len| window_end < len) {
        shown.push('…');
    }
    Frame {
        line: shown,
        caret_offset,
        caret_width: caret_width.max(1),
    }
}

/// A JSON fragment on one line: runs of whitespace become one space, then [`shown`].
fn one_line(text: &str) -> String {
    shown(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

/// Characters a terminal would hide or act on are drawn as U+FFFD; a tab as one space.
/// Line and paragraph separators count: some log viewers break lines at them.
fn printable(c: char) -> char {
    match c {
        '\t' => ' ',
        '\u{2028}' | '\u{2029}' => '\u{FFFD}',
        c if classify(c) == CharClass::Invisible => '\u{FFFD}',
        c => c,
    }
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate_str;

    fn frame_of(text: &str) -> Frame {
        let report = validate_str(text, Some("ap-guangzhou"));
        let location = report.diagnostics[0].location.unwrap();
        code_frame(text, location)
    }

    #[test]
    fn caret_sits_under_the_character() {
        let frame = frame_of("{\"Name\": \"ab c\"}");
        assert_eq!(frame.line, "{\"Name\": \"ab c\"}");
        assert_eq!((frame.caret_offset, frame.caret_width), (12, 1));
    }

    #[test]
    fn wide_characters_take_two_cells() {
        let frame = frame_of("{\"Name\": \"审计 x\"}");
        assert_eq!((frame.caret_offset, frame.caret_width), (10, 2));
    }

    #[test]
    fn control_characters_are_drawn_harmless() {
        let frame = frame_of("{\"Name\": \"ab\u{202E}c\"}");
        assert_eq!(frame.line, "{\"Name\": \"ab\u{FFFD}c\"}");
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let text = "{\"EventNames\": [\"PutObject\", \"GetObject\", \"PutObject\"], \"Status\": 1}";
        let report = validate_str(text, None);
        let duplicate = report
            .diagnostics
            .iter()
            .find(|d| d.path == "/EventNames/2")
            .unwrap();
        let frame = code_frame(text, duplicate.location.unwrap());
        assert_eq!(frame.line, text);
        assert_eq!(frame.caret_offset, text.rfind("\"PutObject\"").unwrap());
    }

    #[test]
    fn long_lines_are_windowed_around_the_problem() {
        let text = format!("{{\"Foo\": \"{}\", \"Nam\": 1}}", "x".repeat(10_000));
        let report = validate_str(&text, None);
        let unknown = report
            .diagnostics
            .iter()
            .find(|d| d.path == "/Nam")
            .unwrap();
        let frame = code_frame(&text, unknown.location.unwrap());
        assert!(frame.line.starts_with('…'));
        assert!(frame.line.chars().count() <= FRAME_WIDTH + 2);
        assert!(frame.line.contains("\"Nam\""));
    }
}

//! Byte spans and the line/column positions people and editors use.

/// A half-open byte range [start, end) into the validated text.
///
/// ```
/// use cloudaudit_lint::source::Span;
///
/// let span = Span::new(2, 5);
/// assert_eq!(span.len(), 3);
/// assert_eq!(&"ab\"c\"d"[span.start..span.end], "\"c\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Span {
    /// The offset of the first byte.
    pub start: usize,
    /// The offset just past the last byte.
    pub end: usize,
}

impl Span {
    /// The span [start, end).
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `offset` is one of the covered bytes.
    pub const fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// A 1-based place in the text for people and editors.
///
/// ```
/// use cloudaudit_lint::source::{locate, Position};
///
/// // "😀" is one char but two UTF-16 code units.
/// let text = "{\r\n\"😀\": x}";
/// let offset = text.find('x').unwrap();
/// assert_eq!(locate(text, offset), Position { line: 2, column: 6, column_utf16: 7 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    /// 1-based line; a line ends at "\n", "\r\n" (one break) or a lone "\r".
    pub line: usize,
    /// 1-based column counted in Unicode scalar values (chars) from the line start: what
    /// terminals and people count.
    pub column: usize,
    /// 1-based column counted in UTF-16 code units: what JavaScript strings and editors index.
    pub column_utf16: usize,
}

impl Position {
    /// The position of the first byte of a text.
    const START: Self = Self {
        line: 1,
        column: 1,
        column_utf16: 1,
    };
}

/// Position of one byte offset (an offset inside a multi-byte char counts as that char; past
/// the end clamps to the end).
///
/// It reads the text up to `offset`; for many offsets use [`locate_all`].
///
/// ```
/// use cloudaudit_lint::source::locate;
///
/// let text = "a\nbé中c";
/// let c = locate(text, text.find('c').unwrap());
/// assert_eq!((c.line, c.column, c.column_utf16), (2, 4, 4));
/// assert_eq!(locate(text, 1000), locate(text, text.len()));
/// ```
pub fn locate(text: &str, offset: usize) -> Position {
    let offset = char_start_at_or_before(text, offset);
    let before = text.get(..offset).unwrap_or_default();
    let line_start = before
        .char_indices()
        .filter(|&(index, ch)| ends_line(text, index, ch))
        .map(|(index, ch)| index + ch.len_utf8())
        .next_back()
        .unwrap_or(0);
    let breaks = before
        .char_indices()
        .filter(|&(index, ch)| ends_line(text, index, ch))
        .count();
    let on_this_line = text.get(line_start..offset).unwrap_or_default();
    Position {
        line: breaks + 1,
        column: on_this_line.chars().count() + 1,
        column_utf16: utf16_len(on_this_line) + 1,
    }
}

/// `text`'s length in UTF-16 code units: what JavaScript strings (`length`, `slice`) and
/// editors count.
pub(crate) fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().map(char::len_utf16).sum()
    }
}

/// Positions of many offsets in one forward sweep: O(text + k log k), in the input order of
/// `offsets` (which may be unsorted and repeated).
///
/// ```
/// use cloudaudit_lint::source::{locate, locate_all};
///
/// let text = "[1,\n 2,\r 3]";
/// let offsets = [9, 0, 5, 9];
/// let positions = locate_all(text, &offsets);
/// let one_by_one: Vec<_> = offsets.iter().map(|&offset| locate(text, offset)).collect();
/// assert_eq!(positions, one_by_one);
/// assert_eq!((positions[0].line, positions[0].column), (3, 2));
/// ```
pub fn locate_all(text: &str, offsets: &[usize]) -> Vec<Position> {
    // Offsets in text order (a report's usually are) are swept as they come, with no order
    // to sort: moving an offset back to its char's start keeps them in order.
    if offsets.is_sorted() {
        let mut sweep = Sweep::new(text);
        return offsets
            .iter()
            .map(|&offset| sweep.position_at(offset))
            .collect();
    }
    let mut order: Vec<(usize, usize)> = offsets
        .iter()
        .enumerate()
        .map(|(input_index, &offset)| (char_start_at_or_before(text, offset), input_index))
        .collect();
    crate::order::sort_by_key(&mut order, |&entry| entry);

    let mut positions = vec![Position::START; offsets.len()];
    let mut sweep = Sweep::new(text);
    for (offset, input_index) in order {
        sweep.advance_to(offset);
        if let Some(slot) = positions.get_mut(input_index) {
            *slot = sweep.position;
        }
    }
    positions
}

/// The start and end positions of spans, handed out in the order the spans are given: swept
/// as they come when their offsets are in text order (a report's usually are), with nothing
/// allocated; located together by [`locate_all`] otherwise.
pub(crate) enum Locator<'a> {
    /// Spans in text order: one sweep, moved forward span by span.
    InOrder(Sweep<'a>),
    /// Spans in any other order: their positions, located in one sweep beforehand.
    Listed(std::vec::IntoIter<Position>),
}

impl<'a> Locator<'a> {
    /// A locator for `spans` of `text`, the spans [`locate`](Self::locate) will be asked for,
    /// in the same order.
    pub(crate) fn new(text: &'a str, spans: impl Iterator<Item = Span> + Clone) -> Self {
        let offsets = spans.flat_map(|span| [span.start, span.end]);
        if offsets.clone().is_sorted() {
            Self::InOrder(Sweep::new(text))
        } else {
            let offsets: Vec<usize> = offsets.collect();
            Self::Listed(locate_all(text, &offsets).into_iter())
        }
    }

    /// The positions of the start and the end of `span`, the next of the spans given to
    /// [`new`](Self::new).
    pub(crate) fn locate(&mut self, span: Span) -> Option<(Position, Position)> {
        match self {
            Self::InOrder(sweep) => {
                Some((sweep.position_at(span.start), sweep.position_at(span.end)))
            }
            Self::Listed(positions) => Some((positions.next()?, positions.next()?)),
        }
    }
}

/// The offset clamped to the text and moved back to the start of the char it falls in.
fn char_start_at_or_before(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Whether the char at `index` completes a line break. A "\r" right before a
/// "\n" does not: the pair is one break, completed by the "\n".
fn ends_line(text: &str, index: usize, ch: char) -> bool {
    match ch {
        '\n' => true,
        '\r' => text.as_bytes().get(index + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// A cursor that walks the text forwards byte by byte, keeping the position
/// of the byte it stands on, so that each byte is looked at once however
/// many offsets are located.
pub(crate) struct Sweep<'a> {
    text: &'a str,
    offset: usize,
    position: Position,
}

impl<'a> Sweep<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            offset: 0,
            position: Position::START,
        }
    }

    /// The position of `offset` (moved back to its char's start), which is not before the
    /// cursor's char: the cursor moves there.
    fn position_at(&mut self, offset: usize) -> Position {
        self.advance_to(char_start_at_or_before(self.text, offset));
        self.position
    }

    /// Moves forward to `target`, a char boundary not before the cursor.
    fn advance_to(&mut self, target: usize) {
        while self.offset < target {
            // Runs of ASCII other than line breaks move the columns by their length at once.
            let run = plain_ascii_run_len(
                self.text
                    .as_bytes()
                    .get(self.offset..target.min(self.text.len()))
                    .unwrap_or_default(),
            );
            self.position.column += run;
            self.position.column_utf16 += run;
            self.offset += run;
            if self.offset >= target {
                return;
            }
            let Some(&byte) = self.text.as_bytes().get(self.offset) else {
                return;
            };
            self.step_over(byte);
            self.offset += 1;
        }
    }

    fn step_over(&mut self, byte: u8) {
        let next = self.text.as_bytes().get(self.offset + 1).copied();
        if byte == b'\n' || (byte == b'\r' && next != Some(b'\n')) {
            self.position.line += 1;
            self.position.column = 1;
            self.position.column_utf16 = 1;
        } else if !is_utf8_continuation(byte) {
            // A char counts once, at its first byte; only chars of four UTF-8
            // bytes lie outside the Basic Multilingual Plane and take two
            // UTF-16 code units.
            self.position.column += 1;
            self.position.column_utf16 += if byte >= 0xF0 { 2 } else { 1 };
        }
    }
}

/// The length of the leading run of `bytes` the sweep counts as one column a byte without
/// looking at each: ASCII from `0x0E` on, so no line break, eight bytes at a time (see
/// [`crate::swar`]). A tab or another control byte below `0x0E` ends the run too, and is
/// counted by [`Sweep::step_over`]: one range test, which folds to three operations a word,
/// where testing for each line break took about twelve.
fn plain_ascii_run_len(bytes: &[u8]) -> usize {
    use crate::swar::{below, high};
    crate::swar::run_len(
        bytes,
        |word| below(word, PLAIN_FROM) | high(word),
        |b| b < PLAIN_FROM || !b.is_ascii(),
    )
}

/// The first byte a run of plain ASCII holds: the line breaks, `\n` and `\r`, are below.
const PLAIN_FROM: u8 = 0x0E;

fn is_utf8_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(line: usize, column: usize, column_utf16: usize) -> Position {
        Position {
            line,
            column,
            column_utf16,
        }
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = "a\nb\r\nc\rd";
        let cases = [
            (0, at(1, 1, 1)),
            (1, at(1, 2, 2)), // the "\n" itself belongs to line 1
            (2, at(2, 1, 1)),
            (3, at(2, 2, 2)), // "\r" of "\r\n"
            (4, at(2, 3, 3)), // "\n" of "\r\n": still line 2
            (5, at(3, 1, 1)),
            (6, at(3, 2, 2)), // lone "\r"
            (7, at(4, 1, 1)),
            (8, at(4, 2, 2)), // the end of the text
        ];
        for (offset, expected) in cases {
            assert_eq!(locate(text, offset), expected, "offset {offset}");
        }
        let offsets: Vec<usize> = cases.iter().map(|&(offset, _)| offset).collect();
        let expected: Vec<Position> = cases.iter().map(|&(_, position)| position).collect();
        assert_eq!(locate_all(text, &offsets), expected);
    }

    #[test]
    fn columns_count_chars_and_utf16_units() {
        // é: 2 bytes, 1 unit; 中: 3 bytes, 1 unit; 😀: 4 bytes, 2 units.
        let text = "é中😀x";
        let cases = [
            (0, at(1, 1, 1)),
            (1, at(1, 1, 1)), // inside é
            (2, at(1, 2, 2)),
            (4, at(1, 2, 2)), // inside 中
            (5, at(1, 3, 3)),
            (8, at(1, 3, 3)), // inside 😀
            (9, at(1, 4, 5)),
            (10, at(1, 5, 6)),
            (11, at(1, 5, 6)), // past the end
            (usize::MAX, at(1, 5, 6)),
        ];
        for (offset, expected) in cases {
            assert_eq!(locate(text, offset), expected, "offset {offset}");
        }
        let offsets: Vec<usize> = cases.iter().map(|&(offset, _)| offset).collect();
        let expected: Vec<Position> = cases.iter().map(|&(_, position)| position).collect();
        assert_eq!(locate_all(text, &offsets), expected);
    }

    #[test]
    fn locate_all_keeps_input_order_and_repeats() {
        let text = "ab\ncd";
        assert_eq!(
            locate_all(text, &[4, 0, 4, 2, 99]),
            vec![
                at(2, 2, 2),
                at(1, 1, 1),
                at(2, 2, 2),
                at(1, 3, 3),
                at(2, 3, 3)
            ]
        );
        assert_eq!(locate_all(text, &[]), vec![]);
        assert_eq!(locate_all("", &[0, 5]), vec![at(1, 1, 1), at(1, 1, 1)]);
    }

    #[test]
    fn locate_all_is_linear_on_a_long_single_line() {
        // A sweep that restarted per offset would take 50 000 × 10 MB steps.
        let text = "é".repeat(5_000_000);
        let offsets: Vec<usize> = (0..50_000).rev().map(|index| index * 200).collect();
        let positions = locate_all(&text, &offsets);
        assert_eq!(positions.first(), Some(&at(1, 4_999_901, 4_999_901)));
        assert_eq!(positions.last(), Some(&at(1, 1, 1)));
    }

    #[test]
    fn position_serializes_in_camel_case() {
        let json = serde_json::to_string(&at(1, 2, 3)).unwrap_or_default();
        assert_eq!(json, r#"{"line":1,"column":2,"columnUtf16":3}"#);
    }

    fn texts_with_line_breaks_and_wide_chars() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec!['a', '\n', '\r', '\t', 'é', '中', '😀', ' ']),
            0..40,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        /// The word-at-a-time run is the byte-at-a-time one.
        #[test]
        fn plain_ascii_runs_stop_where_a_byte_scan_stops(
            bytes in prop::collection::vec(prop::sample::select(vec![b'a', b' ', b'\n', b'\r', b'\t', 0x0d, 0x0e, 0x7f, 0x80, 0xe4]), 0..64),
            plain in 0usize..40,
        ) {
            let mut bytes = bytes;
            bytes.splice(0..0, std::iter::repeat_n(b'a', plain));
            let expected = bytes
                .iter()
                .position(|&b| b < 0x0E || !b.is_ascii())
                .unwrap_or(bytes.len());
            prop_assert_eq!(plain_ascii_run_len(&bytes), expected);
        }

        #[test]
        fn a_locator_equals_locate_for_spans_in_any_order(
            text in texts_with_line_breaks_and_wide_chars(),
            bounds in prop::collection::vec((0usize..60, 0usize..60), 0..8),
            in_order in any::<bool>(),
        ) {
            let mut spans: Vec<Span> = bounds.iter().map(|&(a, b)| Span::new(a.min(b), a.max(b))).collect();
            if in_order {
                spans.sort();
                // Spans in text order, one after another, with no overlap.
                let mut end = 0;
                for span in &mut spans {
                    span.start = span.start.max(end);
                    span.end = span.end.max(span.start);
                    end = span.end;
                }
            }
            let mut locator = Locator::new(&text, spans.iter().copied());
            for span in &spans {
                prop_assert_eq!(locator.locate(*span), Some((locate(&text, span.start), locate(&text, span.end))));
            }
            prop_assert_eq!(matches!(locator, Locator::InOrder(_)), in_order || spans.iter().flat_map(|s| [s.start, s.end]).is_sorted());
        }

        #[test]
        fn locate_all_equals_locate_for_every_offset(
            text in texts_with_line_breaks_and_wide_chars(),
            extra in prop::collection::vec(0usize..200, 0..10),
        ) {
            let mut offsets: Vec<usize> = (0..=text.len() + 2).rev().collect();
            offsets.extend(extra);
            let one_by_one: Vec<Position> =
                offsets.iter().map(|&offset| locate(&text, offset)).collect();
            prop_assert_eq!(locate_all(&text, &offsets), one_by_one);
            // In text order, as a report's offsets usually are: swept as they come.
            offsets.sort_unstable();
            let one_by_one: Vec<Position> =
                offsets.iter().map(|&offset| locate(&text, offset)).collect();
            prop_assert_eq!(locate_all(&text, &offsets), one_by_one);
        }
    }
}

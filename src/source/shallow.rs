//! One pass over a request's text that keeps only what the validation reads.
//!
//! [`read_request`] checks the whole text exactly as [`parse`](super::parse) does (the same
//! grammar, depth limit, syntax error kinds and offsets), but keeps a value's structure only
//! where the walk looks inside it: the request object, and the members or entries of the
//! parameters named by the caller (`Storage`, `EventNames`), and the whole of those it names
//! as kept entire (`Filters`, whose entries hold their own lists). Every other array or object is
//! read for its syntax and its duplicate keys alone, which are kept as located
//! [`Duplicate`]s: what the walk reports about a value it does not otherwise read.

use std::borrow::Cow;

use bumpalo::Bump;
use bumpalo::collections::Vec as BumpVec;

use super::arena::{Arena, ListBuffer};
use super::parse::Parser;
use super::{Expected, Span, SyntaxError, SyntaxErrorKind, pointer};
use crate::Param;

/// A value as [`read_request`] keeps it, or as [`read_value`](super::read_value) keeps a
/// `serde_json::Value` (with no spans).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shallow<'a> {
    pub value: ShallowValue<'a>,
    pub place: Place,
}

impl Shallow<'_> {
    /// Where the value is written; `None` for a value not read from text.
    pub(crate) fn span(&self) -> Option<Span> {
        self.place.span()
    }
}

/// Where a value or key read from text is written, or nowhere (one read from a
/// `serde_json::Value`). No JSON value or key is written in zero bytes, so an empty span
/// stands for nowhere, and a node is not a word larger for an `Option<Span>`'s tag.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place(Span);

impl Place {
    pub(crate) const NOWHERE: Self = Self(Span::new(0, 0));

    /// The place of what the reader read at `span` (never empty).
    fn at(span: Span) -> Self {
        Self(span)
    }

    pub(crate) fn span(self) -> Option<Span> {
        (self.0.start < self.0.end).then_some(self.0)
    }
}

/// The kinds of [`Shallow`] values. Everything a value holds lives in the read's [`Bump`]
/// arena or in the text: a read request has nothing to drop, and is gone when the arena is
/// reset (see [`with_arena`]).
#[derive(Debug, Clone, Copy)]
pub(crate) enum ShallowValue<'a> {
    Null,
    Bool,
    /// The number's text, exactly as written.
    Number(&'a str),
    /// A number read from a `serde_json::Value`, as `serde_json` prints it, and whether it
    /// is an integer. Printed where the value is read, so that code reading text (the
    /// WebAssembly module) has no float formatting in it.
    ValueNumber {
        text: &'a str,
        integer: bool,
    },
    /// A string's contents; `escaped` when written with escapes, so that its characters do
    /// not map to the text one to one.
    String {
        text: &'a str,
        escaped: bool,
    },
    Array(&'a [Shallow<'a>]),
    /// An array whose entries are read one at a time (a kept parameter's: `EventNames`).
    List(&'a List<'a>),
    Object(&'a [ShallowMember<'a>]),
    /// An array or object read for its syntax and duplicate keys only.
    Skipped {
        /// Whether it is an object (else an array).
        object: bool,
        /// Its duplicate keys, at any depth, in the order the walk reports them.
        duplicates: &'a [Duplicate<'a>],
    },
}

/// What a read keeps holds nothing to drop (it is `Copy`): the arena is reset, not walked.
const _: () = assert!(!std::mem::needs_drop::<Shallow<'static>>());

/// An array kept entry by entry in little room: a string written without escapes as its
/// place in the text (8 bytes), any other entry as a value of its own. A request of a
/// hundred thousand `EventNames` holds this, not a node per name.
#[derive(Debug)]
pub(crate) struct List<'a> {
    text: &'a str,
    /// Per entry, the byte range of a plain string's contents, or [`List::OTHER`].
    entries: &'a [[u32; 2]],
    /// The other entries, with their indexes, in order.
    others: &'a [(usize, Shallow<'a>)],
}

/// A [`List`] as it is read: its entries in the arena's list buffer until it ends.
struct ListBuilder<'a, 'r> {
    text: &'a str,
    entries: &'r mut ListBuffer,
    others: BumpVec<'a, (usize, Shallow<'a>)>,
}

impl<'a, 'r> ListBuilder<'a, 'r> {
    fn new(text: &'a str, entries: &'r mut ListBuffer, arena: &'a Bump) -> Self {
        entries.start();
        Self {
            text,
            entries,
            others: BumpVec::new_in(arena),
        }
    }

    /// Appends a string written without escapes, whose quotes are at `span`.
    fn push_plain(&mut self, text: &'a str, span: Span) {
        let range = span
            .start
            .checked_add(1)
            .zip(span.end.checked_sub(1))
            .and_then(|(start, end)| Some([u32::try_from(start).ok()?, u32::try_from(end).ok()?]))
            .filter(|range| *range != List::OTHER);
        match range {
            Some(range) => self.entries.push(range),
            None => self.push_other(Shallow {
                value: ShallowValue::String {
                    text,
                    escaped: false,
                },
                place: Place::at(span),
            }),
        }
    }

    fn push_other(&mut self, value: Shallow<'a>) {
        self.others.push((self.entries.len(), value));
        self.entries.push(List::OTHER);
    }

    fn build(self, arena: &'a Bump) -> List<'a> {
        List {
            text: self.text,
            entries: self.entries.finish(arena),
            others: self.others.into_bump_slice(),
        }
    }
}

impl<'a> List<'a> {
    const OTHER: [u32; 2] = [u32::MAX, u32::MAX];

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Entry `index` when it is a string written without escapes, and the span of its quotes.
    pub(crate) fn plain(&self, index: usize) -> Option<(&'a str, Span)> {
        let [start, end] = *self.entries.get(index)?;
        if [start, end] == Self::OTHER {
            return None;
        }
        let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
        let text = self.text.get(start..end)?;
        Some((text, Span::new(start.checked_sub(1)?, end.checked_add(1)?)))
    }

    /// Entry `index` when it is not a string written without escapes.
    pub(crate) fn other(&self, index: usize) -> Option<&'a Shallow<'a>> {
        let at = self.others.binary_search_by_key(&index, |(i, _)| *i).ok()?;
        self.others.get(at).map(|(_, value)| value)
    }
}

/// A member of a kept object.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ShallowMember<'a> {
    pub key: &'a str,
    pub key_place: Place,
    /// The parameter `key` names, looked up once as the key is read.
    pub param: Option<Param>,
    pub value: Shallow<'a>,
}

/// A key that appears again later in its object, inside a value that was not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Duplicate<'a> {
    /// The JSON Pointer of the member, relative to the skipped value (`/Tags/0/k`).
    pub path: &'a str,
    pub key: &'a str,
    pub key_span: Span,
}

/// What to keep of a value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Keep {
    /// The request: an object is kept, its members' values as `kept` says.
    Root,
    /// An array's entries or an object's members are kept; their own containers skipped.
    Children,
    /// Everything inside, at every depth (the parser's depth limit bounds it).
    All,
    /// Nothing inside.
    Nothing,
}

impl Keep {
    /// What to keep of the value of a member naming `param` in an object kept as `self`.
    pub(super) fn member(self, param: Option<Param>, kept: &[Param], whole: &[Param]) -> Self {
        match (self, param) {
            (Self::All, _) => Self::All,
            (Self::Root, Some(param)) if whole.contains(&param) => Self::All,
            (Self::Root, Some(param)) if kept.contains(&param) => Self::Children,
            (Self::Root | Self::Children | Self::Nothing, _) => Self::Nothing,
        }
    }

    /// What to keep of an entry of an array kept as `self`.
    pub(super) fn entry(self) -> Self {
        match self {
            Self::All => Self::All,
            Self::Root | Self::Children | Self::Nothing => Self::Nothing,
        }
    }
}

/// Reads request text in one pass: the same syntax errors as [`parse`](super::parse), and
/// a value whose containers are kept only in the request object, in the parameters `kept`
/// (their own entries or members), and in the parameters `whole` (entirely). What it keeps
/// lives in `arena` (strings without escapes in `text`).
pub(crate) fn read_request<'a>(
    text: &'a str,
    kept: &[Param],
    whole: &[Param],
    arena: &'a mut Arena,
) -> Result<Shallow<'a>, SyntaxError> {
    let (arena, list_buffer) = arena.parts();
    let mut reader = Reader {
        parser: Parser::new(text),
        kept,
        whole,
        arena,
        list_buffer,
        skipped_keys: Vec::new(),
    };
    let parser = &mut reader.parser;
    parser.skip_whitespace();
    if parser.peek().is_none() {
        return Err(SyntaxError::new(SyntaxErrorKind::EmptyInput, 0));
    }
    let root = reader.value(0, Expected::Value, Keep::Root)?;
    let parser = &mut reader.parser;
    parser.skip_whitespace();
    match parser.peek() {
        None => Ok(root),
        Some(_) => Err(parser.error_here(|found| SyntaxErrorKind::TrailingContent { found })),
    }
}

struct Reader<'a, 'k> {
    parser: Parser<'a>,
    kept: &'k [Param],
    whole: &'k [Param],
    arena: &'a Bump,
    /// The entries of the list being read (lists do not nest).
    list_buffer: &'a mut ListBuffer,
    /// The keys of the skipped objects open at the cursor (see [`Reader::skip_object`]).
    skipped_keys: Vec<(Cow<'a, str>, Span)>,
}

/// A duplicate key found while skipping, before its path is final.
struct Found<'a> {
    path: String,
    key: Cow<'a, str>,
    key_span: Span,
}

impl<'a> Reader<'a, '_> {
    /// The value at the cursor (as `Parser::parse_value`), kept as `keep` says.
    fn value(
        &mut self,
        depth: usize,
        expected: Expected,
        keep: Keep,
    ) -> Result<Shallow<'a>, SyntaxError> {
        let start = self.parser.offset;
        let value = match (self.parser.peek(), keep) {
            (Some(b'{'), Keep::Root | Keep::Children | Keep::All) => {
                ShallowValue::Object(self.object(depth, keep)?)
            }
            (Some(b'['), Keep::Children) => ShallowValue::List(self.list(depth)?),
            (Some(b'['), Keep::All) => ShallowValue::Array(self.array(depth, keep)?),
            (Some(b'{' | b'['), _) => {
                let object = self.parser.peek() == Some(b'{');
                let found = self.skip(depth, expected)?;
                ShallowValue::Skipped {
                    object,
                    duplicates: self.duplicates(found),
                }
            }
            (Some(b'"'), _) => self.string()?,
            (Some(b'-' | b'0'..=b'9'), _) => ShallowValue::Number(self.parser.parse_number()?),
            _ => {
                // A literal, or an error: as the skip reads it.
                self.skip(depth, expected)?;
                match self.parser.bytes.get(start) {
                    Some(b'n') => ShallowValue::Null,
                    _ => ShallowValue::Bool,
                }
            }
        };
        Ok(Shallow {
            value,
            place: Place::at(Span::new(start, self.parser.offset)),
        })
    }

    /// The string at the cursor: borrowed from the text, or unescaped into the arena.
    #[inline]
    fn string(&mut self) -> Result<ShallowValue<'a>, SyntaxError> {
        Ok(match self.parser.parse_string()? {
            Cow::Borrowed(text) => ShallowValue::String {
                text,
                escaped: false,
            },
            Cow::Owned(text) => ShallowValue::String {
                text: self.unescaped(&text),
                escaped: true,
            },
        })
    }

    /// A string's unescaped contents, moved into the arena (out of line: few strings have
    /// escapes).
    #[inline(never)]
    fn unescaped(&self, text: &str) -> &'a str {
        self.arena.alloc_str(text)
    }

    /// `text` where the read keeps it: borrowed text stays, an unescaped copy moves into
    /// the arena.
    fn keep_str(&self, text: Cow<'a, str>) -> &'a str {
        match text {
            Cow::Borrowed(text) => text,
            Cow::Owned(text) => self.unescaped(&text),
        }
    }

    /// The duplicates found in a skipped value, in the arena.
    fn duplicates(&self, found: Vec<Found<'a>>) -> &'a [Duplicate<'a>] {
        if found.is_empty() {
            return &[];
        }
        let arena = self.arena;
        arena.alloc_slice_fill_iter(found.into_iter().map(|found| Duplicate {
            path: arena.alloc_str(&found.path),
            key: self.keep_str(found.key),
            key_span: found.key_span,
        }))
    }

    /// The array whose `[` is at the cursor, its entries kept (their containers skipped, unless
    /// `keep` is [`Keep::All`]).
    fn array(&mut self, depth: usize, keep: Keep) -> Result<&'a [Shallow<'a>], SyntaxError> {
        let inner = keep.entry();
        let mut elements = BumpVec::new_in(self.arena);
        self.elements(depth, |reader, inner_depth, expected| {
            elements.push(reader.value(inner_depth, expected, inner)?);
            Ok(())
        })?;
        Ok(elements.into_bump_slice())
    }

    /// The array whose `[` is at the cursor, as a [`List`] (its containers skipped).
    fn list(&mut self, depth: usize) -> Result<&'a List<'a>, SyntaxError> {
        let arena = self.arena;
        let mut buffer = std::mem::take(self.list_buffer);
        let mut list = ListBuilder::new(self.parser.text, &mut buffer, arena);
        let read = self.elements(depth, |reader, inner_depth, expected| {
            let start = reader.parser.offset;
            if reader.parser.peek() == Some(b'"') {
                let string = reader.parser.parse_string()?;
                let span = Span::new(start, reader.parser.offset);
                match string {
                    Cow::Borrowed(text) => list.push_plain(text, span),
                    Cow::Owned(text) => list.push_other(Shallow {
                        value: ShallowValue::String {
                            text: reader.unescaped(&text),
                            escaped: true,
                        },
                        place: Place::at(span),
                    }),
                }
            } else {
                list.push_other(reader.value(inner_depth, expected, Keep::Nothing)?);
            }
            Ok(())
        });
        let list = read.map(|()| &*arena.alloc(list.build(arena)));
        *self.list_buffer = buffer;
        list
    }

    /// Reads the array whose `[` is at the cursor: its brackets, commas and whitespace here,
    /// each element by `element` (given the elements' depth and what the syntax expects there),
    /// which leaves the cursor after the element.
    fn elements(
        &mut self,
        depth: usize,
        mut element: impl FnMut(&mut Self, usize, Expected) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        let inner_depth = self.parser.enter_container(depth)?;
        self.parser.offset += 1;
        self.parser.skip_whitespace();
        if self.parser.skip_byte(b']') {
            return Ok(());
        }
        let mut expected = Expected::ValueOrArrayEnd;
        loop {
            element(self, inner_depth, expected)?;
            self.parser.skip_whitespace();
            match self.parser.peek() {
                Some(b',') => self.parser.offset += 1,
                Some(b']') => {
                    self.parser.offset += 1;
                    return Ok(());
                }
                _ => return Err(self.parser.unexpected(Expected::CommaOrArrayEnd)),
            }
            self.parser.skip_whitespace();
            expected = Expected::Value;
        }
    }

    /// The object whose `{` is at the cursor, its members kept; a member's own container
    /// is kept when `keep` is the request's and its key is one of `kept`.
    fn object(&mut self, depth: usize, keep: Keep) -> Result<&'a [ShallowMember<'a>], SyntaxError> {
        let inner_depth = self.parser.enter_container(depth)?;
        self.parser.offset += 1;
        self.parser.skip_whitespace();
        if self.parser.skip_byte(b'}') {
            return Ok(&[]);
        }
        // A request holds six to ten parameters, `Storage` four to six fields: room for them
        // at once, instead of growing through three sizes.
        let mut members = BumpVec::with_capacity_in(
            match keep {
                Keep::Root => 10,
                Keep::Children => 8,
                Keep::All | Keep::Nothing => 0,
            },
            self.arena,
        );
        let mut expected_key = Expected::ObjectKeyOrEnd;
        loop {
            let (key, key_span) = self.key(expected_key)?;
            let key = self.keep_str(key);
            let param = Param::from_name(key);
            let inner = keep.member(param, self.kept, self.whole);
            let value = self.value(inner_depth, Expected::Value, inner)?;
            members.push(ShallowMember {
                key,
                key_place: Place::at(key_span),
                param,
                value,
            });
            if self.object_goes_on()? {
                expected_key = Expected::ObjectKey;
            } else {
                return Ok(members.into_bump_slice());
            }
        }
    }

    /// A member's key and the colon after it.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn key(&mut self, expected: Expected) -> Result<(Cow<'a, str>, Span), SyntaxError> {
        if self.parser.peek() != Some(b'"') {
            return Err(self.parser.unexpected(expected));
        }
        let key_start = self.parser.offset;
        let key = self.parser.parse_string()?;
        let key_span = Span::new(key_start, self.parser.offset);
        self.parser.skip_whitespace();
        if !self.parser.skip_byte(b':') {
            return Err(self.parser.unexpected(Expected::Colon));
        }
        self.parser.skip_whitespace();
        Ok((key, key_span))
    }

    /// After a member: `true` at a comma (and the whitespace after it), `false` at the end.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn object_goes_on(&mut self) -> Result<bool, SyntaxError> {
        self.parser.skip_whitespace();
        match self.parser.peek() {
            Some(b',') => {
                self.parser.offset += 1;
                self.parser.skip_whitespace();
                Ok(true)
            }
            Some(b'}') => {
                self.parser.offset += 1;
                Ok(false)
            }
            _ => Err(self.parser.unexpected(Expected::CommaOrObjectEnd)),
        }
    }

    /// Reads the value at the cursor for its syntax only; its duplicate keys, in the order
    /// the walk reports them (an object's own, then each member's in turn).
    fn skip(&mut self, depth: usize, expected: Expected) -> Result<Vec<Found<'a>>, SyntaxError> {
        let start = self.parser.offset;
        match self.parser.peek() {
            Some(b'"') => {
                self.parser.parse_string()?;
            }
            Some(b'-' | b'0'..=b'9') => {
                self.parser.parse_number()?;
            }
            Some(b'{') => return self.skip_object(depth),
            Some(b'[') => return self.skip_array(depth),
            Some(b't') => self.literal("true")?,
            Some(b'f') => self.literal("false")?,
            Some(b'n') => self.literal("null")?,
            Some(b'+' | b'.') => {
                return Err(SyntaxError::new(SyntaxErrorKind::InvalidNumber, start));
            }
            _ => return Err(self.parser.unexpected(expected)),
        }
        Ok(Vec::new())
    }

    fn literal(&mut self, word: &'static str) -> Result<(), SyntaxError> {
        self.parser.parse_literal(word, super::JsonValue::Null)?;
        Ok(())
    }

    fn skip_array(&mut self, depth: usize) -> Result<Vec<Found<'a>>, SyntaxError> {
        let inner_depth = self.parser.enter_container(depth)?;
        self.parser.offset += 1;
        self.parser.skip_whitespace();
        let mut duplicates = Vec::new();
        if self.parser.skip_byte(b']') {
            return Ok(duplicates);
        }
        let mut expected = Expected::ValueOrArrayEnd;
        let mut index = 0usize;
        loop {
            let inner = self.skip(inner_depth, expected)?;
            if !inner.is_empty() {
                prefix_into(&mut duplicates, &index.to_string(), inner);
            }
            index += 1;
            self.parser.skip_whitespace();
            match self.parser.peek() {
                Some(b',') => self.parser.offset += 1,
                Some(b']') => {
                    self.parser.offset += 1;
                    return Ok(duplicates);
                }
                _ => return Err(self.parser.unexpected(Expected::CommaOrArrayEnd)),
            }
            self.parser.skip_whitespace();
            expected = Expected::Value;
        }
    }

    fn skip_object(&mut self, depth: usize) -> Result<Vec<Found<'a>>, SyntaxError> {
        let inner_depth = self.parser.enter_container(depth)?;
        self.parser.offset += 1;
        self.parser.skip_whitespace();
        if self.parser.skip_byte(b'}') {
            return Ok(Vec::new());
        }
        // The keys of the objects being skipped, this one's from `base` (nested ones above it
        // while they are read): one buffer for the whole read, each object's taken off it
        // when the object ends.
        let base = self.skipped_keys.len();
        let mut nested: Vec<(usize, Vec<Found<'a>>)> = Vec::new();
        let mut expected_key = Expected::ObjectKeyOrEnd;
        loop {
            let (key, key_span) = self.key(expected_key)?;
            let inner = self.skip(inner_depth, Expected::Value)?;
            let index = self.skipped_keys.len() - base;
            if !inner.is_empty() {
                nested.push((index, inner));
            }
            self.skipped_keys.push((key, key_span));
            if self.object_goes_on()? {
                expected_key = Expected::ObjectKey;
            } else {
                break;
            }
        }
        let keys = self.skipped_keys.get(base..).unwrap_or_default();
        let mut duplicates: Vec<Found<'a>> = shadowed(keys)
            .into_iter()
            .filter_map(|i| keys.get(i))
            .map(|(key, key_span)| Found {
                path: pointer("", key),
                key: key.clone(),
                key_span: *key_span,
            })
            .collect();
        for (i, inner) in nested {
            if let Some((key, _)) = keys.get(i) {
                prefix_into(&mut duplicates, key, inner);
            }
        }
        self.skipped_keys.truncate(base);
        Ok(duplicates)
    }
}

/// Appends `inner`, found under the member or entry `key`, with `key` in front of each path.
fn prefix_into<'a>(duplicates: &mut Vec<Found<'a>>, key: &str, inner: Vec<Found<'a>>) {
    for mut duplicate in inner {
        duplicate.path = pointer("", key) + &duplicate.path;
        duplicates.push(duplicate);
    }
}

/// The indexes of the keys that appear again later, in document order.
fn shadowed(keys: &[(Cow<'_, str>, Span)]) -> Vec<usize> {
    crate::order::shadowed(keys.len(), &mut |a, b| {
        crate::order::grouping(&keys[a].0, &keys[b].0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse;
    use proptest::prelude::*;

    const KEPT: &[Param] = &[Param::Storage, Param::EventNames];
    const WHOLE: &[Param] = &[Param::Filters];

    /// The syntax error the reader gives is the parser's, kind and offset.
    fn same_refusal(text: &str) -> Result<(), TestCaseError> {
        let read = read_request(text, KEPT, WHOLE, &mut Arena::new()).err();
        let parsed = parse(text).err();
        prop_assert_eq!(read, parsed, "{:?}", text);
        Ok(())
    }

    #[test]
    fn keeps_the_request_and_the_named_members_and_skips_the_rest() {
        let text = r#"{"Storage": {"A": [1]}, "Tags": {"k": 1, "k": {"j": 2, "j": 3}}, "EventNames": ["x", {}]}"#;
        let mut arena = Arena::new();
        let root = read_request(text, KEPT, WHOLE, &mut arena).expect("JSON");
        let ShallowValue::Object(members) = &root.value else {
            panic!("{root:?}");
        };
        let [storage, tags, names] = members else {
            panic!("{members:?}");
        };
        let ShallowValue::Object(fields) = &storage.value.value else {
            panic!("{storage:?}");
        };
        assert!(matches!(
            fields[0].value.value,
            ShallowValue::Skipped { object: false, .. }
        ));
        let ShallowValue::Skipped {
            object: true,
            duplicates,
        } = &tags.value.value
        else {
            panic!("{tags:?}");
        };
        let paths: Vec<&str> = duplicates.iter().map(|d| d.path).collect();
        assert_eq!(paths, ["/k", "/k/j"]);
        assert_eq!(
            &text[duplicates[1].key_span.start..duplicates[1].key_span.end],
            r#""j""#
        );
        let ShallowValue::List(names) = &names.value.value else {
            panic!("{names:?}");
        };
        assert_eq!(names.len(), 2);
        assert_eq!(
            names.plain(0).map(|(name, span)| (name, span.start)),
            Some(("x", 80))
        );
        assert!(names.plain(1).is_none());
        assert!(matches!(
            names.other(1).map(|entry| &entry.value),
            Some(ShallowValue::Skipped { object: true, .. })
        ));
    }

    #[test]
    fn keeps_the_whole_of_the_members_named_whole() {
        let text = r#"{"Filters": {"ResourceFields": [{"EventNames": ["a"], "X": {"k": 1}}]}}"#;
        let mut arena = Arena::new();
        let root = read_request(text, KEPT, WHOLE, &mut arena).expect("JSON");
        let ShallowValue::Object(members) = &root.value else {
            panic!("{root:?}");
        };
        let ShallowValue::Object(filters) = &members[0].value.value else {
            panic!("{members:?}");
        };
        let ShallowValue::Array(entries) = &filters[0].value.value else {
            panic!("{filters:?}");
        };
        let ShallowValue::Object(entry) = &entries[0].value else {
            panic!("{entries:?}");
        };
        assert!(matches!(&entry[0].value.value, ShallowValue::Array(names) if names.len() == 1));
        assert!(matches!(&entry[1].value.value, ShallowValue::Object(_)));
        // Elsewhere the same member is not kept whole.
        let root = read_request(
            r#"{"Storage": {"Filters": {"a": [1]}}}"#,
            KEPT,
            WHOLE,
            &mut arena,
        )
        .expect("JSON");
        let ShallowValue::Object(members) = &root.value else {
            panic!("{root:?}");
        };
        let ShallowValue::Object(storage) = &members[0].value.value else {
            panic!("{members:?}");
        };
        assert!(matches!(
            storage[0].value.value,
            ShallowValue::Skipped { object: true, .. }
        ));
    }

    #[test]
    fn refuses_what_the_parser_refuses_where_it_refuses_it() {
        for text in [
            "",
            " ",
            "{",
            "[",
            "{\"a\"",
            "{\"a\":",
            "{\"a\":1,}",
            "[1,]",
            "{\"Tags\": [01]}",
            "{\"Tags\": {\"a\": tru}}",
            "{\"Tags\": +1}",
            "{\"Storage\": {\"a\": .5}}",
            "{} x",
            "\u{feff}{}",
            "{\"a\": \"\\u12\"}",
            "{\"Tags\": \"\u{1}\"}",
        ] {
            same_refusal(text).unwrap();
        }
        let deep = format!("{{\"Tags\": {}{}}}", "[".repeat(200), "]".repeat(200));
        same_refusal(&deep).unwrap();
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        same_refusal(&deep).unwrap();
    }

    proptest! {
        #[test]
        fn refuses_arbitrary_text_as_the_parser_does(text in "[\\[\\]{}\":,0-9a-z\\\\ .+-]{0,40}") {
            same_refusal(&text)?;
            same_refusal(&format!("{{\"Tags\": {text}}}"))?;
            same_refusal(&format!("{{\"Storage\": {{\"A\": {text}}}}}"))?;
            same_refusal(&format!("{{\"Filters\": {{\"ResourceFields\": [{{\"A\": {text}}}]}}}}"))?;
        }
    }
}

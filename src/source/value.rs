//! A `serde_json::Value` read into the shape [`read_request`](super::read_request) gives
//! request text, so that one walk reads both: the same values kept and skipped, borrowed
//! strings, and no spans (a value has no text to point into).

use bumpalo::Bump;
use serde_json::Value;

use super::MAX_DEPTH;
use super::arena::Arena;
use super::shallow::{Keep, Place, Shallow, ShallowMember, ShallowValue};
use crate::Param;

/// `value` as a request, kept as [`read_request`](super::read_request) keeps text: the
/// request object, the members or entries of the parameters `kept`, the whole of those in
/// `whole`, in `arena` (strings borrowed from `value`).
///
/// Nothing is read past [`MAX_DEPTH`], where text would be refused: a value built in code can
/// be nested deeper than any text the parser accepts, and the walk never looks that far.
pub(crate) fn read_value<'a>(
    value: &'a Value,
    kept: &[Param],
    whole: &[Param],
    arena: &'a Arena,
) -> Shallow<'a> {
    Reader {
        kept,
        whole,
        arena: &arena.bump,
    }
    .value(value, 0, Keep::Root)
}

/// `value` as the value of a member of the request naming `param`, kept as it would be
/// there.
pub(crate) fn read_member_value<'a>(
    param: Option<Param>,
    value: &'a Value,
    kept: &[Param],
    whole: &[Param],
    arena: &'a Arena,
) -> Shallow<'a> {
    let keep = Keep::Root.member(param, kept, whole);
    Reader {
        kept,
        whole,
        arena: &arena.bump,
    }
    .value(value, 1, keep)
}

struct Reader<'a, 'k> {
    kept: &'k [Param],
    whole: &'k [Param],
    arena: &'a Bump,
}

impl<'a> Reader<'a, '_> {
    fn value(&self, value: &'a Value, depth: usize, keep: Keep) -> Shallow<'a> {
        let deeper = depth < MAX_DEPTH;
        let kept = match (value, keep) {
            (Value::Null, _) => ShallowValue::Null,
            (Value::Bool(_), _) => ShallowValue::Bool,
            (Value::Number(number), _) => ShallowValue::ValueNumber {
                text: self.arena.alloc_str(&number.to_string()),
                integer: number.is_i64() || number.is_u64(),
            },
            (Value::String(text), _) => ShallowValue::String {
                text,
                escaped: false,
            },
            (Value::Object(map), Keep::Root | Keep::Children | Keep::All) if deeper => {
                let members = map.iter().map(|(key, value)| {
                    let param = Param::from_name(key);
                    let inner = keep.member(param, self.kept, self.whole);
                    ShallowMember {
                        key,
                        key_place: Place::NOWHERE,
                        param,
                        value: self.value(value, depth + 1, inner),
                    }
                });
                ShallowValue::Object(self.arena.alloc_slice_fill_iter(members))
            }
            (Value::Array(items), Keep::Children | Keep::All) if deeper => {
                let inner = keep.entry();
                let items = items.iter().map(|item| self.value(item, depth + 1, inner));
                ShallowValue::Array(self.arena.alloc_slice_fill_iter(items))
            }
            (Value::Object(_) | Value::Array(_), _) => ShallowValue::Skipped {
                object: value.is_object(),
                duplicates: &[],
            },
        };
        Shallow {
            value: kept,
            place: Place::NOWHERE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const KEPT: &[Param] = &[Param::Storage, Param::EventNames];
    const WHOLE: &[Param] = &[Param::Filters];

    fn members<'s, 'a>(value: &'s Shallow<'a>) -> &'s [ShallowMember<'a>] {
        match &value.value {
            ShallowValue::Object(members) => members,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn keeps_what_the_text_reader_keeps() {
        let arena = Arena::new();
        let value = json!({
            "Storage": {"A": [1]},
            "Tags": {"k": 1},
            "EventNames": ["x", {}],
            "Filters": {"ResourceFields": [{"X": {"k": [1]}}]},
            "Status": 1.5,
        });
        let root = read_value(&value, KEPT, WHOLE, &arena);
        assert!(root.span().is_none());
        let keys: Vec<&str> = members(&root).iter().map(|m| m.key).collect();
        assert_eq!(keys, ["EventNames", "Filters", "Status", "Storage", "Tags"]);
        let [names, filters, status, storage, tags] = members(&root) else {
            unreachable!()
        };
        let ShallowValue::Array(names) = &names.value.value else {
            panic!("{names:?}");
        };
        assert!(matches!(
            &names[0].value,
            ShallowValue::String {
                text: "x",
                escaped: false
            }
        ));
        assert!(matches!(
            &names[1].value,
            ShallowValue::Skipped { object: true, .. }
        ));
        let ShallowValue::Object(fields) = &storage.value.value else {
            panic!("{storage:?}");
        };
        assert!(matches!(
            fields[0].value.value,
            ShallowValue::Skipped { object: false, .. }
        ));
        assert!(matches!(
            tags.value.value,
            ShallowValue::Skipped { object: true, .. }
        ));
        assert!(
            matches!(&status.value.value, ShallowValue::ValueNumber { text, integer: false } if *text == "1.5")
        );
        // Kept whole, at every depth.
        let ShallowValue::Array(entries) = &members(&filters.value)[0].value.value else {
            panic!("{filters:?}");
        };
        let x = &members(&entries[0])[0].value;
        assert!(matches!(&members(x)[0].value.value, ShallowValue::Array(one) if one.len() == 1));
    }

    #[test]
    fn a_member_value_is_kept_as_in_a_request() {
        let arena = Arena::new();
        let value = json!(["a", ["b"]]);
        let names = read_member_value(Some(Param::EventNames), &value, KEPT, WHOLE, &arena);
        let ShallowValue::Array(items) = &names.value else {
            panic!("{names:?}");
        };
        assert!(matches!(
            items[1].value,
            ShallowValue::Skipped { object: false, .. }
        ));
        let tags = read_member_value(Some(Param::Name), &value, KEPT, WHOLE, &arena);
        assert!(matches!(
            tags.value,
            ShallowValue::Skipped { object: false, .. }
        ));
    }

    #[test]
    fn stops_reading_at_the_parsers_depth() {
        let arena = Arena::new();
        let mut deep = json!("end");
        for _ in 0..MAX_DEPTH * 2 {
            deep = json!({ "ResourceFields": [deep] });
        }
        let request = json!({ "Filters": deep });
        let mut value = &read_value(&request, KEPT, WHOLE, &arena);
        let mut depth = 0;
        loop {
            value = match &value.value {
                ShallowValue::Array(items) => &items[0],
                ShallowValue::Object(members) => &members[0].value,
                _ => break,
            };
            depth += 1;
        }
        assert_eq!(depth, MAX_DEPTH);
        assert!(matches!(value.value, ShallowValue::Skipped { .. }));
    }
}

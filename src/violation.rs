//! The values a finding carries: JSON types, replacements and fixes, team policies, and the
//! faults of a bucket name, a prefix and a value that is not JSON. The finding itself, a
//! [`Violation`], is a variant of the [rule table](crate::rule_table), beside the rule it
//! belongs to.

#[cfg(doc)]
use crate::Violation;
use crate::{Param, RuleId};

/// The JSON type of a value, as named in type errors. Numbers are split into integers (no
/// fraction, no exponent) and other numbers, because the API's integers refuse `1.0` and `1e0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonType {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number written without fraction or exponent.
    Integer,
    /// A number with a fraction or an exponent.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

/// A safe, mechanical fix of a violation, applied to the value at the diagnostic's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Write this value instead.
    Replace(Replacement),
    /// Remove this entry from its array.
    RemoveEntry,
    /// Replace the array with `["*"]`.
    OnlyWildcard,
}

/// A value to write in place of the one found: what [`Fix::Replace`] and a type error's
/// advice carry. Displayed as the JSON text written: as `serde_json` would write it, except
/// that a character a person cannot see (a bidirectional control, a zero-width character, a
/// control character) is written as its `\uXXXX` escape, so that a fix never writes a hidden
/// character into a file.
///
/// ```
/// use cloudaudit_lint::Replacement;
/// assert_eq!(Replacement::from("say \"hi\"").to_string(), r#""say \"hi\"""#);
/// assert_eq!(Replacement::Integer(1).to_string(), "1");
/// assert_eq!(Replacement::Strings(vec!["*".into()]).to_string(), r#"["*"]"#);
/// assert_eq!(Replacement::from("a\u{202E}b").to_string(), r#""a\u202eb""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Replacement {
    /// A string: `"Read"` for `"read"`, `"12"` for `12`.
    String(String),
    /// An integer: `1` for `"1"`.
    Integer(i64),
    /// An array of strings: `["Read"]` for `"Read"`.
    Strings(Vec<String>),
}

impl From<&str> for Replacement {
    fn from(text: &str) -> Self {
        Self::String(text.to_owned())
    }
}

impl From<String> for Replacement {
    fn from(text: String) -> Self {
        Self::String(text)
    }
}

impl From<i64> for Replacement {
    fn from(value: i64) -> Self {
        Self::Integer(value)
    }
}

impl std::fmt::Display for Replacement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut json = String::new();
        match self {
            Self::String(text) => crate::source::push_json_string(&mut json, text),
            Self::Integer(value) => return write!(f, "{value}"),
            Self::Strings(items) => {
                json.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        json.push(',');
                    }
                    crate::source::push_json_string(&mut json, item);
                }
                json.push(']');
            }
        }
        f.write_str(&json)
    }
}

/// The team policies of a [`Config`](crate::config::Config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyRule {
    /// A naming pattern for `Name`.
    Name,
    /// Allowed `StorageType`s.
    StorageType,
    /// Allowed `StorageRegion`s.
    StorageRegion,
    /// The required `Status`.
    Status,
    /// The required `TrackForAllMembers`.
    TrackForAllMembers,
    /// A pattern for `StoragePrefix`.
    StoragePrefix,
}

impl PolicyRule {
    /// Every policy, in a stable order.
    pub const ALL: &'static [PolicyRule] = &[
        Self::Name,
        Self::StorageType,
        Self::StorageRegion,
        Self::Status,
        Self::TrackForAllMembers,
        Self::StoragePrefix,
    ];

    /// The parameter the policy is about: the one mapping between policies and parameters.
    ///
    /// ```
    /// use cloudaudit_lint::{Param, PolicyRule};
    /// assert_eq!(PolicyRule::StoragePrefix.param(), Param::StoragePrefix);
    /// ```
    pub const fn param(self) -> Param {
        match self {
            Self::Name => Param::Name,
            Self::StorageType => Param::StorageType,
            Self::StorageRegion => Param::StorageRegion,
            Self::Status => Param::Status,
            Self::TrackForAllMembers => Param::TrackForAllMembers,
            Self::StoragePrefix => Param::StoragePrefix,
        }
    }

    /// The policy about `param`, if a team can set one: a load from a table by parameter,
    /// read off [`PolicyRule::param`] at compile time (every string and integer value asks).
    pub const fn of(param: Param) -> Option<Self> {
        Self::BY_PARAM[param.index()]
    }

    /// [`PolicyRule::of`]'s table: each parameter's policy, if any.
    const BY_PARAM: [Option<Self>; Param::COUNT] = {
        let mut table = [None; Param::COUNT];
        let mut index = 0;
        while index < Self::ALL.len() {
            let rule = Self::ALL[index];
            table[rule.param().index()] = Some(rule);
            index += 1;
        }
        table
    };
}

/// Why a COS bucket name is refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BucketNameFault {
    /// The name is empty.
    Empty,
    /// The name is longer than the limit, in characters.
    TooLong {
        /// Its length.
        length: usize,
        /// The limit.
        max: usize,
    },
    /// A character other than a lowercase letter, digit or hyphen (0-based character index).
    Charset {
        /// The character.
        character: char,
        /// Its 0-based character index.
        index: usize,
    },
    /// The name starts or ends with a hyphen.
    EdgeHyphen,
}

/// Why a COS storage prefix is refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PrefixFault {
    /// The prefix's length is outside the limits.
    Length {
        /// Its length in characters.
        length: usize,
        /// The shortest allowed.
        min: usize,
        /// The longest allowed.
        max: usize,
    },
    /// A character other than an ASCII letter or digit.
    Charset {
        /// The character.
        character: char,
        /// Its 0-based character index.
        index: usize,
    },
}

/// Why a JavaScript value has no faithful JSON form (the npm package reads JavaScript values;
/// JSON text never has these).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NotJson {
    /// A string (or, with `in_key`, the key of this member) holds half of a UTF-16 surrogate
    /// pair without its other half: it is not text, and cannot be sent as UTF-8.
    LoneSurrogate {
        /// The unpaired surrogate.
        code_unit: u16,
        /// Its 0-based index in characters (a lone surrogate counts as one).
        index: usize,
        /// Whether it is in the member's key rather than its value.
        in_key: bool,
    },
    /// A `BigInt`, which `JSON.stringify` refuses.
    BigInt,
    /// An object that contains itself.
    Cycle,
    /// Nested deeper than the parser's limit; what is deeper was not read.
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// An array longer than the reader reads; its entries were not read.
    TooLarge {
        /// The most entries read.
        limit: usize,
    },
    /// Reading it threw (a getter, a `toJSON` method or a proxy): the error's message.
    Threw(String),
}

/// What the value of an integer parameter must be: the one list of the integer parameters'
/// range rules, which [`Rules::integer`](crate::rules::dispatch::Rules::integer) checks and
/// [`Violation::rule`] names. `None` for a parameter that is not an integer.
pub(crate) const fn integer_range(param: Param) -> Option<IntegerRange> {
    match param {
        Param::Status => Some(IntegerRange::Switch(RuleId::StatusValue)),
        Param::TrackForAllMembers => Some(IntegerRange::Switch(RuleId::TrackForAllMembersValue)),
        Param::TrackId => Some(IntegerRange::Positive(RuleId::TrackIdValue)),
        Param::PageNumber | Param::PageSize => Some(IntegerRange::Positive(RuleId::PageValue)),
        Param::Compress => Some(IntegerRange::Storage),
        Param::Action
        | Param::Version
        | Param::Region
        | Param::Name
        | Param::ActionType
        | Param::ResourceType
        | Param::EventNames
        | Param::Storage
        | Param::ExportId
        | Param::StorageType
        | Param::StorageRegion
        | Param::StorageName
        | Param::StoragePrefix
        | Param::StorageAccountId
        | Param::StorageAppId
        | Param::Filters
        | Param::ResourceFields => None,
    }
}

/// The range an integer parameter's value must be in ([`integer_range`]), with the rule that
/// reports a value outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IntegerRange {
    /// 0 or 1 ([`Violation::SwitchValue`]).
    Switch(RuleId),
    /// At least 1 ([`Violation::NotPositive`]).
    Positive(RuleId),
    /// Any integer: `Compress`, whose range is checked with the other fields of `Storage`
    /// ([`Violation::CompressValue`], a rule of its own).
    Storage,
}

#[cfg(test)]
mod tests {
    use super::{IntegerRange, integer_range};
    use crate::Violation;
    use crate::facts::ParamType;
    use crate::{Param, RuleId};

    #[test]
    fn the_integer_parameters_are_those_of_integer_type() {
        for &param in Param::ALL {
            assert_eq!(
                integer_range(param).is_some(),
                param.ty() == ParamType::Integer,
                "{param:?}"
            );
        }
    }

    #[test]
    fn a_range_violation_names_its_parameter_rule() {
        for &param in Param::ALL {
            let value = String::from("2");
            let (violation, expected) = match integer_range(param) {
                Some(IntegerRange::Switch(rule)) => (Violation::SwitchValue { param, value }, rule),
                Some(IntegerRange::Positive(rule)) => {
                    (Violation::NotPositive { param, value }, rule)
                }
                Some(IntegerRange::Storage) => (
                    Violation::CompressValue { value },
                    RuleId::StorageCompressValue,
                ),
                None => continue,
            };
            assert_eq!(violation.rule(), expected, "{param:?}");
        }
        assert_eq!(
            Violation::SwitchValue {
                param: Param::Status,
                value: "2".into()
            }
            .rule(),
            RuleId::StatusValue
        );
    }
}

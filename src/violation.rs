//! What a rule found, as data.
//!
//! A [`Violation`] carries the facts that go into its message (the bad character and its index,
//! the length and the limit, the count and the cap) and nothing else: it knows its
//! [`RuleId`], and [`i18n`] turns it into text in either language. Its `Display`
//! is the English message.
//!
//! ```
//! use cloudaudit_lint::{RuleId, Violation};
//! let v = Violation::NameLength { length: 2, min: 3, max: 48 };
//! assert_eq!(v.rule(), RuleId::NameLength);
//! assert_eq!(v.to_string(), "Name is 2 characters long; it must be 3 to 48 characters");
//! ```

use crate::i18n::{self, Help, Locale};
use crate::source::SyntaxErrorKind;
use crate::{Param, RuleId, facts};

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
/// advice carry. Displayed as the JSON text written, as `serde_json` would write it.
///
/// ```
/// use cloudaudit_lint::Replacement;
/// assert_eq!(Replacement::from("say \"hi\"").to_string(), r#""say \"hi\"""#);
/// assert_eq!(Replacement::Integer(1).to_string(), "1");
/// assert_eq!(Replacement::Strings(vec!["*".into()]).to_string(), r#"["*"]"#);
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

    /// The policy about `param`, if a team can set one.
    pub fn of(param: Param) -> Option<Self> {
        Self::ALL.iter().copied().find(|rule| rule.param() == param)
    }
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

/// One problem found by one rule. Character indexes are 0-based and count Unicode scalar
/// values in the value as written (before trimming).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", i18n::message(self, Locale::En))]
#[non_exhaustive]
pub enum Violation {
    /// The text is not JSON.
    Syntax(SyntaxErrorKind),
    /// A Terraform `.tf` file is not valid HCL.
    HclSyntax {
        /// What the HCL parser expected, as it words it (English).
        message: String,
    },
    /// The text starts with U+FEFF.
    ByteOrderMark,
    /// The request is a JSON value other than an object.
    NotAnObject {
        /// What it is instead.
        found: JsonType,
    },
    /// A key appears again later in the same object; this occurrence is ignored.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// A required parameter is absent.
    MissingParameter {
        /// The parameter (a field of `Storage` is named by its own name).
        param: Param,
    },
    /// A parameter the API does not define.
    UnknownParameter {
        /// The API validated against.
        action: &'static str,
        /// The key as written.
        name: String,
        /// The defined parameter it most resembles.
        suggestion: Option<&'static str>,
    },
    /// A JavaScript value has no faithful JSON form (the npm package only): the
    /// `parameter-type` rule, since it is no value of any JSON type.
    NotJson {
        /// The parameter, e.g. `Status` or `EventNames[2]`.
        name: String,
        /// Why.
        reason: NotJson,
    },
    /// A value has the wrong JSON type.
    WrongType {
        /// The parameter, e.g. `Status` or `EventNames[2]`.
        name: String,
        /// The type the API takes.
        expected: JsonType,
        /// The type found.
        found: JsonType,
        /// The value to write instead, when the intent is unambiguous (`"1"` → `1`).
        replacement: Option<Replacement>,
    },
    /// `Action` names another API.
    WrongAction {
        /// The value found.
        found: String,
        /// The API being validated.
        expected: &'static str,
    },
    /// `Version` names another version.
    WrongVersion {
        /// The value found.
        found: String,
    },
    /// The API is not offered in the region.
    UnsupportedRegion {
        /// The region.
        region: String,
        /// A supported region it resembles.
        suggestion: Option<String>,
        /// The regions the profile supports.
        supported: Vec<String>,
    },
    /// The caller's region and the document's `Region` differ; the caller's is used.
    RegionMismatch {
        /// The caller's region.
        caller: String,
        /// The document's region.
        document: String,
    },
    /// Whitespace before or after the value.
    SurroundingWhitespace {
        /// The parameter (an entry of `EventNames` is named as `EventNames`).
        field: Param,
        /// Whether there is whitespace before the value.
        leading: bool,
        /// Whether there is whitespace after the value.
        trailing: bool,
        /// The value without it.
        trimmed: String,
    },
    /// A character that looks like an ASCII one.
    ConfusableCharacter {
        /// The parameter (an entry of `EventNames` is named as `EventNames`).
        field: Param,
        /// The character.
        character: char,
        /// Its 0-based character index.
        index: usize,
        /// The ASCII character it looks like.
        looks_like: char,
        /// How many such characters the value has in all.
        count: usize,
    },
    /// An invisible, control or bidirectional-control character.
    InvisibleCharacter {
        /// The parameter (an entry of `EventNames` is named as `EventNames`).
        field: Param,
        /// The character.
        character: char,
        /// Its 0-based character index.
        index: usize,
        /// How many such characters the value has in all.
        count: usize,
    },
    /// The name is too short or too long.
    NameLength {
        /// Its length in characters.
        length: usize,
        /// The shortest allowed.
        min: usize,
        /// The longest allowed.
        max: usize,
    },
    /// The name has a character outside its charset.
    NameCharset {
        /// The first such character.
        character: char,
        /// Its 0-based character index.
        index: usize,
        /// How many such characters the name has in all.
        count: usize,
    },
    /// `ActionType` is not one of its values.
    ActionTypeValue {
        /// The value found.
        value: String,
        /// The value it most resembles.
        suggestion: Option<&'static str>,
    },
    /// `ResourceType` is empty or has characters no product code has.
    ResourceTypeFormat {
        /// The value found.
        value: String,
        /// The first character that is not an ASCII letter or digit, if any (else it is empty).
        character: Option<(char, usize)>,
    },
    /// `ResourceType` has uppercase letters.
    ResourceTypeCase {
        /// The value found.
        value: String,
        /// The lowercase form.
        lowercase: String,
    },
    /// A switch is neither 0 nor 1.
    SwitchValue {
        /// Which switch: `Status` or `TrackForAllMembers`.
        param: Param,
        /// The number as written.
        value: String,
    },
    /// `TrackId`, `PageNumber` or `PageSize` is not a positive integer.
    NotPositive {
        /// Which parameter: `TrackId`, `PageNumber` or `PageSize`.
        param: Param,
        /// The number as written.
        value: String,
    },
    /// `ModifyAuditTrack` or `ModifyEventsAuditTrack` carries a `Name`, which the server refuses
    /// to change.
    ModifyName {
        /// The API validated against.
        action: &'static str,
        /// The name given.
        value: String,
    },
    /// `EventNames` is an empty array.
    EventNamesEmpty,
    /// `ResourceType` is `*` but `EventNames` is not exactly `["*"]`.
    EventNamesWildcard {
        /// How many entries `EventNames` has.
        count: usize,
        /// Whether `*` is among them (then `["*"]` is the certain fix).
        has_wildcard: bool,
    },
    /// `*` together with API names for a specific product.
    EventNamesMixedWildcard {
        /// How many entries besides `*`.
        names: usize,
    },
    /// An API name repeated.
    EventNamesDuplicate {
        /// The name.
        name: String,
        /// The 0-based index of its first occurrence.
        first_index: usize,
    },
    /// More API names than the product's cap.
    EventNamesCap {
        /// How many names are listed.
        count: usize,
        /// The cap.
        cap: usize,
        /// The product (`ResourceType`).
        product: String,
        /// Whether the cap is the page's hard cap (cos, cls) or the inferred one.
        hard: bool,
    },
    /// An entry of `EventNames` that cannot be an API name.
    EventNameFormat {
        /// The entry.
        name: String,
        /// The first character that is not an ASCII letter, digit or underscore; `None` when
        /// the entry is empty.
        character: Option<(char, usize)>,
    },
    /// `Filters.ResourceFields` is an empty array.
    ResourceFieldsEmpty,
    /// Two entries of `Filters.ResourceFields` name the same product.
    ResourceFieldsDuplicateProduct {
        /// The product code (without surrounding whitespace).
        product: String,
        /// The 0-based index of the entry that names it first.
        first_index: usize,
    },
    /// An entry of `Filters.ResourceFields` is `*` (all products) and others name products.
    ResourceFieldsWildcardMixed {
        /// How many distinct specific products the other entries name.
        products: usize,
    },
    /// `StorageType` is not accepted.
    StorageTypeValue {
        /// The value found.
        value: String,
        /// The accepted value it most resembles.
        suggestion: Option<String>,
        /// The accepted values.
        accepted: Vec<String>,
    },
    /// `StorageRegion` is not shaped like a region code.
    StorageRegionFormat {
        /// The value found.
        value: String,
    },
    /// `StorageRegion` is not a known storage region.
    StorageRegionUnknown {
        /// The value found.
        value: String,
        /// A known region it resembles.
        suggestion: Option<String>,
    },
    /// The COS bucket name is refused.
    BucketName(BucketNameFault),
    /// The COS bucket name ends with `-APPID`.
    BucketNameAppId {
        /// The bucket name without the suffix.
        bucket: String,
        /// The APPID digits.
        app_id: String,
    },
    /// The CLS topic ID length is out of range.
    ClsTopicLength {
        /// Its length in characters.
        length: usize,
        /// The shortest allowed.
        min: usize,
        /// The longest allowed.
        max: usize,
    },
    /// The COS prefix is refused.
    CosPrefix(PrefixFault),
    /// The storage prefix is the empty string.
    StoragePrefixEmpty,
    /// `<bucket>-<APPID>.cos.<region>.myqcloud.com` would be too long.
    CosHostLength {
        /// The host's length with a 10-digit APPID.
        length: usize,
        /// COS's limit, including the APPID.
        max: usize,
    },
    /// `StorageAccountId` or `StorageAppId` is not digits.
    StorageIdFormat {
        /// Which field: `StorageAccountId` or `StorageAppId`.
        field: Param,
        /// The value found.
        value: String,
    },
    /// `Compress` is neither 1 nor 2.
    CompressValue {
        /// The number as written.
        value: String,
    },
    /// `ResourceType` is not a product code the catalogue lists.
    ResourceTypeUnknown {
        /// The value found.
        value: String,
        /// The listed code it most resembles (or whose old alias it is).
        suggestion: Option<String>,
    },
    /// An API name the catalogue does not list for the product.
    EventNameUnknown {
        /// The name found.
        name: String,
        /// The product.
        product: String,
        /// The listed name it most resembles.
        suggestion: Option<String>,
    },
    /// A team policy is not met.
    Policy {
        /// Which policy.
        rule: PolicyRule,
        /// The value found.
        value: String,
        /// What the policy wants: the pattern, the allowed values, or the required value.
        expected: String,
        /// The team's own message, shown instead of the default one.
        message: Option<String>,
    },
}

/// Names every variant of [`Violation`] once, for [`Violation::variant_name`] (an exhaustive
/// match, so a new variant does not compile until it is named here) and
/// [`Violation::VARIANT_NAMES`] (the list the message snapshot test holds its cases to).
macro_rules! variant_names {
    ($($variant:ident),* $(,)?) => {
        impl Violation {
            /// Every variant's name, in declaration order.
            #[doc(hidden)]
            pub const VARIANT_NAMES: &'static [&'static str] = &[$(stringify!($variant)),*];

            /// The variant's name (`"NameLength"`), for the message snapshot test, which
            /// holds every name in [`Violation::VARIANT_NAMES`] to a case it shows.
            #[doc(hidden)]
            pub const fn variant_name(&self) -> &'static str {
                match self {
                    $(Self::$variant { .. } => stringify!($variant)),*
                }
            }
        }
    };
}

variant_names!(
    Syntax,
    HclSyntax,
    ByteOrderMark,
    NotAnObject,
    DuplicateKey,
    MissingParameter,
    UnknownParameter,
    NotJson,
    WrongType,
    WrongAction,
    WrongVersion,
    UnsupportedRegion,
    RegionMismatch,
    SurroundingWhitespace,
    ConfusableCharacter,
    InvisibleCharacter,
    NameLength,
    NameCharset,
    ActionTypeValue,
    ResourceTypeFormat,
    ResourceTypeCase,
    SwitchValue,
    NotPositive,
    ModifyName,
    EventNamesEmpty,
    EventNamesWildcard,
    EventNamesMixedWildcard,
    EventNamesDuplicate,
    EventNamesCap,
    EventNameFormat,
    ResourceFieldsEmpty,
    ResourceFieldsDuplicateProduct,
    ResourceFieldsWildcardMixed,
    StorageTypeValue,
    StorageRegionFormat,
    StorageRegionUnknown,
    BucketName,
    BucketNameAppId,
    ClsTopicLength,
    CosPrefix,
    StoragePrefixEmpty,
    CosHostLength,
    StorageIdFormat,
    CompressValue,
    ResourceTypeUnknown,
    EventNameUnknown,
    Policy,
);

impl Violation {
    /// The rule that reports this violation.
    pub fn rule(&self) -> RuleId {
        match self {
            Self::Syntax(_) => RuleId::JsonSyntax,
            Self::HclSyntax { .. } => RuleId::HclSyntax,
            Self::ByteOrderMark => RuleId::ByteOrderMark,
            Self::NotAnObject { .. } => RuleId::RequestNotObject,
            Self::DuplicateKey { .. } => RuleId::DuplicateKey,
            Self::MissingParameter { .. } => RuleId::MissingParameter,
            Self::UnknownParameter { .. } => RuleId::UnknownParameter,
            Self::WrongType { .. } | Self::NotJson { .. } => RuleId::ParameterType,
            Self::WrongAction { .. } => RuleId::ActionValue,
            Self::WrongVersion { .. } => RuleId::VersionValue,
            Self::UnsupportedRegion { .. } => RuleId::RegionUnsupported,
            Self::RegionMismatch { .. } => RuleId::RegionMismatch,
            Self::SurroundingWhitespace { .. } => RuleId::SurroundingWhitespace,
            Self::ConfusableCharacter { .. } => RuleId::ConfusableCharacter,
            Self::InvisibleCharacter { .. } => RuleId::InvisibleCharacter,
            Self::NameLength { .. } => RuleId::NameLength,
            Self::NameCharset { .. } => RuleId::NameCharset,
            Self::ActionTypeValue { .. } => RuleId::ActionTypeValue,
            Self::ResourceTypeFormat { .. } => RuleId::ResourceTypeFormat,
            Self::ResourceTypeCase { .. } => RuleId::ResourceTypeCase,
            // Only a switch or a positive parameter has such a violation; any other would map
            // to `parameter-type`, the rule about a value of the wrong kind.
            Self::SwitchValue { param, .. } | Self::NotPositive { param, .. } => {
                match integer_range(*param) {
                    Some(IntegerRange::Switch(rule) | IntegerRange::Positive(rule)) => rule,
                    Some(IntegerRange::Storage) | None => RuleId::ParameterType,
                }
            }
            Self::ModifyName { .. } => RuleId::ModifyName,
            Self::EventNamesEmpty => RuleId::EventNamesEmpty,
            Self::EventNamesWildcard { .. } => RuleId::EventNamesWildcard,
            Self::EventNamesMixedWildcard { .. } => RuleId::EventNamesMixedWildcard,
            Self::EventNamesDuplicate { .. } => RuleId::EventNamesDuplicate,
            Self::EventNamesCap { hard: true, .. } => RuleId::EventNamesCap,
            Self::EventNamesCap { hard: false, .. } => RuleId::EventNamesCapOther,
            Self::EventNameFormat { .. } => RuleId::EventNameFormat,
            Self::ResourceFieldsEmpty => RuleId::ResourceFieldsEmpty,
            Self::ResourceFieldsDuplicateProduct { .. } => RuleId::ResourceFieldsDuplicateProduct,
            Self::ResourceFieldsWildcardMixed { .. } => RuleId::ResourceFieldsWildcardMixed,
            Self::StorageTypeValue { .. } => RuleId::StorageTypeValue,
            Self::StorageRegionFormat { .. } => RuleId::StorageRegionFormat,
            Self::StorageRegionUnknown { .. } => RuleId::StorageRegionUnknown,
            Self::BucketName(_) => RuleId::StorageNameCos,
            Self::BucketNameAppId { .. } => RuleId::StorageNameAppId,
            Self::ClsTopicLength { .. } => RuleId::StorageNameCls,
            Self::CosPrefix(_) => RuleId::StoragePrefixCos,
            Self::StoragePrefixEmpty => RuleId::StoragePrefixEmpty,
            Self::CosHostLength { .. } => RuleId::StorageCosHostLength,
            Self::StorageIdFormat { .. } => RuleId::StorageIdFormat,
            Self::CompressValue { .. } => RuleId::StorageCompressValue,
            Self::ResourceTypeUnknown { .. } => RuleId::ResourceTypeUnknown,
            Self::EventNameUnknown { .. } => RuleId::EventNameUnknown,
            Self::Policy { rule, .. } => match rule {
                PolicyRule::Name => RuleId::PolicyName,
                PolicyRule::StorageType => RuleId::PolicyStorageType,
                PolicyRule::StorageRegion => RuleId::PolicyStorageRegion,
                PolicyRule::Status => RuleId::PolicyStatus,
                PolicyRule::TrackForAllMembers => RuleId::PolicyTrackForAllMembers,
                PolicyRule::StoragePrefix => RuleId::PolicyStoragePrefix,
            },
        }
    }

    /// The advice for this violation, when there is something to suggest: decided here, once
    /// for every language, and worded by each message table (see [`Help`]).
    ///
    /// ```
    /// use cloudaudit_lint::i18n::Help;
    /// use cloudaudit_lint::Violation;
    /// let v = Violation::DuplicateKey { key: "Name".into() };
    /// assert_eq!(v.help(), Some(Help::KeepOneKey));
    /// ```
    pub fn help(&self) -> Option<Help<'_>> {
        use Help as H;
        use Violation as V;
        let did_you_mean = |suggestion| Some(H::DidYouMean { suggestion });
        match self {
            V::Syntax(_) => Some(H::FixSyntax),
            V::HclSyntax { .. } => Some(H::FixHcl),
            V::ByteOrderMark => Some(H::SaveWithoutBom),
            V::DuplicateKey { .. } => Some(H::KeepOneKey),
            // The caller can make up for a missing region with its own option.
            V::MissingParameter {
                param: Param::Region,
            } => Some(H::GiveRegion {
                name: Param::Region.name(),
            }),
            V::MissingParameter { param } => Some(H::AddParameter { name: param.name() }),
            V::UnknownParameter {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::UnknownParameter { .. } => Some(H::RemoveParameter),
            V::WrongType {
                replacement: Some(replacement),
                ..
            } => Some(H::WriteValue { replacement }),
            V::NotJson {
                reason: NotJson::LoneSurrogate { .. },
                ..
            } => Some(H::CompleteSurrogatePair),
            V::WrongAction { expected, .. } => Some(H::SetAction { expected }),
            V::ModifyName { .. } => Some(H::LeaveNameOut),
            V::WrongVersion { .. } => Some(H::SetVersion {
                version: facts::API_VERSION,
            }),
            V::UnsupportedRegion {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::UnsupportedRegion { supported, .. } => {
                Some(H::SupportedRegions { regions: supported })
            }
            V::SurroundingWhitespace { trimmed, .. } => did_you_mean(trimmed),
            V::ConfusableCharacter { looks_like, .. } => Some(H::RetypeAscii {
                looks_like: *looks_like,
            }),
            V::InvisibleCharacter { .. } => Some(H::DeleteInvisible),
            V::NameCharset { .. } => Some(H::ReplaceNameCharacter),
            V::ActionTypeValue {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::ResourceTypeCase { lowercase, .. } => did_you_mean(lowercase),
            V::EventNamesWildcard { .. } => Some(H::WildcardOrOneProduct),
            V::EventNamesMixedWildcard { .. } => Some(H::WildcardOrNames),
            V::EventNamesDuplicate { .. } => Some(H::RemoveRepeatedEntry),
            V::EventNamesCap { .. } => Some(H::WildcardOrSplit),
            V::ResourceFieldsEmpty => Some(H::AddResourceField),
            V::ResourceFieldsDuplicateProduct { .. } => Some(H::MergeProductEntries),
            V::ResourceFieldsWildcardMixed { .. } => Some(H::WildcardOrProducts),
            V::StorageTypeValue {
                suggestion: Some(s),
                ..
            }
            | V::StorageRegionUnknown {
                suggestion: Some(s),
                ..
            }
            | V::ResourceTypeUnknown {
                suggestion: Some(s),
                ..
            }
            | V::EventNameUnknown {
                suggestion: Some(s),
                ..
            } => did_you_mean(s),
            V::BucketName(BucketNameFault::Charset { character, .. })
                if character.is_ascii_uppercase() =>
            {
                Some(H::LowercaseBucket)
            }
            V::BucketNameAppId { bucket, .. } => did_you_mean(bucket),
            V::StorageIdFormat {
                field: Param::StorageAccountId,
                ..
            } => Some(H::GiveAccountUin),
            V::StorageIdFormat { .. } => Some(H::GiveAccountAppId),
            // Listed rather than caught, so that a new violation is a decision here.
            V::NotAnObject { .. }
            | V::WrongType { .. }
            | V::NotJson { .. }
            | V::RegionMismatch { .. }
            | V::NameLength { .. }
            | V::ActionTypeValue { .. }
            | V::ResourceTypeFormat { .. }
            | V::SwitchValue { .. }
            | V::NotPositive { .. }
            | V::EventNamesEmpty
            | V::EventNameFormat { .. }
            | V::StorageTypeValue { .. }
            | V::StorageRegionFormat { .. }
            | V::StorageRegionUnknown { .. }
            | V::BucketName(_)
            | V::ClsTopicLength { .. }
            | V::CosPrefix(_)
            | V::StoragePrefixEmpty
            | V::CosHostLength { .. }
            | V::CompressValue { .. }
            | V::ResourceTypeUnknown { .. }
            | V::EventNameUnknown { .. }
            | V::Policy { .. } => None,
        }
    }

    /// The 0-based character index, in the value as written, of the character this violation
    /// is about, when it is about one character. Reporters use it to point at that character.
    pub fn character_index(&self) -> Option<usize> {
        match self {
            Self::ConfusableCharacter { index, .. }
            | Self::InvisibleCharacter { index, .. }
            | Self::NameCharset { index, .. }
            | Self::BucketName(BucketNameFault::Charset { index, .. })
            | Self::CosPrefix(PrefixFault::Charset { index, .. }) => Some(*index),
            Self::ResourceTypeFormat {
                character: Some((_, index)),
                ..
            }
            | Self::EventNameFormat {
                character: Some((_, index)),
                ..
            } => Some(*index),
            _ => None,
        }
    }

    /// The safe fix, when one is certain: wrong case of an enum value, surrounding
    /// whitespace, a quoted integer, a repeated or redundant `EventNames` entry, the `-APPID`
    /// suffix. Never a guess: a too-long name or an unknown value has none.
    ///
    /// ```
    /// use cloudaudit_lint::violation::Fix;
    /// use cloudaudit_lint::Violation;
    /// let v = Violation::ActionTypeValue { value: "read".into(), suggestion: Some("Read") };
    /// assert_eq!(v.fix(), Some(Fix::Replace("Read".into())));
    /// let v = Violation::ActionTypeValue { value: "Raed".into(), suggestion: Some("Read") };
    /// assert_eq!(v.fix(), None); // a typo: the suggestion is a guess
    /// ```
    pub fn fix(&self) -> Option<Fix> {
        let string = |s: &str| Some(Fix::Replace(Replacement::from(s)));
        match self {
            Self::SurroundingWhitespace { trimmed, .. } => string(trimmed),
            Self::WrongType { replacement, .. } => replacement.clone().map(Fix::Replace),
            Self::ResourceTypeCase { lowercase, .. } => string(lowercase),
            Self::BucketNameAppId { bucket, .. } => string(bucket),
            Self::ActionTypeValue {
                value,
                suggestion: Some(s),
            } if value.eq_ignore_ascii_case(s) => string(s),
            Self::StorageTypeValue {
                value,
                suggestion: Some(s),
                ..
            } if value.eq_ignore_ascii_case(s) => string(s),
            Self::UnsupportedRegion {
                region,
                suggestion: Some(s),
                ..
            } if region.eq_ignore_ascii_case(s) => string(s),
            Self::EventNamesDuplicate { .. } => Some(Fix::RemoveEntry),
            Self::EventNamesWildcard {
                has_wildcard: true, ..
            } => Some(Fix::OnlyWildcard),
            _ => None,
        }
    }
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
    use super::{IntegerRange, Violation, integer_range};
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

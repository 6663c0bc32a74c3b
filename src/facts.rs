//! Every fact about the CloudAudit API that the rules rely on, in one place.
//!
//! The values come from the `CreateAuditTrack` page (API version 2019-03-19) unless a comment
//! says otherwise; where the page is vague the reading chosen is stated beside the constant and
//! in the README. The rules never hard-code these values: they read them through a
//! [`Profile`](crate::Profile), whose default is built from this module, so a caller can
//! override any of them at run time and a new region here is a one-line change.
//!
//! ```
//! use cloudaudit_lint::facts;
//! assert!(facts::SUPPORTED_REGIONS.contains(&"ap-guangzhou"));
//! assert_eq!(facts::NAME_LENGTH, 3..=48);
//! ```

use std::ops::RangeInclusive;

/// The API action validated unless another is chosen.
pub const ACTION: &str = "CreateAuditTrack";

/// The API version this crate's facts describe.
pub const API_VERSION: &str = "2019-03-19";

/// Regions the page says the API supports ("This API only supports: …").
///
/// Older and Chinese editions show no limit, so this is data a [`Profile`](crate::Profile) can
/// extend.
pub const SUPPORTED_REGIONS: &[&str] = &[
    "ap-guangzhou",
    "ap-hongkong",
    "ap-seoul",
    "ap-singapore",
    "ap-tokyo",
    "eu-frankfurt",
];

/// Region codes COS publishes. The API gives no list for `StorageRegion`; a region outside this
/// list only draws a warning, because which of them CloudAudit accepts is known only at run time.
pub const KNOWN_STORAGE_REGIONS: &[&str] = &[
    "ap-beijing",
    "ap-nanjing",
    "ap-shanghai",
    "ap-guangzhou",
    "ap-chengdu",
    "ap-chongqing",
    "ap-hongkong",
    "ap-singapore",
    "ap-jakarta",
    "ap-seoul",
    "ap-bangkok",
    "ap-tokyo",
    "na-siliconvalley",
    "na-ashburn",
    "sa-saopaulo",
    "eu-frankfurt",
    "ap-shanghai-fsi",
    "ap-shenzhen-fsi",
    "ap-beijing-fsi",
];

/// Tracking-set name length, counted in characters ("3-48 letters, digits, hyphens, and
/// underscores").
pub const NAME_LENGTH: RangeInclusive<usize> = 3..=48;

/// Whether a character may appear in a tracking-set name: [`NAME_CHARS`].
pub const fn is_name_char(c: char) -> bool {
    NAME_CHARS.contains(c)
}

/// Values of `ActionType`: read events, write events, or all (`*`).
pub const ACTION_TYPES: &[&str] = &["Read", "Write", "*"];

/// Values of `Storage.StorageType` on the international API. The Chinese edition added
/// `ckafka` in 2026; a profile can add it.
pub const STORAGE_TYPES: &[&str] = &["cos", "cls"];

/// `StorageType` for Cloud Object Storage.
pub const STORAGE_COS: &str = "cos";

/// `StorageType` for Cloud Log Service.
pub const STORAGE_CLS: &str = "cls";

/// The wildcard meaning "all products" in `ResourceType` and "all APIs" in `EventNames`.
pub const WILDCARD: &str = "*";

/// Values of the integer switches `Status` and `TrackForAllMembers` (0 off, 1 on).
pub const SWITCH_VALUES: &[i64] = &[0, 1];

/// The most API names `EventNames` may list for the capped products.
pub const EVENT_NAMES_CAP: usize = 10;

/// Products the English page caps at [`EVENT_NAMES_CAP`] API names: an error beyond it.
pub const CAPPED_PRODUCTS: &[&str] = &["cos", "cls"];

/// The cap for every other specific product. The Chinese original reads as capping every
/// product, the English only cos and cls, so exceeding it is a warning.
pub const EVENT_NAMES_CAP_OTHER: usize = 10;

/// COS bucket name (without `-APPID`): at most this many characters.
pub const COS_BUCKET_NAME_MAX: usize = 50;

/// Whether a character may appear in a COS bucket name: [`COS_BUCKET_CHARS`].
pub const fn is_cos_bucket_char(c: char) -> bool {
    COS_BUCKET_CHARS.contains(c)
}

/// COS's own limit on `<bucket>-<APPID>.cos.<region>.myqcloud.com`; longer hosts fail at COS.
pub const COS_HOST_MAX: usize = 60;

/// The digits of an APPID as appended to bucket names (`-1250000000`).
pub const APPID_DIGITS: RangeInclusive<usize> = 10..=10;

/// CLS log topic ID length.
pub const CLS_TOPIC_LENGTH: RangeInclusive<usize> = 1..=50;

/// COS storage prefix length; the prefix holds ASCII letters and digits only.
pub const COS_PREFIX_LENGTH: RangeInclusive<usize> = 3..=40;

/// Values of `Storage.Compress` (Chinese edition): 1 compress, 2 do not.
pub const COMPRESS_VALUES: &[i64] = &[1, 2];

/// A set of ASCII characters, written as ranges: the one description of a charset, from which
/// both a rule's test ([`Charset::contains`]) and the JSON Schema's character class
/// ([`Charset::class`]) are derived, so the two cannot disagree.
///
/// ```
/// use cloudaudit_lint::facts::NAME_CHARS;
/// assert!(NAME_CHARS.contains('a') && NAME_CHARS.contains('-') && !NAME_CHARS.contains('.'));
/// assert!(!NAME_CHARS.contains('\u{00E9}'));
/// assert_eq!(NAME_CHARS.class(), "[A-Za-z0-9_-]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Charset {
    /// The ranges, inclusive, in the order the schema's class lists them.
    ranges: &'static [(u8, u8)],
    /// Bit `c` is set for each ASCII `c` in the set: one test per character, on the word of
    /// `c`'s half of ASCII (a shift of a 128-bit integer takes several instructions).
    halves: [u64; 2],
}

impl Charset {
    /// The set of the ASCII characters in `ranges` (inclusive), at compile time.
    const fn of(ranges: &'static [(u8, u8)]) -> Self {
        let mut mask = 0u128;
        let mut i = 0;
        while i < ranges.len() {
            let (low, high) = ranges[i];
            assert!(low <= high && high < 128, "a charset is ASCII ranges");
            let mut c = low;
            while c <= high {
                mask |= 1 << c;
                c += 1;
            }
            i += 1;
        }
        // The low and high 64 bits (the truncations are the point).
        let halves = [mask as u64, (mask >> 64) as u64];
        Self { ranges, halves }
    }

    /// Whether `c` is in the set (never, for a character outside ASCII).
    #[inline]
    pub const fn contains(self, c: char) -> bool {
        let c = c as u32;
        // A character past ASCII is never in it; one within is tested as its byte.
        c < 128 && self.contains_byte(c as u8)
    }

    /// Whether the byte `b` is in the set (never, for a byte of a multi-byte UTF-8 sequence).
    #[cfg_attr(target_arch = "wasm32", inline(always))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub const fn contains_byte(self, b: u8) -> bool {
        // The half by the byte's sixth bit, not by a branch: every byte of every string of
        // a request comes through here.
        let half = self.halves[(b >> 6) as usize & 1];
        b < 128 && (half >> (b & 63)) & 1 == 1
    }

    /// The first character of `value` outside the set and its index in characters, read a
    /// byte at a time: every byte before it is in the set, so ASCII, one character each.
    ///
    /// ```
    /// use cloudaudit_lint::facts::DIGITS;
    /// assert_eq!(DIGITS.first_outside("12a4"), Some((2, 'a')));
    /// assert_eq!(DIGITS.first_outside("1é"), Some((1, 'é')));
    /// assert_eq!(DIGITS.first_outside("1234"), None);
    /// ```
    #[inline]
    pub fn first_outside(self, value: &str) -> Option<(usize, char)> {
        let at = self.run_len(value.as_bytes());
        Some((at, value.get(at..)?.chars().next()?))
    }

    /// Whether every character of `value` is in the set (so an empty value is), read as its
    /// bytes: those of a character past ASCII are in no set.
    ///
    /// ```
    /// use cloudaudit_lint::facts::DIGITS;
    /// assert!(DIGITS.holds("1250000000") && DIGITS.holds(""));
    /// assert!(!DIGITS.holds("12a4") && !DIGITS.holds("1é"));
    /// ```
    #[inline]
    pub fn holds(self, value: &str) -> bool {
        self.run_len(value.as_bytes()) == value.len()
    }

    /// How many of the first bytes of `bytes` are in the set: the names and codes of a
    /// request are read whole here. Natively eight bytes at a time (12.68k → 12.16k
    /// instructions per valid request); the WebAssembly builds a byte at a time, as the
    /// word tests cost the browser module 170 bytes of gzip.
    #[cfg_attr(target_arch = "wasm32", inline(always))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(crate) fn run_len(self, bytes: &[u8]) -> usize {
        #[cfg(not(target_arch = "wasm32"))]
        return crate::swar::run_len(
            bytes,
            |word| !self.flags(word) & crate::swar::HIGHS,
            |byte| !self.contains_byte(byte),
        );
        #[cfg(target_arch = "wasm32")]
        crate::swar::bytes_before(bytes, |byte| !self.contains_byte(byte))
    }

    /// Flags the bytes of `word` in the set (a byte past ASCII never is): a range is the bytes
    /// at or above its low end and not at or above the one past its high end.
    #[inline]
    #[cfg(not(target_arch = "wasm32"))]
    const fn flags(self, word: u64) -> u64 {
        use crate::swar::{at_least, high};
        let mut flags = 0;
        let mut i = 0;
        while i < self.ranges.len() {
            let (low, high_end) = self.ranges[i];
            flags |= at_least(word, low) & !at_least(word, high_end + 1);
            i += 1;
        }
        flags & !high(word)
    }

    /// The set as a regular-expression character class (`[A-Za-z0-9_-]`), as ECMA-262 (JSON
    /// Schema's `pattern`) and Rust's `regex` read it.
    pub fn class(self) -> String {
        let mut class = String::from("[");
        let last = self.ranges.len().saturating_sub(1);
        for (i, &(low, high)) in self.ranges.iter().enumerate() {
            push_class_char(&mut class, low, i == last && low == high);
            if high != low {
                class.push('-');
                push_class_char(&mut class, high, false);
            }
        }
        class.push(']');
        class
    }
}

/// A character in a class: itself, a backslash before those a class gives a meaning (a `-` is
/// itself only as the class's last character).
fn push_class_char(class: &mut String, b: u8, last: bool) {
    match b {
        b'-' if last => class.push('-'),
        b'\\' | b']' | b'[' | b'^' | b'-' => {
            class.push('\\');
            class.push(char::from(b));
        }
        b if b.is_ascii_graphic() => class.push(char::from(b)),
        b => class.push_str(&format!("\\x{b:02X}")),
    }
}

/// Characters of a tracking-set name: ASCII letters, digits, `_` and `-` ("letters" read as
/// ASCII letters, as in every other Tencent Cloud name rule).
pub const NAME_CHARS: Charset = Charset::of(&[
    (b'A', b'Z'),
    (b'a', b'z'),
    (b'0', b'9'),
    (b'_', b'_'),
    (b'-', b'-'),
]);

/// Characters of an API name in `EventNames` (`SMS_AddDumpLogTask`): ASCII letters, digits, `_`.
pub const API_NAME_CHARS: Charset =
    Charset::of(&[(b'A', b'Z'), (b'a', b'z'), (b'0', b'9'), (b'_', b'_')]);

/// Characters of a product code in `ResourceType` as the server reads it: ASCII letters and
/// digits. Codes are written in lowercase ([`PRODUCT_CODE_LOWERCASE`]); uppercase letters are a
/// warning of their own.
pub const PRODUCT_CODE_CHARS: Charset = Charset::of(&[(b'A', b'Z'), (b'a', b'z'), (b'0', b'9')]);

/// Characters of a product code as the catalogue writes it: lowercase ASCII letters and digits.
pub const PRODUCT_CODE_LOWERCASE: Charset = Charset::of(&[(b'a', b'z'), (b'0', b'9')]);

/// Characters of a COS bucket name (without `-APPID`): lowercase ASCII letters, digits, `-`.
pub const COS_BUCKET_CHARS: Charset = Charset::of(&[(b'a', b'z'), (b'0', b'9'), (b'-', b'-')]);

/// The characters a COS bucket name may start and end with: [`COS_BUCKET_CHARS`] but `-`.
pub const COS_BUCKET_EDGE_CHARS: Charset = Charset::of(&[(b'a', b'z'), (b'0', b'9')]);

/// Characters of a COS storage prefix: ASCII letters and digits.
pub const COS_PREFIX_CHARS: Charset = Charset::of(&[(b'A', b'Z'), (b'a', b'z'), (b'0', b'9')]);

/// Characters of the numeric IDs (`StorageAccountId`, `StorageAppId`, an APPID suffix).
pub const DIGITS: Charset = Charset::of(&[(b'0', b'9')]);

/// Characters of a region code's first part (`ap` of `ap-guangzhou`): lowercase ASCII letters.
pub const REGION_FIRST_PART_CHARS: Charset = Charset::of(&[(b'a', b'z')]);

/// Characters of a region code's other parts (`shanghai`, `fsi`): lowercase ASCII letters and
/// digits.
pub const REGION_PART_CHARS: Charset = Charset::of(&[(b'a', b'z'), (b'0', b'9')]);

/// The separator of a region code's parts.
pub const REGION_SEPARATOR: char = '-';

/// Whether `region` has the shape of a region code: at least two non-empty parts separated by
/// [`REGION_SEPARATOR`], the first of [`REGION_FIRST_PART_CHARS`], the others of
/// [`REGION_PART_CHARS`] (`ap-guangzhou`, `ap-shanghai-fsi`). [`region_code_pattern`] is the
/// same shape as a regular expression.
///
/// ```
/// use cloudaudit_lint::facts::is_region_code;
/// assert!(is_region_code("ap-shanghai-fsi"));
/// assert!(!is_region_code("ap") && !is_region_code("1a-b") && !is_region_code("ap--x"));
/// ```
pub fn is_region_code(region: &str) -> bool {
    // Each part read as one run of its set (every request holds two or three regions): a
    // byte of a non-ASCII character is in neither set, and the separator is ASCII.
    const SEPARATOR: u8 = REGION_SEPARATOR as u8;
    const _: () = assert!(REGION_SEPARATOR.is_ascii());
    let bytes = region.as_bytes();
    let first = REGION_FIRST_PART_CHARS.run_len(bytes);
    let mut rest = bytes.get(first..).unwrap_or_default();
    if first == 0 || rest.is_empty() {
        return false;
    }
    while let Some((&separator, after)) = rest.split_first() {
        let part = REGION_PART_CHARS.run_len(after);
        if separator != SEPARATOR || part == 0 {
            return false;
        }
        rest = after.get(part..).unwrap_or_default();
    }
    true
}

/// [`is_region_code`] as an anchored regular expression: `^[a-z]+(-[a-z0-9]+)+$`.
///
/// ```
/// assert_eq!(cloudaudit_lint::facts::region_code_pattern(), "^[a-z]+(-[a-z0-9]+)+$");
/// ```
pub fn region_code_pattern() -> String {
    format!(
        "^{}+({}{}+)+$",
        REGION_FIRST_PART_CHARS.class(),
        REGION_SEPARATOR,
        REGION_PART_CHARS.class()
    )
}

/// The JSON type a parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamType {
    /// A JSON string.
    String,
    /// A JSON integer (a number with no fraction or exponent).
    Integer,
    /// A JSON array of strings.
    StringArray,
    /// The `Storage` JSON object.
    Storage,
    /// The `Filters` JSON object (`CreateEventsAuditTrack`).
    Filters,
    /// The `Filters.ResourceFields` JSON array of objects.
    ResourceFields,
}

/// Every parameter of every tracking-set action, and every field of `Storage`: the one
/// identity the rules, the messages, the policies, the schema and the bindings share.
/// [`Param::name`] is the only place a parameter's name is spelled.
///
/// ```
/// use cloudaudit_lint::Param;
/// assert_eq!(Param::StoragePrefix.name(), "StoragePrefix");
/// assert_eq!(Param::from_name("StoragePrefix"), Some(Param::StoragePrefix));
/// assert!(Param::StoragePrefix.in_storage());
/// assert_eq!(Param::from_name("storageprefix"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Param {
    /// `Action` (common).
    Action,
    /// `Version` (common).
    Version,
    /// `Region` (common).
    Region,
    /// `Name`.
    Name,
    /// `ActionType`.
    ActionType,
    /// `ResourceType`.
    ResourceType,
    /// `Status`.
    Status,
    /// `EventNames` (and, in messages about one entry's text, that entry).
    EventNames,
    /// `Storage`.
    Storage,
    /// `TrackForAllMembers`.
    TrackForAllMembers,
    /// `ExportId`.
    ExportId,
    /// `TrackId` (`ModifyAuditTrack`, `DeleteAuditTrack`, `DescribeAuditTrack`).
    TrackId,
    /// `PageNumber` (`DescribeAuditTracks`).
    PageNumber,
    /// `PageSize` (`DescribeAuditTracks`).
    PageSize,
    /// `Storage.StorageType`.
    StorageType,
    /// `Storage.StorageRegion`.
    StorageRegion,
    /// `Storage.StorageName`.
    StorageName,
    /// `Storage.StoragePrefix`.
    StoragePrefix,
    /// `Storage.StorageAccountId` (Chinese edition).
    StorageAccountId,
    /// `Storage.StorageAppId` (Chinese edition).
    StorageAppId,
    /// `Storage.Compress` (Chinese edition).
    Compress,
    /// `Filters` (`CreateEventsAuditTrack`, `ModifyEventsAuditTrack`).
    Filters,
    /// `Filters.ResourceFields`: one entry per product, each with its own `ResourceType`,
    /// `ActionType` and `EventNames`.
    ResourceFields,
}

impl Param {
    /// Every parameter, in declaration order.
    pub const ALL: &'static [Param] = &[
        Self::Action,
        Self::Version,
        Self::Region,
        Self::Name,
        Self::ActionType,
        Self::ResourceType,
        Self::Status,
        Self::EventNames,
        Self::Storage,
        Self::TrackForAllMembers,
        Self::ExportId,
        Self::TrackId,
        Self::PageNumber,
        Self::PageSize,
        Self::StorageType,
        Self::StorageRegion,
        Self::StorageName,
        Self::StoragePrefix,
        Self::StorageAccountId,
        Self::StorageAppId,
        Self::Compress,
        Self::Filters,
        Self::ResourceFields,
    ];

    /// The parameter's name, exactly as the API spells it (a field of `Storage` by its own
    /// name).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Action => "Action",
            Self::Version => "Version",
            Self::Region => "Region",
            Self::Name => "Name",
            Self::ActionType => "ActionType",
            Self::ResourceType => "ResourceType",
            Self::Status => "Status",
            Self::EventNames => "EventNames",
            Self::Storage => "Storage",
            Self::TrackForAllMembers => "TrackForAllMembers",
            Self::ExportId => "ExportId",
            Self::TrackId => "TrackId",
            Self::PageNumber => "PageNumber",
            Self::PageSize => "PageSize",
            Self::StorageType => "StorageType",
            Self::StorageRegion => "StorageRegion",
            Self::StorageName => "StorageName",
            Self::StoragePrefix => "StoragePrefix",
            Self::StorageAccountId => "StorageAccountId",
            Self::StorageAppId => "StorageAppId",
            Self::Compress => "Compress",
            Self::Filters => "Filters",
            Self::ResourceFields => "ResourceFields",
        }
    }

    /// The JSON type the parameter takes (the same in every action that has it).
    pub const fn ty(self) -> ParamType {
        match self {
            Self::Action
            | Self::Version
            | Self::Region
            | Self::Name
            | Self::ActionType
            | Self::ResourceType
            | Self::ExportId
            | Self::StorageType
            | Self::StorageRegion
            | Self::StorageName
            | Self::StoragePrefix
            | Self::StorageAccountId
            | Self::StorageAppId => ParamType::String,
            Self::Status
            | Self::TrackForAllMembers
            | Self::TrackId
            | Self::PageNumber
            | Self::PageSize
            | Self::Compress => ParamType::Integer,
            Self::EventNames => ParamType::StringArray,
            Self::Storage => ParamType::Storage,
            Self::Filters => ParamType::Filters,
            Self::ResourceFields => ParamType::ResourceFields,
        }
    }

    /// Whether the parameter is a field of the `Storage` object rather than of the request.
    pub const fn in_storage(self) -> bool {
        match self {
            Self::StorageType
            | Self::StorageRegion
            | Self::StorageName
            | Self::StoragePrefix
            | Self::StorageAccountId
            | Self::StorageAppId
            | Self::Compress => true,
            Self::Action
            | Self::Version
            | Self::Region
            | Self::Name
            | Self::ActionType
            | Self::ResourceType
            | Self::Status
            | Self::EventNames
            | Self::Storage
            | Self::TrackForAllMembers
            | Self::ExportId
            | Self::TrackId
            | Self::PageNumber
            | Self::PageSize
            | Self::Filters
            | Self::ResourceFields => false,
        }
    }

    /// How many parameters there are: the size of a table with a slot for each.
    pub const COUNT: usize = Self::ALL.len();

    /// The parameter's place in [`Param::ALL`]: its slot in a table of [`Param::COUNT`].
    ///
    /// ```
    /// use cloudaudit_lint::Param;
    /// assert_eq!(Param::ALL[Param::Storage.index()], Param::Storage);
    /// ```
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The parameter named `name` exactly, if any action or `Storage` has one.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn from_name(name: &str) -> Option<Self> {
        // Every key of every object a request holds comes through here: the length picks the
        // few names it could be, their first bytes mostly tell them apart, and the rest is
        // compared only with a name that starts alike.
        let name = name.as_bytes();
        let first = *name.first()?;
        for &param in Self::BY_LENGTH.get(name.len())? {
            let param = param?;
            let candidate = param.name().as_bytes();
            if candidate.first() == Some(&first) && crate::swar::same_bytes(candidate, name) {
                return Some(param);
            }
        }
        None
    }

    /// Longer than every parameter's name.
    const NAME_LENGTH_LIMIT: usize = {
        let mut limit = 0;
        let mut index = 0;
        while index < Self::COUNT {
            let length = Self::ALL[index].name().len();
            if length >= limit {
                limit = length + 1;
            }
            index += 1;
        }
        limit
    };

    /// The most parameters whose names have one length (`Version`, `Storage`, `TrackId` and
    /// `Filters`); the table below refuses to build with fewer.
    const SAME_LENGTH_LIMIT: usize = 4;

    /// Per name length, the parameters so long (read from [`Param::name`] at compile time),
    /// then `None`s.
    const BY_LENGTH: [[Option<Param>; Self::SAME_LENGTH_LIMIT]; Self::NAME_LENGTH_LIMIT] = {
        let mut table = [[None; Self::SAME_LENGTH_LIMIT]; Self::NAME_LENGTH_LIMIT];
        let mut index = 0;
        while index < Self::COUNT {
            let param = Self::ALL[index];
            let bucket = &mut table[param.name().len()];
            let mut place = 0;
            while bucket[place].is_some() {
                place += 1;
            }
            bucket[place] = Some(param);
            index += 1;
        }
        table
    };
}

impl std::fmt::Display for Param {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One parameter of a request object as an action declares it: which parameter, whether it
/// is required, and its JSON type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamSpec {
    /// The parameter.
    pub param: Param,
    /// Whether the server answers `MissingParameter` when it is absent.
    pub required: bool,
    /// The JSON type it takes ([`Param::ty`]).
    pub ty: ParamType,
}

impl ParamSpec {
    /// The parameter's name ([`Param::name`]).
    pub const fn name(&self) -> &'static str {
        self.param.name()
    }
}

const fn required(param: Param) -> ParamSpec {
    ParamSpec {
        param,
        required: true,
        ty: param.ty(),
    }
}

const fn optional(param: Param) -> ParamSpec {
    ParamSpec {
        param,
        required: false,
        ty: param.ty(),
    }
}

/// The common parameters, which may come from the document or from the caller.
pub const COMMON_PARAMS: &[ParamSpec] = &[
    required(Param::Action),
    required(Param::Version),
    required(Param::Region),
];

/// `CreateAuditTrack`'s own parameters, in the page's order (which is also the order in which
/// diagnostics are reported). `ExportId` is in both spec editions since 2025 but not on the page.
pub const REQUEST_PARAMS: &[ParamSpec] = &[
    required(Param::Name),
    required(Param::ActionType),
    required(Param::ResourceType),
    required(Param::Status),
    required(Param::EventNames),
    required(Param::Storage),
    optional(Param::TrackForAllMembers),
    optional(Param::ExportId),
];

/// `ModifyAuditTrack`: `TrackId` plus every `CreateAuditTrack` field, all optional (no
/// `ExportId`). A `Storage` object, when present, is still complete.
pub const MODIFY_PARAMS: &[ParamSpec] = &[
    required(Param::TrackId),
    optional(Param::Name),
    optional(Param::ActionType),
    optional(Param::ResourceType),
    optional(Param::Status),
    optional(Param::EventNames),
    optional(Param::Storage),
    optional(Param::TrackForAllMembers),
];

/// `DeleteAuditTrack` and `DescribeAuditTrack`: the tracking set's ID only.
pub const TRACK_ID_PARAMS: &[ParamSpec] = &[required(Param::TrackId)];

/// `DescribeAuditTracks`: one page of the list.
pub const DESCRIBE_TRACKS_PARAMS: &[ParamSpec] =
    &[required(Param::PageNumber), required(Param::PageSize)];

/// `CreateEventsAuditTrack` (Chinese edition): a tracking set over several products, each
/// entry of `Filters.ResourceFields` one product's `ResourceType`, `ActionType` and
/// `EventNames`, checked as `CreateAuditTrack`'s.
pub const EVENTS_REQUEST_PARAMS: &[ParamSpec] = &[
    required(Param::Name),
    required(Param::Status),
    required(Param::Storage),
    required(Param::Filters),
    optional(Param::TrackForAllMembers),
];

/// `ModifyEventsAuditTrack`: `TrackId` plus every `CreateEventsAuditTrack` field, all
/// optional. A `Filters` object, when present, is still complete.
pub const MODIFY_EVENTS_PARAMS: &[ParamSpec] = &[
    required(Param::TrackId),
    optional(Param::Name),
    optional(Param::Status),
    optional(Param::Storage),
    optional(Param::Filters),
    optional(Param::TrackForAllMembers),
];

/// The fields of the `Filters` object.
pub const FILTER_PARAMS: &[ParamSpec] = &[required(Param::ResourceFields)];

/// The fields of each entry of `Filters.ResourceFields`, in the spec's order (`EventNames`'
/// rules read the entry's `ResourceType`).
pub const RESOURCE_FIELD_PARAMS: &[ParamSpec] = &[
    required(Param::ResourceType),
    required(Param::ActionType),
    required(Param::EventNames),
];

/// The tracking-set APIs this crate validates (all version 2019-03-19).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TrackAction {
    /// `CreateAuditTrack`.
    #[default]
    Create,
    /// `ModifyAuditTrack`.
    Modify,
    /// `DeleteAuditTrack`.
    Delete,
    /// `DescribeAuditTrack`.
    Describe,
    /// `DescribeAuditTracks`.
    DescribeList,
    /// `CreateEventsAuditTrack`.
    CreateEvents,
    /// `ModifyEventsAuditTrack`.
    ModifyEvents,
}

impl TrackAction {
    /// Every action, in a stable order.
    pub const ALL: &'static [TrackAction] = &[
        Self::Create,
        Self::Modify,
        Self::Delete,
        Self::Describe,
        Self::DescribeList,
        Self::CreateEvents,
        Self::ModifyEvents,
    ];

    /// The action's name as `Action` carries it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Create => ACTION,
            Self::Modify => "ModifyAuditTrack",
            Self::Delete => "DeleteAuditTrack",
            Self::Describe => "DescribeAuditTrack",
            Self::DescribeList => "DescribeAuditTracks",
            Self::CreateEvents => "CreateEventsAuditTrack",
            Self::ModifyEvents => "ModifyEventsAuditTrack",
        }
    }

    /// The action's own parameters, in the spec's order.
    pub const fn params(self) -> &'static [ParamSpec] {
        match self {
            Self::Create => REQUEST_PARAMS,
            Self::Modify => MODIFY_PARAMS,
            Self::Delete | Self::Describe => TRACK_ID_PARAMS,
            Self::DescribeList => DESCRIBE_TRACKS_PARAMS,
            Self::CreateEvents => EVENTS_REQUEST_PARAMS,
            Self::ModifyEvents => MODIFY_EVENTS_PARAMS,
        }
    }

    /// Whether the action modifies an existing tracking set, whose name cannot change.
    ///
    /// ```
    /// use cloudaudit_lint::facts::TrackAction;
    /// assert!(TrackAction::ModifyEvents.modifies() && !TrackAction::CreateEvents.modifies());
    /// ```
    pub const fn modifies(self) -> bool {
        matches!(self, Self::Modify | Self::ModifyEvents)
    }

    /// The action named `name` exactly, if it is one of the family.
    ///
    /// ```
    /// use cloudaudit_lint::facts::TrackAction;
    /// assert_eq!(TrackAction::from_name("ModifyAuditTrack"), Some(TrackAction::Modify));
    /// assert_eq!(TrackAction::from_name("modifyaudittrack"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.name() == name)
    }
}

/// The fields of the `Storage` object, in the spec's order. The last three are in the Chinese
/// edition only (cross-account delivery and compression).
pub const STORAGE_PARAMS: &[ParamSpec] = &[
    required(Param::StorageType),
    required(Param::StorageRegion),
    required(Param::StorageName),
    required(Param::StoragePrefix),
    optional(Param::StorageAccountId),
    optional(Param::StorageAppId),
    optional(Param::Compress),
];

/// The error codes the server answers for the faults this crate detects.
///
/// The common codes (`MissingParameter`, `UnknownParameter`, …) come from Tencent Cloud API 3.0;
/// the dotted ones from the page's error table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ApiErrorCode {
    /// The body is not a JSON object, or a value has the wrong JSON type.
    InvalidParameter,
    /// A value has the right type but is not accepted.
    InvalidParameterValue,
    /// A required parameter is absent.
    MissingParameter,
    /// A parameter the API does not define.
    UnknownParameter,
    /// A count exceeds the API's cap.
    LimitExceeded,
    /// The API is not offered in the request's region.
    UnsupportedRegion,
    /// `Action` names another API.
    InvalidAction,
    /// `Version` names a version that does not exist.
    NoSuchVersion,
    /// CloudAudit does not ship to that COS region.
    CosRegionError,
    /// The COS bucket does not exist (as when the name still carries `-APPID`).
    CosNotExist,
    /// `ModifyAuditTrack` cannot rename a tracking set.
    NameNotModifiable,
}

impl ApiErrorCode {
    /// The code as the server writes it.
    ///
    /// ```
    /// use cloudaudit_lint::facts::ApiErrorCode;
    /// assert_eq!(ApiErrorCode::CosRegionError.as_str(), "InvalidParameterValue.CosRegionError");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InvalidParameter => "InvalidParameter",
            Self::InvalidParameterValue => "InvalidParameterValue",
            Self::MissingParameter => "MissingParameter",
            Self::UnknownParameter => "UnknownParameter",
            Self::LimitExceeded => "LimitExceeded",
            Self::UnsupportedRegion => "UnsupportedRegion",
            Self::InvalidAction => "InvalidAction",
            Self::NoSuchVersion => "NoSuchVersion",
            Self::CosRegionError => "InvalidParameterValue.CosRegionError",
            Self::CosNotExist => "ResourceNotFound.CosNotExist",
            Self::NameNotModifiable => "InvalidParameterValue.AuditTrackNameNotSupportModify",
        }
    }
}

impl std::fmt::Display for ApiErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The one-pass reading is the definition: parts split at the separator, the first
        /// of one set, at least one more, each of the other.
        #[test]
        fn region_codes_are_parts_of_their_sets(region in "[a-c0-2\\-_é]{0,12}") {
            let all_in = |part: &str, set: Charset| {
                !part.is_empty() && part.chars().all(|c| set.contains(c))
            };
            let parts: Vec<&str> = region.split(REGION_SEPARATOR).collect();
            let expected = parts.len() >= 2
                && all_in(parts[0], REGION_FIRST_PART_CHARS)
                && parts[1..].iter().all(|p| all_in(p, REGION_PART_CHARS));
            prop_assert_eq!(is_region_code(&region), expected, "{:?}", region);
        }

        /// A run read eight bytes at a time is the run read one byte at a time, for any bytes
        /// (those past ASCII included) and where the first outside falls in a word or after.
        #[test]
        fn a_run_is_the_bytes_in_the_set(bytes in proptest::collection::vec(prop_oneof![0u8..=0x7f, any::<u8>()], 0..40)) {
            for set in ALL_CHARSETS {
                let expected = bytes.iter().position(|&b| !set.contains_byte(b)).unwrap_or(bytes.len());
                prop_assert_eq!(set.run_len(&bytes), expected, "{:?} {:?}", set, bytes);
            }
        }

        /// The byte-at-a-time reading is the character-at-a-time one.
        #[test]
        fn the_first_character_outside_is_found_by_its_bytes(value in "[a-zA-Z0-9_. é中\u{1F600}-]{0,16}") {
            for set in [COS_BUCKET_CHARS, COS_PREFIX_CHARS, PRODUCT_CODE_CHARS, DIGITS] {
                let expected = value.chars().enumerate().find(|&(_, c)| !set.contains(c));
                prop_assert_eq!(set.first_outside(&value), expected, "{:?}", value);
                prop_assert_eq!(set.holds(&value), expected.is_none(), "{:?}", value);
            }
        }
    }

    /// Every table of parameters: the common ones, each action's, and `Storage`'s.
    fn tables() -> impl Iterator<Item = &'static [ParamSpec]> {
        [
            COMMON_PARAMS,
            STORAGE_PARAMS,
            FILTER_PARAMS,
            RESOURCE_FIELD_PARAMS,
        ]
        .into_iter()
        .chain(TrackAction::ALL.iter().map(|a| a.params()))
    }

    /// Each charset's test is its ranges, for every byte and every character a byte can start.
    const ALL_CHARSETS: [Charset; 10] = [
        NAME_CHARS,
        API_NAME_CHARS,
        PRODUCT_CODE_CHARS,
        PRODUCT_CODE_LOWERCASE,
        COS_BUCKET_CHARS,
        COS_BUCKET_EDGE_CHARS,
        COS_PREFIX_CHARS,
        DIGITS,
        REGION_FIRST_PART_CHARS,
        REGION_PART_CHARS,
    ];

    #[test]
    fn charsets_contain_exactly_their_ranges() {
        for set in ALL_CHARSETS {
            for byte in 0..=u8::MAX {
                let in_ranges = set
                    .ranges
                    .iter()
                    .any(|&(low, high)| (low..=high).contains(&byte));
                assert_eq!(set.contains_byte(byte), in_ranges, "{set:?} {byte:#x}");
                assert_eq!(
                    set.contains(char::from(byte)),
                    in_ranges,
                    "{set:?} {byte:#x}"
                );
            }
            assert!(!set.contains('\u{10FFFF}') && !set.contains('\u{100}'));
        }
    }

    #[test]
    fn every_parameter_is_in_a_table_and_every_name_reads_back() {
        for &param in Param::ALL {
            assert!(
                tables().any(|t| t.iter().any(|s| s.param == param)),
                "{param} is in no table"
            );
            assert_eq!(Param::from_name(param.name()), Some(param));
            // One byte off, one byte short or long: no parameter.
            let name = param.name();
            for near in [
                name.to_lowercase(),
                format!("{name} "),
                name[..name.len() - 1].to_owned(),
                format!("{}#", &name[..name.len() - 1]),
            ] {
                assert_eq!(Param::from_name(&near), None, "{near:?}");
            }
            // Tables by parameter (`PolicyRule::of`'s, the walk's slots) are read by `index`.
            assert_eq!(
                Param::ALL.get(param.index()),
                Some(&param),
                "{param}'s slot"
            );
            assert_eq!(
                param.in_storage(),
                STORAGE_PARAMS.iter().any(|s| s.param == param),
                "{param}"
            );
        }
        let mut names: Vec<&str> = Param::ALL.iter().map(|p| p.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Param::ALL.len(), "a name is spelled twice");
    }

    #[test]
    fn a_table_lists_each_parameter_once_with_its_own_type() {
        for table in tables() {
            for (i, spec) in table.iter().enumerate() {
                assert_eq!(spec.ty, spec.param.ty(), "{}", spec.param);
                assert!(
                    table
                        .iter()
                        .skip(i + 1)
                        .all(|later| later.param != spec.param),
                    "{} twice",
                    spec.param
                );
            }
        }
        // The common parameters are never an action's own.
        for action in TrackAction::ALL {
            for spec in action.params() {
                assert!(!COMMON_PARAMS.iter().any(|c| c.param == spec.param));
                assert!(!spec.param.in_storage());
            }
        }
    }
}

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

/// Whether a character may appear in a tracking-set name: ASCII letters, digits, `-` and `_`.
/// "Letters" is read as ASCII letters, as in every other Tencent Cloud name rule.
pub const fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
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

/// Whether a character may appear in a COS bucket name: lowercase ASCII letters, digits, `-`.
pub const fn is_cos_bucket_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
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
}

/// One parameter of a request object: its name, whether it is required, and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// The parameter's name, exactly as the API spells it.
    pub name: &'static str,
    /// Whether the server answers `MissingParameter` when it is absent.
    pub required: bool,
    /// The JSON type it takes.
    pub ty: ParamType,
}

const fn param(name: &'static str, required: bool, ty: ParamType) -> Param {
    Param { name, required, ty }
}

/// The common parameters, which may come from the document or from the caller.
pub const COMMON_PARAMS: &[Param] = &[
    param("Action", true, ParamType::String),
    param("Version", true, ParamType::String),
    param("Region", true, ParamType::String),
];

/// `CreateAuditTrack`'s own parameters, in the page's order (which is also the order in which
/// diagnostics are reported). `ExportId` is in both spec editions since 2025 but not on the page.
pub const REQUEST_PARAMS: &[Param] = &[
    param("Name", true, ParamType::String),
    param("ActionType", true, ParamType::String),
    param("ResourceType", true, ParamType::String),
    param("Status", true, ParamType::Integer),
    param("EventNames", true, ParamType::StringArray),
    param("Storage", true, ParamType::Storage),
    param("TrackForAllMembers", false, ParamType::Integer),
    param("ExportId", false, ParamType::String),
];

/// `ModifyAuditTrack`: `TrackId` plus every `CreateAuditTrack` field, all optional (no
/// `ExportId`). A `Storage` object, when present, is still complete.
pub const MODIFY_PARAMS: &[Param] = &[
    param("TrackId", true, ParamType::Integer),
    param("Name", false, ParamType::String),
    param("ActionType", false, ParamType::String),
    param("ResourceType", false, ParamType::String),
    param("Status", false, ParamType::Integer),
    param("EventNames", false, ParamType::StringArray),
    param("Storage", false, ParamType::Storage),
    param("TrackForAllMembers", false, ParamType::Integer),
];

/// `DeleteAuditTrack` and `DescribeAuditTrack`: the tracking set's ID only.
pub const TRACK_ID_PARAMS: &[Param] = &[param("TrackId", true, ParamType::Integer)];

/// `DescribeAuditTracks`: one page of the list.
pub const DESCRIBE_TRACKS_PARAMS: &[Param] = &[
    param("PageNumber", true, ParamType::Integer),
    param("PageSize", true, ParamType::Integer),
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
}

impl TrackAction {
    /// Every action, in a stable order.
    pub const ALL: &'static [TrackAction] = &[
        Self::Create,
        Self::Modify,
        Self::Delete,
        Self::Describe,
        Self::DescribeList,
    ];

    /// The action's name as `Action` carries it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Create => ACTION,
            Self::Modify => "ModifyAuditTrack",
            Self::Delete => "DeleteAuditTrack",
            Self::Describe => "DescribeAuditTrack",
            Self::DescribeList => "DescribeAuditTracks",
        }
    }

    /// The action's own parameters, in the spec's order.
    pub const fn params(self) -> &'static [Param] {
        match self {
            Self::Create => REQUEST_PARAMS,
            Self::Modify => MODIFY_PARAMS,
            Self::Delete | Self::Describe => TRACK_ID_PARAMS,
            Self::DescribeList => DESCRIBE_TRACKS_PARAMS,
        }
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
pub const STORAGE_PARAMS: &[Param] = &[
    param("StorageType", true, ParamType::String),
    param("StorageRegion", true, ParamType::String),
    param("StorageName", true, ParamType::String),
    param("StoragePrefix", true, ParamType::String),
    param("StorageAccountId", false, ParamType::String),
    param("StorageAppId", false, ParamType::String),
    param("Compress", false, ParamType::Integer),
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

//! The one table of rules: stable id, default severity, the API error code the server would
//! most likely answer, and a one-line description in English and Simplified Chinese.
//!
//! This table is the source for `cloudaudit-lint rules`, the JavaScript `rules()`, SARIF rule
//! metadata and the README's rule table. Ids are kebab-case and never change meaning; a rule
//! that goes away leaves its id unused.
//!
//! ```
//! use cloudaudit_lint::{RuleId, Severity};
//! let rule: RuleId = "name-charset".parse().unwrap();
//! assert_eq!(rule, RuleId::NameCharset);
//! assert_eq!(rule.default_severity(), Severity::Error);
//! assert_eq!(rule.api_error_code().unwrap().as_str(), "InvalidParameterValue");
//! ```

use serde::{Deserialize, Serialize};

use crate::facts::ApiErrorCode;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The server would refuse the request (or silently do something else than asked).
    Error,
    /// Likely a mistake, but the server may accept it.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error returned when a string is not a rule id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule id `{0}`")]
pub struct UnknownRuleId(pub String);

macro_rules! rule_table {
    ($(
        $variant:ident => $id:literal, $severity:ident, $code:expr,
            en: $en:literal,
            zh: $zh:literal;
    )*) => {
        /// A rule's stable identity. See the module documentation for the table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $(
                #[doc = $en]
                $variant,
            )*
        }

        impl RuleId {
            /// Every rule, in the order of the table.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant),*];

            /// The stable kebab-case id, e.g. `"name-charset"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $id,)* }
            }

            /// The severity the rule reports at unless configured otherwise.
            pub const fn default_severity(self) -> Severity {
                match self { $(Self::$variant => Severity::$severity,)* }
            }

            /// The error code the server would most likely answer, or `None` where it would
            /// accept the request as it is.
            pub const fn api_error_code(self) -> Option<ApiErrorCode> {
                match self { $(Self::$variant => $code,)* }
            }

            /// One-line description in English.
            pub const fn description_en(self) -> &'static str {
                match self { $(Self::$variant => $en,)* }
            }

            /// One-line description in Simplified Chinese.
            pub const fn description_zh(self) -> &'static str {
                match self { $(Self::$variant => $zh,)* }
            }
        }
    };
}

use ApiErrorCode::*;

rule_table! {
    JsonSyntax => "json-syntax", Error, Some(InvalidParameter),
        en: "The request text is not valid JSON.",
        zh: "请求文本不是有效的 JSON。";
    ByteOrderMark => "byte-order-mark", Error, Some(InvalidParameter),
        en: "The text starts with a byte order mark, which JSON parsers on the server reject.",
        zh: "文本以字节顺序标记（BOM）开头，服务端的 JSON 解析器会拒绝。";
    RequestNotObject => "request-not-object", Error, Some(InvalidParameter),
        en: "The request must be a JSON object.",
        zh: "请求必须是 JSON 对象。";
    DuplicateKey => "duplicate-key", Error, None,
        en: "A key appears twice in one object; only the last value is used.",
        zh: "同一对象中的键重复出现，只有最后一个值生效。";
    MissingParameter => "missing-parameter", Error, Some(MissingParameter),
        en: "A required parameter is missing.",
        zh: "缺少必填参数。";
    UnknownParameter => "unknown-parameter", Error, Some(UnknownParameter),
        en: "A parameter the API does not define.",
        zh: "接口未定义该参数。";
    ParameterType => "parameter-type", Error, Some(InvalidParameter),
        en: "A parameter has the wrong JSON type.",
        zh: "参数的 JSON 类型错误。";
    ActionValue => "action-value", Error, Some(InvalidAction),
        en: "Action must name the tracking-set API being validated (CreateAuditTrack unless chosen otherwise).",
        zh: "Action 必须为正在校验的跟踪集接口（未另行指定时为 CreateAuditTrack）。";
    VersionValue => "version-value", Error, Some(NoSuchVersion),
        en: "Version must be 2019-03-19.",
        zh: "Version 必须为 2019-03-19。";
    TrackIdValue => "track-id-value", Error, Some(InvalidParameterValue),
        en: "TrackId must be a positive integer.",
        zh: "TrackId 必须为正整数。";
    PageValue => "page-value", Error, Some(InvalidParameterValue),
        en: "PageNumber and PageSize must be positive integers.",
        zh: "PageNumber 和 PageSize 必须为正整数。";
    ModifyName => "modify-name", Warning, Some(NameNotModifiable),
        en: "ModifyAuditTrack cannot rename a tracking set; a changed Name is refused.",
        zh: "ModifyAuditTrack 不能修改跟踪集名称；名称变化会被拒绝。";
    RegionUnsupported => "region-unsupported", Error, Some(UnsupportedRegion),
        en: "The API is not offered in this region.",
        zh: "该接口不支持此地域。";
    RegionMismatch => "region-mismatch", Warning, None,
        en: "The Region in the document differs from the region given by the caller.",
        zh: "文档中的 Region 与调用方指定的地域不一致。";
    SurroundingWhitespace => "surrounding-whitespace", Error, Some(InvalidParameterValue),
        en: "A value has leading or trailing whitespace.",
        zh: "取值首尾含有空白字符。";
    ConfusableCharacter => "confusable-character", Error, Some(InvalidParameterValue),
        en: "A value contains a character that looks like an ASCII one but is not.",
        zh: "取值含有外形类似 ASCII 但实际不是 ASCII 的字符。";
    InvisibleCharacter => "invisible-character", Error, Some(InvalidParameterValue),
        en: "A value contains an invisible, control or bidirectional-control character.",
        zh: "取值含有不可见字符、控制字符或双向文本控制字符。";
    NameLength => "name-length", Error, Some(InvalidParameterValue),
        en: "Name must be 3 to 48 characters long.",
        zh: "Name 长度必须为 3 到 48 个字符。";
    NameCharset => "name-charset", Error, Some(InvalidParameterValue),
        en: "Name may contain only ASCII letters, digits, hyphens and underscores.",
        zh: "Name 只能包含 ASCII 字母、数字、连字符和下划线。";
    ActionTypeValue => "action-type-value", Error, Some(InvalidParameterValue),
        en: "ActionType must be Read, Write or *.",
        zh: "ActionType 必须为 Read、Write 或 *。";
    ResourceTypeFormat => "resource-type-format", Error, Some(InvalidParameterValue),
        en: "ResourceType must be * or a product code such as cos.",
        zh: "ResourceType 必须为 * 或产品代码（如 cos）。";
    ResourceTypeCase => "resource-type-case", Warning, Some(InvalidParameterValue),
        en: "Product codes in ResourceType are lowercase.",
        zh: "ResourceType 中的产品代码应为小写。";
    ResourceTypeUnknown => "resource-type-unknown", Warning, None,
        en: "ResourceType is not a product code the catalogue lists (advisory: the catalogue is not complete).",
        zh: "ResourceType 不是产品目录中的产品代码（仅供参考：目录并不完整）。";
    StatusValue => "status-value", Error, Some(InvalidParameterValue),
        en: "Status must be 0 (not enabled) or 1 (enabled).",
        zh: "Status 必须为 0（不开启）或 1（开启）。";
    TrackForAllMembersValue => "track-for-all-members-value", Error, Some(InvalidParameterValue),
        en: "TrackForAllMembers must be 0 (not enabled) or 1 (enabled).",
        zh: "TrackForAllMembers 必须为 0（不开启）或 1（开启）。";
    EventNamesEmpty => "event-names-empty", Warning, Some(InvalidParameterValue),
        en: "EventNames lists no API name.",
        zh: "EventNames 未列出任何接口名称。";
    EventNamesWildcard => "event-names-wildcard", Error, Some(InvalidParameterValue),
        en: "When ResourceType is *, EventNames must be exactly [\"*\"].",
        zh: "当 ResourceType 为 * 时，EventNames 必须恰好为 [\"*\"]。";
    EventNamesMixedWildcard => "event-names-mixed-wildcard", Warning, None,
        en: "EventNames mixes * (all APIs) with API names.",
        zh: "EventNames 同时包含 *（全部接口）和具体接口名称。";
    EventNamesDuplicate => "event-names-duplicate", Warning, None,
        en: "An API name appears more than once in EventNames.",
        zh: "EventNames 中有重复的接口名称。";
    EventNamesCap => "event-names-cap", Error, Some(LimitExceeded),
        en: "EventNames lists more than 10 APIs for cos or cls.",
        zh: "cos 或 cls 的 EventNames 超过 10 个接口。";
    EventNamesCapOther => "event-names-cap-other", Warning, Some(LimitExceeded),
        en: "EventNames lists more than 10 APIs for a product (the Chinese reference caps every product).",
        zh: "EventNames 为某产品列出超过 10 个接口（中文文档对所有产品都有此上限）。";
    EventNameFormat => "event-name-format", Warning, Some(InvalidParameterValue),
        en: "An entry of EventNames is empty or is not an API name.",
        zh: "EventNames 中的条目为空或不是接口名称。";
    EventNameUnknown => "event-name-unknown", Warning, None,
        en: "An API name the catalogue does not list for the product (advisory: the catalogue is not complete).",
        zh: "产品目录未列出该产品的此接口名称（仅供参考：目录并不完整）。";
    StorageTypeValue => "storage-type-value", Error, Some(InvalidParameterValue),
        en: "StorageType must be cos or cls.",
        zh: "StorageType 必须为 cos 或 cls。";
    StorageRegionFormat => "storage-region-format", Error, Some(InvalidParameterValue),
        en: "StorageRegion must be a region code such as ap-guangzhou.",
        zh: "StorageRegion 必须为地域代码（如 ap-guangzhou）。";
    StorageRegionUnknown => "storage-region-unknown", Warning, Some(CosRegionError),
        en: "StorageRegion is not a region Tencent Cloud publishes for storage.",
        zh: "StorageRegion 不是腾讯云公布的存储地域。";
    StorageNameCos => "storage-name-cos", Error, Some(InvalidParameterValue),
        en: "A COS bucket name has at most 50 lowercase letters, digits and hyphens, not at either end.",
        zh: "COS 存储桶名称最多 50 个小写字母、数字和连字符，且不能以连字符开头或结尾。";
    StorageNameAppId => "storage-name-appid", Warning, Some(CosNotExist),
        en: "The COS bucket name still carries its -APPID suffix.",
        zh: "COS 存储桶名称仍带有 -APPID 后缀。";
    StorageNameCls => "storage-name-cls", Error, Some(InvalidParameterValue),
        en: "A CLS log topic ID must be 1 to 50 characters long.",
        zh: "CLS 日志主题 ID 长度必须为 1 到 50 个字符。";
    StoragePrefixCos => "storage-prefix-cos", Error, Some(InvalidParameterValue),
        en: "A COS storage prefix has 3 to 40 ASCII letters and digits.",
        zh: "COS 存储前缀必须为 3 到 40 个 ASCII 字母和数字。";
    StoragePrefixEmpty => "storage-prefix-empty", Warning, Some(InvalidParameterValue),
        en: "StoragePrefix is empty.",
        zh: "StoragePrefix 为空。";
    StorageCosHostLength => "storage-cos-host-length", Warning, None,
        en: "The bucket's COS host name would be longer than COS allows (60 characters).",
        zh: "存储桶的 COS 域名将超过 COS 允许的 60 个字符。";
    StorageIdFormat => "storage-id-format", Warning, Some(InvalidParameterValue),
        en: "StorageAccountId and StorageAppId are strings of digits.",
        zh: "StorageAccountId 和 StorageAppId 应为数字字符串。";
    StorageCompressValue => "storage-compress-value", Error, Some(InvalidParameterValue),
        en: "Compress must be 1 (compress) or 2 (do not compress).",
        zh: "Compress 必须为 1（压缩）或 2（不压缩）。";
    PolicyName => "policy-name", Error, None,
        en: "Name does not follow the team's naming pattern (configuration).",
        zh: "Name 不符合团队的命名规则（配置）。";
    PolicyStorageType => "policy-storage-type", Error, None,
        en: "StorageType is not one the team allows (configuration).",
        zh: "StorageType 不在团队允许的范围内（配置）。";
    PolicyStorageRegion => "policy-storage-region", Error, None,
        en: "StorageRegion is not one the team allows (configuration).",
        zh: "StorageRegion 不在团队允许的范围内（配置）。";
    PolicyStatus => "policy-status", Error, None,
        en: "Status differs from the value the team requires (configuration).",
        zh: "Status 与团队要求的取值不同（配置）。";
    PolicyTrackForAllMembers => "policy-track-for-all-members", Error, None,
        en: "TrackForAllMembers differs from the value the team requires (configuration).",
        zh: "TrackForAllMembers 与团队要求的取值不同（配置）。";
    PolicyStoragePrefix => "policy-storage-prefix", Error, None,
        en: "StoragePrefix does not follow the team's pattern (configuration).",
        zh: "StoragePrefix 不符合团队的规则（配置）。";
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for RuleId {
    type Err = UnknownRuleId;

    fn from_str(id: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|rule| rule.as_str() == id)
            .ok_or_else(|| UnknownRuleId(id.to_owned()))
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        id.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for rule in RuleId::ALL {
            let id = rule.as_str();
            assert!(seen.insert(id), "duplicate id {id}");
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{id} is not kebab-case"
            );
            assert_eq!(id.parse::<RuleId>(), Ok(*rule));
        }
        assert!("no-such-rule".parse::<RuleId>().is_err());
    }

    #[test]
    fn every_rule_is_described_in_both_languages() {
        for rule in RuleId::ALL {
            assert!(rule.description_en().ends_with('.'), "{rule}");
            assert!(rule.description_zh().ends_with('。'), "{rule}");
        }
    }
}

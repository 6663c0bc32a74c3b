//! 简体中文消息。每条消息说明哪里有误，并写出参数名和取值；帮助行说明如何修改。

use std::fmt::{self, Write as _};

use super::{Help, character, list};
use crate::Violation;
use crate::facts::{self, TrackAction};
use crate::source::{Expected, SyntaxErrorKind};
use crate::violation::{BucketNameFault, JsonType, NotJson, PolicyRule, PrefixFault};
use crate::{Profile, RuleId};

/// Writes the message for `violation` to `out`.
pub fn write_message(out: &mut String, violation: &Violation) -> fmt::Result {
    use Violation as V;
    match violation {
        V::Syntax(kind) => write!(out, "请求不是有效的 JSON：{}", syntax(kind)),
        V::HclSyntax { message } => write!(out, "Terraform 文件不是有效的 HCL：{message}"),
        V::ByteOrderMark => {
            out.write_str("文本以字节顺序标记（U+FEFF）开头，服务端的 JSON 解析器会拒绝")
        }
        V::NotAnObject { found } => {
            write!(out, "请求必须是 JSON 对象，而不是{}", type_name(*found))
        }
        V::DuplicateKey { key } => {
            write!(
                out,
                "\"{key}\" 在此对象中后面再次出现；此处的值会被忽略，只有最后一个生效"
            )
        }
        V::MissingParameter { param: name } => write!(out, "缺少必填参数 {name}"),
        V::UnknownParameter { name, action, .. } => {
            write!(out, "\"{name}\" 不是 {action} 的参数；服务端会拒绝未知参数")
        }
        V::WrongType {
            name,
            expected,
            found,
            ..
        } => write!(
            out,
            "{name} 必须是{}，而不是{}",
            type_name(*expected),
            type_name(*found)
        ),
        V::NotJson { name, reason } => out.write_str(&not_json(name, reason)),
        V::WrongAction { found, expected } => {
            write!(out, "Action 为 \"{found}\"，但此请求按 {expected} 校验")
        }
        V::WrongVersion { found } => write!(
            out,
            "Version 为 \"{found}\"；云审计 API 的版本是 {}",
            facts::API_VERSION
        ),
        V::UnsupportedRegion { region, .. } => write!(out, "云审计 API 不支持地域 \"{region}\""),
        V::RegionMismatch { caller, document } => write!(
            out,
            "文档中的 Region \"{document}\" 与调用方指定的地域 \"{caller}\" 不一致，将使用调用方指定的地域"
        ),
        V::SurroundingWhitespace {
            field,
            leading,
            trailing,
            ..
        } => {
            let side = match (leading, trailing) {
                (true, true) => "首尾",
                (true, false) => "开头",
                _ => "末尾",
            };
            write!(
                out,
                "{} 的{side}含有空白字符，服务端不会自动去除",
                field.name()
            )
        }
        V::ConfusableCharacter {
            field,
            character: c,
            index,
            looks_like,
            count,
        } => write!(
            out,
            "{} 的第 {} 个字符是 {}，外形像 ASCII 字符 \"{looks_like}\"，但并不是{}",
            field.name(),
            index + 1,
            character(*c),
            more(*count)
        ),
        V::InvisibleCharacter {
            field,
            character: c,
            index,
            count,
        } => write!(
            out,
            "{} 的第 {} 个字符是不可见字符 {}{}",
            field.name(),
            index + 1,
            character(*c),
            more(*count)
        ),
        V::NameLength {
            length: 0,
            min,
            max,
        } => write!(out, "Name 为必填项，不能为空；必须为 {min} 到 {max} 个字符"),
        V::NameLength { length, min, max } => {
            write!(
                out,
                "Name 长度为 {length} 个字符；必须为 {min} 到 {max} 个字符"
            )
        }
        V::NameCharset {
            character: c,
            index,
            count,
        } => write!(
            out,
            "Name 的第 {} 个字符是 {}；名称只能包含 ASCII 字母、数字、连字符（-）和下划线（_）{}",
            index + 1,
            character(*c),
            more(*count)
        ),
        V::ActionTypeValue { value, .. } => {
            write!(
                out,
                "ActionType \"{value}\" 不是 Read、Write 或 *（全部）之一"
            )
        }
        V::ResourceTypeFormat {
            character: None, ..
        } => out.write_str("ResourceType 为空；请填写产品代码（如 cos），或填写 * 表示全部产品"),
        V::ResourceTypeFormat {
            value,
            character: Some((c, index)),
        } => write!(
            out,
            "ResourceType \"{value}\" 的第 {} 个字符是 {}；产品代码只包含 ASCII 字母和数字",
            index + 1,
            character(*c)
        ),
        V::ResourceTypeCase { value, .. } => {
            write!(out, "ResourceType \"{value}\" 含有大写字母；产品代码为小写")
        }
        V::SwitchValue { param, value } => write!(
            out,
            "{} 为 {value}；必须为 0（不开启）或 1（开启）",
            param.name()
        ),
        V::NotPositive { param: name, value } => {
            write!(out, "{name} 为 {value}；必须为正整数（1 或更大）")
        }
        V::ModifyName { action, value } => write!(
            out,
            "{action} 不能修改跟踪集名称：与当前名称不同的 Name 会被服务端拒绝（此处为 \"{value}\"）"
        ),
        V::EventNamesEmpty => out.write_str(
            "EventNames 为空；请列出要跟踪的接口名称，或填写 [\"*\"] 表示该产品的全部接口",
        ),
        V::EventNamesWildcard { .. } => {
            out.write_str("ResourceType 为 *（全部产品），因此 EventNames 必须恰好为 [\"*\"]")
        }
        V::EventNamesMixedWildcard { names } => write!(
            out,
            "EventNames 同时包含 *（全部接口）和 {names} 个接口名称；* 已涵盖该产品的全部接口"
        ),
        V::EventNamesDuplicate { name, first_index } => {
            write!(
                out,
                "\"{name}\" 在 EventNames 中重复出现（首次出现于索引 {first_index}）"
            )
        }
        V::EventNamesCap {
            count,
            cap,
            product,
            hard: true,
        } => write!(
            out,
            "EventNames 列出了 {count} 个接口；{product} 最多允许 {cap} 个"
        ),
        V::EventNamesCap {
            count,
            cap,
            product,
            hard: false,
        } => write!(
            out,
            "EventNames 为 {product} 列出了 {count} 个接口；中文接口文档对每个产品的上限为 {cap} 个，服务端可能拒绝"
        ),
        V::EventNameFormat {
            character: None, ..
        } => out.write_str("EventNames 中有空条目"),
        V::EventNameFormat {
            name,
            character: Some((c, index)),
        } => write!(
            out,
            "EventNames 条目 \"{name}\" 的第 {} 个字符是 {}；接口名称只包含 ASCII 字母、数字和下划线",
            index + 1,
            character(*c)
        ),
        V::ResourceFieldsEmpty => {
            out.write_str("Filters.ResourceFields 为空；该跟踪集不会跟踪任何产品")
        }
        V::ResourceFieldsDuplicateProduct {
            product,
            first_index,
        } => write!(
            out,
            "产品 \"{product}\" 在 Filters.ResourceFields 中重复出现（首次出现于索引 {first_index}）"
        ),
        V::ResourceFieldsWildcardMixed { products } => write!(
            out,
            "ResourceType 为 *（全部产品）的条目与 {products} 个具体产品同时列出；* 已涵盖全部产品"
        ),
        V::StorageTypeValue {
            value, accepted, ..
        } => write!(
            out,
            "StorageType \"{value}\" 不是 {} 之一",
            list(accepted, " 或 ", "、")
        ),
        V::StorageRegionFormat { value } => {
            write!(
                out,
                "StorageRegion \"{value}\" 不是地域代码；地域代码形如 ap-guangzhou"
            )
        }
        V::StorageRegionUnknown { value, .. } => {
            write!(
                out,
                "StorageRegion \"{value}\" 不是腾讯云公布的存储地域；云审计可能拒绝"
            )
        }
        V::BucketName(fault) => out.write_str(&bucket_name(fault)),
        V::BucketNameAppId { bucket, app_id, .. } => write!(
            out,
            "StorageName \"{bucket}-{app_id}\" 以疑似 APPID 的后缀结尾；云审计需要不带 \"-{app_id}\" 的存储桶名称"
        ),
        V::ClsTopicLength { length, min, max } => write!(
            out,
            "StorageName 中的 CLS 日志主题 ID 长度为 {length} 个字符；必须为 {min} 到 {max} 个字符"
        ),
        V::CosPrefix(PrefixFault::Length { length, min, max }) => {
            write!(
                out,
                "StoragePrefix 长度为 {length} 个字符；COS 要求 {min} 到 {max} 个字母和数字"
            )
        }
        V::CosPrefix(PrefixFault::Charset {
            character: c,
            index,
        }) => write!(
            out,
            "StoragePrefix 的第 {} 个字符是 {}；COS 前缀只能包含 ASCII 字母和数字",
            index + 1,
            character(*c)
        ),
        V::StoragePrefixEmpty => out.write_str("StoragePrefix 为空；请填写投递日志文件的前缀"),
        V::CosHostLength { length, max } => write!(
            out,
            "存储桶的 COS 域名 <bucket>-<APPID>.cos.<region>.myqcloud.com 将有 {length} 个字符，超过 COS 的上限 {max}"
        ),
        V::StorageIdFormat { field, value } => {
            write!(out, "{} \"{value}\" 不是数字字符串", field.name())
        }
        V::CompressValue { value } => {
            write!(out, "Compress 为 {value}；必须为 1（压缩）或 2（不压缩）")
        }
        V::ResourceTypeUnknown { value, .. } => write!(
            out,
            "ResourceType \"{value}\" 不是审计产品目录中的产品代码；跟踪集可能投递不到任何事件"
        ),
        V::EventNameUnknown { name, product, .. } => {
            write!(
                out,
                "产品目录未列出 {product} 的接口名称 \"{name}\"；可能匹配不到任何事件"
            )
        }
        V::Policy {
            rule,
            value,
            expected,
            message,
        } => {
            let field = rule.param();
            let default = match rule {
                PolicyRule::Name | PolicyRule::StoragePrefix => {
                    format!("{field} \"{value}\" 不符合团队规则 {expected}")
                }
                PolicyRule::StorageType | PolicyRule::StorageRegion => {
                    format!("团队策略不允许 {field} \"{value}\"（允许：{expected}）")
                }
                PolicyRule::Status | PolicyRule::TrackForAllMembers => {
                    format!("{field} 为 {value}；团队策略要求为 {expected}")
                }
            };
            match message {
                Some(message) => write!(out, "{message}（{default}）"),
                None => out.write_str(&default),
            }
        }
    }
}

/// Writes `help` in Chinese to `out`.
pub fn write_help(out: &mut String, help: &Help<'_>) -> fmt::Result {
    match help {
        Help::FixSyntax => out.write_str("请修正标记位置的 JSON"),
        Help::FixHcl => out.write_str("请修正标记位置的 HCL"),
        Help::SaveWithoutBom => out.write_str("请将文件另存为不带 BOM 的 UTF-8"),
        Help::KeepOneKey => out.write_str("只保留其中一个"),
        Help::GiveRegion { name } => {
            write!(
                out,
                "请用 --region（即 region 选项）指定地域，或在请求中添加 \"{name}\""
            )
        }
        Help::AddParameter { name } => write!(out, "请添加 \"{name}\""),
        Help::DidYouMean { suggestion } => out.write_str(&did_you_mean(suggestion)),
        Help::RemoveParameter => out.write_str("请删除该参数"),
        Help::WriteValue { replacement } => write!(out, "请写为 {replacement}"),
        Help::CompleteSurrogatePair => out.write_str("请删除它，或补全这一对代理项"),
        Help::SetAction { expected } => write!(out, "请将 Action 设为 \"{expected}\""),
        Help::LeaveNameOut => out.write_str("除非与跟踪集当前名称相同，否则请不要填写 Name"),
        Help::SetVersion { version } => write!(out, "请将 Version 设为 \"{version}\""),
        Help::SupportedRegions { regions } => write!(out, "支持的地域：{}", regions.join("、")),
        Help::RetypeAscii { looks_like } => write!(out, "请重新输入 ASCII 字符 \"{looks_like}\""),
        Help::DeleteInvisible => out.write_str("请删除该字符：它不可见，但服务端会比较它"),
        Help::ReplaceNameCharacter => out.write_str("请替换为字母、数字、- 或 _"),
        Help::WildcardOrOneProduct => {
            out.write_str("请将 EventNames 设为 [\"*\"]，或将 ResourceType 设为单个产品")
        }
        Help::WildcardOrNames => out.write_str("只保留 [\"*\"] 以跟踪全部接口，或删除 \"*\""),
        Help::RemoveRepeatedEntry => out.write_str("请删除重复的条目"),
        Help::AddResourceField => {
            out.write_str("请为每个产品添加一个条目：ResourceType、ActionType 和 EventNames")
        }
        Help::MergeProductEntries => {
            out.write_str("请将该产品的条目合并为一个，列出其要跟踪的全部接口名称")
        }
        Help::WildcardOrProducts => {
            out.write_str("只保留 * 条目以跟踪全部产品，或删除它并逐一列出产品")
        }
        Help::WildcardOrSplit => {
            out.write_str("请用 [\"*\"] 跟踪该产品的全部接口，或将接口名称拆分到多个跟踪集")
        }
        Help::LowercaseBucket => out.write_str("COS 存储桶名称为小写"),
        Help::GiveAccountUin => out.write_str("请填写账号的数字 UIN"),
        Help::GiveAccountAppId => out.write_str("请填写账号的数字 APPID"),
    }
}

/// The closing line of human output.
pub fn summary(
    errors: usize,
    warnings: usize,
    suppressed: usize,
    omitted: usize,
    files: usize,
) -> String {
    let mut line = if errors + warnings == 0 {
        format!("{files} 个文件中未发现问题")
    } else {
        format!("{files} 个文件中有 {errors} 个错误、{warnings} 个警告")
    };
    if suppressed > 0 {
        line.push_str(&format!("，{suppressed} 个已抑制"));
    }
    if omitted > 0 {
        line.push_str(&format!("（另有 {omitted} 个未显示）"));
    }
    line
}

/// The labels of human output's notes under a diagnostic.
pub fn label(label: super::Label) -> &'static str {
    match label {
        super::Label::Help => "帮助",
        super::Label::ApiError => "API 错误码",
        super::Label::Fixable => "可用 --fix 自动修复",
    }
}

/// How an input that could not be read is reported.
pub fn unreadable(file: &str, reason: &str) -> String {
    format!("无法读取 {file}：{reason}")
}

/// The report of an input whose fixes could not be written (`check --fix`).
pub fn unwritable(file: &str, reason: &str) -> String {
    format!("无法将修复写入 {file}：{reason}；文件保持原样")
}

/// The note on a `.tf` value that came from a variable's `default`.
pub fn from_variable_default(variable: &str) -> String {
    format!("（来自变量 \"{variable}\" 的默认值）")
}

fn did_you_mean(suggestion: &str) -> String {
    format!("是否应为 \"{suggestion}\"？")
}

fn bucket_name(fault: &BucketNameFault) -> String {
    match fault {
        BucketNameFault::Empty => "StorageName 为空；请填写 COS 存储桶名称".into(),
        BucketNameFault::TooLong { length, max } => {
            format!("COS 存储桶名称长度为 {length} 个字符；最多允许 {max} 个（不含 -APPID）")
        }
        BucketNameFault::Charset {
            character: c,
            index,
        } => format!(
            "COS 存储桶名称的第 {} 个字符是 {}；存储桶名称只包含小写字母、数字和连字符",
            index + 1,
            character(*c)
        ),
        BucketNameFault::EdgeHyphen => "COS 存储桶名称以连字符开头或结尾，COS 不允许".into(),
    }
}

fn syntax(kind: &SyntaxErrorKind) -> String {
    use SyntaxErrorKind as K;
    match kind {
        K::EmptyInput => "文本为空，或只包含空白字符".into(),
        K::UnexpectedEnd { expected } => {
            format!("文本意外结束，此处应为{}", expected_zh(*expected))
        }
        K::UnexpectedCharacter { found, expected } => format!(
            "此处应为{}，但遇到了 {}",
            expected_zh(*expected),
            character(*found)
        ),
        K::InvalidEscape { found } => {
            format!(
                "字符串中的转义 \\{found} 无效；有效的转义为 \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"
            )
        }
        K::InvalidUnicodeEscape => "\\u 后必须跟 4 个十六进制数字".into(),
        K::LoneSurrogate { code_unit } => {
            format!("\\u{code_unit:04X} 是未配对的 UTF-16 代理项，不能表示字符")
        }
        K::ControlCharacterInString { found } => format!(
            "字符串中不允许出现原始控制字符 {}；请写成转义形式，如 \\n",
            character(*found)
        ),
        K::InvalidNumber => "数字格式无效".into(),
        K::TrailingContent { found } => {
            format!("JSON 值之后还有多余内容 {}", character(*found))
        }
        K::TooDeep { limit } => format!("JSON 嵌套超过 {limit} 层"),
        K::InvalidUtf8 => "文本不是有效的 UTF-8".into(),
        K::RawLoneSurrogate { code_unit } => format!(
            "文本含有孤立的代理项 U+{code_unit:04X}（UTF-16 代理对的一半），它没有 UTF-8 形式，无法发送"
        ),
        K::Utf16 { .. } => "文本是 UTF-16 编码；请另存为 UTF-8".into(),
    }
}

fn expected_zh(expected: Expected) -> String {
    let text = match expected {
        Expected::Value => "一个值",
        Expected::ObjectKeyOrEnd => "对象的键或 }",
        Expected::ObjectKey => "对象的键（带引号的字符串）",
        Expected::Colon => "键后的 :",
        Expected::CommaOrObjectEnd => ", 或 }",
        Expected::CommaOrArrayEnd => ", 或 ]",
        Expected::ValueOrArrayEnd => "一个值或 ]",
        Expected::StringEnd => "字符串结尾的 \"",
        Expected::Literal(word) => return format!("字面量 {word}"),
    };
    text.to_owned()
}

fn not_json(name: &str, reason: &NotJson) -> String {
    match reason {
        NotJson::LoneSurrogate {
            code_unit,
            index,
            in_key,
        } => format!(
            "{name}{}的第 {} 个字符是 U+{code_unit:04X}，它是缺少另一半的 UTF-16 代理项：这不是文本，无法以 UTF-8 发送（服务端会读成 U+FFFD）",
            if *in_key { " 的键" } else { " " },
            index + 1
        ),
        NotJson::BigInt => format!("{name} 是 BigInt，没有 JSON 形式"),
        NotJson::Cycle => format!("{name} 包含其自身，没有 JSON 形式"),
        NotJson::TooDeep { limit } => format!("{name} 的嵌套超过 {limit} 层；更深的部分未读取"),
        NotJson::TooLarge { limit } => format!("{name} 的条目超过 {limit} 个；未读取这些条目"),
        NotJson::Threw(error) => format!("无法读取 {name}：{error}"),
    }
}

fn type_name(ty: JsonType) -> &'static str {
    match ty {
        JsonType::Null => " null",
        JsonType::Boolean => "布尔值",
        JsonType::Integer => "整数",
        JsonType::Number => "带小数或指数的数字",
        JsonType::String => "字符串",
        JsonType::Array => "数组",
        JsonType::Object => "对象",
    }
}

fn more(count: usize) -> String {
    match count {
        0 | 1 => String::new(),
        n => format!("（另有 {} 个此类字符）", n - 1),
    }
}

/// The one-line description of `rule`, stating the facts of `profile`.
pub fn describe(rule: RuleId, profile: &Profile) -> String {
    use RuleId as R;
    match rule {
        R::JsonSyntax => "请求文本不是有效的 JSON。".into(),
        R::HclSyntax => "Terraform `.tf` 文件不是有效的 HCL。".into(),
        R::ByteOrderMark => "文本以字节顺序标记（BOM）开头，服务端的 JSON 解析器会拒绝。".into(),
        R::RequestNotObject => "请求必须是 JSON 对象。".into(),
        R::DuplicateKey => "同一对象中的键重复出现，只有最后一个值生效。".into(),
        R::MissingParameter => "缺少必填参数。".into(),
        R::UnknownParameter => "接口未定义该参数。".into(),
        R::ParameterType => "参数的 JSON 类型错误。".into(),
        R::ActionValue => format!(
            "Action 必须为正在校验的跟踪集接口（未另行指定时为 {}）。",
            facts::ACTION
        ),
        R::VersionValue => format!("Version 必须为 {}。", facts::API_VERSION),
        R::TrackIdValue => "TrackId 必须为正整数。".into(),
        R::PageValue => "PageNumber 和 PageSize 必须为正整数。".into(),
        R::ModifyName => format!(
            "{} 和 {} 不能修改跟踪集名称；名称变化会被拒绝。",
            TrackAction::Modify.name(),
            TrackAction::ModifyEvents.name()
        ),
        R::RegionUnsupported => "该接口不支持此地域。".into(),
        R::RegionMismatch => "文档中的 Region 与调用方指定的地域不一致。".into(),
        R::SurroundingWhitespace => "取值首尾含有空白字符。".into(),
        R::ConfusableCharacter => "取值含有外形类似 ASCII 但实际不是 ASCII 的字符。".into(),
        R::InvisibleCharacter => "取值含有不可见字符、控制字符或双向文本控制字符。".into(),
        R::NameLength => format!(
            "Name 长度必须为 {} 到 {} 个字符。",
            profile.name_min, profile.name_max
        ),
        R::NameCharset => "Name 只能包含 ASCII 字母、数字、连字符和下划线。".into(),
        R::ActionTypeValue => format!(
            "ActionType 必须为 {}。",
            list(facts::ACTION_TYPES, " 或 ", "、")
        ),
        R::ResourceTypeFormat => "ResourceType 必须为 * 或产品代码（如 cos）。".into(),
        R::ResourceTypeCase => "ResourceType 中的产品代码应为小写。".into(),
        R::ResourceTypeUnknown => {
            "ResourceType 不是产品目录中的产品代码（仅供参考：目录并不完整）。".into()
        }
        R::StatusValue => "Status 必须为 0（不开启）或 1（开启）。".into(),
        R::TrackForAllMembersValue => "TrackForAllMembers 必须为 0（不开启）或 1（开启）。".into(),
        R::EventNamesEmpty => "EventNames 未列出任何接口名称。".into(),
        R::EventNamesWildcard => "当 ResourceType 为 * 时，EventNames 必须恰好为 [\"*\"]。".into(),
        R::EventNamesMixedWildcard => "EventNames 同时包含 *（全部接口）和具体接口名称。".into(),
        R::EventNamesDuplicate => "EventNames 中有重复的接口名称。".into(),
        R::EventNamesCap => format!(
            "{} 的 EventNames 超过 {} 个接口。",
            list(&profile.capped_products, " 或 ", "、"),
            profile.event_names_cap
        ),
        R::EventNamesCapOther => format!(
            "EventNames 为某产品列出超过 {} 个接口（中文文档对所有产品都有此上限）。",
            profile.event_names_cap_other
        ),
        R::EventNameFormat => "EventNames 中的条目为空或不是接口名称。".into(),
        R::ResourceFieldsEmpty => "Filters.ResourceFields 至少列出一个产品。".into(),
        R::ResourceFieldsDuplicateProduct => "Filters.ResourceFields 中每个产品只列出一次。".into(),
        R::ResourceFieldsWildcardMixed => {
            "Filters.ResourceFields 中 ResourceType 为 * 的条目不与具体产品同时列出。".into()
        }
        R::EventNameUnknown => {
            "产品目录未列出该产品的此接口名称（仅供参考：目录并不完整）。".into()
        }
        R::StorageTypeValue => format!(
            "StorageType 必须为 {}。",
            list(&profile.storage_types, " 或 ", "、")
        ),
        R::StorageRegionFormat => "StorageRegion 必须为地域代码（如 ap-guangzhou）。".into(),
        R::StorageRegionUnknown => "StorageRegion 不是腾讯云公布的存储地域。".into(),
        R::StorageNameCos => format!(
            "COS 存储桶名称最多 {} 个小写字母、数字和连字符，且不能以连字符开头或结尾。",
            facts::COS_BUCKET_NAME_MAX
        ),
        R::StorageNameAppId => "COS 存储桶名称仍带有 -APPID 后缀。".into(),
        R::StorageNameCls => format!(
            "CLS 日志主题 ID 长度必须为 {} 到 {} 个字符。",
            facts::CLS_TOPIC_LENGTH.start(),
            facts::CLS_TOPIC_LENGTH.end()
        ),
        R::StoragePrefixCos => format!(
            "COS 存储前缀必须为 {} 到 {} 个 ASCII 字母和数字。",
            facts::COS_PREFIX_LENGTH.start(),
            facts::COS_PREFIX_LENGTH.end()
        ),
        R::StoragePrefixEmpty => "StoragePrefix 为空。".into(),
        R::StorageCosHostLength => format!(
            "存储桶的 COS 域名将超过 COS 允许的 {} 个字符。",
            facts::COS_HOST_MAX
        ),
        R::StorageIdFormat => "StorageAccountId 和 StorageAppId 应为数字字符串。".into(),
        R::StorageCompressValue => "Compress 必须为 1（压缩）或 2（不压缩）。".into(),
        R::PolicyName => "Name 不符合团队的命名规则（配置）。".into(),
        R::PolicyStorageType => "StorageType 不在团队允许的范围内（配置）。".into(),
        R::PolicyStorageRegion => "StorageRegion 不在团队允许的范围内（配置）。".into(),
        R::PolicyStatus => "Status 与团队要求的取值不同（配置）。".into(),
        R::PolicyTrackForAllMembers => "TrackForAllMembers 与团队要求的取值不同（配置）。".into(),
        R::PolicyStoragePrefix => "StoragePrefix 不符合团队的规则（配置）。".into(),
    }
}

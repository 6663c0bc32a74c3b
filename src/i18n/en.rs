//! English messages. Each says what is wrong, naming the parameter and the value; the help
//! line says what to do.

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
        V::Syntax(kind) => write!(out, "the request is not valid JSON: {}", syntax(kind)),
        V::HclSyntax { message } => write!(out, "the Terraform file is not valid HCL: {message}"),
        V::ByteOrderMark => {
            out.write_str("the text starts with a byte order mark (U+FEFF), which the server's JSON parser refuses")
        }
        V::NotAnObject { found } => {
            write!(out, "the request must be a JSON object, not {}", a_type(*found))
        }
        V::DuplicateKey { key } => write!(
            out,
            "\"{key}\" appears again later in this object; this value is ignored and only the last one is used"
        ),
        V::MissingParameter { param: name } => write!(out, "the required parameter {name} is missing"),
        V::UnknownParameter { name, action, .. } => write!(
            out,
            "\"{name}\" is not a parameter of {action}; the server refuses unknown parameters"
        ),
        V::WrongType {
            name,
            expected,
            found,
            ..
        } => write!(out, "{name} must be {}, not {}", a_type(*expected), a_type(*found)),
        V::NotJson { name, reason } => out.write_str(&not_json(name, reason)),
        V::WrongAction { found, expected } => {
            write!(out, "Action is \"{found}\", but this request is validated as {expected}")
        }
        V::WrongVersion { found } => write!(
            out,
            "Version is \"{found}\"; the CloudAudit API's version is {}",
            facts::API_VERSION
        ),
        V::UnsupportedRegion { region, .. } => {
            write!(out, "the CloudAudit API is not offered in the region \"{region}\"")
        }
        V::RegionMismatch { caller, document } => write!(
            out,
            "the document's Region \"{document}\" differs from the region given by the caller, \"{caller}\", which is the one used"
        ),
        V::SurroundingWhitespace {
            field,
            leading,
            trailing,
            ..
        } => {
            let side = match (leading, trailing) {
                (true, true) => "leading and trailing",
                (true, false) => "leading",
                _ => "trailing",
            };
            write!(
                out,
                "{} has {side} whitespace, which the server does not trim",
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
            "{} has {} at character {}, which looks like the ASCII \"{looks_like}\" but is not{}",
            field.name(),
            character(*c),
            index + 1,
            more(*count)
        ),
        V::InvisibleCharacter {
            field,
            character: c,
            index,
            count,
        } => write!(
            out,
            "{} has the invisible character {} at character {}{}",
            field.name(),
            character(*c),
            index + 1,
            more(*count)
        ),
        // An empty field says what a form needs to hear: that the name is required.
        V::NameLength {
            length: 0,
            min,
            max,
        } => write!(out, "Name is required: it is empty, and must be {min} to {max} characters"),
        V::NameLength { length, min, max } => write!(
            out,
            "Name is {length} characters long; it must be {min} to {max} characters"
        ),
        V::NameCharset {
            character: c,
            index,
            count,
        } => write!(
            out,
            "Name has {} at character {}; a name may contain only ASCII letters, digits, hyphens (-) and underscores (_){}",
            character(*c),
            index + 1,
            more(*count)
        ),
        V::ActionTypeValue { value, .. } => {
            write!(out, "ActionType \"{value}\" is not one of Read, Write or * (all)")
        }
        V::ResourceTypeFormat {
            character: None, ..
        } => out.write_str("ResourceType is empty; give a product code such as cos, or * for all products"),
        V::ResourceTypeFormat {
            value,
            character: Some((c, index)),
        } => write!(
            out,
            "ResourceType \"{value}\" has {} at character {}; a product code has only ASCII letters and digits",
            character(*c),
            index + 1
        ),
        V::ResourceTypeCase { value, .. } => write!(
            out,
            "ResourceType \"{value}\" has uppercase letters; product codes are lowercase"
        ),
        V::SwitchValue { param, value } => write!(
            out,
            "{} is {value}; it must be 0 (not enabled) or 1 (enabled)",
            param.name()
        ),
        V::NotPositive { param: name, value } => {
            write!(out, "{name} is {value}; it must be a positive integer (1 or more)")
        }
        V::ModifyName { action, value } => write!(
            out,
            "{action} cannot rename a tracking set: the server refuses a Name different from the current one (here \"{value}\")"
        ),
        V::EventNamesEmpty => {
            out.write_str("EventNames is empty; list the API names to track, or [\"*\"] for all of the product's APIs")
        }
        V::EventNamesWildcard { .. } => {
            out.write_str("ResourceType is * (all products), so EventNames must be exactly [\"*\"]")
        }
        V::EventNamesMixedWildcard { names } => write!(
            out,
            "EventNames has * (all APIs) and {names} API name{}; * already covers every API of the product",
            plural(*names)
        ),
        V::EventNamesDuplicate { name, first_index } => write!(
            out,
            "\"{name}\" is listed again in EventNames (first at index {first_index})"
        ),
        V::EventNamesCap {
            count,
            cap,
            product,
            hard: true,
        } => write!(out, "EventNames lists {count} APIs; for {product} at most {cap} are allowed"),
        V::EventNamesCap {
            count,
            cap,
            product,
            hard: false,
        } => write!(
            out,
            "EventNames lists {count} APIs for {product}; the Chinese API reference caps every product at {cap}, so the server may refuse it"
        ),
        V::EventNameFormat {
            character: None, ..
        } => out.write_str("an entry of EventNames is empty"),
        V::EventNameFormat {
            name,
            character: Some((c, index)),
        } => write!(
            out,
            "the EventNames entry \"{name}\" has {} at character {}; API names have only ASCII letters, digits and underscores",
            character(*c),
            index + 1
        ),
        V::ResourceFieldsEmpty => {
            out.write_str("Filters.ResourceFields is empty; the tracking set would track no product")
        }
        V::ResourceFieldsDuplicateProduct {
            product,
            first_index,
        } => write!(
            out,
            "the product \"{product}\" is listed again in Filters.ResourceFields (first at index {first_index})"
        ),
        V::ResourceFieldsWildcardMixed { products } => write!(
            out,
            "ResourceType * (all products) is listed next to {products} specific product{}; * already covers every product",
            plural(*products)
        ),
        V::StorageTypeValue {
            value, accepted, ..
        } => write!(
            out,
            "StorageType \"{value}\" is not one of {}",
            list(accepted, " or ", ", ")
        ),
        V::StorageRegionFormat { value } => write!(
            out,
            "StorageRegion \"{value}\" is not a region code; codes look like ap-guangzhou"
        ),
        V::StorageRegionUnknown { value, .. } => write!(
            out,
            "StorageRegion \"{value}\" is not a region Tencent Cloud publishes for storage; CloudAudit may refuse it"
        ),
        V::BucketName(fault) => out.write_str(&bucket_name(fault)),
        V::BucketNameAppId { bucket, app_id, .. } => write!(
            out,
            "StorageName \"{bucket}-{app_id}\" ends with what looks like an APPID; CloudAudit wants the bucket name without \"-{app_id}\""
        ),
        V::ClsTopicLength { length, min, max } => write!(
            out,
            "the CLS log topic ID in StorageName is {length} characters long; it must be {min} to {max}"
        ),
        V::CosPrefix(PrefixFault::Length { length, min, max }) => write!(
            out,
            "StoragePrefix is {length} characters long; for COS it must be {min} to {max} letters and digits"
        ),
        V::CosPrefix(PrefixFault::Charset {
            character: c,
            index,
        }) => write!(
            out,
            "StoragePrefix has {} at character {}; for COS it may contain only ASCII letters and digits",
            character(*c),
            index + 1
        ),
        V::StoragePrefixEmpty => {
            out.write_str("StoragePrefix is empty; give the prefix of the shipped log files")
        }
        V::CosHostLength { length, max } => write!(
            out,
            "the bucket's host name <bucket>-<APPID>.cos.<region>.myqcloud.com would be {length} characters long, over COS's limit of {max}"
        ),
        V::StorageIdFormat { field, value } => {
            write!(out, "{} \"{value}\" is not a string of digits", field.name())
        }
        V::CompressValue { value } => {
            write!(out, "Compress is {value}; it must be 1 (compress) or 2 (do not compress)")
        }
        V::ResourceTypeUnknown { value, .. } => write!(
            out,
            "ResourceType \"{value}\" is not a product code in the catalogue of audited products; the tracking set may ship nothing"
        ),
        V::EventNameUnknown { name, product, .. } => write!(
            out,
            "\"{name}\" is not an API name the catalogue lists for {product}; no events may match it"
        ),
        V::Policy {
            rule,
            value,
            expected,
            message,
        } => {
            let field = rule.param();
            let default = match rule {
                PolicyRule::Name | PolicyRule::StoragePrefix => {
                    format!("{field} \"{value}\" does not match the team's pattern {expected}")
                }
                PolicyRule::StorageType | PolicyRule::StorageRegion => format!(
                    "{field} \"{value}\" is not allowed by the team's policy (allowed: {expected})"
                ),
                PolicyRule::Status | PolicyRule::TrackForAllMembers => {
                    format!("{field} is {value}; the team's policy requires {expected}")
                }
            };
            match message {
                Some(message) => write!(out, "{message} ({default})"),
                None => out.write_str(&default),
            }
        }
    }
}

/// Writes `help` in English to `out`.
pub fn write_help(out: &mut String, help: &Help<'_>) -> fmt::Result {
    match help {
        Help::FixSyntax => out.write_str("fix the JSON at the marked position"),
        Help::FixHcl => out.write_str("fix the HCL at the marked position"),
        Help::SaveWithoutBom => out.write_str("save the file as UTF-8 without a byte order mark"),
        Help::KeepOneKey => out.write_str("keep only one of them"),
        Help::GiveRegion { name } => write!(
            out,
            "give the region with --region (the `region` option), or add \"{name}\" to the request"
        ),
        Help::AddParameter { name } => write!(out, "add \"{name}\""),
        Help::DidYouMean { suggestion } => out.write_str(&did_you_mean(suggestion)),
        Help::RemoveParameter => out.write_str("remove it"),
        Help::WriteValue { replacement } => write!(out, "write {replacement}"),
        Help::CompleteSurrogatePair => out.write_str("delete it, or complete the pair"),
        Help::SetAction { expected } => write!(out, "set Action to \"{expected}\""),
        Help::LeaveNameOut => out.write_str("leave Name out unless it is the tracking set's current name"),
        Help::SetVersion { version } => write!(out, "set Version to \"{version}\""),
        Help::SupportedRegions { regions } => {
            write!(out, "supported regions: {}", regions.join(", "))
        }
        Help::RetypeAscii { looks_like } => write!(out, "type it again as the ASCII \"{looks_like}\""),
        Help::DeleteInvisible => out.write_str("delete it: it cannot be seen, but the server compares it"),
        Help::ReplaceNameCharacter => out.write_str("replace it with a letter, digit, - or _"),
        Help::WildcardOrOneProduct => {
            out.write_str("set EventNames to [\"*\"], or set ResourceType to one product")
        }
        Help::WildcardOrNames => out.write_str("keep only [\"*\"] to track every API, or remove \"*\""),
        Help::RemoveRepeatedEntry => out.write_str("remove the repeated entry"),
        Help::AddResourceField => {
            out.write_str("add an entry per product: ResourceType, ActionType and EventNames")
        }
        Help::MergeProductEntries => {
            out.write_str("merge the product's entries into one, with every API name it tracks")
        }
        Help::WildcardOrProducts => {
            out.write_str("keep only the * entry to track every product, or remove it and list the products")
        }
        Help::WildcardOrSplit => {
            out.write_str("track all of the product's APIs with [\"*\"], or split the names over several tracking sets")
        }
        Help::LowercaseBucket => out.write_str("COS bucket names are lowercase"),
        Help::GiveAccountUin => out.write_str("give the account's numeric UIN"),
        Help::GiveAccountAppId => out.write_str("give the account's numeric APPID"),
    }
}

/// What a syntax error says: one sentence, no offset, no closing period.
pub fn syntax(kind: &SyntaxErrorKind) -> String {
    use SyntaxErrorKind as K;
    match kind {
        K::EmptyInput => "the text is empty; expected a JSON value".into(),
        K::UnexpectedEnd { expected: e } => {
            format!("the text ends too early; expected {}", expected(*e))
        }
        K::UnexpectedCharacter { found, expected: e } => {
            format!("expected {} but found {}", expected(*e), shown(*found))
        }
        K::InvalidEscape { found } => format!(
            "a backslash followed by {} is not a valid escape; the valid ones are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u with four hexadecimal digits",
            shown(*found)
        ),
        K::InvalidUnicodeEscape => {
            "a \\u escape needs exactly four hexadecimal digits (0-9, a-f or A-F)".into()
        }
        K::LoneSurrogate { code_unit } => format!(
            "the escape \\u{code_unit:04X} is half of a UTF-16 surrogate pair and needs its other half right next to it"
        ),
        K::ControlCharacterInString { found } => format!(
            "a raw control character {} is not allowed inside a string; write it as the escape {}",
            code_point(*found),
            suggested_escape(*found)
        ),
        K::InvalidNumber => "this is not a valid JSON number, which needs a digit after any `-`, `.` or `e` and may not start with `+`, `.` or an extra zero".into(),
        K::TrailingContent { found } => format!(
            "the JSON value is complete but more text follows, starting with {}",
            shown(*found)
        ),
        K::TooDeep { limit } => format!("the JSON nests deeper than {limit} levels"),
        K::InvalidUtf8 => "the text is not valid UTF-8; save it as UTF-8".into(),
        K::RawLoneSurrogate { code_unit } => format!(
            "the text holds a lone surrogate U+{code_unit:04X} (half of a UTF-16 pair), which has no UTF-8 form: it cannot be sent"
        ),
        K::Utf16 { big_endian } => format!(
            "the text is UTF-16 ({}); save it as UTF-8",
            if *big_endian {
                "big-endian"
            } else {
                "little-endian"
            }
        ),
    }
}

/// What the parser wanted, in English.
pub fn expected(expected: Expected) -> String {
    match expected {
        Expected::Value => "a value".into(),
        Expected::ObjectKeyOrEnd => "an object key in double quotes or `}`".into(),
        Expected::ObjectKey => "an object key in double quotes".into(),
        Expected::Colon => "`:` after the object key".into(),
        Expected::CommaOrObjectEnd => "`,` or `}` after the object member".into(),
        Expected::CommaOrArrayEnd => "`,` or `]` after the array element".into(),
        Expected::ValueOrArrayEnd => "a value or `]`".into(),
        Expected::StringEnd => "the closing `\"` of the string".into(),
        Expected::Literal(word) => format!("`{word}`"),
    }
}

/// A found character as people can read it: invisible characters such as line breaks or a
/// byte order mark would vanish between backticks, so those are named by code point instead.
fn shown(found: char) -> String {
    if found.is_ascii_graphic() {
        format!("`{found}`")
    } else if found.is_alphanumeric() {
        format!("`{found}` ({})", code_point(found))
    } else {
        code_point(found)
    }
}

/// A character as `U+000A`.
fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The JSON escape that writes a control character, preferring the short forms.
fn suggested_escape(c: char) -> String {
    match c {
        '\n' => "\\n".into(),
        '\r' => "\\r".into(),
        '\t' => "\\t".into(),
        '\u{8}' => "\\b".into(),
        '\u{c}' => "\\f".into(),
        other => format!("\\u{:04x}", u32::from(other)),
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
    let count = |n: usize, word: &str| format!("{n} {word}{}", plural(n));
    let mut line = if errors + warnings == 0 {
        format!("no problems in {}", count(files, "file"))
    } else {
        format!(
            "{}, {} in {}",
            count(errors, "error"),
            count(warnings, "warning"),
            count(files, "file")
        )
    };
    if suppressed > 0 {
        line.push_str(&format!(", {suppressed} suppressed"));
    }
    if omitted > 0 {
        line.push_str(&format!(" ({omitted} more not shown)"));
    }
    line
}

/// The labels of human output's notes under a diagnostic.
pub fn label(label: super::Label) -> &'static str {
    match label {
        super::Label::Help => "help",
        super::Label::ApiError => "api error",
        super::Label::Fixable => "fixable with --fix",
    }
}

/// How an input that could not be read is reported.
pub fn unreadable(file: &str, reason: &str) -> String {
    format!("cannot read {file}: {reason}")
}

/// The report of an input whose fixes could not be written (`check --fix`).
pub fn unwritable(file: &str, reason: &str) -> String {
    format!("cannot write the fixes to {file}: {reason}; it is left as it was")
}

/// The note on a `.tf` value that came from a variable's `default`.
pub fn from_variable_default(variable: &str) -> String {
    format!("(from the default of variable \"{variable}\")")
}

fn did_you_mean(suggestion: &str) -> String {
    format!("did you mean \"{suggestion}\"?")
}

fn bucket_name(fault: &BucketNameFault) -> String {
    match fault {
        BucketNameFault::Empty => "StorageName is empty; give the COS bucket name".into(),
        BucketNameFault::TooLong { length, max } => format!(
            "the COS bucket name is {length} characters long; at most {max} are allowed (without -APPID)"
        ),
        BucketNameFault::Charset {
            character: c,
            index,
        } => format!(
            "the COS bucket name has {} at character {}; bucket names have only lowercase letters, digits and hyphens",
            character(*c),
            index + 1
        ),
        BucketNameFault::EdgeHyphen => {
            "the COS bucket name starts or ends with a hyphen, which COS does not allow".into()
        }
    }
}

fn not_json(name: &str, reason: &NotJson) -> String {
    match reason {
        NotJson::LoneSurrogate {
            code_unit,
            index,
            in_key,
        } => format!(
            "{}{name} has U+{code_unit:04X} at character {}, half of a UTF-16 surrogate pair without its other half: it is not text, and cannot be sent as UTF-8 (the server would read U+FFFD)",
            if *in_key { "the key of " } else { "" },
            index + 1
        ),
        NotJson::BigInt => format!("{name} is a BigInt, which has no JSON form"),
        NotJson::Cycle => format!("{name} contains itself, which has no JSON form"),
        NotJson::TooDeep { limit } => {
            format!("{name} is nested deeper than {limit} levels; what is deeper was not read")
        }
        NotJson::TooLarge { limit } => {
            format!("{name} has more than {limit} entries; they were not read")
        }
        NotJson::Threw(error) => format!("{name} could not be read: {error}"),
    }
}

fn a_type(ty: JsonType) -> &'static str {
    match ty {
        JsonType::Null => "null",
        JsonType::Boolean => "a boolean",
        JsonType::Integer => "an integer",
        JsonType::Number => "a number with a fraction or an exponent",
        JsonType::String => "a string",
        JsonType::Array => "an array",
        JsonType::Object => "an object",
    }
}

fn more(count: usize) -> String {
    match count {
        0 | 1 => String::new(),
        2 => " (and 1 more such character)".into(),
        n => format!(" (and {} more such characters)", n - 1),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The one-line description of `rule`, stating the facts of `profile`.
pub fn describe(rule: RuleId, profile: &Profile) -> String {
    use RuleId as R;
    match rule {
        R::JsonSyntax => "The request text is not valid JSON.".into(),
        R::HclSyntax => "A Terraform `.tf` file is not valid HCL.".into(),
        R::ByteOrderMark => {
            "The text starts with a byte order mark, which JSON parsers on the server reject.".into()
        }
        R::RequestNotObject => "The request must be a JSON object.".into(),
        R::DuplicateKey => {
            "A key appears twice in one object; only the last value is used.".into()
        }
        R::MissingParameter => "A required parameter is missing.".into(),
        R::UnknownParameter => "A parameter the API does not define.".into(),
        R::ParameterType => "A parameter has the wrong JSON type.".into(),
        R::ActionValue => format!(
            "Action must name the tracking-set API being validated ({} unless chosen otherwise).",
            facts::ACTION
        ),
        R::VersionValue => format!("Version must be {}.", facts::API_VERSION),
        R::TrackIdValue => "TrackId must be a positive integer.".into(),
        R::PageValue => "PageNumber and PageSize must be positive integers.".into(),
        R::ModifyName => format!(
            "{} and {} cannot rename a tracking set; a changed Name is refused.",
            TrackAction::Modify.name(),
            TrackAction::ModifyEvents.name()
        ),
        R::RegionUnsupported => "The API is not offered in this region.".into(),
        R::RegionMismatch => {
            "The Region in the document differs from the region given by the caller.".into()
        }
        R::SurroundingWhitespace => "A value has leading or trailing whitespace.".into(),
        R::ConfusableCharacter => {
            "A value contains a character that looks like an ASCII one but is not.".into()
        }
        R::InvisibleCharacter => {
            "A value contains an invisible, control or bidirectional-control character.".into()
        }
        R::NameLength => format!(
            "Name must be {} to {} characters long.",
            profile.name_min, profile.name_max
        ),
        R::NameCharset => {
            "Name may contain only ASCII letters, digits, hyphens and underscores.".into()
        }
        R::ActionTypeValue => format!(
            "ActionType must be {}.",
            list(facts::ACTION_TYPES, " or ", ", ")
        ),
        R::ResourceTypeFormat => "ResourceType must be * or a product code such as cos.".into(),
        R::ResourceTypeCase => "Product codes in ResourceType are lowercase.".into(),
        R::ResourceTypeUnknown => "ResourceType is not a product code the catalogue lists (advisory: the catalogue is not complete).".into(),
        R::StatusValue => "Status must be 0 (not enabled) or 1 (enabled).".into(),
        R::TrackForAllMembersValue => {
            "TrackForAllMembers must be 0 (not enabled) or 1 (enabled).".into()
        }
        R::EventNamesEmpty => "EventNames lists no API name.".into(),
        R::EventNamesWildcard => "When ResourceType is *, EventNames must be exactly [\"*\"].".into(),
        R::EventNamesMixedWildcard => "EventNames mixes * (all APIs) with API names.".into(),
        R::EventNamesDuplicate => "An API name appears more than once in EventNames.".into(),
        R::EventNamesCap => format!(
            "EventNames lists more than {} APIs for {}.",
            profile.event_names_cap,
            list(&profile.capped_products, " or ", ", ")
        ),
        R::EventNamesCapOther => format!(
            "EventNames lists more than {} APIs for a product (the Chinese reference caps every product).",
            profile.event_names_cap_other
        ),
        R::EventNameFormat => "An entry of EventNames is empty or is not an API name.".into(),
        R::ResourceFieldsEmpty => "Filters.ResourceFields lists at least one product.".into(),
        R::ResourceFieldsDuplicateProduct => {
            "Filters.ResourceFields lists each product once.".into()
        }
        R::ResourceFieldsWildcardMixed => {
            "A ResourceType of * in Filters.ResourceFields is not listed next to specific products."
                .into()
        }
        R::EventNameUnknown => "An API name the catalogue does not list for the product (advisory: the catalogue is not complete).".into(),
        R::StorageTypeValue => format!(
            "StorageType must be {}.",
            list(&profile.storage_types, " or ", ", ")
        ),
        R::StorageRegionFormat => "StorageRegion must be a region code such as ap-guangzhou.".into(),
        R::StorageRegionUnknown => {
            "StorageRegion is not a region Tencent Cloud publishes for storage.".into()
        }
        R::StorageNameCos => format!(
            "A COS bucket name has at most {} lowercase letters, digits and hyphens, not at either end.",
            facts::COS_BUCKET_NAME_MAX
        ),
        R::StorageNameAppId => "The COS bucket name still carries its -APPID suffix.".into(),
        R::StorageNameCls => format!(
            "A CLS log topic ID must be {} to {} characters long.",
            facts::CLS_TOPIC_LENGTH.start(),
            facts::CLS_TOPIC_LENGTH.end()
        ),
        R::StoragePrefixCos => format!(
            "A COS storage prefix has {} to {} ASCII letters and digits.",
            facts::COS_PREFIX_LENGTH.start(),
            facts::COS_PREFIX_LENGTH.end()
        ),
        R::StoragePrefixEmpty => "StoragePrefix is empty.".into(),
        R::StorageCosHostLength => format!(
            "The bucket's COS host name would be longer than COS allows ({} characters).",
            facts::COS_HOST_MAX
        ),
        R::StorageIdFormat => "StorageAccountId and StorageAppId are strings of digits.".into(),
        R::StorageCompressValue => "Compress must be 1 (compress) or 2 (do not compress).".into(),
        R::PolicyName => "Name does not follow the team's naming pattern (configuration).".into(),
        R::PolicyStorageType => "StorageType is not one the team allows (configuration).".into(),
        R::PolicyStorageRegion => {
            "StorageRegion is not one the team allows (configuration).".into()
        }
        R::PolicyStatus => "Status differs from the value the team requires (configuration).".into(),
        R::PolicyTrackForAllMembers => {
            "TrackForAllMembers differs from the value the team requires (configuration).".into()
        }
        R::PolicyStoragePrefix => {
            "StoragePrefix does not follow the team's pattern (configuration).".into()
        }
    }
}

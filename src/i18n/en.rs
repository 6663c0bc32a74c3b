//! English messages. Each says what is wrong, naming the parameter and the value; the help
//! line says what to do.

use super::{character, list};
use crate::facts::{self, Param};
use crate::violation::{BucketNameFault, JsonType, NotJson, PolicyRule, PrefixFault, Violation};

/// The message for `violation`.
pub fn message(violation: &Violation) -> String {
    use Violation as V;
    match violation {
        V::Syntax(kind) => format!("the request is not valid JSON: {kind}"),
        V::ByteOrderMark => {
            "the text starts with a byte order mark (U+FEFF), which the server's JSON parser refuses"
                .into()
        }
        V::NotAnObject { found } => {
            format!("the request must be a JSON object, not {}", a_type(*found))
        }
        V::DuplicateKey { key } => format!(
            "\"{key}\" appears again later in this object; this value is ignored and only the last one is used"
        ),
        V::MissingParameter { param: name } => format!("the required parameter {name} is missing"),
        V::UnknownParameter { name, action, .. } => format!(
            "\"{name}\" is not a parameter of {action}; the server refuses unknown parameters"
        ),
        V::WrongType {
            name,
            expected,
            found,
            ..
        } => format!("{name} must be {}, not {}", a_type(*expected), a_type(*found)),
        V::NotJson { name, reason } => not_json(name, reason),
        V::WrongAction { found, expected } => {
            format!("Action is \"{found}\", but this request is validated as {expected}")
        }
        V::WrongVersion { found } => format!(
            "Version is \"{found}\"; the CloudAudit API's version is {}",
            facts::API_VERSION
        ),
        V::UnsupportedRegion { region, .. } => {
            format!("the CloudAudit API is not offered in the region \"{region}\"")
        }
        V::RegionMismatch { caller, document } => format!(
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
            format!(
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
        } => format!(
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
        } => format!(
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
        } => format!("Name is required: it is empty, and must be {min} to {max} characters"),
        V::NameLength { length, min, max } => format!(
            "Name is {length} characters long; it must be {min} to {max} characters"
        ),
        V::NameCharset {
            character: c,
            index,
            count,
        } => format!(
            "Name has {} at character {}; a name may contain only ASCII letters, digits, hyphens (-) and underscores (_){}",
            character(*c),
            index + 1,
            more(*count)
        ),
        V::ActionTypeValue { value, .. } => {
            format!("ActionType \"{value}\" is not one of Read, Write or * (all)")
        }
        V::ResourceTypeFormat {
            character: None, ..
        } => "ResourceType is empty; give a product code such as cos, or * for all products".into(),
        V::ResourceTypeFormat {
            value,
            character: Some((c, index)),
        } => format!(
            "ResourceType \"{value}\" has {} at character {}; a product code has only ASCII letters and digits",
            character(*c),
            index + 1
        ),
        V::ResourceTypeCase { value, .. } => format!(
            "ResourceType \"{value}\" has uppercase letters; product codes are lowercase"
        ),
        V::SwitchValue { param, value } => format!(
            "{} is {value}; it must be 0 (not enabled) or 1 (enabled)",
            param.name()
        ),
        V::NotPositive { param: name, value } => {
            format!("{name} is {value}; it must be a positive integer (1 or more)")
        }
        V::ModifyName { value } => format!(
            "ModifyAuditTrack cannot rename a tracking set: the server refuses a Name different from the current one (here \"{value}\")"
        ),
        V::EventNamesEmpty => {
            "EventNames is empty; list the API names to track, or [\"*\"] for all of the product's APIs".into()
        }
        V::EventNamesWildcard { .. } => {
            "ResourceType is * (all products), so EventNames must be exactly [\"*\"]".into()
        }
        V::EventNamesMixedWildcard { names } => format!(
            "EventNames has * (all APIs) and {names} API name{}; * already covers every API of the product",
            plural(*names)
        ),
        V::EventNamesDuplicate { name, first_index } => format!(
            "\"{name}\" is listed again in EventNames (first at index {first_index})"
        ),
        V::EventNamesCap {
            count,
            cap,
            product,
            hard: true,
        } => format!("EventNames lists {count} APIs; for {product} at most {cap} are allowed"),
        V::EventNamesCap {
            count,
            cap,
            product,
            hard: false,
        } => format!(
            "EventNames lists {count} APIs for {product}; the Chinese API reference caps every product at {cap}, so the server may refuse it"
        ),
        V::EventNameFormat {
            character: None, ..
        } => "an entry of EventNames is empty".into(),
        V::EventNameFormat {
            name,
            character: Some((c, index)),
        } => format!(
            "the EventNames entry \"{name}\" has {} at character {}; API names have only ASCII letters, digits and underscores",
            character(*c),
            index + 1
        ),
        V::StorageTypeValue {
            value, accepted, ..
        } => format!(
            "StorageType \"{value}\" is not one of {}",
            list(accepted, " or ", ", ")
        ),
        V::StorageRegionFormat { value } => format!(
            "StorageRegion \"{value}\" is not a region code; codes look like ap-guangzhou"
        ),
        V::StorageRegionUnknown { value, .. } => format!(
            "StorageRegion \"{value}\" is not a region Tencent Cloud publishes for storage; CloudAudit may refuse it"
        ),
        V::BucketName(fault) => bucket_name(fault),
        V::BucketNameAppId { bucket, app_id } => format!(
            "StorageName \"{bucket}-{app_id}\" ends with what looks like an APPID; CloudAudit wants the bucket name without \"-{app_id}\""
        ),
        V::ClsTopicLength { length, min, max } => format!(
            "the CLS log topic ID in StorageName is {length} characters long; it must be {min} to {max}"
        ),
        V::CosPrefix(PrefixFault::Length { length, min, max }) => format!(
            "StoragePrefix is {length} characters long; for COS it must be {min} to {max} letters and digits"
        ),
        V::CosPrefix(PrefixFault::Charset {
            character: c,
            index,
        }) => format!(
            "StoragePrefix has {} at character {}; for COS it may contain only ASCII letters and digits",
            character(*c),
            index + 1
        ),
        V::StoragePrefixEmpty => {
            "StoragePrefix is empty; give the prefix of the shipped log files".into()
        }
        V::CosHostLength { length, max } => format!(
            "the bucket's host name <bucket>-<APPID>.cos.<region>.myqcloud.com would be {length} characters long, over COS's limit of {max}"
        ),
        V::StorageIdFormat { field, value } => {
            format!("{} \"{value}\" is not a string of digits", field.name())
        }
        V::CompressValue { value } => {
            format!("Compress is {value}; it must be 1 (compress) or 2 (do not compress)")
        }
        V::ResourceTypeUnknown { value, .. } => format!(
            "ResourceType \"{value}\" is not a product code in the catalogue of audited products; the tracking set may ship nothing"
        ),
        V::EventNameUnknown { name, product, .. } => format!(
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
                Some(message) => format!("{message} ({default})"),
                None => default,
            }
        }
    }
}

/// The help line for `violation`, when there is something to suggest.
pub fn help(violation: &Violation) -> Option<String> {
    use Violation as V;
    Some(match violation {
        V::Syntax(_) => "fix the JSON at the marked position".into(),
        V::ByteOrderMark => "save the file as UTF-8 without a byte order mark".into(),
        V::DuplicateKey { .. } => "keep only one of them".into(),
        V::MissingParameter {
            param: Param::Region,
        } => {
            "give the region with --region (the `region` option), or add \"Region\" to the request"
                .into()
        }
        V::MissingParameter { param: name } => format!("add \"{name}\""),
        V::UnknownParameter {
            suggestion: Some(s),
            ..
        } => did_you_mean(s),
        V::UnknownParameter { .. } => "remove it".into(),
        V::WrongType {
            replacement: Some(r),
            ..
        } => format!("write {r}"),
        V::NotJson {
            reason: NotJson::LoneSurrogate { .. },
            ..
        } => "delete it, or complete the pair".into(),
        V::WrongAction { expected, .. } => format!("set Action to \"{expected}\""),
        V::ModifyName { .. } => "leave Name out unless it is the tracking set's current name".into(),
        V::WrongVersion { .. } => format!("set Version to \"{}\"", facts::API_VERSION),
        V::UnsupportedRegion {
            suggestion: Some(s),
            ..
        } => did_you_mean(s),
        V::UnsupportedRegion { supported, .. } => {
            format!("supported regions: {}", supported.join(", "))
        }
        V::SurroundingWhitespace { trimmed, .. } => did_you_mean(trimmed),
        V::ConfusableCharacter { looks_like, .. } => {
            format!("type it again as the ASCII \"{looks_like}\"")
        }
        V::InvisibleCharacter { .. } => {
            "delete it: it cannot be seen, but the server compares it".into()
        }
        V::NameCharset { .. } => "replace it with a letter, digit, - or _".into(),
        V::ActionTypeValue {
            suggestion: Some(s),
            ..
        } => did_you_mean(s),
        V::ResourceTypeCase { lowercase, .. } => did_you_mean(lowercase),
        V::EventNamesWildcard { .. } => {
            "set EventNames to [\"*\"], or set ResourceType to one product".into()
        }
        V::EventNamesMixedWildcard { .. } => {
            "keep only [\"*\"] to track every API, or remove \"*\"".into()
        }
        V::EventNamesDuplicate { .. } => "remove the repeated entry".into(),
        V::EventNamesCap { .. } => {
            "track all of the product's APIs with [\"*\"], or split the names over several tracking sets"
                .into()
        }
        V::StorageTypeValue {
            suggestion: Some(s),
            ..
        }
        | V::StorageRegionUnknown {
            suggestion: Some(s),
            ..
        } => did_you_mean(s),
        V::BucketName(BucketNameFault::Charset { character, .. })
            if character.is_ascii_uppercase() =>
        {
            "COS bucket names are lowercase".into()
        }
        V::ResourceTypeUnknown {
            suggestion: Some(s),
            ..
        }
        | V::EventNameUnknown {
            suggestion: Some(s),
            ..
        } => did_you_mean(s),
        V::BucketNameAppId { bucket, .. } => did_you_mean(bucket),
        V::StorageIdFormat {
            field: Param::StorageAccountId,
            ..
        } => "give the account's numeric UIN".into(),
        V::StorageIdFormat { .. } => "give the account's numeric APPID".into(),
        _ => return None,
    })
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

//! `Storage`: storage type and region, the COS bucket name and prefix, the CLS topic ID, the
//! COS host length, and the Chinese edition's optional fields.

use cloudaudit_lint::facts::KNOWN_STORAGE_REGIONS;

use crate::common::{Case, Request, case, error, run, warning};

const VALUE: &str = "InvalidParameterValue";

fn quoted(value: &str) -> String {
    format!("\"{value}\"")
}

fn cos(field: &str, value: &str) -> Request {
    Request::valid().storage(field, &quoted(value))
}

fn cls(field: &str, value: &str) -> Request {
    Request::cls().storage(field, &quoted(value))
}

pub fn cases() -> Vec<Case> {
    [
        types_and_regions(),
        cos_names(),
        cls_names(),
        prefixes(),
        optional(),
    ]
    .concat()
}

fn types_and_regions() -> Vec<Case> {
    let mut cases = vec![
            case("COS storage", Request::valid()),
            case("CLS storage", Request::cls()),
            // An unknown storage type leaves the name and prefix to hygiene only.
            case(
                "StorageType ckafka",
                cos("StorageType", "ckafka").storage("StorageName", "\"Any_Name\""),
            )
            .expect([error(
                "storage-type-value",
                "/Storage/StorageType",
                VALUE,
                (8, 20),
            )
            .message("StorageType \"ckafka\" is not one of cos or cls")
            .message_zh("StorageType \"ckafka\" 不是 cos 或 cls 之一")
            .no_help()]),
            case("StorageType in capitals", cos("StorageType", "COS")).expect([error(
                "storage-type-value",
                "/Storage/StorageType",
                VALUE,
                (8, 20),
            )
            .help("did you mean \"cos\"?")]),
            case(
                "StorageRegion without area",
                cos("StorageRegion", "guangzhou"),
            )
            .expect([error(
                "storage-region-format",
                "/Storage/StorageRegion",
                VALUE,
                (9, 22),
            )
            .message(
                "StorageRegion \"guangzhou\" is not a region code; codes look like ap-guangzhou",
            )]),
            case(
                "StorageRegion in capitals",
                cos("StorageRegion", "AP-GUANGZHOU"),
            )
            .expect([error(
                "storage-region-format",
                "/Storage/StorageRegion",
                VALUE,
                (9, 22),
            )]),
            case("an unknown COS region", cos("StorageRegion", "ap-mars")).expect([warning(
                "storage-region-unknown",
                "/Storage/StorageRegion",
                "InvalidParameterValue.CosRegionError",
                (9, 22),
            )
            .message(
                "StorageRegion \"ap-mars\" is not a region Tencent Cloud publishes for storage",
            )
            .no_help()]),
            case("a misspelt COS region", cos("StorageRegion", "ap-guangzou")).expect([warning(
                "storage-region-unknown",
                "/Storage/StorageRegion",
                "InvalidParameterValue.CosRegionError",
                (9, 22),
            )
            .help("did you mean \"ap-guangzhou\"?")]),
        ];
    // Long region names make a long COS host: keep the bucket short so only the region counts.
    for region in KNOWN_STORAGE_REGIONS {
        cases.push(case(
            format!("storage region {region}"),
            cos("StorageRegion", region).storage("StorageName", "\"logs\""),
        ));
    }
    cases
}

fn cos_names() -> Vec<Case> {
    let name = |value: &str| cos("StorageName", value);
    let path = "/Storage/StorageName";
    vec![
        case("a one-letter bucket", name("a")),
        case("a bucket with digits and hyphens", name("audit-2024-logs")),
        case(
            "a bucket of 50 characters",
            name(&"a".repeat(50)).storage("StorageRegion", "\"ap-seoul\""),
        )
        // The name is allowed; the host it makes is too long for COS.
        .expect([warning("storage-cos-host-length", path, None, (10, 20))]),
        case("a bucket of 51 characters", name(&"a".repeat(51))).expect([error(
            "storage-name-cos",
            path,
            VALUE,
            (10, 20),
        )
        .message(
            "the COS bucket name is 51 characters long; at most 50 are allowed (without -APPID)",
        )]),
        case("an empty bucket", name("")).expect([error(
            "storage-name-cos",
            path,
            VALUE,
            (10, 20),
        )
        .message("StorageName is empty; give the COS bucket name")]),
        case(
            "a bucket with capitals and an underscore",
            name("Audit_Cos"),
        )
        .expect([error("storage-name-cos", path, VALUE, (10, 21))
            .message("the COS bucket name has \"A\" at character 1")
            .help("COS bucket names are lowercase")]),
        case("a bucket with an underscore", name("audit_cos")).expect([error(
            "storage-name-cos",
            path,
            VALUE,
            (10, 26),
        )
        .no_help()]),
        case("a bucket starting with a hyphen", name("-audit")).expect([error(
            "storage-name-cos",
            path,
            VALUE,
            (10, 20),
        )
        .message("starts or ends with a hyphen")]),
        case("a bucket with its APPID", name("audit-cos-1250000000")).expect([warning(
            "storage-name-appid",
            path,
            "ResourceNotFound.CosNotExist",
            (10, 20),
        )
        .message("StorageName \"audit-cos-1250000000\" ends with what looks like an APPID")
        .help("did you mean \"audit-cos\"?")
        .help_zh("是否应为 \"audit-cos\"？")]),
        case("nine digits are not an APPID", name("audit-cos-125000000")),
        // 19 + "-1250000000" (11) + ".cos." (5) + "ap-guangzhou" (12) + ".myqcloud.com" (13) = 60.
        case("a host of exactly 60 characters", name(&"a".repeat(19))),
        case("a host of 61 characters", name(&"a".repeat(20))).expect([warning(
            "storage-cos-host-length",
            path,
            None,
            (10, 20),
        )
        .message("would be 61 characters long, over COS's limit of 60")]),
    ]
}

fn cls_names() -> Vec<Case> {
    let path = "/Storage/StorageName";
    vec![
        case("a one-character topic ID", cls("StorageName", "a")),
        case(
            "a topic ID of 50 characters",
            cls("StorageName", &"T".repeat(50)),
        ),
        case(
            "a topic ID with capitals and underscores",
            cls("StorageName", "Topic_ID"),
        ),
        case("an empty topic ID", cls("StorageName", "")).expect([error(
            "storage-name-cls",
            path,
            VALUE,
            (10, 20),
        )
        .message("the CLS log topic ID in StorageName is 0 characters long; it must be 1 to 50")]),
        case(
            "a topic ID of 51 characters",
            cls("StorageName", &"T".repeat(51)),
        )
        .expect([error("storage-name-cls", path, VALUE, (10, 20))]),
    ]
}

fn prefixes() -> Vec<Case> {
    let path = "/Storage/StoragePrefix";
    vec![
        case("a COS prefix of 3", cos("StoragePrefix", "abc")),
        case("a COS prefix of 40", cos("StoragePrefix", &"a".repeat(40))),
        case(
            "a COS prefix with capitals and digits",
            cos("StoragePrefix", "Logs2024"),
        ),
        case("a COS prefix of 2", cos("StoragePrefix", "ab")).expect([error(
            "storage-prefix-cos",
            path,
            VALUE,
            (11, 22),
        )
        .message(
            "StoragePrefix is 2 characters long; for COS it must be 3 to 40 letters and digits",
        )]),
        case("a COS prefix of 41", cos("StoragePrefix", &"a".repeat(41))).expect([error(
            "storage-prefix-cos",
            path,
            VALUE,
            (11, 22),
        )]),
        case(
            "a COS prefix with a slash",
            cos("StoragePrefix", "logs/2024"),
        )
        .expect([error("storage-prefix-cos", path, VALUE, (11, 27))
            .message("StoragePrefix has \"/\" at character 5")]),
        case("an empty COS prefix", cos("StoragePrefix", "")).expect([error(
            "storage-prefix-cos",
            path,
            VALUE,
            (11, 22),
        )]),
        case(
            "a CLS prefix with a slash",
            cls("StoragePrefix", "logs/2024-"),
        ),
        case("an empty CLS prefix", cls("StoragePrefix", "")).expect([warning(
            "storage-prefix-empty",
            path,
            VALUE,
            (11, 22),
        )
        .message("StoragePrefix is empty")]),
    ]
}

fn optional() -> Vec<Case> {
    vec![
        case(
            "digit account and APPID",
            cos("StorageAccountId", "100000000001").storage("StorageAppId", "\"1250000000\""),
        ),
        case("an account ID with letters", cos("StorageAccountId", "abc")).expect([warning(
            "storage-id-format",
            "/Storage/StorageAccountId",
            VALUE,
            (12, 25),
        )
        .message("StorageAccountId \"abc\" is not a string of digits")
        .help("give the account's numeric UIN")]),
        case("an empty APPID", cos("StorageAppId", "")).expect([warning(
            "storage-id-format",
            "/Storage/StorageAppId",
            VALUE,
            (12, 21),
        )
        .help("give the account's numeric APPID")]),
        case("Compress 1", Request::valid().storage("Compress", "1")),
        case("Compress 2", Request::valid().storage("Compress", "2")),
        case("Compress 0", Request::valid().storage("Compress", "0")).expect([error(
            "storage-compress-value",
            "/Storage/Compress",
            VALUE,
            (12, 17),
        )
        .message("Compress is 0; it must be 1 (compress) or 2 (do not compress)")]),
        case("Compress too large for i64", Request::valid().storage("Compress", "99999999999999999999")).expect([error(
            "storage-compress-value",
            "/Storage/Compress",
            VALUE,
            (12, 17),
        )]),
        // Diagnostics inside Storage follow the field order of the spec, not of the text.
        case(
            "faults in every Storage field",
            Request::valid()
                .set(
                    "Storage",
                    r#"{"StoragePrefix": "a", "StorageName": "A", "StorageRegion": "x", "StorageType": "ckafka"}"#,
                ),
        )
        .expect([
            error("storage-type-value", "/Storage/StorageType", VALUE, (7, 94)),
            error("storage-region-format", "/Storage/StorageRegion", VALUE, (7, 74)),
        ]),
    ]
}

#[test]
fn type_and_region_table() {
    run(&types_and_regions());
}

#[test]
fn cos_bucket_table() {
    run(&cos_names());
}

#[test]
fn cls_topic_table() {
    run(&cls_names());
}

#[test]
fn prefix_table() {
    run(&prefixes());
}

#[test]
fn optional_field_table() {
    run(&optional());
}

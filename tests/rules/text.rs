//! Text hygiene in any string parameter: surrounding whitespace, look-alike characters and
//! invisible characters, each named by code point and pointed at.

use crate::common::{Case, Request, case, error, run};

const VALUE: &str = "InvalidParameterValue";

pub fn cases() -> Vec<Case> {
    [whitespace(), lookalikes(), invisible()].concat()
}

fn whitespace() -> Vec<Case> {
    vec![
        case(
            "a leading space in Name",
            Request::valid().set("Name", r#"" audit""#),
        )
        .expect([error("surrounding-whitespace", "/Name", VALUE, (2, 11))
            .message("Name has leading whitespace, which the server does not trim")
            .message_zh("Name 的开头含有空白字符")
            .help("did you mean \"audit\"?")]),
        case(
            "a trailing tab in Name",
            Request::valid().set("Name", r#""audit\t""#),
        )
        .expect([error("surrounding-whitespace", "/Name", VALUE, (2, 11))
            .message("Name has trailing whitespace")]),
        case(
            "spaces on both sides of ActionType",
            Request::valid().set("ActionType", r#"" Read ""#),
        )
        .expect([
            error("surrounding-whitespace", "/ActionType", VALUE, (3, 17))
                .message("ActionType has leading and trailing whitespace")
                .help("did you mean \"Read\"?"),
        ]),
        // The rule of the field checks the trimmed value: a too-short name is still reported.
        case(
            "a short name with a space",
            Request::valid().set("Name", r#""ab ""#),
        )
        .expect([
            error("surrounding-whitespace", "/Name", VALUE, (2, 11)),
            error("name-length", "/Name", VALUE, (2, 11)),
        ]),
        case(
            "a trailing space in StorageRegion",
            Request::valid().storage("StorageRegion", r#""ap-guangzhou ""#),
        )
        .expect([error(
            "surrounding-whitespace",
            "/Storage/StorageRegion",
            VALUE,
            (9, 22),
        )]),
        case(
            "a trailing space in an EventNames entry",
            Request::valid().set("EventNames", r#"["PutObject "]"#),
        )
        .expect([error(
            "surrounding-whitespace",
            "/EventNames/0",
            VALUE,
            (6, 18),
        )]),
        case(
            "an ideographic space before ExportId",
            Request::valid().set("ExportId", "\"\u{3000}task\""),
        )
        .expect([error(
            "surrounding-whitespace",
            "/ExportId",
            VALUE,
            (13, 15),
        )]),
    ]
}

fn lookalikes() -> Vec<Case> {
    vec![
        case(
            "a Cyrillic а in Name",
            Request::valid().set("Name", "\"\u{430}udit\""),
        )
        .expect([error("confusable-character", "/Name", VALUE, (2, 12))
            .message(
                "Name has U+0430 \"а\" at character 1, which looks like the ASCII \"a\" but is not",
            )
            .message_zh("Name 的第 1 个字符是 U+0430 \"а\"，外形像 ASCII 字符 \"a\"")
            .help("type it again as the ASCII \"a\"")]),
        case(
            "a full-width Ａ in Name",
            Request::valid().set("Name", "\"audit\u{FF21}\""),
        )
        .expect([error("confusable-character", "/Name", VALUE, (2, 17))
            .message("U+FF21 \"Ａ\" at character 6, which looks like the ASCII \"A\"")]),
        case(
            "two Cyrillic letters in Name",
            Request::valid().set("Name", "\"\u{430}\u{430}udit\""),
        )
        .expect([error("confusable-character", "/Name", VALUE, (2, 12))
            .message("(and 1 more such character)")]),
        // Folded to ASCII, the product is cos: the EventNames cap for cos applies unchanged.
        case(
            "a Cyrillic с in ResourceType",
            Request::valid().set("ResourceType", "\"\u{441}os\""),
        )
        .expect([error("confusable-character", "/ResourceType", VALUE, (4, 20)).message("U+0441")]),
        case(
            "a Cyrillic О in an EventNames entry",
            Request::valid().set("EventNames", "[\"Put\u{41E}bject\"]"),
        )
        .expect([
            error("confusable-character", "/EventNames/0", VALUE, (6, 22))
                .message("EventNames has U+041E \"О\" at character 4"),
        ]),
        case(
            "a Greek ο in StorageType",
            Request::valid().storage("StorageType", "\"c\u{3BF}s\""),
        )
        .expect([error(
            "confusable-character",
            "/Storage/StorageType",
            VALUE,
            (8, 22),
        )]),
        case(
            "an en dash in StorageRegion",
            Request::valid().storage("StorageRegion", "\"ap\u{2013}guangzhou\""),
        )
        .expect([error(
            "confusable-character",
            "/Storage/StorageRegion",
            VALUE,
            (9, 25),
        )
        .message("U+2013")]),
    ]
}

fn invisible() -> Vec<Case> {
    vec![
        case(
            "a zero width space in Name",
            Request::valid().set("Name", "\"au\u{200B}dit\""),
        )
        .expect([error("invisible-character", "/Name", VALUE, (2, 14))
            .message("Name has the invisible character U+200B ZERO WIDTH SPACE at character 3")
            .message_zh("Name 的第 3 个字符是不可见字符 U+200B ZERO WIDTH SPACE")
            .help("delete it: it cannot be seen, but the server compares it")]),
        case(
            "a right-to-left override in StorageName",
            Request::valid().storage("StorageName", "\"audit-cos\u{202E}\""),
        )
        .expect([error(
            "invisible-character",
            "/Storage/StorageName",
            VALUE,
            (10, 30),
        )
        .message("U+202E RIGHT-TO-LEFT OVERRIDE at character 10")]),
        // Written as an escape, the character has no column of its own: the value is pointed at.
        case(
            "an escaped NUL in Name",
            Request::valid().set("Name", r#""aud\u0000it""#),
        )
        .expect([error("invisible-character", "/Name", VALUE, (2, 11))
            .message("Name has the invisible character U+0000 at character 4")]),
        case(
            "a zero width space in ActionType",
            Request::valid().set("ActionType", "\"Read\u{200B}\""),
        )
        .expect([error("invisible-character", "/ActionType", VALUE, (3, 22))]),
        case(
            "an escaped BEL in StoragePrefix",
            Request::valid().storage("StoragePrefix", r#""lo\u0007gs""#),
        )
        .expect([error(
            "invisible-character",
            "/Storage/StoragePrefix",
            VALUE,
            (11, 22),
        )
        .message("U+0007")]),
        case(
            "three invisible characters in one value",
            Request::valid().set("Name", "\"a\u{200B}u\u{200C}d\u{200D}it\""),
        )
        .expect([error("invisible-character", "/Name", VALUE, (2, 13))
            .message("(and 2 more such characters)")]),
        // Each kind is reported once per value, in the order whitespace, look-alike, invisible.
        case(
            "every hygiene fault in one value",
            Request::valid().set("Name", "\" \u{430}udit\u{200B}\""),
        )
        .expect([
            error("surrounding-whitespace", "/Name", VALUE, (2, 11)),
            error("confusable-character", "/Name", VALUE, (2, 13)),
            error("invisible-character", "/Name", VALUE, (2, 18)),
        ]),
    ]
}

#[test]
fn whitespace_table() {
    run(&whitespace());
}

#[test]
fn lookalike_table() {
    run(&lookalikes());
}

#[test]
fn invisible_table() {
    run(&invisible());
}

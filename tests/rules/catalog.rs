//! The advisory product catalogue: unlisted product codes and API names are warnings with a
//! did-you-mean, never errors.

use crate::common::{Case, Request, case, warning};

pub fn cases() -> Vec<Case> {
    vec![
        case(
            "listed product and API names",
            Request::valid().set("EventNames", r#"["PutBucket", "GetBucketACL"]"#),
        )
        .catalog(),
        case(
            "a product code one typo away from a listed one",
            Request::valid()
                .set("ResourceType", r#""cmv""#)
                .set("EventNames", r#"["*"]"#),
        )
        .catalog()
        .expect([
            warning("resource-type-unknown", "/ResourceType", None, (4, 19))
                .help("did you mean \"cvm\"?"),
        ]),
        case(
            "the page's own example product, audit",
            Request::valid()
                .set("ResourceType", r#""audit""#)
                .set("EventNames", r#"["LookUpEvents"]"#),
        )
        .catalog()
        .expect([
            warning("resource-type-unknown", "/ResourceType", None, (4, 19))
                .help("did you mean \"cloudaudit\"?"),
        ]),
        case("API names not listed for cos", Request::valid())
            .catalog()
            .expect([
                warning("event-name-unknown", "/EventNames/0", None, (6, 18)),
                warning("event-name-unknown", "/EventNames/1", None, (6, 31)),
            ]),
    ]
}

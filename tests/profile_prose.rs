//! Facts out of prose: with `[api] name-max = 64` every surface that describes a rule (the
//! `rules` listing and pages, SARIF rule metadata, the JSON Schema) states 64, and none of
//! them still says 48, the page's value. The npm package's `rules(profile)` is tested in
//! tests/wasm_api.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use cloudaudit_lint::i18n::describe;
use cloudaudit_lint::schema::json_schema;
use cloudaudit_lint::{Config, Locale, Profile, RuleId};
const CONFIG: &str = "[api]\nname-max = 64\n";

fn longer() -> Profile {
    Config::from_toml(CONFIG)
        .expect("the configuration reads")
        .api
}

#[test]
fn descriptions_state_the_profiles_facts_in_both_languages() {
    let profile = longer();
    assert_eq!(
        describe(RuleId::NameLength, &profile, Locale::En),
        "Name must be 3 to 64 characters long."
    );
    assert_eq!(
        describe(RuleId::NameLength, &profile, Locale::ZhCn),
        "Name 长度必须为 3 到 64 个字符。"
    );
    let caps = Profile {
        event_names_cap: 20,
        capped_products: vec!["cos".into(), "cls".into(), "ckafka".into()],
        event_names_cap_other: 30,
        storage_types: vec!["cos".into(), "cls".into(), "ckafka".into()],
        ..Profile::default()
    };
    assert_eq!(
        describe(RuleId::EventNamesCap, &caps, Locale::En),
        "EventNames lists more than 20 APIs for cos, cls or ckafka."
    );
    assert_eq!(
        describe(RuleId::EventNamesCap, &caps, Locale::ZhCn),
        "cos、cls 或 ckafka 的 EventNames 超过 20 个接口。"
    );
    assert!(describe(RuleId::EventNamesCapOther, &caps, Locale::En).contains("more than 30"));
    assert_eq!(
        describe(RuleId::StorageTypeValue, &caps, Locale::En),
        "StorageType must be cos, cls or ckafka."
    );
}

#[test]
fn the_schema_states_the_profiles_name_length() {
    let schema = json_schema(&longer());
    let name = &schema["properties"]["Name"];
    assert_eq!(name["maxLength"], 64);
    let description = name["description"].as_str().expect("Name is described");
    assert!(description.contains("3 to 64 characters"), "{description}");
    let descriptions = descriptions(&schema);
    assert!(descriptions.len() > 10, "{descriptions:?}");
    assert!(
        descriptions.iter().all(|d| !d.contains("48")),
        "a description still says 48: {descriptions:?}"
    );
}

/// Every `description` in `schema`, however deep. (Its patterns may hold 48 for another
/// reason: a bucket name's middle is `{0,48}` long.)
fn descriptions(schema: &serde_json::Value) -> Vec<String> {
    match schema {
        serde_json::Value::Object(map) => map
            .iter()
            .flat_map(|(key, value)| match (key.as_str(), value.as_str()) {
                ("description", Some(text)) => vec![text.to_owned()],
                _ => descriptions(value),
            })
            .collect(),
        serde_json::Value::Array(items) => items.iter().flat_map(descriptions).collect(),
        _ => Vec::new(),
    }
}

#[cfg(feature = "cli")]
mod cli {
    use std::path::Path;
    use std::process::Command;

    use serde_json::Value;

    use super::CONFIG;
    use super::common::process::Folder;

    /// A folder of its own holding `cloudaudit-lint.toml` with `[api] name-max = 64` and a
    /// request whose name is too short.
    fn folder(test: &str) -> Folder {
        let dir = Folder::new("profile-prose", test);
        std::fs::write(dir.join("cloudaudit-lint.toml"), CONFIG).expect("the config is written");
        std::fs::write(dir.join("request.json"), r#"{"Name": "ab"}"#)
            .expect("the request is written");
        dir
    }

    fn run(dir: &Path, args: &[&str]) -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_cloudaudit-lint"))
            .args(args)
            .current_dir(dir)
            .output()
            .expect("the binary runs");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("the output is UTF-8")
    }

    #[test]
    fn rules_state_the_configurations_facts() {
        let dir = folder("rules");
        for args in [
            &["rules"][..],
            &["rules", "--locale", "zh-CN"],
            &["rules", "--format", "json"],
            &["rules", "name-length"],
            &["rules", "name-length", "--format", "json"],
        ] {
            let out = run(&dir, args);
            assert!(
                out.contains("3 到 64") || out.contains("3 to 64"),
                "{args:?}: {out}"
            );
            assert!(!out.contains("48"), "{args:?} still says 48: {out}");
        }
        // Named explicitly from elsewhere, and refused.
        let config = dir.join("cloudaudit-lint.toml");
        let named = run(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            &["rules", "--config", &config.to_string_lossy()],
        );
        assert!(named.contains("3 to 64"), "{named}");
        let plain = run(&dir, &["rules", "--no-config"]);
        assert!(
            plain.contains("3 to 48") && !plain.contains("3 to 64"),
            "{plain}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn sarif_rule_metadata_states_the_configurations_facts() {
        let dir = folder("sarif");
        let out = run(&dir, &["check", "--format", "sarif", "request.json"]);
        let log: Value = serde_json::from_str(&out).expect("SARIF is JSON");
        let driver = &log["runs"][0]["tool"]["driver"];
        let name_length = driver["rules"]
            .as_array()
            .expect("rules are listed")
            .iter()
            .find(|r| r["id"] == "name-length")
            .expect("name-length is listed");
        assert_eq!(
            name_length["shortDescription"]["text"],
            "Name must be 3 to 64 characters long."
        );
        assert!(
            name_length["help"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("3 to 64")),
            "{name_length}"
        );
        let driver = driver.to_string();
        assert!(
            !driver.contains("48"),
            "the rule metadata still says 48: {driver}"
        );
        let results = log["runs"][0]["results"].as_array().expect("results");
        let result = results
            .iter()
            .find(|r| r["ruleId"] == "name-length")
            .expect("the short name is reported");
        let message = result["message"]["text"].to_string();
        assert!(message.contains("3 to 64"), "{message}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn schema_states_the_configurations_facts() {
        let dir = folder("schema");
        let schema: Value =
            serde_json::from_str(&run(&dir, &["schema"])).expect("the schema is JSON");
        assert_eq!(schema["properties"]["Name"]["maxLength"], 64);
        assert!(
            super::descriptions(&schema)
                .iter()
                .all(|d| !d.contains("48")),
            "{schema}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

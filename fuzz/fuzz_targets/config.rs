//! The configuration reader, `Config::from_toml`: every error located inside the text; a
//! configuration that loads is then used to validate the page's example.

#![no_main]

use cloudaudit_lint::{Config, Validator};
use libfuzzer_sys::fuzz_target;

const EXAMPLE: &str = include_str!("../../examples/create-audit-track.json");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Config::from_toml(text) {
        Ok(config) => {
            let report = Validator::new().with_config(&config).validate_str(EXAMPLE);
            for d in &report.diagnostics {
                let _ = d.message(Default::default());
            }
            let _ = config
                .suppressions_for(std::path::Path::new("a/b.json"), std::path::Path::new("a"));
        }
        Err(errors) => {
            assert!(!errors.errors.is_empty(), "an error with no errors");
            for error in &errors.errors {
                assert!(!error.message.is_empty());
                if let Some(span) = error.span {
                    assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
                }
            }
        }
    }
});

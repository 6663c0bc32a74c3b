//! The Terraform plan reader, `terraform::check_plan`, on arbitrary text: it agrees with the
//! parser on what is JSON and on what is a plan, and every diagnostic of a plan renders and
//! is located inside the text, at the line and column the text has there.
//!
//! The first byte chooses the options (the caller's region or the provider's); the rest is the
//! input.

#![no_main]

mod common;

use cloudaudit_lint::Validator;
use cloudaudit_lint::source::{locate, parse};
use cloudaudit_lint::terraform::{check_plan, is_plan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&options, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let mut validator = Validator::new();
    if options & 1 != 0 {
        validator = validator.with_region("ap-guangzhou");
    }
    let parsed = parse(text);
    let report = match check_plan(&validator, text) {
        Err(error) => {
            assert_eq!(parsed.err(), Some(error), "the plan reader and the parser disagree");
            return;
        }
        Ok(None) => {
            let root = parsed.expect("the plan reader read text the parser refuses");
            assert!(!is_plan(&root), "a plan was not checked");
            return;
        }
        Ok(Some(report)) => report,
    };
    let root = parsed.expect("the plan reader read text the parser refuses");
    assert!(is_plan(&root));
    assert!(report.omitted_errors <= report.omitted);
    for d in &report.diagnostics {
        common::check_message(d);
        if let Some(location) = d.location {
            let span = location.span;
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{span:?} outside the text"
            );
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert_eq!(location.start, locate(text, span.start), "{:?}", d.rule());
            assert_eq!(location.end, locate(text, span.end), "{:?}", d.rule());
        }
    }
    common::render(
        &report
            .diagnostics
            .iter()
            .map(|d| d.violation.clone())
            .collect::<Vec<_>>(),
    );
    // The same plan checked twice gives the same report.
    assert_eq!(check_plan(&validator, text).ok().flatten(), Some(report));
});

//! The `.tf` source reader, `terraform::source::check_module`, on arbitrary text split into a
//! module of two files: never a panic, every diagnostic renders and is located inside its own
//! file's text, at the line and column the text has there, and the same module checked twice
//! gives the same reports.
//!
//! The first byte chooses the options (bit 0: the caller's region; bit 1: the second file is
//! checked too) and, with the second byte, where the text is cut into two files.

#![no_main]

mod common;

use cloudaudit_lint::source::locate;
use cloudaudit_lint::terraform::source::{SourceFile, check_module};
use cloudaudit_lint::{Locale, Validator};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [options, cut, bytes @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let mut validator = Validator::new();
    if options & 1 != 0 {
        validator = validator.with_region("ap-guangzhou");
    }
    let cut = (usize::from(*cut) * text.len() / 255).min(text.len());
    let cut = (0..=cut).rev().find(|&at| text.is_char_boundary(at)).unwrap_or(0);
    let (first, second) = text.split_at(cut);
    let files = [
        SourceFile { text: first, validator: &validator, checked: true },
        SourceFile { text: second, validator: &validator, checked: options & 2 != 0 },
    ];
    let reports = check_module(&files);
    assert_eq!(reports.len(), files.len());
    for (file, report) in files.iter().zip(&reports) {
        let text = file.text;
        assert!(report.omitted_errors <= report.omitted);
        for d in &report.diagnostics {
            for locale in [Locale::En, Locale::ZhCn] {
                assert!(!d.message(locale).is_empty());
                let _ = d.help(locale);
            }
            assert!(d.path.is_empty() || d.path.starts_with('/'), "{:?} is no pointer", d.path);
            let location = d.location.expect("every diagnostic of a .tf file is located");
            let span = location.span;
            assert!(span.start <= span.end && span.end <= text.len(), "{span:?} outside the text");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert_eq!(location.start, locate(text, span.start), "{:?}", d.rule());
            assert_eq!(location.end, locate(text, span.end), "{:?}", d.rule());
        }
        common::render(&report.diagnostics.iter().map(|d| d.violation.clone()).collect::<Vec<_>>());
    }
    assert_eq!(check_module(&files), reports);
});

//! Helpers shared by the integration tests: a request builder whose text layout the tables'
//! line and column numbers refer to, and a comparable view of diagnostics.
//!
//! [`Request::valid`] renders as below; a member set with [`Request::set`] keeps its line, a new
//! one goes last (top level: line 13; in `Storage`: line 12). Values start at column
//! `key.len() + 7` at the top level and `key.len() + 9` inside `Storage`; keys at column 3 and 5.
//!
//! ```text
//!  1 {
//!  2   "Name": "audit",
//!  3   "ActionType": "Read",
//!  4   "ResourceType": "cos",
//!  5   "Status": 1,
//!  6   "EventNames": ["PutObject", "GetObject"],
//!  7   "Storage": {
//!  8     "StorageType": "cos",
//!  9     "StorageRegion": "ap-guangzhou",
//! 10     "StorageName": "audit-cos",
//! 11     "StoragePrefix": "logs"
//! 12   }
//! 13 }
//! ```

#![allow(dead_code)] // each test crate uses a different part

#[cfg(feature = "cli")]
pub mod process;

use cloudaudit_lint::facts::TrackAction;
use cloudaudit_lint::{Config, Diagnostic, Locale, Report, RuleId, Severity, Validator};

/// The region the tables pass as the caller's region unless a case says otherwise.
pub const REGION: &str = "ap-guangzhou";

/// A member's value: raw JSON text, or the `Storage` object laid out one field per line.
#[derive(Debug, Clone)]
enum Value {
    Raw(String),
    Fields(Vec<(String, String)>),
}

/// A request written in the fixed layout above; values are raw JSON text.
#[derive(Debug, Clone)]
pub struct Request {
    members: Vec<(String, Value)>,
}

impl Request {
    /// The valid request of the layout above.
    pub fn valid() -> Self {
        let raw = |k: &str, v: &str| (k.to_owned(), Value::Raw(v.to_owned()));
        let field = |k: &str, v: &str| (k.to_owned(), v.to_owned());
        Self {
            members: vec![
                raw("Name", r#""audit""#),
                raw("ActionType", r#""Read""#),
                raw("ResourceType", r#""cos""#),
                raw("Status", "1"),
                raw("EventNames", r#"["PutObject", "GetObject"]"#),
                (
                    "Storage".to_owned(),
                    Value::Fields(vec![
                        field("StorageType", r#""cos""#),
                        field("StorageRegion", r#""ap-guangzhou""#),
                        field("StorageName", r#""audit-cos""#),
                        field("StoragePrefix", r#""logs""#),
                    ]),
                ),
            ],
        }
    }

    /// Replaces the value of `key` in place, or appends the member.
    pub fn set(mut self, key: &str, raw: &str) -> Self {
        match self.members.iter_mut().find(|(k, _)| k == key) {
            Some((_, value)) => *value = Value::Raw(raw.to_owned()),
            None => self
                .members
                .push((key.to_owned(), Value::Raw(raw.to_owned()))),
        }
        self
    }

    /// Appends a member even when the key is already there (a duplicate key).
    pub fn push(mut self, key: &str, raw: &str) -> Self {
        self.members
            .push((key.to_owned(), Value::Raw(raw.to_owned())));
        self
    }

    /// Removes every member named `key`.
    pub fn remove(mut self, key: &str) -> Self {
        self.members.retain(|(k, _)| k != key);
        self
    }

    fn storage_fields(&mut self) -> &mut Vec<(String, String)> {
        match self.members.iter_mut().find(|(k, _)| k == "Storage") {
            Some((_, Value::Fields(fields))) => fields,
            _ => panic!("the request has no Storage object laid out by field"),
        }
    }

    /// Replaces a `Storage` field in place, or appends it.
    pub fn storage(mut self, key: &str, raw: &str) -> Self {
        let fields = self.storage_fields();
        match fields.iter_mut().find(|(k, _)| k == key) {
            Some((_, value)) => *value = raw.to_owned(),
            None => fields.push((key.to_owned(), raw.to_owned())),
        }
        self
    }

    /// Appends a `Storage` field even when it is already there.
    pub fn push_storage(mut self, key: &str, raw: &str) -> Self {
        self.storage_fields().push((key.to_owned(), raw.to_owned()));
        self
    }

    /// Removes a `Storage` field.
    pub fn remove_storage(mut self, key: &str) -> Self {
        self.storage_fields().retain(|(k, _)| k != key);
        self
    }

    /// The request as CLS storage with a valid topic ID.
    pub fn cls() -> Self {
        Self::valid()
            .storage("StorageType", r#""cls""#)
            .storage("StorageName", r#""b7f3c1d2-topic""#)
    }

    /// The JSON text in the layout above.
    pub fn text(&self) -> String {
        let mut out = String::from("{\n");
        for (index, (key, value)) in self.members.iter().enumerate() {
            let comma = if index + 1 < self.members.len() {
                ","
            } else {
                ""
            };
            match value {
                Value::Raw(raw) => out.push_str(&format!("  \"{key}\": {raw}{comma}\n")),
                Value::Fields(fields) => {
                    out.push_str(&format!("  \"{key}\": {{\n"));
                    for (i, (k, v)) in fields.iter().enumerate() {
                        let c = if i + 1 < fields.len() { "," } else { "" };
                        out.push_str(&format!("    \"{k}\": {v}{c}\n"));
                    }
                    out.push_str(&format!("  }}{comma}\n"));
                }
            }
        }
        out.push('}');
        out
    }
}

/// What a table expects of one diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// Rule id as text.
    pub rule: String,
    /// Severity.
    pub severity: Severity,
    /// JSON Pointer.
    pub path: String,
    /// API error code as the server writes it.
    pub code: Option<String>,
    /// 1-based line and column (characters) of the start, when located.
    pub at: Option<(usize, usize)>,
}

impl Seen {
    /// The view of an actual diagnostic.
    pub fn of(d: &Diagnostic) -> Self {
        Self {
            rule: d.rule().as_str().to_owned(),
            severity: d.severity,
            path: d.path.clone(),
            code: d.api_error_code().map(|c| c.as_str().to_owned()),
            at: d.location.map(|l| (l.start.line, l.start.column)),
        }
    }
}

/// One expected diagnostic, with optional checks of its text.
#[derive(Debug, Clone)]
pub struct Expected {
    /// The comparable part.
    pub seen: Seen,
    /// Substrings its message must contain, per locale.
    pub message_contains: Vec<(Locale, String)>,
    /// Its exact help line in English, when checked (`Some(None)`: no help).
    pub help: Option<Option<String>>,
    /// Its exact help line in Chinese, when checked.
    pub help_zh: Option<Option<String>>,
}

fn expected(
    rule: &str,
    severity: Severity,
    path: &str,
    code: Option<&str>,
    at: Option<(usize, usize)>,
) -> Expected {
    Expected {
        seen: Seen {
            rule: rule.to_owned(),
            severity,
            path: path.to_owned(),
            code: code.map(str::to_owned),
            at,
        },
        message_contains: Vec::new(),
        help: None,
        help_zh: None,
    }
}

/// An expected error.
pub fn error(
    rule: &str,
    path: &str,
    code: impl Into<Option<&'static str>>,
    at: impl Into<Option<(usize, usize)>>,
) -> Expected {
    expected(rule, Severity::Error, path, code.into(), at.into())
}

/// An expected warning.
pub fn warning(
    rule: &str,
    path: &str,
    code: impl Into<Option<&'static str>>,
    at: impl Into<Option<(usize, usize)>>,
) -> Expected {
    expected(rule, Severity::Warning, path, code.into(), at.into())
}

impl Expected {
    /// The English message must contain `text`.
    pub fn message(mut self, text: &str) -> Self {
        self.message_contains.push((Locale::En, text.to_owned()));
        self
    }

    /// The Chinese message must contain `text`.
    pub fn message_zh(mut self, text: &str) -> Self {
        self.message_contains.push((Locale::ZhCn, text.to_owned()));
        self
    }

    /// The English help line must be exactly `text`.
    pub fn help(mut self, text: &str) -> Self {
        self.help = Some(Some(text.to_owned()));
        self
    }

    /// There must be no help line.
    pub fn no_help(mut self) -> Self {
        self.help = Some(None);
        self
    }

    /// The Chinese help line must be exactly `text`.
    pub fn help_zh(mut self, text: &str) -> Self {
        self.help_zh = Some(Some(text.to_owned()));
        self
    }
}

/// One row of a table: a text, the caller's region, and every diagnostic it must produce, in
/// order.
#[derive(Debug, Clone)]
pub struct Case {
    /// What the row is about, shown when it fails.
    pub name: String,
    /// The request text.
    pub text: String,
    /// The caller's region (`--region`).
    pub region: Option<String>,
    /// The action chosen by the caller (`--action`); `None`: the document's `Action` decides.
    pub action: Option<TrackAction>,
    /// A team configuration (rule levels, policies), when the row is about one.
    pub config: Option<Config>,
    /// Whether the advisory product catalogue is on (off unless the row is about it).
    pub catalog: bool,
    /// Every diagnostic, in report order; empty for a passing case.
    pub expected: Vec<Expected>,
    /// Whether the text is a Terraform `.tf` file, checked as a source rather than a request.
    pub hcl: bool,
}

/// A row for `request` with the default caller region.
pub fn case(name: impl Into<String>, request: Request) -> Case {
    text_case(name, request.text())
}

/// A row for raw text with the default caller region.
pub fn text_case(name: impl Into<String>, text: impl Into<String>) -> Case {
    Case {
        name: name.into(),
        text: text.into(),
        region: Some(REGION.to_owned()),
        action: None,
        config: None,
        catalog: false,
        expected: Vec::new(),
        hcl: false,
    }
}

impl Case {
    /// Sets the caller's region (`None`: the document's `Region` is used).
    pub fn region(mut self, region: Option<&str>) -> Self {
        self.region = region.map(str::to_owned);
        self
    }

    /// Checks the text as a Terraform `.tf` file.
    pub fn hcl(mut self) -> Self {
        self.hcl = true;
        self
    }

    /// Validates with the built-in product catalogue on.
    pub fn catalog(mut self) -> Self {
        self.catalog = true;
        self
    }

    /// Validates as `action` whatever the document says.
    pub fn action(mut self, action: TrackAction) -> Self {
        self.action = Some(action);
        self
    }

    /// Validates with a team configuration given as its JSON form.
    pub fn config(mut self, config: serde_json::Value) -> Self {
        let parsed = Config::from_json(&config)
            .unwrap_or_else(|e| panic!("case {:?}: bad configuration {config}: {e}", self.name));
        self.config = Some(parsed);
        self
    }

    /// Adds the diagnostics it must produce, in order.
    pub fn expect(mut self, expected: impl IntoIterator<Item = Expected>) -> Self {
        self.expected.extend(expected);
        self
    }

    /// The validator for this row. The advisory catalogue is off unless the row turns it on:
    /// the tables are about the API's own rules.
    pub fn validator(&self) -> Validator {
        let mut validator = Validator::new().with_catalog(self.catalog.then(catalog));
        if let Some(config) = &self.config {
            validator = validator.with_config(config);
        }
        if let Some(region) = &self.region {
            validator = validator.with_region(region.clone());
        }
        if let Some(action) = self.action {
            validator = validator.with_action(action);
        }
        validator
    }

    /// The report of the text: as a request, or as a `.tf` source.
    pub fn report(&self) -> Report {
        if self.hcl {
            return cloudaudit_lint::terraform::source::check_source(&self.validator(), &self.text);
        }
        self.validator().validate_str(&self.text)
    }

    /// Validates the text; returns a description of every mismatch.
    pub fn failures(&self) -> Vec<String> {
        let report = self.report();
        let actual: Vec<Seen> = report.diagnostics.iter().map(Seen::of).collect();
        let wanted: Vec<Seen> = self.expected.iter().map(|e| e.seen.clone()).collect();
        let mut failures = Vec::new();
        if actual != wanted {
            failures.push(format!(
                "diagnostics differ\n  expected: {wanted:#?}\n  actual:   {}",
                describe(&report)
            ));
            return failures;
        }
        for (e, d) in self.expected.iter().zip(&report.diagnostics) {
            for (locale, text) in &e.message_contains {
                let message = d.message(*locale);
                if !message.contains(text.as_str()) {
                    failures.push(format!(
                        "{} message {message:?} lacks {text:?}",
                        e.seen.rule
                    ));
                }
            }
            for (locale, help) in [(Locale::En, &e.help), (Locale::ZhCn, &e.help_zh)] {
                if let Some(help) = help
                    && d.help(locale) != *help
                {
                    failures.push(format!(
                        "{} help in {} is {:?}, expected {help:?}",
                        e.seen.rule,
                        locale.tag(),
                        d.help(locale)
                    ));
                }
            }
        }
        failures
    }
}

/// Every diagnostic of a report, one per line, with its message.
pub fn describe(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        out.push_str(&format!(
            "\n    {:?} — {}",
            Seen::of(d),
            d.message(Locale::En)
        ));
    }
    if report.diagnostics.is_empty() {
        out.push_str("(none)");
    }
    out
}

/// Runs every row and fails with all mismatching rows at once.
pub fn run(cases: &[Case]) {
    let mut failed = Vec::new();
    for case in cases {
        let failures = case.failures();
        if !failures.is_empty() {
            failed.push(format!(
                "case {:?} (region {:?}, action {:?})\ntext:\n{}\n{}",
                case.name,
                case.region,
                case.action,
                case.text,
                failures.join("\n")
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n\n")
    );
}

/// The rule ids a set of rows expects.
pub fn rules_expected(cases: &[Case]) -> Vec<RuleId> {
    let mut rules: Vec<RuleId> = cases
        .iter()
        .flat_map(|c| &c.expected)
        .filter_map(|e| e.seen.rule.parse().ok())
        .collect();
    rules.sort();
    rules.dedup();
    rules
}

/// The catalogue's file, given explicitly, so that the tables hold with or without the
/// `catalog` feature.
pub fn catalog() -> &'static cloudaudit_lint::catalog::Catalog {
    static CATALOG: std::sync::OnceLock<cloudaudit_lint::catalog::Catalog> =
        std::sync::OnceLock::new();
    CATALOG.get_or_init(|| {
        cloudaudit_lint::catalog::Catalog::parse(include_str!("../../src/catalog/catalog.tsv"))
            .expect("the catalogue parses")
    })
}

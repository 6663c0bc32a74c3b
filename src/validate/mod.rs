//! Whole-request validation: from JSON text, from bytes, from a `serde_json::Value`, or from a
//! typed [`CreateAuditTrackRequest`](crate::CreateAuditTrackRequest).
//!
//! Every problem is reported, not the first: missing and unknown parameters, wrong JSON
//! types, duplicate keys, every value rule, and the rules that join fields. Text is read in
//! one pass by the [`source`] reader, which checks all of it and keeps positions and duplicate
//! keys, but the structure of a value only where a rule reads inside it; values carry neither
//! positions nor duplicates, so their diagnostics have no location. Each parameter's rules are
//! chosen once, by an exhaustive match on [`Param`], whatever the input. A [`Validator`] holds the [`Profile`], the caller's
//! region and the limit on diagnostics.
//!
//! ```
//! use cloudaudit_lint::{RuleId, Validator};
//! let report = Validator::new()
//!     .with_region("ap-guangzhou")
//!     .validate_str(r#"{"Name": "ab", "ActionType": "read", "ResourceType": "*", "Status": "1",
//!                       "EventNames": ["*"], "Storage": {"StorageType": "cos",
//!                       "StorageRegion": "ap-guangzhou", "StorageName": "logs", "StoragePrefix": "audit"}}"#);
//! let rules: Vec<RuleId> = report.diagnostics.iter().map(|d| d.rule()).collect();
//! assert_eq!(rules, [RuleId::NameLength, RuleId::ActionTypeValue, RuleId::ParameterType]);
//! ```

mod tree;
mod walk;

use crate::catalog::Catalog;
use crate::config::{Config, Policy, RuleLevels, Suppression};
use crate::diagnostic::{Diagnostic, Location, Report};
use crate::facts::TrackAction;
use crate::request::TrackRequest;
use crate::source::{self, Span};
use crate::{Param, Profile, RuleId, Severity, Violation};
use walk::{Budget, Finding, Findings, Walker};

/// The parameters whose own members or entries the walk reads (their containers are read for
/// syntax and duplicate keys only), from text and from values alike.
const KEPT: &[Param] = &[Param::Storage, Param::EventNames];
/// The parameters read entirely: `Filters`, whose entries hold their own lists.
const WHOLE: &[Param] = &[Param::Filters];

/// How many diagnostics a report holds before the rest are only counted.
pub const DEFAULT_MAX_DIAGNOSTICS: usize = 1000;

/// Validates requests against a [`Profile`], for a caller's region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validator {
    profile: Profile,
    region: Option<String>,
    /// Whether the `Region` rules find nothing in `region` under what else the validator holds
    /// (profile, policy, catalogue, action): asked again by every builder that changes one of
    /// them, not for every request. Without a fixed action they are asked for the default one,
    /// as no `Region` rule reads the action.
    region_clean: bool,
    action: Option<TrackAction>,
    max_diagnostics: usize,
    /// The configured rule levels (a rule not configured reports at its default severity).
    levels: RuleLevels,
    policy: Policy,
    suppressions: Vec<Suppression>,
    catalog: Option<&'static Catalog>,
}

impl Default for Validator {
    fn default() -> Self {
        Self::new()
    }
}

impl Validator {
    /// A validator with the page's facts, no caller region, and the default limit.
    pub fn new() -> Self {
        Self {
            profile: Profile::default(),
            region: None,
            region_clean: true,
            action: None,
            max_diagnostics: DEFAULT_MAX_DIAGNOSTICS,
            levels: RuleLevels::default(),
            policy: Policy::default(),
            suppressions: Vec::new(),
            catalog: default_catalog(),
        }
    }

    /// Uses `profile` instead of the page's facts.
    pub fn with_profile(mut self, profile: Profile) -> Self {
        self.profile = profile;
        self.check_region()
    }

    /// The region the caller sends the request to (an SDK client's region, `--region`). It
    /// wins over a `Region` key in the document, which then must agree with it.
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self.check_region()
    }

    /// Asks again whether the `Region` rules find nothing in the caller's region.
    fn check_region(mut self) -> Self {
        self.region_clean = self.region.as_deref().is_none_or(|region| {
            crate::rules::Rules {
                profile: &self.profile,
                policy: &self.policy,
                catalog: self.catalog,
                action: self.action.unwrap_or_default(),
            }
            .text(Param::Region, region)
            .is_empty()
        });
        self
    }

    /// Applies a team's configuration: its API facts, rule levels and policies, and the
    /// suppressions that name no files (those with files are for the CLI to pick per input,
    /// see [`Validator::with_suppressions`]).
    ///
    /// ```
    /// use cloudaudit_lint::{Config, RuleId, Severity, Validator};
    /// let config = Config::from_json(&serde_json::json!({
    ///     "rules": {"event-names-duplicate": "error"},
    ///     "policy": {"name": {"pattern": "^prod-", "message": "names start with prod-"}}
    /// })).unwrap();
    /// let report = Validator::new().with_config(&config).validate_parameter(
    ///     "Name", &serde_json::json!("dev-audit"), None);
    /// assert_eq!(report.diagnostics[0].rule(), RuleId::PolicyName);
    /// assert!(report.diagnostics[0].message(Default::default()).starts_with("names start with prod-"));
    /// ```
    pub fn with_config(mut self, config: &Config) -> Self {
        self.profile = config.api.clone();
        self.levels = config.rules;
        self.policy = config.policy.clone();
        self.suppressions = config
            .suppress
            .iter()
            .filter(|s| s.files.is_empty())
            .cloned()
            .collect();
        self.check_region()
    }

    /// Reports the rules of `suppressions` as suppressed, with their reason, instead of as
    /// problems: they stay in the report, and do not count as errors.
    pub fn with_suppressions(mut self, suppressions: Vec<Suppression>) -> Self {
        self.suppressions = suppressions;
        self
    }

    /// Uses `catalog` for the advisory product and API name warnings, or none. The built-in
    /// catalogue is the default when the `catalog` feature is on.
    pub fn with_catalog(mut self, catalog: Option<&'static Catalog>) -> Self {
        self.catalog = catalog;
        self.check_region()
    }

    /// Validates every request as `action`. Without this, a document's `Action` key chooses
    /// among the tracking-set APIs, and `CreateAuditTrack` is the default.
    ///
    /// ```
    /// use cloudaudit_lint::{facts::TrackAction, RuleId, Validator};
    /// let report = Validator::new()
    ///     .with_action(TrackAction::Delete)
    ///     .with_region("ap-guangzhou")
    ///     .validate_str(r#"{"TrackId": 0}"#);
    /// assert_eq!(report.diagnostics[0].rule(), RuleId::TrackIdValue);
    /// ```
    pub fn with_action(mut self, action: TrackAction) -> Self {
        self.action = Some(action);
        self.check_region()
    }

    /// Keeps at most `max` diagnostics in a report; the rest are counted in
    /// [`Report::omitted`].
    pub fn with_max_diagnostics(mut self, max: usize) -> Self {
        self.max_diagnostics = max;
        self
    }

    /// The caller's region, if one was given.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The profile in use.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Validates raw bytes: refuses UTF-16 and invalid UTF-8 with a located diagnostic, then
    /// validates the text.
    pub fn validate_bytes(&self, bytes: &[u8]) -> Report {
        match source::decode(bytes) {
            Ok(text) => self.validate_str(text),
            Err(error) => self.syntax_report(&String::from_utf8_lossy(bytes), error),
        }
    }

    /// A walk with this validator's facts, policy, catalogue, region and action.
    fn walker(&self) -> Walker<'_> {
        Walker::new(
            &self.profile,
            &self.policy,
            self.catalog,
            self.region.as_deref().map(|region| walk::CallerRegion {
                region,
                clean: self.region_clean,
            }),
            self.action,
            Budget::new(self),
        )
    }

    /// Validates JSON text; diagnostics carry their location in `text`.
    pub fn validate_str(&self, text: &str) -> Report {
        // The read request lives in the arena, and is gone before the report is built (a long
        // list read is not held beside its diagnostics).
        let findings = source::with_arena(|arena| {
            source::read_request(text, KEPT, WHOLE, arena).map(|root| self.walk_text(text, &root))
        });
        match findings {
            Ok(findings) => self.report(Some(text), findings),
            Err(error) => self.syntax_report(text, error),
        }
    }

    /// What the walk finds in `root`, read from `text`.
    fn walk_text(&self, text: &str, root: &source::Shallow<'_>) -> Findings {
        let mut walker = self.walker();
        if text.starts_with('\u{FEFF}') {
            let bom = Span {
                start: 0,
                end: '\u{FEFF}'.len_utf8(),
            };
            walker.push(Violation::ByteOrderMark, String::new(), Some(bom));
        }
        walker.request(root);
        walker.finish()
    }

    /// Validates a parsed value; diagnostics have no location.
    pub fn validate_value(&self, value: &serde_json::Value) -> Report {
        let findings = source::with_arena(|arena| {
            let root = source::read_value(value, KEPT, WHOLE, arena);
            let mut walker = self.walker();
            walker.request(&root);
            walker.finish()
        });
        self.report(None, findings)
    }

    /// Validates a typed request as its own action. Its types rule out type errors; every
    /// value rule applies.
    pub fn validate_request<R: TrackRequest>(&self, request: &R) -> Report {
        let value = request.to_value();
        // This validator already validates as the request's action when it was given that
        // action, or none and the request is of the default one (a typed request's value has
        // no `Action` to choose another): then no clone of the profile is needed.
        let same_action = match self.action {
            Some(action) => action == R::ACTION,
            None => R::ACTION == TrackAction::default() && value.get("Action").is_none(),
        };
        if same_action {
            return self.validate_value(&value);
        }
        self.clone().with_action(R::ACTION).validate_value(&value)
    }

    /// Validates one parameter's value exactly as whole-request validation would, for forms
    /// that check a field at a time: type errors included, paths as in a request
    /// (`/Storage/StorageName`). `resource_type` is the form's `ResourceType`, which the
    /// `EventNames` rules depend on.
    ///
    /// ```
    /// use cloudaudit_lint::{RuleId, Validator};
    /// use serde_json::json;
    /// let validator = Validator::new();
    /// let report = validator.validate_parameter("Status", &json!("1"), None);
    /// assert_eq!(report.diagnostics[0].rule(), RuleId::ParameterType);
    /// let report = validator.validate_parameter("EventNames", &json!(["A", "B"]), Some("*"));
    /// assert_eq!(report.diagnostics[0].rule(), RuleId::EventNamesWildcard);
    /// ```
    pub fn validate_parameter(
        &self,
        name: &str,
        value: &serde_json::Value,
        resource_type: Option<&str>,
    ) -> Report {
        let param = Param::from_name(name);
        let findings = source::with_arena(|arena| {
            let value = source::read_member_value(param, value, KEPT, WHOLE, arena);
            let mut walker = self.walker();
            walker.parameter(name, param, value, resource_type);
            walker.finish()
        });
        self.report(None, findings)
    }

    /// Wraps violations a rule function returned for the value at `path` into a report, with
    /// the severities this validator uses. Lets a caller run one rule function (the cheapest
    /// check, for every keystroke) and still get diagnostics.
    pub fn report_violations(&self, path: &str, violations: Vec<Violation>) -> Report {
        let findings = violations
            .into_iter()
            .map(|violation| Finding {
                violation,
                path: path.to_owned(),
                span: None,
            })
            .collect();
        self.report(
            None,
            Findings {
                kept: findings,
                omitted: 0,
                omitted_errors: 0,
            },
        )
    }

    /// The report of `text` refused with `error`: the syntax error, and the caller's region
    /// if it is wrong.
    pub(crate) fn syntax_report(&self, text: &str, error: source::SyntaxError) -> Report {
        let end = text
            .get(error.offset..)
            .and_then(|rest| rest.chars().next())
            .map_or(error.offset, |c| error.offset + c.len_utf8());
        let mut walker = self.walker();
        let span = Span {
            start: error.offset,
            end,
        };
        walker.push(Violation::Syntax(error.kind), String::new(), Some(span));
        // The caller's region is wrong whatever the text holds.
        walker.caller_region();
        self.report(Some(text), walker.finish())
    }

    /// The severity `rule` reports at, or `None` when it is turned off.
    fn severity(&self, rule: RuleId) -> Option<Severity> {
        match self.levels.get(rule) {
            Some(level) => level.severity(),
            None => Some(rule.default_severity()),
        }
    }

    fn suppression(&self, rule: RuleId) -> Option<String> {
        self.suppressions
            .iter()
            .find(|s| s.rules.contains(&rule))
            .map(|s| s.reason.clone())
    }

    /// Drops rules turned off, applies the limit, then computes every position in one sweep
    /// over the text.
    fn report(&self, text: Option<&str>, findings: Findings) -> Report {
        let Findings {
            kept: mut findings,
            omitted: omitted_before,
            omitted_errors: omitted_errors_before,
        } = findings;
        if findings.is_empty() {
            return Report {
                diagnostics: Vec::new(),
                omitted: omitted_before,
                omitted_errors: omitted_errors_before,
            };
        }
        // In place: a request with a great many findings holds one list of them, not three.
        findings.retain(|f| self.severity(f.violation.rule()).is_some());
        let kept = findings.len().min(self.max_diagnostics);
        let dropped = findings.get(kept..).unwrap_or_default();
        let omitted = dropped.len();
        let omitted_errors = dropped
            .iter()
            .filter(|f| {
                let rule = f.violation.rule();
                self.severity(rule) == Some(Severity::Error) && self.suppression(rule).is_none()
            })
            .count();
        findings.truncate(kept);
        // Every position in one sweep over the text, handed out in the findings' order.
        let mut locator =
            text.map(|text| source::Locator::new(text, findings.iter().filter_map(|f| f.span)));
        // Every finding left is kept (those turned off went above): room for all at once.
        let mut diagnostics = Vec::with_capacity(findings.len());
        diagnostics.extend(findings.into_iter().filter_map(|finding| {
            let location = finding.span.and_then(|span| {
                let (start, end) = locator.as_mut()?.locate(span)?;
                Some(Location { span, start, end })
            });
            Some(Diagnostic {
                severity: self.severity(finding.violation.rule())?,
                suppressed: self.suppression(finding.violation.rule()),
                within: None,
                violation: finding.violation,
                path: finding.path,
                location,
            })
        }));
        Report {
            diagnostics,
            omitted: omitted + omitted_before,
            omitted_errors: omitted_errors + omitted_errors_before,
        }
    }
}

#[cfg(feature = "catalog")]
fn default_catalog() -> Option<&'static Catalog> {
    Some(Catalog::builtin())
}

#[cfg(not(feature = "catalog"))]
fn default_catalog() -> Option<&'static Catalog> {
    None
}

/// Validates JSON text with the page's facts; `region` is the caller's region, if any.
///
/// ```
/// let report = cloudaudit_lint::validate_str("[]", None);
/// assert_eq!(report.diagnostics[0].rule().as_str(), "request-not-object");
/// ```
pub fn validate_str(text: &str, region: Option<&str>) -> Report {
    validator_for(region).validate_str(text)
}

/// Validates a parsed value with the page's facts; `region` is the caller's region, if any.
pub fn validate_value(value: &serde_json::Value, region: Option<&str>) -> Report {
    validator_for(region).validate_value(value)
}

fn validator_for(region: Option<&str>) -> Validator {
    match region {
        Some(region) => Validator::new().with_region(region),
        None => Validator::new(),
    }
}

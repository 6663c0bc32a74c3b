//! A team's configuration: rule levels, overrides of the API facts, team policies and
//! per-file suppressions.
//!
//! The same structure comes as a TOML file (`cloudaudit-lint.toml`, found by walking up from
//! the input, or given with `--config`) or as a JSON value (the Rust API and the npm package):
//!
//! ```toml
//! [rules]                       # turn any rule off, or change its severity
//! event-names-cap-other = "error"
//! storage-region-unknown = "off"
//!
//! [api]                         # overrides of the API facts, for when Tencent changes them
//! regions = ["ap-guangzhou", "ap-shanghai"]
//! event-names-cap = 20
//!
//! [policy.name]                 # team policies, each with its own rule id and message
//! pattern = "^prod-[a-z0-9-]+$"
//! message = "tracking sets are named prod-<team>"
//!
//! [policy.storage-type]
//! allowed = ["cos"]
//!
//! [policy.status]
//! required = 1
//!
//! [[suppress]]                  # silence rules for some files, reported as suppressed
//! files = ["legacy/*.json"]
//! rules = ["event-names-duplicate"]
//! reason = "legacy requests, cleaned up in Q3"
//!
//! [files]                       # which files a folder given as input yields
//! include = ["requests/**/*.json"]
//! exclude = ["requests/drafts/**"]
//! ```
//!
//! Every problem in a configuration is reported, located, with did-you-mean for unknown keys.
//!
//! ```
//! use cloudaudit_lint::config::Config;
//! let errors = Config::from_json(&serde_json::json!({"rule": {}})).unwrap_err();
//! assert_eq!(errors.errors[0].message, r#"unknown key "rule"; did you mean "rules"?"#);
//! ```

pub mod pattern;
mod tree;

use serde::{Deserialize, Serialize};

use crate::rules::suggest::closest;
use crate::source::Span;
use crate::{Profile, RuleId, Severity};
use pattern::Pattern;
use tree::{Node, Value};

/// The configuration file's name, looked for in the input's folder and its parents.
pub const FILE_NAME: &str = "cloudaudit-lint.toml";

/// How a rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not reported.
    Off,
    /// Reported as a warning.
    Warning,
    /// Reported as an error.
    Error,
}

/// Rule levels that differ from the defaults, at most one per rule (a rule set twice keeps the
/// later level). Each is found by the rule's place in [`RuleId::ALL`]: no map to search, nor a
/// map's code in the WebAssembly module.
///
/// ```
/// use cloudaudit_lint::RuleId;
/// use cloudaudit_lint::config::{Level, RuleLevels};
/// let mut levels = RuleLevels::default();
/// levels.set(RuleId::NameLength, Level::Warning);
/// levels.set(RuleId::NameLength, Level::Off);
/// assert_eq!(levels.get(RuleId::NameLength), Some(Level::Off));
/// assert_eq!(levels.get(RuleId::NameCharset), None);
/// assert_eq!(levels.iter().collect::<Vec<_>>(), [(RuleId::NameLength, Level::Off)]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleLevels([Option<Level>; RuleId::ALL.len()]);

impl Default for RuleLevels {
    fn default() -> Self {
        Self([None; RuleId::ALL.len()])
    }
}

impl RuleLevels {
    /// The level configured for `rule`, if one is.
    pub fn get(&self, rule: RuleId) -> Option<Level> {
        self.0.get(rule as usize).copied().flatten()
    }

    /// Configures `rule` at `level`, in place of any level set before.
    pub fn set(&mut self, rule: RuleId, level: Level) {
        if let Some(slot) = self.0.get_mut(rule as usize) {
            *slot = Some(level);
        }
    }

    /// The configured rules and their levels, in the order of [`RuleId::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (RuleId, Level)> + '_ {
        RuleId::ALL
            .iter()
            .zip(&self.0)
            .filter_map(|(&rule, level)| Some((rule, (*level)?)))
    }

    /// Whether no rule is configured.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
}

impl Level {
    /// The severity reported at this level, or `None` when off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Self::Off => None,
            Self::Warning => Some(Severity::Warning),
            Self::Error => Some(Severity::Error),
        }
    }
}

/// A pattern a value must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternPolicy {
    /// The pattern.
    pub pattern: Pattern,
    /// The team's own message, shown instead of the default one.
    pub message: Option<String>,
}

/// Values a field may take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedPolicy {
    /// The allowed values.
    pub allowed: Vec<String>,
    /// The team's own message.
    pub message: Option<String>,
}

/// The value a field must have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredPolicy {
    /// The required value.
    pub required: i64,
    /// The team's own message.
    pub message: Option<String>,
}

/// A team's conventions, each checked by its own rule
/// ([`rules::policy`](crate::rules::policy)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// `policy-name`: a pattern `Name` must match.
    pub name: Option<PatternPolicy>,
    /// `policy-storage-type`: the storage types allowed.
    pub storage_type: Option<AllowedPolicy>,
    /// `policy-storage-region`: the storage regions allowed.
    pub storage_region: Option<AllowedPolicy>,
    /// `policy-status`: the `Status` required.
    pub status: Option<RequiredPolicy>,
    /// `policy-track-for-all-members`: the `TrackForAllMembers` required.
    pub track_for_all_members: Option<RequiredPolicy>,
    /// `policy-storage-prefix`: a pattern `StoragePrefix` must match.
    pub storage_prefix: Option<PatternPolicy>,
}

/// Rules silenced for some files, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// Glob patterns of the files it applies to, relative to the configuration file; empty
    /// means every input (as for requests validated through the API).
    pub files: Vec<String>,
    /// The rules silenced.
    pub rules: Vec<RuleId>,
    /// Why, shown with every suppressed diagnostic.
    pub reason: String,
}

/// Which files of a folder named as an input are checked: globs relative to the configuration
/// file, matched as [`file_glob`] matches. Files named as inputs are always checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSelection {
    /// The files taken; empty means [`DEFAULT_INCLUDE`].
    pub include: Vec<String>,
    /// Files left out, though included.
    pub exclude: Vec<String>,
}

/// The files a folder yields when the configuration names none: every JSON file (requests and
/// Terraform plans from `terraform show -json`) and every Terraform `.tf` file.
pub const DEFAULT_INCLUDE: &[&str] = &["**/*.json", "**/*.tf"];

/// A whole configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// Rule levels that differ from the defaults.
    pub rules: RuleLevels,
    /// The API facts, the page's values overridden by the `[api]` section.
    pub api: Profile,
    /// Team policies.
    pub policy: Policy,
    /// Per-file suppressions.
    pub suppress: Vec<Suppression>,
    /// The files folders yield (`[files]`).
    pub files: FileSelection,
}

/// One problem in a configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// What is wrong, naming the key.
    pub message: String,
    /// Where, when the configuration came as text.
    pub span: Option<Span>,
}

/// How many problems of one configuration are listed; the rest are counted in one last entry.
pub const MAX_LISTED_ERRORS: usize = 100;

/// Every problem in a configuration, the first [`MAX_LISTED_ERRORS`] of them listed.
///
/// ```
/// use cloudaudit_lint::config::{Config, MAX_LISTED_ERRORS};
/// let keys: String = (0..150).map(|i| format!("not-a-rule-{i} = \"off\"\n")).collect();
/// let text = format!("[rules]\n{keys}");
/// let errors = Config::from_toml(&text).unwrap_err();
/// assert_eq!(errors.omitted, 50);
/// assert_eq!(errors.errors.len(), MAX_LISTED_ERRORS + 1);
/// assert_eq!(errors.errors[MAX_LISTED_ERRORS].message, "50 more problems not listed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; "))]
pub struct ConfigErrors {
    /// The problems, in document order: at most [`MAX_LISTED_ERRORS`], then, when there are
    /// more, one last entry without a span that counts them.
    pub errors: Vec<ConfigError>,
    /// How many problems were left out of the list.
    pub omitted: usize,
}

impl ConfigErrors {
    /// The first [`MAX_LISTED_ERRORS`] of `errors`, out of `found` problems, and a last
    /// entry counting the rest.
    fn listed(mut errors: Vec<ConfigError>, found: usize) -> Self {
        errors.truncate(MAX_LISTED_ERRORS);
        let omitted = found.saturating_sub(errors.len());
        if omitted > 0 {
            errors.push(ConfigError {
                message: format!("{omitted} more problems not listed"),
                span: None,
            });
        }
        Self { errors, omitted }
    }
}

/// The matcher of a `[[suppress]]` glob: `*` and `?` stay within one path component, `**`
/// crosses folders, as in `.gitignore` and eslint.
///
/// ```
/// use cloudaudit_lint::config::file_glob;
/// let one_level = file_glob("legacy/*.json").unwrap();
/// assert!(one_level.is_match("legacy/a.json"));
/// assert!(!one_level.is_match("legacy/deep/x.json"));
/// assert!(file_glob("legacy/**/*.json").unwrap().is_match("legacy/deep/x.json"));
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn file_glob(glob: &str) -> Result<globset::GlobMatcher, globset::Error> {
    globset::GlobBuilder::new(glob)
        .literal_separator(true)
        .build()
        .map(|g| g.compile_matcher())
}

impl Config {
    /// Reads a configuration from a JSON value (the npm package's `config` option).
    pub fn from_json(value: &serde_json::Value) -> Result<Self, ConfigErrors> {
        Reader::default().config(&Node::from_json(value))
    }

    /// Reads a configuration from JSON text, with the crate's own parser: the same structure
    /// as [`Config::from_json`] (the npm package's `config` option, which carries no
    /// `serde_json` parser). Problems have no span.
    ///
    /// ```
    /// use cloudaudit_lint::config::{Config, Level};
    /// use cloudaudit_lint::RuleId;
    /// let config = Config::from_json_text(r#"{"rules": {"name-length": "off"}}"#).unwrap();
    /// assert_eq!(config.rules.get(RuleId::NameLength), Some(Level::Off));
    /// let errors = Config::from_json_text(r#"{"api": {"name-mni": 3}}"#).unwrap_err();
    /// assert_eq!(errors.errors[0].message, r#"unknown key "name-mni"; did you mean "name-min"?"#);
    /// ```
    pub fn from_json_text(text: &str) -> Result<Self, ConfigErrors> {
        let root = crate::source::parse(text).map_err(|error| {
            let message = format!("not JSON: {error}");
            ConfigErrors::listed(
                vec![ConfigError {
                    message,
                    span: None,
                }],
                1,
            )
        })?;
        Reader::default().config(&Node::from_source(&root))
    }

    /// Reads a configuration from TOML text.
    ///
    /// ```
    /// use cloudaudit_lint::config::{Config, Level};
    /// use cloudaudit_lint::RuleId;
    /// let config = Config::from_toml("[rules]\nevent-names-cap-other = \"error\"\n").unwrap();
    /// assert_eq!(config.rules.get(RuleId::EventNamesCapOther), Some(Level::Error));
    /// let errors = Config::from_toml("[policy.name]\npattern = \"(\"\n").unwrap_err();
    /// assert_eq!(errors.errors[0].span.unwrap().start, 24); // the pattern's string
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_toml(text: &str) -> Result<Self, ConfigErrors> {
        let table = toml::de::DeTable::parse(text).map_err(|error| {
            let span = error
                .span()
                .map(|r| Span {
                    start: r.start,
                    end: r.end,
                })
                .or_else(|| tree::toml_text::longest_dotted_key(text));
            ConfigErrors::listed(
                vec![ConfigError {
                    message: error.message().trim_end().to_owned(),
                    span,
                }],
                1,
            )
        })?;
        Reader::default().config(&tree::toml_text::table(table.get_ref(), table.span()))
    }

    /// The configuration file that applies to `input`: `cloudaudit-lint.toml` in its folder
    /// or the nearest parent.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn discover(input: &std::path::Path) -> Option<std::path::PathBuf> {
        let start = std::path::absolute(input).ok()?;
        start
            .ancestors()
            .skip(1)
            .map(|dir| dir.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// The suppressions that apply to `file`, whose globs are relative to `config_dir`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn suppressions_for(
        &self,
        file: &std::path::Path,
        config_dir: &std::path::Path,
    ) -> Vec<Suppression> {
        let file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let relative = file.strip_prefix(config_dir).unwrap_or(&file);
        self.suppress
            .iter()
            .filter(|s| {
                s.files.is_empty()
                    || s.files
                        .iter()
                        .any(|glob| file_glob(glob).is_ok_and(|g| g.is_match(relative)))
            })
            .cloned()
            .collect()
    }

    /// Whether `file`, found in a folder named as an input, is checked: it matches an include
    /// glob and no exclude glob, both relative to `config_dir`.
    ///
    /// ```
    /// use cloudaudit_lint::config::Config;
    /// use std::path::Path;
    /// let config = Config::from_toml("[files]\nexclude = [\"drafts/**\"]\n").unwrap();
    /// let dir = Path::new("/repo");
    /// assert!(config.selects(Path::new("/repo/a/b.json"), dir));
    /// assert!(config.selects(Path::new("/repo/a/main.tf"), dir));
    /// assert!(!config.selects(Path::new("/repo/a/b.txt"), dir));
    /// assert!(!config.selects(Path::new("/repo/drafts/b.json"), dir));
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn selects(&self, file: &std::path::Path, config_dir: &std::path::Path) -> bool {
        let file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let relative = file.strip_prefix(config_dir).unwrap_or(&file);
        let matches = |glob: &str| file_glob(glob).is_ok_and(|g| g.is_match(relative));
        let included = if self.files.include.is_empty() {
            DEFAULT_INCLUDE.iter().any(|g| matches(g))
        } else {
            self.files.include.iter().any(|g| matches(g))
        };
        included && !self.files.exclude.iter().any(|g| matches(g))
    }

    /// The level of `rule`: configured, or its default severity.
    pub fn level(&self, rule: RuleId) -> Level {
        self.rules
            .get(rule)
            .unwrap_or(match rule.default_severity() {
                Severity::Error => Level::Error,
                Severity::Warning => Level::Warning,
            })
    }
}

const TOP_KEYS: &[&str] = &["rules", "api", "policy", "suppress", "files"];
const FILES_KEYS: &[&str] = &["include", "exclude"];
const API_KEYS: &[&str] = &[
    "regions",
    "storage-regions",
    "storage-types",
    "name-min",
    "name-max",
    "event-names-cap",
    "capped-products",
    "event-names-cap-other",
];
const POLICY_KEYS: &[&str] = &[
    "name",
    "storage-type",
    "storage-region",
    "status",
    "track-for-all-members",
    "storage-prefix",
];
const PATTERN_POLICY_KEYS: &[&str] = &["pattern", "message"];
const ALLOWED_POLICY_KEYS: &[&str] = &["allowed", "message"];
const REQUIRED_POLICY_KEYS: &[&str] = &["required", "message"];
const SUPPRESS_KEYS: &[&str] = &["files", "rules", "reason"];
const LEVELS: &[&str] = &["off", "warning", "error"];

/// A problem found while reading, its message not yet written: the did-you-mean of an
/// unknown name is only looked for when the problem is among those listed.
enum Problem {
    Written(String),
    /// A key that is not one of `known`.
    UnknownKey {
        key: String,
        known: Known,
    },
    /// A rule id that is not one.
    UnknownRule(String),
}

/// The names an unknown key is compared with.
#[derive(Clone, Copy)]
enum Known {
    Keys(&'static [&'static str]),
    RuleIds,
}

impl Problem {
    fn message(self) -> String {
        let rule_ids = || RuleId::ALL.iter().map(|r| r.as_str());
        match self {
            Self::Written(message) => message,
            Self::UnknownKey { key, known } => {
                let suggestion = match known {
                    Known::Keys(keys) => closest(&key, keys.iter().copied()),
                    Known::RuleIds => closest(&key, rule_ids()),
                };
                match suggestion {
                    Some(s) => format!("unknown key \"{key}\"; did you mean \"{s}\"?"),
                    None => format!("unknown key \"{key}\""),
                }
            }
            Self::UnknownRule(id) => match closest(&id, rule_ids()) {
                Some(s) => format!("unknown rule \"{id}\"; did you mean \"{s}\"?"),
                None => format!("unknown rule \"{id}\""),
            },
        }
    }
}

/// Reads a configuration tree, collecting every problem.
#[derive(Default)]
struct Reader {
    problems: Vec<(Option<Span>, Problem)>,
}

impl Reader {
    fn error(&mut self, span: Option<Span>, message: String) {
        self.problems.push((span, Problem::Written(message)));
    }

    fn config(mut self, root: &Node) -> Result<Config, ConfigErrors> {
        let mut config = Config::default();
        for (key, node) in self.table(root, "the configuration", TOP_KEYS) {
            match key {
                "rules" => config.rules = self.rules(node),
                "api" => config.api = self.api(node),
                "policy" => config.policy = self.policy(node),
                "files" => config.files = self.file_selection(node),
                _ => config.suppress = self.suppressions(node),
            }
        }
        if self.problems.is_empty() {
            return Ok(config);
        }
        // Text order for a file; a JSON value has no spans and keeps reading order.
        crate::order::sort_by_key(&mut self.problems, |(span, _)| span.map(|s| s.start));
        let found = self.problems.len();
        let errors = self
            .problems
            .into_iter()
            .take(MAX_LISTED_ERRORS)
            .map(|(span, problem)| ConfigError {
                message: problem.message(),
                span,
            })
            .collect();
        Err(ConfigErrors::listed(errors, found))
    }

    /// The members of a table whose keys are in `known`; others are reported.
    fn table<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        known: &'static [&'static str],
    ) -> Vec<(&'static str, &'n Node)> {
        let Value::Table(members) = &node.value else {
            let found = node.value.kind();
            self.error(node.span, format!("{what} must be a table, not {found}"));
            return Vec::new();
        };
        let mut accepted = Vec::new();
        for (key, span, value) in members {
            match known.iter().find(|k| **k == key) {
                Some(known_key) => accepted.push((*known_key, value)),
                None => self.unknown_key(*span, key, Known::Keys(known)),
            }
        }
        accepted
    }

    fn unknown_key(&mut self, span: Option<Span>, key: &str, known: Known) {
        let key = key.to_owned();
        self.problems
            .push((span, Problem::UnknownKey { key, known }));
    }

    fn string(&mut self, node: &Node, key: &str) -> Option<String> {
        match &node.value {
            Value::String(s) => Some(s.clone()),
            other => {
                let found = other.kind();
                self.error(
                    node.span,
                    format!("\"{key}\" must be a string, not {found}"),
                );
                None
            }
        }
    }

    fn integer(&mut self, node: &Node, key: &str) -> Option<i64> {
        match &node.value {
            Value::Integer(i) => Some(*i),
            other => {
                let found = other.kind();
                self.error(
                    node.span,
                    format!("\"{key}\" must be an integer, not {found}"),
                );
                None
            }
        }
    }

    fn count(&mut self, node: &Node, key: &str) -> Option<usize> {
        let value = self.integer(node, key)?;
        let count = usize::try_from(value).ok();
        if count.is_none() {
            self.error(
                node.span,
                format!("\"{key}\" must be 0 or more, not {value}"),
            );
        }
        count
    }

    fn strings(&mut self, node: &Node, key: &str) -> Option<Vec<String>> {
        let Value::Array(items) = &node.value else {
            let found = node.value.kind();
            self.error(
                node.span,
                format!("\"{key}\" must be an array of strings, not {found}"),
            );
            return None;
        };
        let strings: Vec<Option<String>> = items.iter().map(|i| self.string(i, key)).collect();
        strings.into_iter().collect()
    }

    fn rules(&mut self, node: &Node) -> RuleLevels {
        let mut levels = RuleLevels::default();
        let Value::Table(members) = &node.value else {
            let found = node.value.kind();
            self.error(node.span, format!("\"rules\" must be a table, not {found}"));
            return levels;
        };
        for (key, span, value) in members {
            let Ok(rule) = key.parse::<RuleId>() else {
                self.unknown_key(*span, key, Known::RuleIds);
                continue;
            };
            let Some(level) = self.string(value, key) else {
                continue;
            };
            match level.as_str() {
                "off" => levels.set(rule, Level::Off),
                "warning" => levels.set(rule, Level::Warning),
                "error" => levels.set(rule, Level::Error),
                other => {
                    let hint = closest(other, LEVELS.iter().copied())
                        .map(|s| format!("; did you mean \"{s}\"?"))
                        .unwrap_or_default();
                    self.error(
                        value.span,
                        format!("the level of \"{key}\" must be \"off\", \"warning\" or \"error\", not \"{other}\"{hint}"),
                    );
                }
            }
        }
        levels
    }

    fn api(&mut self, node: &Node) -> Profile {
        let mut profile = Profile::default();
        for (key, value) in self.table(node, "\"api\"", API_KEYS) {
            match key {
                "regions" => set(&mut profile.regions, self.strings(value, key)),
                "storage-regions" => set(&mut profile.storage_regions, self.strings(value, key)),
                "storage-types" => set(&mut profile.storage_types, self.strings(value, key)),
                "capped-products" => set(&mut profile.capped_products, self.strings(value, key)),
                "name-min" => set(&mut profile.name_min, self.count(value, key)),
                "name-max" => set(&mut profile.name_max, self.count(value, key)),
                "event-names-cap" => set(&mut profile.event_names_cap, self.count(value, key)),
                _ => set(&mut profile.event_names_cap_other, self.count(value, key)),
            }
        }
        if let Err(conflict) = profile.check() {
            self.error(
                node.span,
                conflict.message(crate::profile::FieldNames::KebabCase),
            );
        }
        profile
    }

    fn policy(&mut self, node: &Node) -> Policy {
        let mut policy = Policy::default();
        for (key, value) in self.table(node, "\"policy\"", POLICY_KEYS) {
            let what = format!("\"policy.{key}\"");
            match key {
                "name" => policy.name = self.pattern_policy(value, &what),
                "storage-prefix" => policy.storage_prefix = self.pattern_policy(value, &what),
                "storage-type" => policy.storage_type = self.allowed_policy(value, &what),
                "storage-region" => policy.storage_region = self.allowed_policy(value, &what),
                "status" => policy.status = self.required_policy(value, &what),
                _ => policy.track_for_all_members = self.required_policy(value, &what),
            }
        }
        policy
    }

    fn pattern_policy(&mut self, node: &Node, what: &str) -> Option<PatternPolicy> {
        let members = self.table(node, what, PATTERN_POLICY_KEYS);
        self.require(&members, node, what, "pattern");
        let (mut pattern, mut message) = (None, None);
        for (key, value) in members {
            match key {
                "pattern" => {
                    let source = self.string(value, key)?;
                    match Pattern::new(&source) {
                        Ok(compiled) => pattern = Some(compiled),
                        Err(error) => self.error(value.span, format!("{what}: {error}")),
                    }
                }
                _ => message = self.string(value, key),
            }
        }
        Some(PatternPolicy {
            pattern: pattern?,
            message,
        })
    }

    fn allowed_policy(&mut self, node: &Node, what: &str) -> Option<AllowedPolicy> {
        let members = self.table(node, what, ALLOWED_POLICY_KEYS);
        self.require(&members, node, what, "allowed");
        let (mut allowed, mut message) = (None, None);
        for (key, value) in members {
            match key {
                "allowed" => allowed = self.strings(value, key),
                _ => message = self.string(value, key),
            }
        }
        Some(AllowedPolicy {
            allowed: allowed?,
            message,
        })
    }

    fn required_policy(&mut self, node: &Node, what: &str) -> Option<RequiredPolicy> {
        let members = self.table(node, what, REQUIRED_POLICY_KEYS);
        self.require(&members, node, what, "required");
        let (mut required, mut message) = (None, None);
        for (key, value) in members {
            match key {
                "required" => required = self.integer(value, key),
                _ => message = self.string(value, key),
            }
        }
        Some(RequiredPolicy {
            required: required?,
            message,
        })
    }

    /// Reports a table that lacks the key `key` (a table of another type is reported already).
    fn require(&mut self, members: &[(&str, &Node)], node: &Node, what: &str, key: &str) {
        let present = members.iter().any(|(k, _)| *k == key);
        if !present && matches!(node.value, Value::Table(_)) {
            self.error(node.span, format!("{what} needs \"{key}\""));
        }
    }

    fn suppressions(&mut self, node: &Node) -> Vec<Suppression> {
        let Value::Array(entries) = &node.value else {
            let found = node.value.kind();
            self.error(
                node.span,
                format!("\"suppress\" must be an array of tables ([[suppress]]), not {found}"),
            );
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|entry| self.suppression(entry))
            .collect()
    }

    /// One `[[suppress]]` entry; every problem in it is reported, and an entry with any
    /// problem is dropped.
    fn suppression(&mut self, node: &Node) -> Option<Suppression> {
        let members = self.table(node, "a [[suppress]] entry", SUPPRESS_KEYS);
        self.require(&members, node, "a [[suppress]] entry", "rules");
        let (mut files, mut rules, mut reason) = (Some(Vec::new()), None, None);
        for (key, value) in members {
            match key {
                "files" => files = self.globs(value, key),
                "reason" => reason = self.string(value, key),
                _ => rules = self.rule_ids(value),
            }
        }
        let has_reason = reason.as_deref().is_some_and(|r| !r.trim().is_empty());
        // A reason of the wrong type is reported already.
        let reason_reported = !matches!(node.value, Value::Table(_))
            || members_have(node, "reason") && reason.is_none();
        if !has_reason && !reason_reported {
            self.error(
                node.span,
                "a [[suppress]] entry needs a \"reason\"".to_owned(),
            );
        }
        Some(Suppression {
            files: files?,
            rules: rules?,
            reason: reason.filter(|_| has_reason)?,
        })
    }

    /// The `[files]` table.
    fn file_selection(&mut self, node: &Node) -> FileSelection {
        let mut selection = FileSelection::default();
        for (key, value) in self.table(node, "\"files\"", FILES_KEYS) {
            let globs = self.globs(value, key).unwrap_or_default();
            match key {
                "include" => selection.include = globs,
                _ => selection.exclude = globs,
            }
        }
        selection
    }

    /// The globs of the array `key`; each one that does not compile is reported at its place.
    fn globs(&mut self, node: &Node, key: &str) -> Option<Vec<String>> {
        let globs = self.strings(node, key)?;
        #[cfg(not(target_arch = "wasm32"))]
        {
            let Value::Array(items) = &node.value else {
                return None;
            };
            let mut valid = true;
            for (glob, item) in globs.iter().zip(items) {
                if let Err(error) = file_glob(glob) {
                    self.error(item.span, format!("\"{key}\": {error}"));
                    valid = false;
                }
            }
            valid.then_some(globs)
        }
        #[cfg(target_arch = "wasm32")]
        Some(globs)
    }

    fn rule_ids(&mut self, node: &Node) -> Option<Vec<RuleId>> {
        let Value::Array(items) = &node.value else {
            let found = node.value.kind();
            self.error(
                node.span,
                format!("\"rules\" must be an array of rule ids, not {found}"),
            );
            return None;
        };
        let mut rules = Vec::new();
        let mut valid = true;
        for item in items {
            let Some(id) = self.string(item, "rules") else {
                valid = false;
                continue;
            };
            match id.parse::<RuleId>() {
                Ok(rule) => rules.push(rule),
                Err(_) => {
                    self.problems.push((item.span, Problem::UnknownRule(id)));
                    valid = false;
                }
            }
        }
        valid.then_some(rules)
    }
}

/// Whether the table `node` has the key `key`.
fn members_have(node: &Node, key: &str) -> bool {
    matches!(&node.value, Value::Table(members) if members.iter().any(|(k, ..)| k == key))
}

fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *slot = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn errors(value: serde_json::Value) -> Vec<String> {
        Config::from_json(&value)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| e.message)
            .collect()
    }

    #[test]
    fn a_full_configuration_reads() {
        let config = Config::from_json(&json!({
            "rules": {"event-names-cap-other": "error", "storage-region-unknown": "off"},
            "api": {"regions": ["ap-guangzhou", "ap-shanghai"], "event-names-cap": 20},
            "policy": {
                "name": {"pattern": "^prod-", "message": "prod only"},
                "storage-type": {"allowed": ["cos"]},
                "status": {"required": 1}
            },
            "suppress": [{"rules": ["event-names-duplicate"], "reason": "legacy"}]
        }))
        .unwrap();
        assert_eq!(config.level(RuleId::EventNamesCapOther), Level::Error);
        assert_eq!(config.level(RuleId::StorageRegionUnknown), Level::Off);
        assert_eq!(config.level(RuleId::NameCharset), Level::Error);
        assert!(config.api.is_supported_region("ap-shanghai"));
        assert_eq!(config.api.event_names_cap, 20);
        assert_eq!(config.api.name_max, 48);
        use crate::Param;
        use crate::rules::policy::{check_integer, check_text};
        assert!(check_text(&config.policy, Param::Name, "prod-audit").is_none());
        assert!(check_text(&config.policy, Param::Name, "dev-audit").is_some());
        assert!(check_text(&config.policy, Param::StorageType, "cls").is_some());
        assert!(check_integer(&config.policy, Param::Status, 0).is_some());
        assert_eq!(config.suppress[0].rules, [RuleId::EventNamesDuplicate]);
    }

    #[test]
    fn every_problem_is_reported_with_suggestions() {
        assert_eq!(
            errors(json!({
                "rules": {"event-name-cap": "error", "name-charset": "fatal"},
                "api": {"region": ["x"], "event-names-cap": -1},
                "policy": {"name": {"pattern": "("}, "stauts": {"required": 1}}
            })),
            // JSON objects arrive with their keys sorted.
            [
                r#"unknown key "region"; did you mean "regions"?"#,
                r#""event-names-cap" must be 0 or more, not -1"#,
                r#"unknown key "stauts"; did you mean "status"?"#,
                r#""policy.name": the pattern does not compile: regex parse error:
    (
    ^
error: unclosed group"#,
                r#"unknown key "event-name-cap"; did you mean "event-names-cap"?"#,
                r#"the level of "name-charset" must be "off", "warning" or "error", not "fatal""#,
            ]
        );
    }

    #[test]
    fn json_text_reads_as_the_json_value_does() {
        let configs = [
            json!({
                "rules": {"event-names-cap-other": "error", "name-length": "off"},
                "api": {"regions": ["ap-guangzhou"], "event-names-cap": 20, "name-max": 40},
                "policy": {"name": {"pattern": "^prod-", "message": "prod only"},
                           "track-for-all-members": {"required": 0}},
                "suppress": [{"rules": ["event-names-duplicate"], "reason": "legacy"}],
                "files": {"include": ["requests/**/*.json"]}
            }),
            json!({
                "rules": {"nme-length": "off", "name-charset": "fatal", "name-length": 1},
                "api": {"name-min": 1.5, "name-max": -2, "regions": [1, null, true]},
                "policy": {"status": {"required": "1"}, "name": {}},
                "suppress": [{"rules": ["no-such-rule"]}, 3],
                "unknown": {}
            }),
            json!([]),
        ];
        for value in configs {
            let from_text = Config::from_json_text(&value.to_string());
            match (Config::from_json(&value), from_text) {
                (Ok(want), Ok(got)) => assert_eq!(got, want),
                (Err(want), Err(got)) => {
                    // serde_json sorts an object's keys; the text keeps its order.
                    let sorted = |e: ConfigErrors| {
                        let mut m: Vec<String> = e.errors.into_iter().map(|e| e.message).collect();
                        m.sort();
                        m
                    };
                    assert_eq!(sorted(got), sorted(want), "{value}");
                }
                (want, got) => panic!("{value}: {want:?} but {got:?}"),
            }
        }
        let not_json = Config::from_json_text("{").unwrap_err();
        assert!(not_json.errors[0].message.starts_with("not JSON: "));
    }

    #[test]
    fn suppressions_need_rules_and_a_reason() {
        assert_eq!(
            errors(
                json!({"suppress": [{"files": ["*.json"], "rules": ["no-such-rule"], "reason": "x"}]})
            ),
            [r#"unknown rule "no-such-rule""#]
        );
        assert_eq!(
            errors(json!({"suppress": [{"rules": ["name-charset"]}]})),
            [r#"a [[suppress]] entry needs a "reason""#]
        );
    }

    #[test]
    fn file_selection_reads_and_reports_its_problems() {
        let config =
            Config::from_json(&json!({"files": {"include": ["a/**"], "exclude": ["a/b/**"]}}))
                .unwrap();
        assert_eq!(config.files.include, ["a/**"]);
        assert_eq!(config.files.exclude, ["a/b/**"]);
        assert_eq!(
            errors(json!({"files": {"includes": ["x"], "exclude": "y"}})),
            [
                r#"unknown key "includes"; did you mean "include"?"#,
                r#""exclude" must be an array of strings, not a string"#,
            ]
        );
    }

    #[test]
    fn toml_errors_are_located() {
        let text = "[rules]\nname-charsett = \"off\"\n";
        let errors = Config::from_toml(text).unwrap_err().errors;
        let span = errors[0].span.unwrap();
        assert_eq!(&text[span.start..span.end], "name-charsett");
        assert_eq!(
            errors[0].message,
            r#"unknown key "name-charsett"; did you mean "name-charset"?"#
        );
        let syntax = Config::from_toml("[rules\n").unwrap_err().errors;
        assert!(syntax[0].span.is_some());
    }

    #[test]
    fn suppressions_match_files_relative_to_the_configuration() {
        let config = Config::from_toml(
            "[[suppress]]\nfiles = [\"legacy/*.json\"]\nrules = [\"name-charset\"]\nreason = \"old\"\n",
        )
        .unwrap();
        let dir = std::path::Path::new("/repo");
        assert_eq!(
            config
                .suppressions_for(std::path::Path::new("/repo/legacy/a.json"), dir)
                .len(),
            1
        );
        assert!(
            config
                .suppressions_for(std::path::Path::new("/repo/new/a.json"), dir)
                .is_empty()
        );
    }
}

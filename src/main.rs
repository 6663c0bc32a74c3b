//! The `cloudaudit-lint` command-line program: read requests, validate them, report.
//!
//! Exit status: 0 when no input has an error (warnings allowed), 1 when some input has an
//! error (unparseable JSON included), 2 for a usage error or an input that cannot be read.

use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use cloudaudit_lint::facts::TrackAction;
use cloudaudit_lint::fix::Change;
use cloudaudit_lint::report::{FileOutcome, Outcome, human, json, sarif};
use cloudaudit_lint::source::locate;
use cloudaudit_lint::{Config, Locale, Report, RuleId, Validator, rule_doc};

/// Validate Tencent Cloud CloudAudit CreateAuditTrack requests before they are sent.
#[derive(Debug, Parser)]
#[command(name = "cloudaudit-lint", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate request files (JSON); `-` reads standard input.
    Check(CheckArgs),
    /// List every rule (id, default severity, description), or print one rule's page.
    Rules(RulesArgs),
    /// Print a JSON Schema (draft 2020-12) of the request, generated from the rules' facts.
    Schema,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// The region the request is sent to; wins over a "Region" key in the document.
    #[arg(long, value_name = "REGION")]
    region: Option<String>,
    /// The tracking-set API the requests are for; by default a document's "Action" key
    /// chooses, and CreateAuditTrack is assumed without one.
    #[arg(long, value_name = "ACTION", value_parser = parse_action)]
    action: Option<TrackAction>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Language of messages: en or zh-CN.
    #[arg(long, default_value = "en", value_parser = parse_locale)]
    locale: Locale,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Configuration file; by default `cloudaudit-lint.toml` is looked for in each input's
    /// folder and its parents.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Use no configuration file.
    #[arg(long)]
    no_config: bool,
    /// Apply the safe fixes in place (only the fixed values change), then report what is left.
    #[arg(long)]
    fix: bool,
    /// The most diagnostics reported per input; the rest are counted.
    #[arg(long, value_name = "N", default_value_t = cloudaudit_lint::validate::DEFAULT_MAX_DIAGNOSTICS)]
    max_diagnostics: usize,
    /// Request files; `-` for standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
}

#[derive(Debug, Args)]
struct RulesArgs {
    /// A rule id: print its documentation page (what it checks, why, an example).
    #[arg(value_name = "RULE", value_parser = parse_rule)]
    rule: Option<RuleId>,
    /// Output format (human or json).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Language of descriptions: en or zh-CN.
    #[arg(long, default_value = "en", value_parser = parse_locale)]
    locale: Locale,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_action(name: &str) -> Result<TrackAction, String> {
    TrackAction::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = TrackAction::ALL.iter().map(|a| a.name()).collect();
        format!("not a tracking-set API; use one of {}", names.join(", "))
    })
}

fn parse_rule(id: &str) -> Result<RuleId, String> {
    id.parse()
        .map_err(|e: cloudaudit_lint::rule_id::UnknownRuleId| {
            let ids = RuleId::ALL.iter().map(|r| r.as_str());
            match cloudaudit_lint::rules::suggest::closest(id, ids) {
                Some(close) => format!("{e}; did you mean `{close}`?"),
                None => format!("{e}; `cloudaudit-lint rules` lists them"),
            }
        })
}

fn parse_locale(tag: &str) -> Result<Locale, String> {
    tag.parse()
        .map_err(|e: cloudaudit_lint::i18n::UnknownLocale| e.to_string())
}

/// Exit status for usage errors and unreadable inputs (clap uses it for usage errors too).
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (output, status) = match cli.command {
        Command::Check(args) => match check(&args) {
            Ok(done) => done,
            Err(message) => {
                eprint!("{message}");
                return ExitCode::from(EXIT_USAGE);
            }
        },
        Command::Rules(args) => match args.rule {
            Some(rule) => match rule_page(rule, args.format) {
                Ok(page) => (page, 0),
                Err(error) => {
                    eprintln!("error: {error}");
                    return ExitCode::from(1);
                }
            },
            None => (rules(&args), 0),
        },
        Command::Schema => {
            let schema = cloudaudit_lint::schema::json_schema(&cloudaudit_lint::Profile::default());
            (
                serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n",
                0,
            )
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush());
    ExitCode::from(status)
}

/// An input as read: its name, and its bytes or why they could not be read.
struct Input {
    name: String,
    bytes: Result<Vec<u8>, String>,
}

fn read_input(name: &str) -> Input {
    let bytes = if name == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map(|_| bytes)
            .map_err(|e| e.to_string())
    } else {
        std::fs::read(name).map_err(|e| e.to_string())
    };
    Input {
        name: name.to_owned(),
        bytes,
    }
}

/// Configuration files read so far, by path, so that inputs sharing one read it once.
#[derive(Default)]
struct Configs {
    loaded: HashMap<PathBuf, Config>,
}

impl Configs {
    /// The configuration for `input`, and the folder its file globs are relative to.
    fn for_input(
        &mut self,
        args: &CheckArgs,
        input: &str,
    ) -> Result<Option<(PathBuf, &Config)>, String> {
        if args.no_config {
            return Ok(None);
        }
        let path = match &args.config {
            Some(path) => path.clone(),
            None => {
                let start = if input == "-" {
                    Path::new("stdin")
                } else {
                    Path::new(input)
                };
                match Config::discover(start) {
                    Some(path) => path,
                    None => return Ok(None),
                }
            }
        };
        if !self.loaded.contains_key(&path) {
            let config = load_config(&path)?;
            self.loaded.insert(path.clone(), config);
        }
        let dir = std::path::absolute(&path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        Ok(self.loaded.get(&path).map(|config| (dir, config)))
    }
}

/// Reads and checks a configuration file; every problem is reported with its place.
fn load_config(path: &Path) -> Result<Config, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("error: cannot read the configuration {shown}: {e}\n"))?;
    Config::from_toml(&text).map_err(|errors| {
        errors
            .errors
            .iter()
            .map(|error| match error.span {
                Some(span) => {
                    let at = locate(&text, span.start);
                    format!(
                        "{shown}:{}:{}: error: {}\n",
                        at.line, at.column, error.message
                    )
                }
                None => format!("{shown}: error: {}\n", error.message),
            })
            .collect()
    })
}

fn check(args: &CheckArgs) -> Result<(String, u8), String> {
    let mut base = Validator::new().with_max_diagnostics(args.max_diagnostics);
    if let Some(region) = &args.region {
        base = base.with_region(region.clone());
    }
    if let Some(action) = args.action {
        base = base.with_action(action);
    }
    if args.fix && args.files.iter().any(|f| f == "-") {
        return Err("error: --fix rewrites files; it cannot fix standard input\n".to_owned());
    }
    let mut configs = Configs::default();
    let inputs: Vec<Input> = args.files.iter().map(|f| read_input(f)).collect();
    let mut checked: Vec<Option<(String, Report, Vec<Change>)>> = Vec::with_capacity(inputs.len());
    for input in &inputs {
        let Ok(bytes) = input.bytes.as_ref() else {
            checked.push(None);
            continue;
        };
        let validator = match configs.for_input(args, &input.name)? {
            Some((dir, config)) => base
                .clone()
                .with_config(config)
                .with_suppressions(config.suppressions_for(Path::new(&input.name), &dir)),
            None => base.clone(),
        };
        let (text, fixes) = match (args.fix, std::str::from_utf8(bytes)) {
            (true, Ok(text)) if plan_report(&validator, text).is_none() => {
                let fixed = validator.fix_str(text);
                if !fixed.changes.is_empty() {
                    std::fs::write(&input.name, &fixed.text)
                        .map_err(|e| format!("error: cannot write {}: {e}\n", input.name))?;
                }
                (fixed.text, fixed.changes)
            }
            _ => (String::from_utf8_lossy(bytes).into_owned(), Vec::new()),
        };
        // The bytes as read unless fixes rewrote them: the lossy text would hide invalid
        // UTF-8 (and a UTF-16 byte order mark) behind U+FFFD.
        let report = match plan_report(&validator, &text) {
            Some(report) => report,
            None if fixes.is_empty() => validator.validate_bytes(bytes),
            None => validator.validate_bytes(text.as_bytes()),
        };
        checked.push(Some((text, report, fixes)));
    }
    let outcomes: Vec<FileOutcome<'_>> = inputs
        .iter()
        .zip(&checked)
        .map(|(input, checked)| FileOutcome {
            file: &input.name,
            outcome: match (checked, &input.bytes) {
                (Some((text, report, fixes)), _) => Outcome::Checked {
                    text,
                    report,
                    fixes,
                },
                (None, Err(reason)) => Outcome::Unreadable { reason },
                (None, Ok(_)) => Outcome::Unreadable { reason: "" },
            },
        })
        .collect();
    let output = match args.format {
        Format::Human => human::render(
            &outcomes,
            args.locale,
            human::Style {
                color: use_color(args.color),
            },
        ),
        Format::Json => json::render(&outcomes, args.locale) + "\n",
        Format::Sarif => sarif::render(&outcomes, args.locale) + "\n",
    };
    let status = if inputs.iter().any(|i| i.bytes.is_err()) {
        EXIT_USAGE
    } else if checked
        .iter()
        .flatten()
        .any(|(_, report, _)| report.has_errors())
    {
        1
    } else {
        0
    };
    Ok((output, status))
}

/// The report of a Terraform plan (`terraform show -json`), or `None` for any other input.
fn plan_report(validator: &Validator, text: &str) -> Option<Report> {
    // Most inputs are requests: only parse twice what names a plan's key.
    if !text.contains("\"planned_values\"") {
        return None;
    }
    cloudaudit_lint::terraform::check_plan(validator, text)
        .ok()
        .flatten()
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

fn rules(args: &RulesArgs) -> String {
    let describe = |rule: RuleId| match args.locale {
        Locale::En => rule.description_en(),
        Locale::ZhCn => rule.description_zh(),
    };
    match args.format {
        Format::Json | Format::Sarif => {
            let rules: Vec<serde_json::Value> = RuleId::ALL
                .iter()
                .map(|rule| {
                    serde_json::json!({
                        "id": rule.as_str(),
                        "severity": rule.default_severity(),
                        "apiErrorCode": rule.api_error_code().map(|c| c.as_str()),
                        "description": { "en": rule.description_en(), "zh-CN": rule.description_zh() },
                        "helpUri": rule_doc::help_uri(*rule),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&rules).unwrap_or_default() + "\n"
        }
        Format::Human => {
            let width = RuleId::ALL
                .iter()
                .map(|r| r.as_str().len())
                .max()
                .unwrap_or(0);
            RuleId::ALL
                .iter()
                .map(|rule| {
                    format!(
                        "{:<width$}  {:<7}  {}\n",
                        rule.as_str(),
                        rule.default_severity().as_str(),
                        describe(*rule)
                    )
                })
                .collect()
        }
    }
}

/// One rule's documentation page: plain text, or a JSON record with the page in Markdown.
fn rule_page(rule: RuleId, format: Format) -> Result<String, rule_doc::DocError> {
    match format {
        Format::Human => rule_doc::text(rule),
        Format::Json | Format::Sarif => {
            let record = serde_json::json!({
                "id": rule.as_str(),
                "severity": rule.default_severity(),
                "apiErrorCode": rule.api_error_code().map(|c| c.as_str()),
                "description": { "en": rule.description_en(), "zh-CN": rule.description_zh() },
                "helpUri": rule_doc::help_uri(rule),
                "documentation": rule_doc::markdown(rule)?,
            });
            Ok(serde_json::to_string_pretty(&record).unwrap_or_default() + "\n")
        }
    }
}

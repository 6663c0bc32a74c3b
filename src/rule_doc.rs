//! Each rule's documentation page, rendered from the rule's doc comment in the
//! [rule table](crate::rule_table).
//!
//! A page has ruff's sections, in this order: `## What it checks`, `## Why` and `## Example`.
//! The example holds a failing request in a `json` code block, the words `Use instead:`, and
//! the fixed request in another (`hcl` blocks for a Terraform `.tf` file); a `toml` block before them is the configuration in force
//! for both. Requests are checked as `cloudaudit-lint check --region ap-guangzhou` would check
//! them ([`EXAMPLE_REGION`]); a block whose info string says `json region:R` is checked with
//! `--region R` instead. The tests hold every page to this: the failing request reports the
//! rule, the fixed one reports nothing.
//!
//! API facts are not restated in the prose: a page links the constant (`` [`facts::NAME_LENGTH`] ``),
//! which rustdoc resolves to the constant and the rendered page replaces with its value.
//!
//! The same page is printed by `cloudaudit-lint rules RULE`, written to SARIF's rule `help`,
//! and generated into `docs/rules/RULE.md`, which [`help_uri`] points at.
//!
//! ```
//! use cloudaudit_lint::{RuleId, rule_doc};
//! let page = rule_doc::markdown(RuleId::NameLength).unwrap();
//! assert!(page.starts_with("# name-length\n"));
//! assert!(page.contains("3 to 48 characters"));
//! let doc = rule_doc::RuleDoc::of(RuleId::NameLength).unwrap();
//! assert!(doc.example.failing.text.contains("\"Name\""));
//! ```

use crate::i18n::{Locale, describe};
use crate::{Profile, RuleId, facts};

/// The caller's region examples are checked with unless their code block names another.
pub const EXAMPLE_REGION: &str = "ap-guangzhou";

/// Where the generated pages live in the repository, relative to its root.
pub const PAGES_DIR: &str = "docs/rules";

/// The address of a rule's generated page in the repository (`Cargo.toml`'s `repository`).
///
/// ```
/// use cloudaudit_lint::{RuleId, rule_doc};
/// assert!(rule_doc::help_uri(RuleId::NameLength).ends_with("/docs/rules/name-length.md"));
/// ```
pub fn help_uri(rule: RuleId) -> String {
    format!(
        "{}/blob/main/{PAGES_DIR}/{}.md",
        env!("CARGO_PKG_REPOSITORY"),
        rule.as_str()
    )
}

/// What is wrong with a rule's doc comment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the documentation of `{rule}` {problem}")]
pub struct DocError {
    /// The rule whose page is wrong.
    pub rule: RuleId,
    /// What is wrong, e.g. "lacks the section `## Why`".
    pub problem: String,
}

/// A request of an example, and how it is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleRequest {
    /// The request text, exactly as in the code block.
    pub text: String,
    /// The caller's region (`--region`) it is checked with.
    pub region: String,
    /// Whether it is a Terraform `.tf` file (an `hcl` block), checked as a source file.
    pub hcl: bool,
}

/// A page's example: a request the rule reports, and the same request fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// A configuration file (`cloudaudit-lint.toml`) in force for both requests.
    pub config: Option<String>,
    /// A request the rule reports.
    pub failing: ExampleRequest,
    /// The request fixed: nothing is reported.
    pub fixed: ExampleRequest,
}

/// A rule's page, split into its sections (Markdown, facts resolved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDoc {
    /// `## What it checks`.
    pub what_it_checks: String,
    /// `## Why`.
    pub why: String,
    /// `## Example`, as written.
    pub example_section: String,
    /// The example's requests.
    pub example: Example,
}

const SECTIONS: [&str; 3] = ["## What it checks", "## Why", "## Example"];
const USE_INSTEAD: &str = "Use instead:";

impl RuleDoc {
    /// Parses `rule`'s doc comment; every section must be present, in order, and not empty.
    pub fn of(rule: RuleId) -> Result<Self, DocError> {
        Self::for_profile(rule, &Profile::default())
    }

    /// [`RuleDoc::of`], with the facts of `profile` where the page links a fact a profile
    /// overrides.
    pub fn for_profile(rule: RuleId, profile: &Profile) -> Result<Self, DocError> {
        Self::parse(&body(rule, profile)?).map_err(|problem| DocError { rule, problem })
    }

    /// Parses a page's Markdown (facts resolved).
    fn parse(body: &str) -> Result<Self, String> {
        let mut sections = Vec::with_capacity(SECTIONS.len());
        let mut rest = body;
        for (index, heading) in SECTIONS.iter().enumerate() {
            let start = find_heading(rest, heading)
                .ok_or_else(|| format!("lacks the section `{heading}`, in this order"))?;
            let after = &rest[start + heading.len()..];
            let end = SECTIONS
                .get(index + 1)
                .and_then(|next| find_heading(after, next))
                .unwrap_or(after.len());
            let text = after[..end].trim();
            if text.is_empty() {
                return Err(format!("has an empty section `{heading}`"));
            }
            sections.push(text.to_owned());
            rest = &after[end..];
        }
        let example_section = sections.pop().unwrap_or_default();
        let why = sections.pop().unwrap_or_default();
        let what_it_checks = sections.pop().unwrap_or_default();
        let example = parse_example(&example_section).map_err(str::to_owned)?;
        Ok(Self {
            what_it_checks,
            why,
            example_section,
            example,
        })
    }
}

/// The offset of `heading` at the start of a line of `text`.
fn find_heading(text: &str, heading: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == heading {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// A fenced code block: its info string and its text.
struct Block<'a> {
    info: &'a str,
    text: String,
}

fn code_blocks(section: &str) -> Result<(Vec<Block<'_>>, Option<usize>), &'static str> {
    let mut blocks = Vec::new();
    let mut use_instead_at = None;
    let mut open: Option<Block<'_>> = None;
    for line in section.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (Some(_), Some(rest)) if rest.trim().is_empty() => {
                blocks.extend(open.take());
            }
            (Some(block), _) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, Some(info)) => {
                open = Some(Block {
                    info: info.trim(),
                    text: String::new(),
                });
            }
            (None, None) if line.trim() == USE_INSTEAD => use_instead_at = Some(blocks.len()),
            (None, None) => {}
        }
    }
    if open.is_some() {
        return Err("has a code block that is not closed");
    }
    Ok((blocks, use_instead_at))
}

fn parse_example(section: &str) -> Result<Example, &'static str> {
    let (blocks, use_instead_at) = code_blocks(section)?;
    let mut config = None;
    let mut requests = Vec::new();
    let mut failing_at = None;
    for (index, block) in blocks.into_iter().enumerate() {
        let mut words = block.info.split_whitespace();
        match (words.next(), words.next(), words.next()) {
            (Some("toml"), None, None) if requests.is_empty() && config.is_none() => {
                config = Some(block.text);
            }
            (Some(language @ ("json" | "hcl")), region, None) => {
                let region = match region.map(|r| r.strip_prefix("region:")) {
                    None => EXAMPLE_REGION,
                    Some(Some(region)) if !region.is_empty() => region,
                    Some(_) => {
                        return Err("has a `json` block whose info string is not `region:R`");
                    }
                };
                failing_at = failing_at.or(Some(index));
                requests.push(ExampleRequest {
                    text: block.text,
                    region: region.to_owned(),
                    hcl: language == "hcl",
                });
            }
            _ => {
                return Err(
                    "has a code block other than one `toml` configuration and two `json` requests",
                );
            }
        }
    }
    if use_instead_at.is_none() || use_instead_at != failing_at.map(|at| at + 1) {
        return Err("lacks `Use instead:` between the failing and the fixed request");
    }
    let mut requests = requests.into_iter();
    match (requests.next(), requests.next(), requests.next()) {
        (Some(failing), Some(fixed), None) => Ok(Example {
            config,
            failing,
            fixed,
        }),
        _ => Err("lacks a failing and a fixed `json` request"),
    }
}

/// The doc comment as Markdown: one leading space off each line, facts resolved.
fn body(rule: RuleId, profile: &Profile) -> Result<String, DocError> {
    let mut text = String::new();
    for line in rule.documentation().lines() {
        text.push_str(line.strip_prefix(' ').unwrap_or(line));
        text.push('\n');
    }
    resolve_facts(&text, profile).map_err(|name| DocError {
        rule,
        problem: format!("links `facts::{name}`, which has no rendering"),
    })
}

const FACT_LINK: &str = "[`facts::";

/// Replaces each `` [`facts::NAME`] `` by the value of the constant.
fn resolve_facts(text: &str, profile: &Profile) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(FACT_LINK) {
        out.push_str(&rest[..start]);
        let after = &rest[start + FACT_LINK.len()..];
        let end = after.find("`]").ok_or_else(|| after.to_owned())?;
        let name = &after[..end];
        out.push_str(&fact(name, profile).ok_or_else(|| name.to_owned())?);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `` `a`, `b` or `c` ``.
fn list<T: std::fmt::Display>(values: &[T]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The value of a constant of [`facts`], as prose: `profile`'s where a profile overrides it.
fn fact(name: &str, profile: &Profile) -> Option<String> {
    let range = |r: std::ops::RangeInclusive<usize>| format!("{} to {}", r.start(), r.end());
    Some(match name {
        "ACTION" => format!("`{}`", facts::ACTION),
        "API_VERSION" => format!("`{}`", facts::API_VERSION),
        "SUPPORTED_REGIONS" => list(&profile.regions),
        "NAME_LENGTH" => range(profile.name_length()),
        "ACTION_TYPES" => list(facts::ACTION_TYPES),
        "STORAGE_TYPES" => list(&profile.storage_types),
        "SWITCH_VALUES" => list(facts::SWITCH_VALUES),
        "EVENT_NAMES_CAP" => profile.event_names_cap.to_string(),
        "CAPPED_PRODUCTS" => list(&profile.capped_products),
        "EVENT_NAMES_CAP_OTHER" => profile.event_names_cap_other.to_string(),
        "COS_BUCKET_NAME_MAX" => facts::COS_BUCKET_NAME_MAX.to_string(),
        "COS_HOST_MAX" => facts::COS_HOST_MAX.to_string(),
        "CLS_TOPIC_LENGTH" => range(facts::CLS_TOPIC_LENGTH),
        "COS_PREFIX_LENGTH" => range(facts::COS_PREFIX_LENGTH),
        "COMPRESS_VALUES" => list(facts::COMPRESS_VALUES),
        _ => return None,
    })
}

/// The page as Markdown, as `docs/rules/RULE.md` holds it: a title, the rule's facts from the
/// table, then its doc comment with the example blocks' attributes shown as prose. The facts
/// are the default profile's: [`markdown_for`] states another's.
pub fn markdown(rule: RuleId) -> Result<String, DocError> {
    markdown_for(rule, &Profile::default())
}

/// [`markdown`] stating the facts of `profile`, the profile in force.
///
/// ```
/// use cloudaudit_lint::{Profile, RuleId, rule_doc};
/// let longer = Profile { name_max: 64, ..Profile::default() };
/// let page = rule_doc::markdown_for(RuleId::NameLength, &longer).unwrap();
/// assert!(page.contains("3 to 64 characters") && !page.contains("48"));
/// ```
pub fn markdown_for(rule: RuleId, profile: &Profile) -> Result<String, DocError> {
    RuleDoc::for_profile(rule, profile)?;
    let body = body(rule, profile)?;
    let code = rule
        .api_error_code()
        .map_or_else(|| "none".to_owned(), |c| format!("`{}`", c.as_str()));
    let mut page = format!(
        "# {id}\n\n{description}\n\nDefault severity: {severity}. API error code: {code}.\n\n",
        id = rule.as_str(),
        description = describe(rule, profile, Locale::En),
        severity = rule.default_severity(),
    );
    for line in body.lines() {
        match line.strip_prefix("```json region:") {
            Some(region) => {
                page.push_str(&format!(
                    "Checked with `--region {}`:\n\n```json\n",
                    region.trim()
                ));
            }
            None => {
                page.push_str(line);
                page.push('\n');
            }
        }
    }
    page.push_str(&format!(
        "\nThe examples are checked as `cloudaudit-lint check --region {EXAMPLE_REGION}` checks \
         them, unless they say otherwise.\n"
    ));
    Ok(page)
}

/// The page as plain text, for a terminal and SARIF's `help.text`: headings without `#`, code
/// indented by four spaces instead of fenced.
pub fn text(rule: RuleId) -> Result<String, DocError> {
    text_for(rule, &Profile::default())
}

/// [`text`] stating the facts of `profile`, the profile in force.
pub fn text_for(rule: RuleId, profile: &Profile) -> Result<String, DocError> {
    let page = markdown_for(rule, profile)?;
    let mut out = String::with_capacity(page.len());
    let mut in_code = false;
    for line in page.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push_str("    ");
            out.push_str(line);
        } else {
            out.push_str(line.trim_start_matches('#').trim_start());
        }
        out.push('\n');
    }
    Ok(out)
}

/// `docs/rules/README.md`: every rule, its severity and description, linking its page.
pub fn index() -> String {
    let mut page = String::from(
        "# Rules\n\nOne page per rule, generated from the rule table (`src/rule_table.rs`). \
         `cloudaudit-lint rules RULE` prints the same page.\n\n\
         | id | severity | what it checks |\n| --- | --- | --- |\n",
    );
    for rule in RuleId::ALL {
        page.push_str(&format!(
            "| [`{id}`]({id}.md) | {severity} | {description} |\n",
            id = rule.as_str(),
            severity = rule.default_severity(),
            description = describe(*rule, &Profile::default(), Locale::En),
        ));
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve_facts_default(text: &str) -> Result<String, String> {
        resolve_facts(text, &Profile::default())
    }

    #[test]
    fn facts_resolve_to_their_values_and_unknown_ones_are_refused() {
        assert_eq!(
            resolve_facts_default("from [`facts::NAME_LENGTH`] characters").as_deref(),
            Ok("from 3 to 48 characters")
        );
        assert_eq!(
            resolve_facts_default("[`facts::ACTION_TYPES`]").as_deref(),
            Ok("`Read`, `Write` or `*`")
        );
        assert_eq!(
            resolve_facts_default("[`facts::SWITCH_VALUES`]").as_deref(),
            Ok("`0` or `1`")
        );
        assert_eq!(
            resolve_facts_default("[`facts::NO_SUCH`]"),
            Err("NO_SUCH".to_owned())
        );
        assert!(resolve_facts_default("[`facts::UNCLOSED").is_err());
    }

    #[test]
    fn a_page_needs_every_section_in_order_and_not_empty() {
        let example = "```json\n{}\n```\n\nUse instead:\n\n```json\n[]\n```\n";
        let page = format!("## What it checks\nA.\n\n## Why\nB.\n\n## Example\n{example}");
        let doc = RuleDoc::parse(&page).unwrap();
        assert_eq!(
            (doc.what_it_checks.as_str(), doc.why.as_str()),
            ("A.", "B.")
        );
        for (bad, problem) in [
            (page.replace("## Why\n", ""), "lacks the section `## Why`"),
            (page.replace("B.", ""), "has an empty section `## Why`"),
            (
                format!("## Why\nB.\n\n## What it checks\nA.\n\n## Example\n{example}"),
                "lacks the section `## Why`, in this order",
            ),
            (page.replace("Use instead:", ""), "lacks `Use instead:`"),
        ] {
            let error = RuleDoc::parse(&bad).unwrap_err();
            assert!(error.starts_with(problem), "{error}");
        }
    }

    #[test]
    fn an_example_needs_two_requests_around_use_instead() {
        let good = "Text.\n\n```toml\n[a]\n```\n\n```json region:ap-beijing\n{}\n```\n\nUse instead:\n\n```json\n[]\n```\n";
        let example = parse_example(good).unwrap();
        assert_eq!(example.config.as_deref(), Some("[a]\n"));
        assert_eq!(example.failing.region, "ap-beijing");
        assert_eq!(example.fixed.region, EXAMPLE_REGION);
        assert_eq!(example.fixed.text, "[]\n");
        for bad in [
            "```json\n{}\n```\n",
            "```json\n{}\n```\nUse instead:\n",
            "```json\n{}\n```\n```json\n{}\n```\nUse instead:\n",
            "```json\n{}\n```\nUse instead:\n```json\n{}\n",
            "```json\n{}\n```\nUse instead:\n```rust\n{}\n```\n",
            "```json region=x\n{}\n```\nUse instead:\n```json\n{}\n```\n",
        ] {
            assert!(parse_example(bad).is_err(), "{bad}");
        }
    }
}

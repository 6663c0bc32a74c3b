//! `.tf` sources: every `tencentcloud_audit_track` and `tencentcloud_events_audit_track`
//! resource block of a module's Terraform files, validated without `terraform init`,
//! providers or a network.
//!
//! A module is a folder's `.tf` files ([`check_module`]; [`check_source`] for one file alone).
//! Each block's attributes and its nested `storage` block map to the API's parameters as a
//! plan's do, and each diagnostic is located at the attribute's value in the `.tf` file, with
//! the block's address (`tencentcloud_audit_track.main`; with `count` or `for_each` still the
//! block's, since a block is checked once) and the attribute (`storage[0].storage_name`).
//! [`Diagnostic::path`](crate::Diagnostic::path) is the JSON Pointer of the value in
//! Terraform's JSON syntax (`/resource/tencentcloud_audit_track/main/name`).
//!
//! - **Checked:** literals: strings (a quoted string or a heredoc without `${…}` or `%{…}`),
//!   numbers, booleans, lists of literals (`event_names`), and the nested `storage` block.
//! - **Skipped:** every other expression (a reference, a function call, a template with
//!   interpolation, a conditional, `count.index`, `each.value`, a `dynamic "storage"` block).
//!   No diagnostic is reported for it, and a required attribute that is present but not a
//!   literal is not reported missing. `name = null` is an attribute left unset.
//! - **Variables:** an attribute that is exactly `var.NAME`, where a `variable "NAME"` block of
//!   the same module has a literal `default`, is checked with that default, at the default's
//!   place (which may be another file of the module), and the message names the variable
//!   (`(from the default of variable "NAME")`).
//! - **Region:** the caller's, else the literal `region` of the module's
//!   `provider "tencentcloud"` block; a missing region is not reported.
//! - **Syntax:** a file that does not parse is one located `hcl-syntax` error, never a panic.
//!   The parser refuses nesting deeper than 64 levels with such an error, so no input overflows
//!   the stack.
//!
//! **`tencentcloud_events_audit_track`** maps to one `CreateEventsAuditTrack` request (`name`,
//! `status`, `storage`, `track_for_all_members`, and `filters[0].resource_fields[i].x` ↔
//! `/Filters/ResourceFields/i/X`): each entry is checked by the `CreateAuditTrack` rules, and the
//! list by its own (a product twice, `*` next to products, an empty list). A list with entries
//! made by a `dynamic` block or an expression has its written entries checked, not the list.
//!
//! `--fix` never rewrites a `.tf` file.
//!
//! ```
//! use cloudaudit_lint::{terraform::source, Validator};
//! let tf = r#"
//! variable "name" {
//!   default = "audit trail"   # a space: not allowed
//! }
//! resource "tencentcloud_audit_track" "main" {
//!   name          = var.name
//!   action_type   = "Read"
//!   resource_type = "cvm"
//!   status        = 1
//!   event_names   = ["*"]
//!   storage {
//!     storage_type   = "cls"
//!     storage_region = "ap-guangzhou"
//!     storage_name   = local.topic   # a reference: skipped
//!     storage_prefix = "x"
//!   }
//! }
//! "#;
//! let report = source::check_source(&Validator::new().with_region("ap-guangzhou"), tf);
//! assert_eq!(report.diagnostics.len(), 1);
//! let d = &report.diagnostics[0];
//! assert_eq!(d.rule().as_str(), "name-charset");
//! let at = d.location.unwrap().start;
//! assert_eq!((at.line, at.column), (3, 13)); // the default's value
//! let resource = d.within.as_ref().unwrap();
//! assert_eq!(resource.address, "tencentcloud_audit_track.main");
//! assert_eq!(resource.variable.as_deref(), Some("name"));
//! assert!(d.message(cloudaudit_lint::Locale::En).ends_with(r#"(from the default of variable "name")"#));
//! ```

use std::collections::{HashMap, HashSet};

use hcl_edit::Span as _;
use hcl_edit::expr::{Expression, TraversalOperator};
use hcl_edit::structure::{Block, Body};
use hcl_edit::template::{Element, Template};
use serde_json::{Map, Value};

use super::Findings;
use super::mapping::{
    ATTRIBUTES, Attributes, EVENTS_ATTRIBUTES, FILTER_ATTRIBUTES, RESOURCE_FIELD_ATTRIBUTES,
    STORAGE_ATTRIBUTES, api_to_attribute, resource_kind,
};
use super::plan::{as_written, number_value};
use crate::diagnostic::{Enclosing, EnclosingKind, Report};
use crate::facts::TrackAction;
use crate::source::{Span, pointer};
use crate::{Param, RuleId, Validator, Violation};

pub use super::EVENTS_RESOURCE_TYPE;

/// The extension of Terraform source files.
pub const EXTENSION: &str = "tf";

/// One `.tf` file of a module.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// The file's text.
    pub text: &'a str,
    /// What it is validated with: levels, suppressions and the limit of its own report.
    pub validator: &'a Validator,
    /// Whether its resources are checked and its syntax errors reported; a file that is not
    /// (a sibling read only for its `variable` blocks) still receives the diagnostics located
    /// at its variables' defaults.
    pub checked: bool,
}

/// Validates one `.tf` file as a module of its own: its variables resolve within it.
pub fn check_source(validator: &Validator, text: &str) -> Report {
    check_module(&[SourceFile {
        text,
        validator,
        checked: true,
    }])
    .pop()
    .unwrap_or_default()
}

/// Validates a module's `.tf` files: one report per file, in the order given, each with the
/// diagnostics located in that file.
///
/// ```
/// use cloudaudit_lint::terraform::source::{check_module, SourceFile};
/// use cloudaudit_lint::Validator;
/// let validator = Validator::new();
/// let main = "resource \"tencentcloud_audit_track\" \"a\" {\n  status = var.status\n}\n";
/// let variables = "variable \"status\" {\n  default = 2\n}\n";
/// let reports = check_module(&[
///     SourceFile { text: main, validator: &validator, checked: true },
///     SourceFile { text: variables, validator: &validator, checked: false },
/// ]);
/// let status = reports[1].diagnostics.iter().find(|d| d.rule().as_str() == "status-value").unwrap();
/// assert_eq!(status.location.unwrap().start.line, 2);
/// assert_eq!(status.within.as_ref().unwrap().address, "tencentcloud_audit_track.a");
/// ```
pub fn check_module(files: &[SourceFile<'_>]) -> Vec<Report> {
    let parsed: Vec<Result<Body, hcl_edit::parser::Error>> = files
        .iter()
        .map(|file| hcl_edit::parser::parse_body(file.text))
        .collect();
    let module = Module::new(files, &parsed);
    let mut out = Out {
        findings: files.iter().map(|_| Findings::default()).collect(),
        seen: HashSet::new(),
        levels: files
            .iter()
            .map(|f| f.validator.clone().with_max_diagnostics(usize::MAX))
            .collect(),
        files,
    };
    for (index, (file, body)) in files.iter().zip(&parsed).enumerate() {
        if !file.checked {
            continue;
        }
        let body = match body {
            Ok(body) => body,
            Err(error) => {
                let span = char_span(file.text, error.location().offset());
                let violation = Violation::HclSyntax {
                    message: error.message().to_owned(),
                };
                out.push(index, violation, String::new(), span, None);
                continue;
            }
        };
        let validator = match (file.validator.region(), &module.region) {
            (None, Some(region)) => file.validator.clone().with_region(region.clone()),
            _ => file.validator.clone(),
        };
        let unlimited = validator.with_max_diagnostics(usize::MAX);
        let unlimited_events = unlimited.clone().with_action(TrackAction::CreateEvents);
        for block in body.blocks().filter(|b| b.ident.as_str() == "resource") {
            let (Some(kind), Some(name)) = (block.labels.first(), block.labels.get(1)) else {
                continue;
            };
            let resource = Resource {
                file: index,
                kind: kind.as_str(),
                name: name.as_str(),
                block,
            };
            let Some((action, attributes)) = resource_kind(resource.kind) else {
                continue;
            };
            let mapped = Mapper::new(&module, &resource).block(attributes);
            let validator = match action {
                TrackAction::CreateEvents => &unlimited_events,
                _ => &unlimited,
            };
            check_mapped(validator, &resource, &mapped, &mut out);
        }
    }
    out.findings
        .into_iter()
        .zip(files)
        .map(|(findings, file)| findings.report(file.validator, file.text))
        .collect()
}

/// The byte span of the character at `offset` (empty at the end of the text).
fn char_span(text: &str, offset: usize) -> Span {
    let start = (0..=offset.min(text.len()))
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0);
    let end = text
        .get(start..)
        .and_then(|rest| rest.chars().next())
        .map_or(start, |c| start + c.len_utf8());
    Span::new(start, end)
}

/// What the module's files say beyond their resources.
struct Module<'b> {
    texts: Vec<&'b str>,
    /// Each variable's literal default: the file it is in, and the expression.
    defaults: HashMap<&'b str, (usize, &'b Expression)>,
    /// The literal `region` of the `tencentcloud` provider.
    region: Option<String>,
}

impl<'b> Module<'b> {
    fn new(files: &[SourceFile<'b>], parsed: &'b [Result<Body, hcl_edit::parser::Error>]) -> Self {
        let mut defaults = HashMap::new();
        let mut region = None;
        for (index, body) in parsed.iter().enumerate() {
            let Ok(body) = body else { continue };
            for block in body.blocks() {
                let label = block.labels.first().map(|l| l.as_str());
                match (block.ident.as_str(), label) {
                    ("variable", Some(name)) => {
                        if let Some(default) = block.body.get_attribute("default") {
                            defaults.entry(name).or_insert((index, &default.value));
                        }
                    }
                    ("provider", Some("tencentcloud")) if region.is_none() => {
                        region = block
                            .body
                            .get_attribute("region")
                            .and_then(|a| a.value.as_str())
                            .map(str::to_owned);
                    }
                    _ => {}
                }
            }
        }
        Self {
            texts: files.iter().map(|f| f.text).collect(),
            defaults,
            region,
        }
    }
}

/// A resource block found in a file.
struct Resource<'b> {
    file: usize,
    kind: &'b str,
    name: &'b str,
    block: &'b Block,
}

impl Resource<'_> {
    fn address(&self) -> String {
        format!("{}.{}", self.kind, self.name)
    }

    /// The JSON Pointer of the block in Terraform's JSON syntax.
    fn pointer(&self) -> String {
        pointer(&pointer("/resource", self.kind), self.name)
    }

    /// The block's header, `resource "type" "name"`: where what is missing is reported.
    fn header(&self) -> Span {
        header(self.block)
    }
}

/// A block's identifier and labels.
fn header(block: &Block) -> Span {
    let start = block.ident.span().map_or(0, |s| s.start);
    let end = block
        .labels
        .last()
        .and_then(|label| label.span())
        .or_else(|| block.ident.span())
        .map_or(start, |s| s.end);
    Span::new(start, end.max(start))
}

/// Where a mapped parameter came from.
#[derive(Debug, Clone)]
struct Place {
    file: usize,
    pointer: String,
    attribute: String,
    span: Span,
    variable: Option<String>,
}

/// A block as a `CreateAuditTrack` request, and where each parameter came from.
#[derive(Debug, Default)]
struct Mapped {
    request: Map<String, Value>,
    /// The place of each API pointer (`/Name`, `/EventNames/1`, `/Storage/StorageName`).
    places: HashMap<String, Place>,
    /// Where a missing parameter is reported, when not at the resource's header.
    missing: HashMap<String, Place>,
    /// API pointers present in the source but not literals: not reported missing.
    unknown: HashSet<String>,
}

impl Mapped {
    /// Takes in a nested block mapped on its own (`Storage`, a `ResourceFields` entry) under
    /// its API pointer `api`: its values' places and its unknown pointers, prefixed, and the
    /// block's own place at `api`. (Its request is the caller's to place.)
    fn nest(&mut self, api: String, nested: Mapped, block: Place) {
        let prefixed = |inner: String| format!("{api}{inner}");
        self.places.extend(
            nested
                .places
                .into_iter()
                .map(|(inner, place)| (prefixed(inner), place)),
        );
        self.unknown
            .extend(nested.unknown.into_iter().map(prefixed));
        self.places.insert(api, block);
    }

    /// The place of a diagnostic's API pointer, and whether it is the value itself: the mapped
    /// value, where a missing one belongs, the nearest mapped parent (a block's header), or the
    /// resource's header.
    fn place(&self, resource: &Resource<'_>, api_path: &str) -> (Place, bool) {
        if let Some(place) = self.places.get(api_path) {
            return (place.clone(), true);
        }
        if let Some(place) = self.missing.get(api_path) {
            return (place.clone(), false);
        }
        let mut prefix = api_path;
        loop {
            if let Some(place) = self.places.get(prefix) {
                let rest = api_path.get(prefix.len()..).unwrap_or_default();
                let mut place = place.clone();
                for segment in rest.split('/').filter(|s| !s.is_empty()) {
                    place.pointer.push('/');
                    place.pointer.push_str(attribute_of(segment));
                }
                place.attribute = api_to_attribute(api_path);
                return (place, false);
            }
            match prefix.rfind('/') {
                Some(cut) if cut > 0 => prefix = &prefix[..cut],
                _ => break,
            }
        }
        let place = Place {
            file: resource.file,
            pointer: resource.pointer(),
            attribute: api_to_attribute(api_path),
            span: resource.header(),
            variable: None,
        };
        (place, false)
    }

    /// Whether a missing parameter is present in the source as a non-literal (or what holds it).
    fn is_unknown(&self, api_path: &str) -> bool {
        self.unknown
            .iter()
            .any(|u| api_path == u || api_path.starts_with(&format!("{u}/")))
    }
}

/// The diagnostics of one mapped request, placed in the module's files.
fn check_mapped(validator: &Validator, resource: &Resource<'_>, mapped: &Mapped, out: &mut Out) {
    let request = Value::Object(mapped.request.clone());
    for diagnostic in validator.validate_value(&request).diagnostics {
        let path = diagnostic.path.as_str();
        let about_the_list = matches!(
            diagnostic.rule(),
            RuleId::ResourceFieldsEmpty
                | RuleId::ResourceFieldsDuplicateProduct
                | RuleId::ResourceFieldsWildcardMixed
        );
        if diagnostic.rule() == RuleId::MissingParameter
            && ((path == "/Region" && validator.region().is_none()) || mapped.is_unknown(path))
        {
            continue;
        }
        // A list partly made by expressions: its written entries are not the whole list.
        if about_the_list && mapped.is_unknown("/Filters/ResourceFields") {
            continue;
        }
        let (place, exact) = mapped.place(resource, path);
        let mut violation = diagnostic.violation;
        if exact && let Some(text) = out.files.get(place.file).map(|f| f.text) {
            as_written(&mut violation, text, place.span);
        }
        let reference = Enclosing {
            kind: EnclosingKind::TerraformResource,
            address: resource.address(),
            attribute: place.attribute,
            variable: place.variable,
        };
        out.push(
            place.file,
            violation,
            place.pointer,
            place.span,
            Some(reference),
        );
    }
}

/// The findings of every file, with repeats dropped.
struct Out<'f, 'a> {
    findings: Vec<Findings>,
    /// (file, span, address, attribute, message) of each finding pushed.
    seen: HashSet<(usize, usize, usize, String, String, String)>,
    /// Each file's validator without its limit: its levels and suppressions.
    levels: Vec<Validator>,
    files: &'f [SourceFile<'a>],
}

impl Out<'_, '_> {
    fn push(
        &mut self,
        file: usize,
        violation: Violation,
        pointer: String,
        span: Span,
        resource: Option<Enclosing>,
    ) {
        let (Some(findings), Some(levels)) = (self.findings.get_mut(file), self.levels.get(file))
        else {
            return;
        };
        let (address, attribute) = resource
            .as_ref()
            .map(|r| (r.address.clone(), r.attribute.clone()))
            .unwrap_or_default();
        let key = (
            file,
            span.start,
            span.end,
            address,
            attribute,
            crate::i18n::message(&violation, crate::Locale::En),
        );
        if !self.seen.insert(key) {
            return;
        }
        // Through the file's own levels, so that its report drops none of them.
        let levelled = levels.report_violations(&pointer, vec![violation]);
        for diagnostic in levelled.diagnostics {
            findings.push(
                diagnostic.violation,
                pointer.clone(),
                span,
                resource.clone(),
            );
        }
    }
}

/// Maps one resource block of a module.
struct Mapper<'m, 'b> {
    module: &'m Module<'b>,
    resource: &'m Resource<'b>,
}

/// A literal value and where it is.
struct Literal {
    value: Value,
    file: usize,
    span: Span,
    /// The span of each item of a list.
    items: Vec<Span>,
    variable: Option<String>,
}

impl<'m, 'b> Mapper<'m, 'b> {
    fn new(module: &'m Module<'b>, resource: &'m Resource<'b>) -> Self {
        Self { module, resource }
    }

    /// A resource block whose top-level `attributes` are those of its kind
    /// ([`resource_kind`]): a `tencentcloud_audit_track` as one `CreateAuditTrack` request, a
    /// `tencentcloud_events_audit_track` as one `CreateEventsAuditTrack` request
    /// (`filters[0].resource_fields[i].x` ↔ `/Filters/ResourceFields/i/X`).
    fn block(&self, attributes: Attributes) -> Mapped {
        let mut mapped = Mapped::default();
        let body = &self.resource.block.body;
        let pointer = self.resource.pointer();
        for (attribute, parameter) in attributes {
            match parameter {
                Param::Storage => self.storage(body, &pointer, "storage[0]", &mut mapped),
                Param::Filters => self.filters(body, &pointer, &mut mapped),
                _ => self.attribute(
                    body,
                    attribute,
                    *parameter,
                    &pointer,
                    attribute,
                    &mut mapped,
                ),
            }
        }
        mapped
    }

    /// The first `filters` block (the provider's `MaxItems: 1`) and its `resource_fields`
    /// blocks, each an entry of `/Filters/ResourceFields`.
    fn filters(&self, body: &Body, pointer: &str, mapped: &mut Mapped) {
        let filters_api = format!("/{}", Param::Filters);
        let list_api = format!("{filters_api}/{}", Param::ResourceFields);
        let dynamic = |body: &Body, label: &str| {
            body.get_blocks("dynamic")
                .any(|d| d.labels.first().map(|l| l.as_str()) == Some(label))
        };
        if body.has_attribute("filters")
            || (dynamic(body, "filters") && !body.has_blocks("filters"))
        {
            mapped.unknown.insert(filters_api);
            return;
        }
        let Some(block) = body.get_blocks("filters").next() else {
            return;
        };
        let filters_pointer = format!("{pointer}/filters/0");
        mapped.places.insert(
            filters_api.clone(),
            Place {
                file: self.resource.file,
                pointer: filters_pointer.clone(),
                attribute: "filters[0]".to_owned(),
                span: header(block),
                variable: None,
            },
        );
        if block.body.has_attribute("resource_fields") || dynamic(&block.body, "resource_fields") {
            // Entries made by an expression or a `dynamic` block are not known: the written
            // ones are still checked, but not the list as a whole.
            mapped.unknown.insert(list_api.clone());
        }
        let entries: Vec<&Block> = block.body.get_blocks("resource_fields").collect();
        if entries.is_empty() && mapped.unknown.contains(&list_api) {
            return;
        }
        let mut list = Vec::with_capacity(entries.len());
        for (index, entry) in entries.into_iter().enumerate() {
            let entry_api = format!("{list_api}/{index}");
            let entry_pointer = format!("{filters_pointer}/resource_fields/{index}");
            let entry_attribute = format!("filters[0].resource_fields[{index}]");
            let mut fields = Mapped::default();
            for (attribute, parameter) in RESOURCE_FIELD_ATTRIBUTES {
                self.attribute(
                    &entry.body,
                    attribute,
                    *parameter,
                    &entry_pointer,
                    &format!("{entry_attribute}.{attribute}"),
                    &mut fields,
                );
            }
            list.push(Value::Object(std::mem::take(&mut fields.request)));
            let place = Place {
                file: self.resource.file,
                pointer: entry_pointer,
                attribute: entry_attribute,
                span: header(entry),
                variable: None,
            };
            mapped.nest(entry_api, fields, place);
        }
        let mut filters = Map::new();
        filters.insert(Param::ResourceFields.name().to_owned(), Value::Array(list));
        mapped
            .request
            .insert(Param::Filters.name().to_owned(), Value::Object(filters));
    }

    /// One attribute: mapped when it is a literal, marked unknown when present but not one.
    fn attribute(
        &self,
        body: &Body,
        attribute: &str,
        parameter: Param,
        pointer: &str,
        path: &str,
        mapped: &mut Mapped,
    ) {
        let Some(found) = body.get_attribute(attribute) else {
            return;
        };
        if found.value.is_null() {
            return;
        }
        let api = format!("/{parameter}");
        let Some(literal) = self.literal_or_default(&found.value) else {
            mapped.unknown.insert(api);
            return;
        };
        let pointer = format!("{pointer}/{attribute}");
        for (index, span) in literal.items.iter().enumerate() {
            mapped.places.insert(
                format!("{api}/{index}"),
                Place {
                    file: literal.file,
                    pointer: format!("{pointer}/{index}"),
                    attribute: format!("{path}[{index}]"),
                    span: *span,
                    variable: literal.variable.clone(),
                },
            );
        }
        mapped.places.insert(
            api,
            Place {
                file: literal.file,
                pointer,
                attribute: path.to_owned(),
                span: literal.span,
                variable: literal.variable,
            },
        );
        mapped
            .request
            .insert(parameter.name().to_owned(), literal.value);
    }

    /// The first `storage` block (the provider's `MaxItems: 1`).
    fn storage(&self, body: &Body, pointer: &str, path: &str, mapped: &mut Mapped) {
        let dynamic = body
            .get_blocks("dynamic")
            .any(|d| d.labels.first().map(|l| l.as_str()) == Some("storage"));
        if body.has_attribute("storage") || (dynamic && !body.has_blocks("storage")) {
            mapped.unknown.insert(format!("/{}", Param::Storage));
            return;
        }
        let Some(block) = body.get_blocks("storage").next() else {
            return;
        };
        let pointer = format!("{pointer}/storage/0");
        let mut storage = Mapped::default();
        for (attribute, field) in STORAGE_ATTRIBUTES {
            self.attribute(
                &block.body,
                attribute,
                *field,
                &pointer,
                &format!("{path}.{attribute}"),
                &mut storage,
            );
        }
        mapped.request.insert(
            Param::Storage.name().to_owned(),
            Value::Object(std::mem::take(&mut storage.request)),
        );
        let place = Place {
            file: self.resource.file,
            pointer,
            attribute: path.to_owned(),
            span: header(block),
            variable: None,
        };
        mapped.nest(format!("/{}", Param::Storage), storage, place);
    }

    /// An expression's literal value, or that of the variable it names (`var.NAME`).
    fn literal_or_default(&self, expression: &Expression) -> Option<Literal> {
        let file = self.resource.file;
        let text = self.module.texts.get(file)?;
        if let Some(name) = variable_name(expression) {
            let (file, default) = *self.module.defaults.get(name)?;
            let text = self.module.texts.get(file)?;
            let mut literal = literal(text, default)?;
            literal.file = file;
            literal.variable = Some(name.to_owned());
            return Some(literal);
        }
        let mut literal = literal(text, expression)?;
        literal.file = file;
        Some(literal)
    }
}

/// The attribute a parameter or `Storage` field maps to (an index as it is).
fn attribute_of(parameter: &str) -> &str {
    ATTRIBUTES
        .iter()
        .chain(STORAGE_ATTRIBUTES)
        .chain(EVENTS_ATTRIBUTES)
        .chain(FILTER_ATTRIBUTES)
        .find(|(_, p)| p.name() == parameter)
        .map_or(parameter, |(a, _)| a)
}

/// `NAME` of an expression that is exactly `var.NAME`.
fn variable_name(expression: &Expression) -> Option<&str> {
    let traversal = expression.as_traversal()?;
    if traversal.expr.as_variable()?.as_str() != "var" {
        return None;
    }
    match traversal.operators.as_slice() {
        [operator] => match operator.value() {
            TraversalOperator::GetAttr(name) => Some(name.as_str()),
            _ => None,
        },
        _ => None,
    }
}

/// A literal expression's value and span; `None` for any other expression.
fn literal(text: &str, expression: &Expression) -> Option<Literal> {
    let span = expression.span().map(|r| Span::new(r.start, r.end))?;
    let mut items = Vec::new();
    let value = match expression {
        Expression::Bool(b) => Value::Bool(*b.value()),
        Expression::Number(_) => number_value(text.get(span.start..span.end)?),
        Expression::String(s) => Value::String(s.value().clone()),
        Expression::StringTemplate(template) => Value::String(template_literal(template)?),
        Expression::HeredocTemplate(heredoc) => Value::String(template_literal(&heredoc.template)?),
        Expression::Parenthesis(inner) => return literal(text, inner.inner()),
        Expression::Array(array) => {
            let mut values = Vec::with_capacity(array.len());
            for item in array.iter() {
                let item = literal(text, item)?;
                items.push(item.span);
                values.push(item.value);
            }
            Value::Array(values)
        }
        _ => return None,
    };
    Some(Literal {
        value,
        file: 0,
        span,
        items,
        variable: None,
    })
}

/// A template's text when it is made of literal text alone.
fn template_literal(template: &Template) -> Option<String> {
    template
        .iter()
        .map(|element| match element {
            Element::Literal(text) => Some(text.value().as_str()),
            _ => None,
        })
        .collect()
}

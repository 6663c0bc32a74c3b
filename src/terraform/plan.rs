//! Plans: `terraform show -json` output: `tencentcloud_audit_track` resources validated as
//! `CreateAuditTrack`, `tencentcloud_events_audit_track` as `CreateEventsAuditTrack`.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::Findings;
use super::mapping::{
    Attributes, FILTER_ATTRIBUTES, RESOURCE_FIELD_ATTRIBUTES, STORAGE_ATTRIBUTES, api_to_attribute,
    index_suffix, resource_kind,
};
use crate::diagnostic::{Enclosing, EnclosingKind, Report};
use crate::facts::TrackAction;
use crate::source::{self, JsonValue, Node, Span, SyntaxError};
use crate::{JsonType, Param, Replacement, RuleId, Validator, Violation};

/// Whether `root` looks like `terraform show -json` output.
pub fn is_plan(root: &Node<'_>) -> bool {
    root.get("planned_values").is_some() && root.get("format_version").is_some()
}

/// Validates every audit-track resource of a plan. `Ok(None)` when the text is JSON but not a
/// plan; `Err` when it is not JSON.
///
/// The validator's limit on diagnostics bounds the whole plan, as it bounds one request; the
/// rest are counted in [`Report::omitted`]. A plan whose structure is not what Terraform
/// writes (`"planned_values": []`, `"resources": {}`) gets a located `parameter-type` error
/// at each such value, and its well-formed parts are still checked.
///
/// ```
/// use cloudaudit_lint::{terraform, RuleId, Validator};
/// let plan = r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": {}}}}"#;
/// let report = terraform::check_plan(&Validator::new(), plan).unwrap().unwrap();
/// assert_eq!(report.diagnostics[0].rule(), RuleId::ParameterType);
/// assert_eq!(report.diagnostics[0].path, "/planned_values/root_module/resources");
/// assert!(report.has_errors());
/// ```
pub fn check_plan(validator: &Validator, text: &str) -> Result<Option<Report>, SyntaxError> {
    let root = source::parse(text)?;
    if !is_plan(&root) {
        return Ok(None);
    }
    let validator = match (validator.region(), provider_region(&root)) {
        (None, Some(region)) => validator.clone().with_region(region),
        _ => validator.clone(),
    };
    let mut entries = Vec::new();
    let changes = after_unknown_by_address(&root, &mut entries);
    if let Some(planned) = root.get("planned_values")
        && expect(planned, JsonType::Object, "/planned_values", &mut entries)
        && let Some(module) = planned.get("root_module")
        && expect(
            module,
            JsonType::Object,
            "/planned_values/root_module",
            &mut entries,
        )
    {
        collect(module, "/planned_values/root_module", &mut entries);
    }
    // Document order, whichever part of the plan a finding comes from.
    entries.sort_by_key(Entry::start);

    // Every finding without a limit first, so that the limit cuts the plan as a whole.
    let unlimited = validator.clone().with_max_diagnostics(usize::MAX);
    let unlimited_events = unlimited.clone().with_action(TrackAction::CreateEvents);
    let mut findings = Findings::default();
    let none_unknown = Unknown::default();
    for entry in entries {
        match entry {
            Entry::Malformed {
                violation,
                pointer,
                span,
            } => {
                // Through the validator, for the level it reports at (or none).
                for diagnostic in unlimited
                    .report_violations(&pointer, vec![violation])
                    .diagnostics
                {
                    findings.push(diagnostic.violation, pointer.clone(), span, None);
                }
            }
            Entry::Resource(resource) => {
                let unknown = changes
                    .get(resource.address.as_str())
                    .unwrap_or(&none_unknown);
                let validator = match resource.action {
                    TrackAction::CreateEvents => &unlimited_events,
                    _ => &unlimited,
                };
                resource_findings(validator, text, &resource, unknown, &mut findings);
            }
        }
    }
    Ok(Some(findings.report(&validator, text)))
}

/// A part of the plan to report on, in document order.
enum Entry<'n, 'a> {
    /// An audit-track resource.
    Resource(PlanResource<'n, 'a>),
    /// A value of the plan's own structure with the wrong JSON type.
    Malformed {
        violation: Violation,
        pointer: String,
        span: Span,
    },
}

impl Entry<'_, '_> {
    fn start(&self) -> usize {
        match self {
            Self::Resource(resource) => resource.values.span.start,
            Self::Malformed { span, .. } => span.start,
        }
    }
}

/// Whether `node` has the JSON type the plan format gives it; if not, a malformed entry.
fn expect(
    node: &Node<'_>,
    expected: JsonType,
    pointer: &str,
    out: &mut Vec<Entry<'_, '_>>,
) -> bool {
    let found = json_type(node);
    if found == expected {
        return true;
    }
    let name = index_suffix(pointer).trim_start_matches('.').to_owned();
    out.push(Entry::Malformed {
        violation: Violation::WrongType {
            name,
            expected,
            found,
            replacement: None,
        },
        pointer: pointer.to_owned(),
        span: node.span,
    });
    false
}

/// The JSON type of a parsed value; numbers with a fraction or an exponent are not integers.
fn json_type(node: &Node<'_>) -> JsonType {
    match &node.value {
        JsonValue::Null => JsonType::Null,
        JsonValue::Bool(_) => JsonType::Boolean,
        JsonValue::Number(text) if text.contains(['.', 'e', 'E']) => JsonType::Number,
        JsonValue::Number(_) => JsonType::Integer,
        JsonValue::String(_) => JsonType::String,
        JsonValue::Array(_) => JsonType::Array,
        JsonValue::Object(_) => JsonType::Object,
    }
}

/// The findings of one resource, in the order validation gives them.
fn resource_findings(
    validator: &Validator,
    text: &str,
    resource: &PlanResource<'_, '_>,
    unknown: &Unknown,
    out: &mut Findings,
) {
    let mapped = map_resource(resource, unknown);
    let report = validator.validate_value(&mapped.request);
    for diagnostic in report.diagnostics {
        let mut violation = diagnostic.violation;
        if skipped(&violation, &diagnostic.path, unknown, validator.region()) {
            continue;
        }
        let place = mapped.place(&diagnostic.path);
        if place.exact {
            as_written(&mut violation, text, place.span);
        }
        let resource = Enclosing {
            kind: EnclosingKind::TerraformResource,
            address: resource.address.clone(),
            attribute: place.attribute,
            variable: None,
        };
        out.push(violation, place.pointer, place.span, Some(resource));
    }
}

/// A number's help (`write "12"`) shows it as the plan writes it, not as a float prints it.
pub(super) fn as_written(violation: &mut Violation, text: &str, span: Span) {
    if let Violation::WrongType {
        found: JsonType::Integer | JsonType::Number,
        replacement: Some(Replacement::String(replacement)),
        ..
    } = violation
        && let Some(written) = text.get(span.start..span.end)
    {
        written.clone_into(replacement);
    }
}

/// A missing parameter whose attribute Terraform only knows at apply time, or a region that
/// comes from the provider, is not a problem in the plan.
fn skipped(violation: &Violation, path: &str, unknown: &Unknown, region: Option<&str>) -> bool {
    if violation.rule() != RuleId::MissingParameter {
        return false;
    }
    if matches!(
        violation,
        Violation::MissingParameter {
            param: Param::Region
        }
    ) {
        return region.is_none();
    }
    unknown.covers(&api_to_attribute(path))
}

/// An audit-track resource found in the plan.
struct PlanResource<'n, 'a> {
    address: String,
    /// The action its type stands for, and its attributes.
    action: TrackAction,
    attributes: Attributes,
    /// JSON Pointer of its `values` object in the plan.
    values_pointer: String,
    values: &'n Node<'a>,
}

fn collect<'n, 'a>(module: &'n Node<'a>, pointer: &str, out: &mut Vec<Entry<'n, 'a>>) {
    let resources_pointer = format!("{pointer}/resources");
    if let Some(resources) = module.get("resources")
        && expect(resources, JsonType::Array, &resources_pointer, out)
        && let JsonValue::Array(resources) = &resources.value
    {
        for (index, resource) in resources.iter().enumerate() {
            let resource_pointer = format!("{resources_pointer}/{index}");
            if !expect(resource, JsonType::Object, &resource_pointer, out) {
                continue;
            }
            let kind_name = resource.get("type").and_then(|t| t.value.as_str());
            let kind = kind_name
                .and_then(resource_kind)
                .filter(|_| resource.get("mode").and_then(|m| m.value.as_str()) != Some("data"));
            let values_pointer = format!("{resource_pointer}/values");
            let (Some((action, attributes)), Some(values)) = (kind, resource.get("values")) else {
                continue;
            };
            let address = match resource.get("address") {
                Some(address) => {
                    if !expect(
                        address,
                        JsonType::String,
                        &format!("{resource_pointer}/address"),
                        out,
                    ) {
                        continue;
                    }
                    address.value.as_str().unwrap_or_default()
                }
                None => kind_name.unwrap_or_default(),
            };
            if expect(values, JsonType::Object, &values_pointer, out) {
                out.push(Entry::Resource(PlanResource {
                    address: address.to_owned(),
                    action,
                    attributes,
                    values_pointer,
                    values,
                }));
            }
        }
    }
    let children_pointer = format!("{pointer}/child_modules");
    if let Some(children) = module.get("child_modules")
        && expect(children, JsonType::Array, &children_pointer, out)
        && let JsonValue::Array(children) = &children.value
    {
        for (index, child) in children.iter().enumerate() {
            let child_pointer = format!("{children_pointer}/{index}");
            if expect(child, JsonType::Object, &child_pointer, out) {
                collect(child, &child_pointer, out);
            }
        }
    }
}

/// Each resource address's attributes unknown until apply, from `resource_changes` (the first
/// change of an address wins), read once; malformed changes are reported.
fn after_unknown_by_address<'n, 'a>(
    root: &'n Node<'a>,
    out: &mut Vec<Entry<'n, 'a>>,
) -> HashMap<&'n str, Unknown> {
    let mut by_address = HashMap::new();
    let Some(changes) = root.get("resource_changes") else {
        return by_address;
    };
    if !expect(changes, JsonType::Array, "/resource_changes", out) {
        return by_address;
    }
    let JsonValue::Array(changes) = &changes.value else {
        return by_address;
    };
    for (index, change) in changes.iter().enumerate() {
        let pointer = format!("/resource_changes/{index}");
        if !expect(change, JsonType::Object, &pointer, out) {
            continue;
        }
        let Some(address) = change.get("address").and_then(|a| a.value.as_str()) else {
            continue;
        };
        let Some(inner) = change.get("change") else {
            continue;
        };
        if !expect(inner, JsonType::Object, &format!("{pointer}/change"), out) {
            continue;
        }
        if let Some(after_unknown) = inner.get("after_unknown") {
            by_address
                .entry(address)
                .or_insert_with(|| unknown_attributes(after_unknown));
        }
    }
    by_address
}

/// The attributes whose values are unknown until apply (`storage[0].storage_name` style).
fn unknown_attributes(after_unknown: &Node<'_>) -> Unknown {
    let mut unknown = Vec::new();
    true_leaves(after_unknown, String::new(), &mut unknown);
    Unknown(unknown.into_iter().collect())
}

/// A resource's attributes whose values Terraform knows only at apply time.
#[derive(Debug, Default)]
struct Unknown(HashSet<String>);

impl Unknown {
    /// Whether `attribute` itself is unknown.
    fn contains(&self, attribute: &str) -> bool {
        self.0.contains(attribute)
    }

    /// Whether `attribute` or what holds it (`storage` for `storage[0].storage_name`, `""`
    /// for the whole resource) is unknown: a lookup per prefix, however many are unknown.
    fn covers(&self, attribute: &str) -> bool {
        (0..=attribute.len())
            .filter_map(|end| attribute.get(..end))
            .any(|prefix| self.contains(prefix))
    }
}

fn true_leaves(node: &Node<'_>, prefix: String, out: &mut Vec<String>) {
    match &node.value {
        JsonValue::Bool(true) => out.push(prefix),
        JsonValue::Object(members) => {
            for member in members {
                let path = if prefix.is_empty() {
                    member.key.to_string()
                } else {
                    format!("{prefix}.{}", member.key)
                };
                true_leaves(&member.value, path, out);
            }
        }
        JsonValue::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                true_leaves(item, format!("{prefix}[{index}]"), out);
            }
        }
        _ => {}
    }
}

/// The `region` of the plan's `tencentcloud` provider configuration, when it is a constant.
fn provider_region(root: &Node<'_>) -> Option<String> {
    let providers = root.get("configuration")?.get("provider_config")?;
    let JsonValue::Object(members) = &providers.value else {
        return None;
    };
    members
        .iter()
        .filter(|m| m.key == "tencentcloud" || m.key.starts_with("tencentcloud."))
        .find_map(|m| {
            m.value
                .get("expressions")?
                .get("region")?
                .get("constant_value")?
                .value
                .as_str()
                .map(str::to_owned)
        })
}

/// A resource as an API request, and where each parameter came from in the plan.
struct Mapped {
    request: Value,
    values_pointer: String,
    values_span: Span,
    places: Places,
    /// The index in `places` of each API pointer.
    by_api: HashMap<String, usize>,
}

/// Where a diagnostic of a mapped request is in the plan.
struct Place {
    pointer: String,
    attribute: String,
    span: Span,
    /// Whether `span` is the diagnostic's value itself, not a parent.
    exact: bool,
}

impl Mapped {
    /// The place of an API pointer: the mapped value itself, the nearest mapped parent, or
    /// the resource's `values` object. Looked up by pointer, parent after parent.
    fn place(&self, api_path: &str) -> Place {
        let mut prefix = api_path;
        loop {
            if let Some((_, plan, attribute, span)) =
                self.by_api.get(prefix).and_then(|&i| self.places.get(i))
            {
                let rest = api_path.get(prefix.len()..).unwrap_or_default();
                return Place {
                    pointer: format!("{plan}{rest}"),
                    attribute: format!("{attribute}{}", index_suffix(rest)),
                    span: *span,
                    exact: rest.is_empty(),
                };
            }
            match prefix.rfind('/') {
                Some(cut) if cut > 0 => prefix = &prefix[..cut],
                _ => break,
            }
        }
        Place {
            pointer: self.values_pointer.clone(),
            attribute: api_to_attribute(api_path),
            span: Span::new(
                self.values_span.start,
                self.values_span.start.saturating_add(1),
            ),
            exact: false,
        }
    }
}

fn map_resource(resource: &PlanResource<'_, '_>, unknown: &Unknown) -> Mapped {
    let mut request = Map::new();
    let mut places = Vec::new();
    let known = |attribute: &str| !unknown.contains(attribute);
    for (attribute, parameter) in resource.attributes {
        let Some(node) = resource.values.get(attribute) else {
            continue;
        };
        if matches!(node.value, JsonValue::Null) || !known(attribute) {
            continue;
        }
        let plan_pointer = format!("{}/{attribute}", resource.values_pointer);
        if *parameter == Param::Storage {
            if let Some((storage, storage_places)) = map_storage(node, &plan_pointer, unknown) {
                request.insert(parameter.name().to_owned(), storage);
                places.extend(storage_places);
            }
            continue;
        }
        if *parameter == Param::Filters {
            if let Some((filters, filter_places)) = map_filters(node, &plan_pointer, unknown) {
                request.insert(parameter.name().to_owned(), filters);
                places.extend(filter_places);
            }
            continue;
        }
        request.insert(parameter.name().to_owned(), to_value(node));
        let api = format!("/{parameter}");
        push_places(
            &mut places,
            api,
            plan_pointer,
            (*attribute).to_owned(),
            node,
        );
    }
    let by_api = places
        .iter()
        .enumerate()
        .map(|(index, (api, ..))| (api.clone(), index))
        .collect();
    Mapped {
        request: Value::Object(request),
        values_pointer: resource.values_pointer.clone(),
        values_span: resource.values.span,
        places,
        by_api,
    }
}

type Places = Vec<(String, String, String, Span)>;

/// The places of a mapped value (API pointer, plan pointer, attribute path): each entry of an
/// array first, then the value itself.
fn push_places(places: &mut Places, api: String, pointer: String, path: String, node: &Node<'_>) {
    if let JsonValue::Array(items) = &node.value {
        for (index, item) in items.iter().enumerate() {
            places.push((
                format!("{api}/{index}"),
                format!("{pointer}/{index}"),
                format!("{path}[{index}]"),
                item.span,
            ));
        }
    }
    places.push((api, pointer, path, node.span));
}

/// The `storage` block: a list holding one object (the provider's `MaxItems: 1`).
fn map_storage(node: &Node<'_>, plan_pointer: &str, unknown: &Unknown) -> Option<(Value, Places)> {
    let JsonValue::Array(blocks) = &node.value else {
        // Not the documented shape: let validation report its type.
        let places = vec![(
            format!("/{}", Param::Storage),
            plan_pointer.to_owned(),
            "storage".to_owned(),
            node.span,
        )];
        return Some((to_value(node), places));
    };
    let block = blocks.first()?;
    let mut storage = Map::new();
    let mut places = vec![(
        format!("/{}", Param::Storage),
        format!("{plan_pointer}/0"),
        "storage[0]".to_owned(),
        block.span,
    )];
    for (attribute, field) in STORAGE_ATTRIBUTES {
        let Some(value) = block.get(attribute) else {
            continue;
        };
        let path = format!("storage[0].{attribute}");
        if matches!(value.value, JsonValue::Null) || unknown.contains(&path) {
            continue;
        }
        storage.insert(field.name().to_owned(), to_value(value));
        places.push((
            format!("/{}/{field}", Param::Storage),
            format!("{plan_pointer}/0/{attribute}"),
            path,
            value.span,
        ));
    }
    Some((Value::Object(storage), places))
}

/// The `filters` block (one element) and its `resource_fields` blocks:
/// `filters[0].resource_fields[i].x` ↔ `/Filters/ResourceFields/i/X`.
fn map_filters(node: &Node<'_>, plan_pointer: &str, unknown: &Unknown) -> Option<(Value, Places)> {
    let filters_api = format!("/{}", Param::Filters);
    let JsonValue::Array(blocks) = &node.value else {
        // Not the documented shape: let validation report its type.
        let places = vec![(
            filters_api,
            plan_pointer.to_owned(),
            "filters".to_owned(),
            node.span,
        )];
        return Some((to_value(node), places));
    };
    let block = blocks.first()?;
    let block_pointer = format!("{plan_pointer}/0");
    let mut places = vec![(
        filters_api.clone(),
        block_pointer.clone(),
        "filters[0]".to_owned(),
        block.span,
    )];
    let mut filters = Map::new();
    let JsonValue::Object(_) = &block.value else {
        return Some((to_value(block), places));
    };
    for (attribute, field) in FILTER_ATTRIBUTES {
        let path = format!("filters[0].{attribute}");
        let Some(list) = block.get(attribute) else {
            continue;
        };
        if matches!(list.value, JsonValue::Null) || unknown.contains(&path) {
            continue;
        }
        let list_api = format!("{filters_api}/{field}");
        let list_pointer = format!("{block_pointer}/{attribute}");
        places.push((
            list_api.clone(),
            list_pointer.clone(),
            path.clone(),
            list.span,
        ));
        let JsonValue::Array(entries) = &list.value else {
            filters.insert(field.name().to_owned(), to_value(list));
            continue;
        };
        let mut mapped = Vec::with_capacity(entries.len());
        for (index, entry) in entries.iter().enumerate() {
            let entry_api = format!("{list_api}/{index}");
            let entry_pointer = format!("{list_pointer}/{index}");
            let entry_path = format!("{path}[{index}]");
            places.push((
                entry_api.clone(),
                entry_pointer.clone(),
                entry_path.clone(),
                entry.span,
            ));
            let JsonValue::Object(_) = &entry.value else {
                mapped.push(to_value(entry));
                continue;
            };
            let mut fields = Map::new();
            for (attribute, parameter) in RESOURCE_FIELD_ATTRIBUTES {
                let Some(value) = entry.get(attribute) else {
                    continue;
                };
                let value_path = format!("{entry_path}.{attribute}");
                if matches!(value.value, JsonValue::Null) || unknown.contains(&value_path) {
                    continue;
                }
                let value_api = format!("{entry_api}/{parameter}");
                let value_pointer = format!("{entry_pointer}/{attribute}");
                push_places(&mut places, value_api, value_pointer, value_path, value);
                fields.insert(parameter.name().to_owned(), to_value(value));
            }
            mapped.push(Value::Object(fields));
        }
        filters.insert(field.name().to_owned(), Value::Array(mapped));
    }
    Some((Value::Object(filters), places))
}

/// A parsed node as a `serde_json::Value` (numbers keep their text's meaning; see
/// [`number_value`]).
fn to_value(node: &Node<'_>) -> Value {
    match &node.value {
        JsonValue::Null => Value::Null,
        JsonValue::Bool(b) => Value::Bool(*b),
        JsonValue::Number(text) => number_value(text),
        JsonValue::String(s) => Value::String(s.to_string()),
        JsonValue::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        JsonValue::Object(members) => Value::Object(
            members
                .iter()
                .map(|m| (m.key.to_string(), to_value(&m.value)))
                .collect(),
        ),
    }
}

/// A number as a `serde_json::Value`. One beyond the range of `f64` (`1e9223372036854775807`)
/// becomes the largest finite `f64` of its sign, so it is still reported as a number.
pub(super) fn number_value(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| {
        Value::from(if text.starts_with('-') {
            f64::MIN
        } else {
            f64::MAX
        })
    })
}

//! Terraform plans: every `tencentcloud_audit_track` resource in the output of
//! `terraform show -json`, validated as a `CreateAuditTrack` request.
//!
//! The resources are read from `planned_values` (the root module and every child module,
//! recursively); their snake_case attributes map to the API's parameters (`storage` is a
//! one-element list holding the `Storage` fields). Each diagnostic names the resource address
//! (`module.audit.tencentcloud_audit_track.main`) and the attribute (`storage[0].storage_name`),
//! and is located in the plan file itself. Values Terraform only knows at apply time are absent
//! from `planned_values` and listed in `resource_changes[].change.after_unknown`: they are
//! skipped, not reported missing. The API region comes from the caller, else from the plan's
//! `tencentcloud` provider configuration when it is a constant.
//!
//! ```
//! use cloudaudit_lint::{terraform, Validator};
//! let plan = r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
//!   {"address": "tencentcloud_audit_track.main", "mode": "managed",
//!    "type": "tencentcloud_audit_track", "name": "main",
//!    "values": {"name": "a b", "action_type": "Read", "resource_type": "cvm", "status": 1,
//!               "event_names": ["*"], "storage": [{"storage_type": "cls",
//!               "storage_region": "ap-guangzhou", "storage_name": "topic", "storage_prefix": "x"}]}}]}}}"#;
//! let validator = Validator::new().with_region("ap-guangzhou");
//! let report = terraform::check_plan(&validator, plan).unwrap().unwrap();
//! let d = &report.diagnostics[0];
//! assert_eq!(d.rule().as_str(), "name-charset");
//! let resource = d.resource.as_ref().unwrap();
//! assert_eq!((resource.address.as_str(), resource.attribute.as_str()), ("tencentcloud_audit_track.main", "name"));
//! ```

use serde_json::{Map, Value};

use crate::diagnostic::{Location, Report, ResourceRef};
use crate::source::{self, JsonValue, Node, Span, SyntaxError};
use crate::{RuleId, Validator, Violation};

/// The resource type validated.
pub const RESOURCE_TYPE: &str = "tencentcloud_audit_track";

/// Top-level attributes and the parameters they map to.
const ATTRIBUTES: &[(&str, &str)] = &[
    ("name", "Name"),
    ("action_type", "ActionType"),
    ("resource_type", "ResourceType"),
    ("status", "Status"),
    ("event_names", "EventNames"),
    ("storage", "Storage"),
    ("track_for_all_members", "TrackForAllMembers"),
];

/// The `storage` block's attributes and the `Storage` fields they map to.
const STORAGE_ATTRIBUTES: &[(&str, &str)] = &[
    ("storage_type", "StorageType"),
    ("storage_region", "StorageRegion"),
    ("storage_name", "StorageName"),
    ("storage_prefix", "StoragePrefix"),
    ("storage_account_id", "StorageAccountId"),
    ("storage_app_id", "StorageAppId"),
    ("compress", "Compress"),
];

/// Whether `root` looks like `terraform show -json` output.
pub fn is_plan(root: &Node<'_>) -> bool {
    root.get("planned_values").is_some() && root.get("format_version").is_some()
}

/// Validates every audit-track resource of a plan. `Ok(None)` when the text is JSON but not a
/// plan; `Err` when it is not JSON.
pub fn check_plan(validator: &Validator, text: &str) -> Result<Option<Report>, SyntaxError> {
    let root = source::parse(text)?;
    if !is_plan(&root) {
        return Ok(None);
    }
    let validator = match (validator.region(), provider_region(&root)) {
        (None, Some(region)) => validator.clone().with_region(region),
        _ => validator.clone(),
    };
    let mut resources = Vec::new();
    if let Some(module) = root
        .get("planned_values")
        .and_then(|p| p.get("root_module"))
    {
        collect(module, "/planned_values/root_module", &mut resources);
    }
    let mut diagnostics = Vec::new();
    let mut omitted = (0, 0);
    for resource in resources {
        let unknown = unknown_attributes(&root, &resource.address);
        let mapped = map_resource(&resource, &unknown);
        let report = validator.validate_value(&mapped.request);
        omitted.0 += report.omitted;
        omitted.1 += report.omitted_errors;
        for mut diagnostic in report.diagnostics {
            if skipped(
                &diagnostic.violation,
                &diagnostic.path,
                &unknown,
                validator.region(),
            ) {
                continue;
            }
            let (pointer, attribute, span) = mapped.place(&diagnostic.path);
            diagnostic.path = pointer;
            diagnostic.location = span.map(|span| location(text, span));
            diagnostic.resource = Some(ResourceRef {
                address: resource.address.clone(),
                attribute,
            });
            diagnostics.push(diagnostic);
        }
    }
    Ok(Some(Report {
        diagnostics,
        omitted: omitted.0,
        omitted_errors: omitted.1,
    }))
}

fn location(text: &str, span: Span) -> Location {
    let positions = source::locate_all(text, &[span.start, span.end]);
    let at = |i: usize| positions.get(i).copied().unwrap_or_default();
    Location {
        span,
        start: at(0),
        end: at(1),
    }
}

/// A missing parameter whose attribute Terraform only knows at apply time, or a region that
/// comes from the provider, is not a problem in the plan.
fn skipped(violation: &Violation, path: &str, unknown: &[String], region: Option<&str>) -> bool {
    if violation.rule() != RuleId::MissingParameter {
        return false;
    }
    if path == "/Region" {
        return region.is_none();
    }
    let attribute = api_to_attribute(path);
    unknown.iter().any(|u| attribute.starts_with(u.as_str()))
}

/// An audit-track resource found in the plan.
struct PlanResource<'n, 'a> {
    address: String,
    /// JSON Pointer of its `values` object in the plan.
    values_pointer: String,
    values: &'n Node<'a>,
}

fn collect<'n, 'a>(module: &'n Node<'a>, pointer: &str, out: &mut Vec<PlanResource<'n, 'a>>) {
    if let Some(JsonValue::Array(resources)) = module.get("resources").map(|r| &r.value) {
        for (index, resource) in resources.iter().enumerate() {
            let is_track = resource.get("type").and_then(|t| t.value.as_str())
                == Some(RESOURCE_TYPE)
                && resource.get("mode").and_then(|m| m.value.as_str()) != Some("data");
            if let (true, Some(values)) = (is_track, resource.get("values")) {
                let address = resource
                    .get("address")
                    .and_then(|a| a.value.as_str())
                    .unwrap_or(RESOURCE_TYPE)
                    .to_owned();
                out.push(PlanResource {
                    address,
                    values_pointer: format!("{pointer}/resources/{index}/values"),
                    values,
                });
            }
        }
    }
    if let Some(JsonValue::Array(children)) = module.get("child_modules").map(|c| &c.value) {
        for (index, child) in children.iter().enumerate() {
            collect(child, &format!("{pointer}/child_modules/{index}"), out);
        }
    }
}

/// The attributes of `address` whose values are unknown until apply (`storage[0].storage_name`
/// style), from `resource_changes[].change.after_unknown`.
fn unknown_attributes(root: &Node<'_>, address: &str) -> Vec<String> {
    let Some(JsonValue::Array(changes)) = root.get("resource_changes").map(|c| &c.value) else {
        return Vec::new();
    };
    let Some(after_unknown) = changes
        .iter()
        .find(|c| c.get("address").and_then(|a| a.value.as_str()) == Some(address))
        .and_then(|c| c.get("change"))
        .and_then(|c| c.get("after_unknown"))
    else {
        return Vec::new();
    };
    let mut unknown = Vec::new();
    true_leaves(after_unknown, String::new(), &mut unknown);
    unknown
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
    /// (API pointer, plan pointer, attribute, span of the value in the plan).
    places: Vec<(String, String, String, Span)>,
}

impl Mapped {
    /// The plan pointer, attribute path and span for an API pointer: the mapped value itself,
    /// the nearest mapped parent, or the resource's `values` object.
    fn place(&self, api_path: &str) -> (String, String, Option<Span>) {
        let best = self
            .places
            .iter()
            .filter(|(api, ..)| api_path == api || api_path.starts_with(&format!("{api}/")))
            .max_by_key(|(api, ..)| api.len());
        match best {
            Some((api, plan, attribute, span)) => {
                let rest = &api_path[api.len()..];
                let attribute = format!("{attribute}{}", index_suffix(rest));
                if rest.is_empty() {
                    (plan.clone(), attribute, Some(*span))
                } else {
                    (format!("{plan}{rest}"), attribute, Some(*span))
                }
            }
            None => (
                self.values_pointer.clone(),
                api_to_attribute(api_path),
                Some(Span {
                    start: self.values_span.start,
                    end: self.values_span.start + 1,
                }),
            ),
        }
    }
}

/// `/3` → `[3]` for entries of a list attribute.
fn index_suffix(rest: &str) -> String {
    rest.split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            if s.bytes().all(|b| b.is_ascii_digit()) {
                format!("[{s}]")
            } else {
                format!(".{s}")
            }
        })
        .collect()
}

/// The attribute an API pointer stands for (`/Storage/StorageName` → `storage[0].storage_name`).
fn api_to_attribute(api_path: &str) -> String {
    let mut segments = api_path.trim_start_matches('/').split('/');
    let top = segments.next().unwrap_or_default();
    let Some((attribute, _)) = ATTRIBUTES.iter().find(|(_, p)| *p == top) else {
        return top.to_owned();
    };
    match (top, segments.next()) {
        ("Storage", Some(field)) => {
            let name = STORAGE_ATTRIBUTES
                .iter()
                .find(|(_, p)| *p == field)
                .map_or(field, |(a, _)| a);
            format!("storage[0].{name}")
        }
        (_, Some(index)) => format!("{attribute}[{index}]"),
        _ => (*attribute).to_owned(),
    }
}

fn map_resource(resource: &PlanResource<'_, '_>, unknown: &[String]) -> Mapped {
    let mut request = Map::new();
    let mut places = Vec::new();
    let known = |attribute: &str| !unknown.iter().any(|u| u == attribute);
    for (attribute, parameter) in ATTRIBUTES {
        let Some(node) = resource.values.get(attribute) else {
            continue;
        };
        if matches!(node.value, JsonValue::Null) || !known(attribute) {
            continue;
        }
        let plan_pointer = format!("{}/{attribute}", resource.values_pointer);
        if *attribute == "storage" {
            if let Some((storage, storage_places)) = map_storage(node, &plan_pointer, unknown) {
                request.insert((*parameter).to_owned(), storage);
                places.extend(storage_places);
            }
            continue;
        }
        request.insert((*parameter).to_owned(), to_value(node));
        if let JsonValue::Array(items) = &node.value {
            for (index, item) in items.iter().enumerate() {
                places.push((
                    format!("/{parameter}/{index}"),
                    format!("{plan_pointer}/{index}"),
                    format!("{attribute}[{index}]"),
                    item.span,
                ));
            }
        }
        places.push((
            format!("/{parameter}"),
            plan_pointer,
            (*attribute).to_owned(),
            node.span,
        ));
    }
    Mapped {
        request: Value::Object(request),
        values_pointer: resource.values_pointer.clone(),
        values_span: resource.values.span,
        places,
    }
}

type Places = Vec<(String, String, String, Span)>;

/// The `storage` block: a list holding one object (the provider's `MaxItems: 1`).
fn map_storage(node: &Node<'_>, plan_pointer: &str, unknown: &[String]) -> Option<(Value, Places)> {
    let JsonValue::Array(blocks) = &node.value else {
        // Not the documented shape: let validation report its type.
        let places = vec![(
            "/Storage".to_owned(),
            plan_pointer.to_owned(),
            "storage".to_owned(),
            node.span,
        )];
        return Some((to_value(node), places));
    };
    let block = blocks.first()?;
    let mut storage = Map::new();
    let mut places = vec![(
        "/Storage".to_owned(),
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
        storage.insert((*field).to_owned(), to_value(value));
        places.push((
            format!("/Storage/{field}"),
            format!("{plan_pointer}/0/{attribute}"),
            path,
            value.span,
        ));
    }
    Some((Value::Object(storage), places))
}

/// A parsed node as a `serde_json::Value` (numbers keep their text's meaning).
fn to_value(node: &Node<'_>) -> Value {
    match &node.value {
        JsonValue::Null => Value::Null,
        JsonValue::Bool(b) => Value::Bool(*b),
        JsonValue::Number(text) => serde_json::from_str(text).unwrap_or(Value::Null),
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

//! Terraform: `tencentcloud_audit_track` resources validated as `CreateAuditTrack` requests,
//! from a plan (`terraform show -json`, [`check_plan`]) or from the `.tf` sources themselves
//! (`source`, native builds only).
//!
//! **Plans.** Every `tencentcloud_audit_track` resource in the output of `terraform show -json`.
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
//! let resource = d.within.as_ref().unwrap();
//! assert_eq!((resource.address.as_str(), resource.attribute.as_str()), ("tencentcloud_audit_track.main", "name"));
//! ```

mod mapping;
mod plan;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;

pub use plan::{check_plan, is_plan};

use crate::diagnostic::{Enclosing, Location, Report};
use crate::source::Span;
use crate::{Validator, Violation};

/// The resource type validated as `CreateAuditTrack`.
pub const RESOURCE_TYPE: &str = "tencentcloud_audit_track";

/// The events tracking-set resource type, validated as `CreateEventsAuditTrack`.
pub const EVENTS_RESOURCE_TYPE: &str = "tencentcloud_events_audit_track";

/// What a plan's or a source file's resources are reported with: each violation and its
/// place, in order.
#[derive(Default)]
struct Findings {
    violations: Vec<Violation>,
    places: Vec<(String, Span, Option<Enclosing>)>,
}

impl Findings {
    fn push(
        &mut self,
        violation: Violation,
        pointer: String,
        span: Span,
        resource: Option<Enclosing>,
    ) {
        self.violations.push(violation);
        self.places.push((pointer, span, resource));
    }

    /// The report: the validator's levels, suppressions and limit applied to the findings of
    /// the whole input at once (each finding already passed its levels, so none is dropped
    /// and the reported ones are the first ones), then every position found in one sweep.
    fn report(self, validator: &Validator, text: &str) -> Report {
        let Self {
            violations,
            mut places,
        } = self;
        let mut report = validator.report_violations("", violations);
        places.truncate(report.diagnostics.len());
        let offsets: Vec<usize> = places
            .iter()
            .flat_map(|(_, span, _)| [span.start, span.end])
            .collect();
        let mut positions = crate::source::locate_all(text, &offsets).into_iter();
        for (diagnostic, (pointer, span, resource)) in report.diagnostics.iter_mut().zip(places) {
            let start = positions.next().unwrap_or_default();
            let end = positions.next().unwrap_or_default();
            diagnostic.path = pointer;
            diagnostic.location = Some(Location { span, start, end });
            diagnostic.within = resource;
        }
        report
    }
}

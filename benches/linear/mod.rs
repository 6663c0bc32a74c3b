//! The linear-time benchmark: each large input doubled several times, and the cost per item
//! at each size. A linear algorithm keeps the per-item cost flat (the ratio of the largest to
//! the smallest stays near 1); a quadratic one doubles it at every step.
//!
//! The inputs are the ones issue 12 names: unknown keys, `EventNames` entries, Terraform plan
//! resources, configuration keys, and a number's digits and exponent.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cloudaudit_lint::{Config, Validator, terraform};

use crate::measure::{Plan, per_item_ns};

/// Few, short samples: the largest sizes run once per sample.
const PLAN: Plan = Plan {
    samples: 5,
    sample_time: Duration::from_millis(50),
    warm_up: Duration::from_millis(20),
};

/// Past this, one run at a size stops the family's doubling (a quadratic input would
/// otherwise run for hours).
const ONE_RUN_LIMIT: Duration = Duration::from_secs(5);

/// One input family: what an item is, and how to build and process `n` of them.
pub struct Family {
    pub name: &'static str,
    pub unit: &'static str,
    build: fn(usize) -> String,
    run: fn(&Validator, &str),
}

pub const FAMILIES: &[Family] = &[
    Family {
        name: "keys",
        unit: "unknown key",
        build: unknown_keys,
        run: validate,
    },
    Family {
        name: "event-names",
        unit: "EventNames entry",
        build: event_names,
        run: validate,
    },
    Family {
        name: "plan-resources",
        unit: "plan resource",
        build: plan_resources,
        run: check_plan,
    },
    Family {
        name: "config-keys",
        unit: "[rules] key",
        build: config_keys,
        run: read_config,
    },
    Family {
        name: "number-digits",
        unit: "digit",
        build: number_digits,
        run: validate,
    },
    Family {
        name: "exponent-digits",
        unit: "exponent digit",
        build: exponent_digits,
        run: validate,
    },
];

fn validate(validator: &Validator, text: &str) {
    black_box(validator.validate_str(black_box(text)));
}

fn check_plan(validator: &Validator, text: &str) {
    black_box(terraform::check_plan(validator, black_box(text)).ok());
}

fn read_config(_: &Validator, text: &str) {
    black_box(Config::from_toml(black_box(text)).is_ok());
}

/// A valid request's members but `Status` and `EventNames`.
const VALID_MEMBERS: &str = r#""Name": "audit", "ActionType": "Read", "ResourceType": "cos",
  "Storage": {"StorageType": "cos", "StorageRegion": "ap-guangzhou",
  "StorageName": "audit-cos", "StoragePrefix": "logs"}"#;

/// A valid request with `n` unknown parameters.
pub fn unknown_keys(n: usize) -> String {
    let mut text = format!("{{{VALID_MEMBERS}, \"Status\": 1, \"EventNames\": [\"PutObject\"]");
    for i in 0..n {
        text.push_str(&format!(",\n  \"Extra{i:07}\": {i}"));
    }
    text.push('}');
    text
}

/// A cos request with `n` entries, every one of them twice (an `event-names-cap` error and a
/// duplicate warning per second entry).
pub fn event_names(n: usize) -> String {
    let entries: Vec<String> = (0..n)
        .map(|i| format!("\"PutObject{:07}\"", i / 2))
        .collect();
    format!(
        "{{{VALID_MEMBERS}, \"Status\": 1, \"EventNames\": [{}]}}",
        entries.join(",\n  ")
    )
}

/// A plan with `n` audit-track resources, each with one fault (a space in its name).
pub fn plan_resources(n: usize) -> String {
    let resources: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"address": "tencentcloud_audit_track.t{i}", "mode": "managed",
        "type": "tencentcloud_audit_track", "name": "t{i}",
        "values": {{"name": "audit {i}", "action_type": "Read", "resource_type": "cos",
          "status": 1, "event_names": ["PutObject"], "track_for_all_members": 0,
          "storage": [{{"storage_type": "cos", "storage_region": "ap-guangzhou",
            "storage_name": "audit-cos", "storage_prefix": "logs"}}]}}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"format_version": "1.2", "planned_values": {{"root_module": {{"resources": [
      {}]}}}}}}"#,
        resources.join(",\n      ")
    )
}

/// A configuration with `n` unknown rule ids under `[rules]`.
pub fn config_keys(n: usize) -> String {
    let mut text = String::from("[rules]\n");
    for i in 0..n {
        text.push_str(&format!("no-such-rule-{i:07} = \"off\"\n"));
    }
    text
}

/// A request whose `Status` is an integral number of `n` digits written with a fraction
/// (`1000…0.0`, out of range).
pub fn number_digits(n: usize) -> String {
    let number = format!("1{}.0", "0".repeat(n.saturating_sub(1)));
    format!("{{{VALID_MEMBERS}, \"EventNames\": [\"PutObject\"], \"Status\": {number}}}")
}

/// A request whose `Status` is `1e` with an exponent of `n` digits (`1e000…01`, which is 10).
pub fn exponent_digits(n: usize) -> String {
    let number = format!("1e{}1", "0".repeat(n.saturating_sub(1)));
    format!("{{{VALID_MEMBERS}, \"EventNames\": [\"PutObject\"], \"Status\": {number}}}")
}

/// One family's measurements: (items, ns per item), and why it stopped early, if it did.
pub struct Measured {
    pub points: Vec<(usize, f64)>,
    pub stopped: Option<String>,
}

impl Measured {
    /// The largest per-item cost over the smallest.
    pub fn spread(&self) -> Option<f64> {
        let costs = self.points.iter().map(|&(_, ns)| ns);
        let max = costs.clone().fold(f64::MIN, f64::max);
        let min = costs.fold(f64::MAX, f64::min);
        (self.points.len() > 1 && min > 0.0).then(|| max / min)
    }
}

/// Measures `family` at `smallest`, twice that, … up to `largest` items.
pub fn measure(
    family: &Family,
    validator: &Validator,
    smallest: usize,
    largest: usize,
) -> Measured {
    let mut points = Vec::new();
    let mut n = smallest.max(1);
    while n <= largest {
        let text = (family.build)(n);
        let start = Instant::now();
        (family.run)(validator, &text);
        let once = start.elapsed();
        if once > ONE_RUN_LIMIT {
            return Measured {
                points,
                stopped: Some(format!(
                    "stopped at {n} items: one run took {:.1} s",
                    once.as_secs_f64()
                )),
            };
        }
        let ns = per_item_ns(PLAN, n, || (family.run)(validator, &text));
        points.push((n, ns));
        n = match n.checked_mul(2) {
            Some(next) => next,
            None => break,
        };
    }
    Measured {
        points,
        stopped: None,
    }
}

//! Typed requests of the tracking-set APIs: `CreateAuditTrack` as the page documents it, and
//! `ModifyAuditTrack`, `DeleteAuditTrack`, `DescribeAuditTrack`, `DescribeAuditTracks`,
//! `CreateEventsAuditTrack` and `ModifyEventsAuditTrack`.
//!
//! Field names serialize in the API's PascalCase, optional fields are left out when `None`,
//! and unknown fields are refused when deserializing. The page's example round-trips:
//!
//! ```
//! use cloudaudit_lint::CreateAuditTrackRequest;
//! let example = include_str!("../examples/create-audit-track.json");
//! let request: CreateAuditTrackRequest = serde_json::from_str(example).unwrap();
//! assert_eq!(request.storage.storage_name, "audit-cos");
//! let again: serde_json::Value = serde_json::to_value(&request).unwrap();
//! assert_eq!(again, serde_json::from_str::<serde_json::Value>(example).unwrap());
//! ```
//!
//! So does the multi-product example of `CreateEventsAuditTrack`:
//!
//! ```
//! use cloudaudit_lint::{CreateEventsAuditTrackRequest, Validator};
//! let example = include_str!("../examples/create-events-audit-track.json");
//! let request: CreateEventsAuditTrackRequest = serde_json::from_str(example).unwrap();
//! assert_eq!(request.filters.resource_fields[1].resource_type, "cvm");
//! let again: serde_json::Value = serde_json::to_value(&request).unwrap();
//! assert_eq!(again, serde_json::from_str::<serde_json::Value>(example).unwrap());
//! assert!(Validator::new().with_region("ap-guangzhou").validate_request(&request).is_clean());
//! ```
//!
//! String parameters stay strings (not enums) so that a typed request can hold any value a
//! user typed and validation can say what is wrong with it.

use serde::{Deserialize, Serialize};

use crate::facts::TrackAction;

/// A typed request of one tracking-set API.
pub trait TrackRequest: Serialize {
    /// The API it is a request of.
    const ACTION: TrackAction;

    /// The request as a JSON value.
    fn to_value(&self) -> serde_json::Value {
        // Strings, integers and vectors of strings always serialize.
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// `CreateAuditTrack`'s parameters (the common parameters travel separately).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateAuditTrackRequest {
    /// Tracking-set name: 3 to 48 ASCII letters, digits, `-` and `_`.
    pub name: String,
    /// `Read`, `Write` or `*`.
    pub action_type: String,
    /// A product code such as `cos`, or `*` for all products.
    pub resource_type: String,
    /// 0 (not enabled) or 1 (enabled).
    pub status: i64,
    /// API names, or `["*"]`.
    pub event_names: Vec<String>,
    /// Where the logs are shipped.
    pub storage: Storage,
    /// 0 or 1: ship organization members' logs to the admin account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track_for_all_members: Option<i64>,
    /// Task ID (both spec editions since 2025).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_id: Option<String>,
}

/// The `Storage` object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Storage {
    /// `cos` or `cls`.
    pub storage_type: String,
    /// Region code of the bucket or topic.
    pub storage_region: String,
    /// COS bucket name without `-APPID`, or CLS topic ID.
    pub storage_name: String,
    /// Prefix of the shipped files.
    pub storage_prefix: String,
    /// Account for cross-account delivery (Chinese edition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_account_id: Option<String>,
    /// APPID for cross-account delivery (Chinese edition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_app_id: Option<String>,
    /// 1 compress, 2 do not (Chinese edition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compress: Option<i64>,
}

impl TrackRequest for CreateAuditTrackRequest {
    const ACTION: TrackAction = TrackAction::Create;
}

/// `ModifyAuditTrack`: the tracking set's ID and the fields to change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ModifyAuditTrackRequest {
    /// The tracking set's ID.
    pub track_id: i64,
    /// Must equal the current name: the server does not rename tracking sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Read`, `Write` or `*`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_type: Option<String>,
    /// A product code, or `*`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// 0 or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
    /// API names, or `["*"]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_names: Option<Vec<String>>,
    /// A complete `Storage` object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<Storage>,
    /// 0 or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track_for_all_members: Option<i64>,
}

impl TrackRequest for ModifyAuditTrackRequest {
    const ACTION: TrackAction = TrackAction::Modify;
}

/// `DeleteAuditTrack`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DeleteAuditTrackRequest {
    /// The tracking set's ID.
    pub track_id: i64,
}

impl TrackRequest for DeleteAuditTrackRequest {
    const ACTION: TrackAction = TrackAction::Delete;
}

/// `DescribeAuditTrack`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DescribeAuditTrackRequest {
    /// The tracking set's ID.
    pub track_id: i64,
}

impl TrackRequest for DescribeAuditTrackRequest {
    const ACTION: TrackAction = TrackAction::Describe;
}

/// `DescribeAuditTracks`: one page of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DescribeAuditTracksRequest {
    /// 1-based page number.
    pub page_number: i64,
    /// Tracking sets per page.
    pub page_size: i64,
}

impl TrackRequest for DescribeAuditTracksRequest {
    const ACTION: TrackAction = TrackAction::DescribeList;
}

/// `CreateEventsAuditTrack`: a tracking set over several products.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateEventsAuditTrackRequest {
    /// Tracking-set name: 3 to 48 ASCII letters, digits, `-` and `_`.
    pub name: String,
    /// 0 (not enabled) or 1 (enabled).
    pub status: i64,
    /// Where the logs are shipped.
    pub storage: Storage,
    /// The products and their events.
    pub filters: Filters,
    /// 0 or 1: ship organization members' logs to the admin account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track_for_all_members: Option<i64>,
}

impl TrackRequest for CreateEventsAuditTrackRequest {
    const ACTION: TrackAction = TrackAction::CreateEvents;
}

/// `ModifyEventsAuditTrack`: the tracking set's ID and the fields to change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ModifyEventsAuditTrackRequest {
    /// The tracking set's ID.
    pub track_id: i64,
    /// Must equal the current name: the server does not rename tracking sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 0 or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
    /// A complete `Storage` object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<Storage>,
    /// A complete `Filters` object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Filters>,
    /// 0 or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track_for_all_members: Option<i64>,
}

impl TrackRequest for ModifyEventsAuditTrackRequest {
    const ACTION: TrackAction = TrackAction::ModifyEvents;
}

/// The `Filters` object of `CreateEventsAuditTrack` and `ModifyEventsAuditTrack`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Filters {
    /// One entry per product.
    pub resource_fields: Vec<ResourceField>,
}

/// One product of a `Filters.ResourceFields` list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ResourceField {
    /// A product code such as `cam`, or `*` for all products.
    pub resource_type: String,
    /// `Read`, `Write` or `*`.
    pub action_type: String,
    /// API names of the product, or `["*"]`.
    pub event_names: Vec<String>,
}

//! The walk over a request: JSON structure and types here, value rules in [`crate::rules`].
//!
//! Parameters are visited in the API's order and every finding is recorded as it is made, so
//! the order of diagnostics is the order of the parameter list whatever the key order of the
//! input.

use std::borrow::Cow;

use crate::catalog::Catalog;
use crate::config::Policy;
use crate::facts::{self, ParamSpec, ParamType, TrackAction};
use crate::rules::event_names::{Entries, EntrySink};
use crate::rules::storage::StorageFields;
use crate::rules::{Rules, resource_fields, suggest};
pub(crate) use crate::source::pointer;
use crate::source::{Place, Shallow, ShallowMember, ShallowValue, Span};
use crate::{JsonType, Param, Profile, Replacement, RuleId, Violation};

/// A finding before positions are computed.
pub(crate) struct Finding {
    pub violation: Violation,
    pub path: String,
    pub span: Option<Span>,
}

/// What a walk found: the findings the report may keep, and those it cannot keep, counted.
pub(crate) struct Findings {
    pub kept: Vec<Finding>,
    /// Findings left out because the report would not have room for them.
    pub omitted: usize,
    /// How many of those are errors (not suppressed).
    pub omitted_errors: usize,
}

/// The report's limit, applied while walking: findings that cannot be among the first
/// `limit` the report keeps are counted, not stored.
///
/// The report orders findings by their parameter's rank (stable: each parameter's in the
/// order they are found), so once `limit` findings of one rank are stored, every later
/// finding of that rank has at least `limit` findings before it and would be omitted. Ranks
/// whose findings are reordered later (those under `Storage`, sorted by field) are not
/// limited here.
pub(crate) struct Budget<'p> {
    validator: &'p super::Validator,
    /// Findings stored per rank: the object itself, each known parameter, unknown ones
    /// ([`Walker::budget_rank`] keeps ranks within it). In place: no allocation per request.
    stored: [usize; Budget::RANKS],
    omitted: usize,
    omitted_errors: usize,
}

impl<'p> Budget<'p> {
    /// The object, at most every parameter, and the unknown ones.
    const RANKS: usize = Param::COUNT + 2;

    pub(crate) fn new(validator: &'p super::Validator) -> Self {
        Self {
            validator,
            stored: [0; Self::RANKS],
            omitted: 0,
            omitted_errors: 0,
        }
    }

    /// Whether a finding of `violation` at `rank` is to be stored (`None`: a rank not limited).
    /// A rule turned off is neither stored nor counted, as in the report.
    fn admit(&mut self, rank: Option<usize>, rule: RuleId) -> bool {
        let Some(severity) = self.validator.severity(rule) else {
            return false;
        };
        let Some(rank) = rank else {
            return true;
        };
        let Some(stored) = self.stored.get_mut(rank) else {
            return true;
        };
        if *stored < self.validator.max_diagnostics {
            *stored += 1;
            return true;
        }
        self.omitted += 1;
        if severity == crate::Severity::Error && self.validator.suppression(rule).is_none() {
            self.omitted_errors += 1;
        }
        false
    }
}

/// `parent/index`: an index needs no escaping, and its digits are written without the
/// formatting machinery, which costs more than the rest of an entry's check in a list of
/// 100 000 names.
fn index_pointer(parent: &str, index: usize) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = index;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut path = String::with_capacity(parent.len() + 1 + digits.len() - start);
    path.push_str(parent);
    path.push('/');
    for &digit in &digits[start..] {
        path.push(char::from(digit));
    }
    path
}

/// Where a value is: its parent's JSON Pointer and its key, joined into a pointer only when
/// a finding is made there.
#[derive(Clone, Copy)]
struct At<'a> {
    parent: &'a str,
    key: &'a str,
}

impl<'a> At<'a> {
    /// A parameter of the request.
    const fn top(key: &'a str) -> Self {
        Self { parent: "", key }
    }

    fn pointer(self) -> String {
        pointer(self.parent, self.key)
    }

    /// [`At::pointer`], without allocating for the parameters whose members or entries the
    /// walk visits.
    fn container_pointer(self) -> Cow<'a, str> {
        if self.parent.is_empty() {
            const POINTERS: [(Param, &str); 3] = [
                (Param::Storage, "/Storage"),
                (Param::EventNames, "/EventNames"),
                (Param::Filters, "/Filters"),
            ];
            if let Some((_, pointer)) = POINTERS.iter().find(|(p, _)| p.name() == self.key) {
                return Cow::Borrowed(pointer);
            }
        }
        Cow::Owned(self.pointer())
    }
}

/// An object's members, with each parameter's found at once: the reader names the
/// parameter of every key as it reads it, and the object keeps a slot per parameter.
struct Object<'t> {
    /// The members in document order, duplicates included.
    members: &'t [ShallowMember<'t>],
    /// Per parameter ([`Param::index`]), the index of its last member plus one; 0 when absent.
    slots: [usize; Param::COUNT],
    /// Whether some parameter's key is written twice.
    repeated: bool,
    /// How many members name no parameter.
    loose: usize,
    /// The parameters named, as [`Known`] holds them: with no loose member, an object whose
    /// parameters are all known has nothing unknown to look for.
    named: Known,
    span: Option<Span>,
}

impl<'t> Object<'t> {
    // Built where it is used (natively: in the WebAssembly builds each copy costs the browser
    // module's size more than the copy of its slots costs time).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn of(node: &'t Shallow<'t>) -> Option<Self> {
        Some(Self::new(node.members()?, node.span()))
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn new(members: &'t [ShallowMember<'t>], span: Option<Span>) -> Self {
        let mut slots = [0; Param::COUNT];
        let mut repeated = false;
        let mut loose = 0;
        let mut named = Known::NONE;
        for (index, member) in members.iter().enumerate() {
            match member
                .param
                .and_then(|param| Some((param, slots.get_mut(param.index())?)))
            {
                Some((param, slot)) => {
                    repeated |= *slot != 0;
                    *slot = index + 1;
                    named = named.with(param);
                }
                None => loose += 1,
            }
        }
        Self {
            members,
            slots,
            repeated,
            loose,
            named,
            span,
        }
    }

    /// The member the server uses for `param`: the last one, as JSON parsers keep.
    fn get(&self, param: Param) -> Option<&ShallowMember<'t>> {
        let index = self.slots.get(param.index())?.checked_sub(1)?;
        self.members.get(index)
    }

    /// The opening brace, where a missing member is reported.
    fn brace(&self) -> Option<Span> {
        self.span.map(|s| Span {
            start: s.start,
            end: s.start + 1,
        })
    }

    /// Members whose key appears again later (their values are ignored), in document order.
    fn shadowed(&self) -> Vec<&ShallowMember<'t>> {
        // Each parameter's key was counted into its slot: only keys that name none, when
        // there are two or more, can repeat unseen.
        if !self.repeated && self.loose < 2 {
            return Vec::new();
        }
        let members = &self.members;
        crate::order::shadowed(members.len(), &mut |a, b| {
            crate::order::grouping(members[a].key, members[b].key)
        })
        .into_iter()
        .filter_map(|index| members.get(index))
        .collect()
    }

    /// Members whose key is not in `known`, sorted by key (ties in document order).
    fn unknown(&self, known: Known) -> Vec<&ShallowMember<'t>> {
        let mut unknown: Vec<_> = self
            .members
            .iter()
            .filter(|m| !m.param.is_some_and(|param| known.has(param)))
            .collect();
        if unknown.len() > 1 {
            crate::order::sort_by(&mut unknown, |a, b| a.key.cmp(b.key));
        }
        unknown
    }
}

/// The parameters an object may hold, one bit per [`Param::index`].
#[derive(Clone, Copy)]
struct Known(u64);

// One bit per parameter.
const _: () = assert!(Param::COUNT <= u64::BITS as usize);

impl Known {
    const NONE: Self = Self(0);

    fn with(self, param: Param) -> Self {
        Self(self.0 | 1 << param.index())
    }

    /// Whether every parameter here is in `other`.
    fn within(self, other: Self) -> bool {
        self.0 & !other.0 == 0
    }

    fn of(lists: &[&[ParamSpec]]) -> Self {
        let bits = lists
            .iter()
            .flat_map(|list| list.iter())
            .fold(0, |bits, spec| bits | 1 << spec.param.index());
        Self(bits)
    }

    fn has(self, param: Param) -> bool {
        self.0 & 1 << param.index() != 0
    }
}

/// The region the caller sends requests to, checked once, when the validator is made: the
/// `Region` rules read the profile alone, the same for every request.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CallerRegion<'p> {
    pub region: &'p str,
    /// Whether the `Region` rules find nothing in it; when they do, each walk finds it again
    /// (a wrong region is rare, and its findings are not copied from a cache).
    pub clean: bool,
}

/// Walks one request, recording findings.
pub(crate) struct Walker<'p> {
    profile: &'p Profile,
    policy: &'p Policy,
    catalog: Option<&'p Catalog>,
    caller_region: Option<CallerRegion<'p>>,
    /// The action the caller chose; without one, the document's `Action` decides.
    chosen_action: Option<TrackAction>,
    /// The action being validated.
    action: TrackAction,
    findings: Vec<Finding>,
    budget: Budget<'p>,
    /// The rank of the findings being made, when the budget limits it.
    rank: Option<usize>,
}

impl<'p> Walker<'p> {
    pub(crate) fn new(
        profile: &'p Profile,
        policy: &'p Policy,
        catalog: Option<&'p Catalog>,
        caller_region: Option<CallerRegion<'p>>,
        chosen_action: Option<TrackAction>,
        budget: Budget<'p>,
    ) -> Self {
        Self {
            profile,
            policy,
            catalog,
            caller_region,
            chosen_action,
            action: chosen_action.unwrap_or_default(),
            findings: Vec::new(),
            budget,
            rank: None,
        }
    }

    /// The parameter lists known to the action: the common ones and its own.
    fn known_params(&self) -> [&'static [ParamSpec]; 2] {
        [facts::COMMON_PARAMS, self.action.params()]
    }

    /// The rules, for the action being validated.
    fn rules(&self) -> Rules<'p> {
        Rules {
            profile: self.profile,
            policy: self.policy,
            catalog: self.catalog,
            action: self.action,
        }
    }

    pub(crate) fn finish(self) -> Findings {
        Findings {
            kept: self.findings,
            omitted: self.budget.omitted,
            omitted_errors: self.budget.omitted_errors,
        }
    }

    /// The rank the report sorts a top-level `key`'s findings by (see [`sort_by_param`]).
    fn rank_of(&self, key: &str) -> usize {
        rank_in(&self.known_params(), key)
    }

    /// The budget's index for `rank`: the ranks of the known parameters, then one for the
    /// unknown ones.
    fn budget_rank(&self, rank: usize) -> usize {
        let known: usize = self.known_params().iter().map(|p| p.len()).sum();
        rank.min(known + 1)
    }

    pub(crate) fn push(&mut self, violation: Violation, path: String, span: Option<Span>) {
        if self.budget.admit(self.rank, violation.rule()) {
            self.store(violation, path, span);
        }
    }

    /// Stores a finding the budget has admitted.
    fn store(&mut self, violation: Violation, path: String, span: Option<Span>) {
        self.findings.push(Finding {
            violation,
            path,
            span,
        });
    }

    /// Records value violations of a string node, pointing at the character a violation is
    /// about when the text allows.
    #[inline]
    fn push_value(&mut self, violations: Vec<Violation>, at: At<'_>, node: &Shallow<'_>) {
        // Most values have nothing to say: no call for them.
        if violations.is_empty() {
            return;
        }
        self.push_values(violations, at, node);
    }

    #[inline(never)]
    fn push_values(&mut self, violations: Vec<Violation>, at: At<'_>, node: &Shallow<'_>) {
        for violation in violations {
            self.push_one_value(violation, at.pointer(), node);
        }
    }

    /// [`Walker::push_value`] for one violation whose path is already built.
    fn push_one_value(&mut self, violation: Violation, path: String, node: &Shallow<'_>) {
        let span = violation
            .character_index()
            .and_then(|i| node.char_span(i))
            .or(node.span());
        self.push(violation, path, span);
    }

    /// Validates a whole request.
    pub(crate) fn request(&mut self, root: &Shallow<'_>) {
        let Some(object) = Object::of(root) else {
            let found = root.json_type();
            self.push(Violation::NotAnObject { found }, String::new(), root.span());
            self.caller_region();
            return;
        };
        if self.chosen_action.is_none()
            && let Some(action) = object
                .get(Param::Action)
                .and_then(|m| m.value.as_str())
                .and_then(TrackAction::from_name)
        {
            self.action = action;
        }
        let known = self.known_params();
        self.report_shadowed(&object, "");
        self.action_and_version(&object);
        self.region(&object);
        let resource_type = object
            .get(Param::ResourceType)
            .and_then(|m| m.value.as_str());
        // The action's own parameters follow the common ones (see `known_params`).
        let first_rank = facts::COMMON_PARAMS.len() + 1;
        for (index, spec) in self.action.params().iter().enumerate() {
            // `Storage`'s findings are sorted by field afterwards: not limited while walking.
            self.rank = (spec.param != Param::Storage)
                .then(|| self.budget_rank(first_rank.saturating_add(index)));
            self.param(&object, spec, resource_type);
        }
        self.rank = None;
        sort_by_param(&mut self.findings, "", &known);
        self.rank = Some(self.budget_rank(usize::MAX));
        self.unknown(&object, "", &known);
        self.rank = None;
    }

    /// Validates one parameter's `value`, read as the value of a member naming `param`, as
    /// whole-request validation would (`EventNames` needs the `resource_type`). A name the
    /// API does not define is an unknown parameter.
    pub(crate) fn parameter(
        &mut self,
        name: &str,
        param: Option<Param>,
        value: Shallow<'_>,
        resource_type: Option<&str>,
    ) {
        let member = [ShallowMember {
            key: name,
            key_place: Place::NOWHERE,
            param,
            value,
        }];
        let object = Object::new(&member, None);
        match param {
            Some(Param::Action | Param::Version) => self.action_and_version(&object),
            Some(Param::Region) => self.region(&object),
            Some(param) => match self.action.params().iter().find(|p| p.param == param) {
                Some(spec) => self.param(&object, spec, resource_type),
                None => self.unknown(&object, "", &self.known_params()),
            },
            None => self.unknown(&object, "", &self.known_params()),
        }
    }

    fn report_shadowed(&mut self, object: &Object<'_>, base: &str) {
        let top = base.is_empty() && self.rank.is_none();
        for member in object.shadowed() {
            if top {
                // The request's own keys: each duplicate sorts with its key's parameter.
                self.rank = Some(self.budget_rank(self.rank_of(member.key)));
            }
            let violation = Violation::DuplicateKey {
                key: member.key.to_owned(),
            };
            self.push(
                violation,
                pointer(base, member.key),
                member.key_place.span(),
            );
        }
        if top {
            self.rank = None;
        }
    }

    /// The common parameters `Action` and `Version`, checked when present (the region is
    /// [`Walker::region`]'s: every request has one, whatever its action, shape or size).
    fn action_and_version(&mut self, object: &Object<'_>) {
        for param in [Param::Action, Param::Version] {
            if let Some(member) = object.get(param) {
                let at = At::top(param.name());
                if let Some(value) = self.string(&member.value, param.name(), at) {
                    let violations = self.rules().text(param, value);
                    self.push_value(violations, at, &member.value);
                }
            }
        }
    }

    /// The caller's region, which has no place in the text: checked whatever the document is,
    /// an object or not.
    pub(crate) fn caller_region(&mut self) {
        if let Some(caller) = self.caller_region.filter(|caller| !caller.clean) {
            for violation in self.rules().text(Param::Region, caller.region) {
                self.push(violation, pointer("", Param::Region.name()), None);
            }
        }
    }

    /// The region comes from the caller or from the document; the caller's wins.
    fn region(&mut self, object: &Object<'_>) {
        let name = Param::Region.name();
        let at = At::top(name);
        let member = object.get(Param::Region);
        let document = member.and_then(|m| self.string(&m.value, name, at));
        match (self.caller_region.map(|c| c.region), document, member) {
            (Some(caller), document, _) => {
                self.caller_region();
                if let (Some(document), Some(member)) = (document, member)
                    && document.trim() != caller.trim()
                {
                    let violation = Violation::RegionMismatch {
                        caller: caller.to_owned(),
                        document: document.to_owned(),
                    };
                    self.push(violation, at.pointer(), member.value.span());
                }
            }
            (None, Some(document), Some(member)) => {
                let violations = self.rules().text(Param::Region, document);
                self.push_value(violations, at, &member.value);
            }
            (None, _, None) => {
                let violation = Violation::MissingParameter {
                    param: Param::Region,
                };
                self.push(violation, at.pointer(), object.brace());
            }
            (None, None, Some(_)) => {} // a type error, already reported
        }
    }

    /// The member of `object` that `spec` names; when there is none and the parameter is
    /// required, that is reported at `at`, located at the object's opening brace.
    fn member<'o, 'n>(
        &mut self,
        object: &'o Object<'n>,
        spec: &ParamSpec,
        at: At<'_>,
    ) -> Option<&'o ShallowMember<'n>> {
        let member = object.get(spec.param);
        if member.is_none() && spec.required {
            let violation = Violation::MissingParameter { param: spec.param };
            self.push(violation, at.pointer(), object.brace());
        }
        member
    }

    fn param(&mut self, object: &Object<'_>, spec: &ParamSpec, resource_type: Option<&str>) {
        let param = spec.param;
        let at = At::top(param.name());
        if let Some(member) = self.member(object, spec, at) {
            self.value(&member.value, spec, at, resource_type);
        }
    }

    /// A parameter's value at `at`, checked as its table row says: its JSON type, then its
    /// rules (`EventNames` needs the `resource_type` beside it).
    fn value(
        &mut self,
        node: &Shallow<'_>,
        spec: &ParamSpec,
        at: At<'_>,
        resource_type: Option<&str>,
    ) {
        let param = spec.param;
        match spec.ty {
            ParamType::String => {
                if let Some(value) = self.string(node, param.name(), at) {
                    let violations = self.rules().text(param, value);
                    self.push_value(violations, at, node);
                }
            }
            ParamType::Integer => {
                let violations = match self.integer(node, param.name(), at) {
                    Some(value) => self.rules().integer(param, value),
                    None => Vec::new(),
                };
                self.push_value(violations, at, node);
            }
            ParamType::StringArray => self.event_names(node, at, resource_type),
            ParamType::Storage => self.storage(node, at),
            ParamType::Filters => self.filters(node, at),
            // Only inside `Filters`.
            ParamType::ResourceFields => self.resource_fields(node, at),
        }
    }

    /// `Filters`: an object of [`facts::FILTER_PARAMS`].
    fn filters(&mut self, node: &Shallow<'_>, at: At<'_>) {
        let Some(object) = Object::of(node) else {
            let name = Param::Filters.name();
            self.wrong_type(node, name, JsonType::Object, None, at);
            return;
        };
        let path = at.container_pointer();
        let path = &*path;
        self.report_shadowed(&object, path);
        for spec in facts::FILTER_PARAMS {
            let field = At {
                parent: path,
                key: spec.name(),
            };
            if let Some(member) = self.member(&object, spec, field) {
                self.value(&member.value, spec, field, None);
            }
        }
        self.unknown(&object, path, &[facts::FILTER_PARAMS]);
    }

    /// `Filters.ResourceFields`: each entry an object of [`facts::RESOURCE_FIELD_PARAMS`],
    /// checked by the rules of `CreateAuditTrack`'s fields, then the list's own rules.
    fn resource_fields(&mut self, node: &Shallow<'_>, at: At<'_>) {
        let Some(items) = node.items() else {
            let name = Param::ResourceFields.name();
            self.wrong_type(node, name, JsonType::Array, None, at);
            return;
        };
        let path = at.container_pointer();
        let path = &*path;
        let entries: Vec<Option<Object<'_>>> = items.iter().map(Object::of).collect();
        let resource_types: Vec<Option<&str>> = entries
            .iter()
            .map(|entry| entry.as_ref()?.get(Param::ResourceType)?.value.as_str())
            .collect();
        let mut list_findings = resource_fields::check_resource_fields(&resource_types).into_iter();
        let mut next = list_findings.next();
        // The list's own findings (index `None`) first.
        while let Some((None, violation)) = next {
            self.push(violation, path.to_owned(), node.span());
            next = list_findings.next();
        }
        for (index, (item, entry)) in items.iter().zip(&entries).enumerate() {
            let entry_path = index_pointer(path, index);
            let Some(entry) = entry else {
                let name = format!("{}[{index}]", Param::ResourceFields.name());
                let index = index.to_string();
                let at = At {
                    parent: path,
                    key: &index,
                };
                self.wrong_type(item, &name, JsonType::Object, None, at);
                continue;
            };
            let mut list_here = Vec::new();
            while let Some((Some(i), violation)) = next.take() {
                if i != index {
                    next = Some((Some(i), violation));
                    break;
                }
                list_here.push(violation);
                next = list_findings.next();
            }
            self.resource_field(entry, &entry_path, list_here);
        }
    }

    /// One entry of `Filters.ResourceFields`, with the list's findings about it (reported at
    /// its `ResourceType`).
    fn resource_field(&mut self, entry: &Object<'_>, path: &str, list_findings: Vec<Violation>) {
        self.report_shadowed(entry, path);
        let resource_type = entry
            .get(Param::ResourceType)
            .and_then(|m| m.value.as_str());
        for spec in facts::RESOURCE_FIELD_PARAMS {
            let param = spec.param;
            let at = At {
                parent: path,
                key: param.name(),
            };
            let Some(member) = self.member(entry, spec, at) else {
                continue;
            };
            let node = &member.value;
            self.value(node, spec, at, resource_type);
            if param == Param::ResourceType {
                for violation in &list_findings {
                    self.push(violation.clone(), at.pointer(), node.span());
                }
            }
        }
        self.unknown(entry, path, &[facts::RESOURCE_FIELD_PARAMS]);
    }

    fn event_names(&mut self, node: &Shallow<'_>, at: At<'_>, resource_type: Option<&str>) {
        let Some(count) = node.item_count() else {
            let replacement = node
                .as_str()
                .map(|s| Replacement::Strings(vec![s.to_owned()]));
            let name = Param::EventNames.name();
            self.wrong_type(node, name, JsonType::Array, replacement, at);
            return;
        };
        let path = at.container_pointer();
        let path = &*path;
        // A list as long as a console's is read into place once (the list rules read each
        // entry several times); a longer one is read where it is.
        let mut few = [None; FEW_EVENT_NAMES];
        // Entries of another type first, each where it is.
        for index in 0..count {
            let name = node.item_str(index);
            if let Some(slot) = few.get_mut(index) {
                *slot = name;
            }
            if name.is_some() {
                continue;
            }
            if let Some(item) = node.item_node(index) {
                let name = format!("{}[{index}]", Param::EventNames.name());
                let index = index.to_string();
                let entry = At {
                    parent: path,
                    key: &index,
                };
                self.string(item, &name, entry);
            }
        }
        let entries = match few.get(..count) {
            Some(few) => Items::Copied(few),
            None => Items::InPlace(node),
        };
        let rules = self.rules();
        let mut sink = EntryFindings {
            walker: self,
            node,
            path,
        };
        rules.event_names(resource_type, &entries, &mut sink);
    }

    fn storage(&mut self, node: &Shallow<'_>, at: At<'_>) {
        let Some(object) = Object::of(node) else {
            let name = Param::Storage.name();
            self.wrong_type(node, name, JsonType::Object, None, at);
            return;
        };
        let path = at.container_pointer();
        let path = &*path;
        let start = self.findings.len();
        self.report_shadowed(&object, path);
        let mut fields = StorageFields::default();
        for spec in facts::STORAGE_PARAMS {
            let param = spec.param;
            let field = At {
                parent: path,
                key: param.name(),
            };
            let Some(member) = self.member(&object, spec, field) else {
                continue;
            };
            match spec.ty {
                ParamType::Integer => match self.integer(&member.value, param.name(), field) {
                    Some(Ok(value)) => fields.compress = Some(value),
                    Some(Err(text)) => {
                        let violations = self.rules().integer(param, Err(text));
                        self.push_value(violations, field, &member.value);
                    }
                    None => {}
                },
                ParamType::String
                | ParamType::StringArray
                | ParamType::Storage
                | ParamType::Filters
                | ParamType::ResourceFields => {
                    let value = self.string(&member.value, param.name(), field);
                    if let Some(slot) = fields.text_mut(param) {
                        *slot = value;
                    }
                }
            }
        }
        for (field, violation) in self.rules().storage(&fields) {
            let field_path = pointer(path, field.name());
            match object.get(field) {
                Some(member) => self.push_one_value(violation, field_path, &member.value),
                None => self.push(violation, field_path, node.span()),
            }
        }
        sort_by_param(&mut self.findings[start..], path, &[facts::STORAGE_PARAMS]);
        self.unknown(&object, path, &[facts::STORAGE_PARAMS]);
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn unknown(&mut self, object: &Object<'_>, base: &str, known: &[&[ParamSpec]]) {
        // Most objects name known parameters only: natively, no call for them (in the
        // WebAssembly builds, the split costs the browser module 65 bytes of gzip).
        if object.loose == 0 && object.named.within(Known::of(known)) {
            return;
        }
        self.report_unknown(object, base, known);
    }

    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    fn report_unknown(&mut self, object: &Object<'_>, base: &str, known: &[&[ParamSpec]]) {
        let names = || {
            known
                .iter()
                .flat_map(|params| params.iter().map(ParamSpec::name))
        };
        for member in object.unknown(Known::of(known)) {
            let path = pointer(base, member.key);
            let violation = Violation::UnknownParameter {
                action: self.action.name(),
                name: member.key.to_owned(),
                suggestion: suggest::closest(member.key, names()),
            };
            self.push(violation, path.clone(), member.key_place.span());
            self.nested_duplicates(&member.value, &path);
        }
    }

    /// The string value of `node`, or a type error.
    fn string<'t>(&mut self, node: &'t Shallow<'_>, name: &str, at: At<'_>) -> Option<&'t str> {
        if let Some(value) = node.as_str() {
            return Some(value);
        }
        let replacement = match node.json_type() {
            JsonType::Integer | JsonType::Number => node
                .number_text()
                .map(|text| Replacement::String(text.to_owned())),
            _ => None,
        };
        self.wrong_type(node, name, JsonType::String, replacement, at);
        None
    }

    /// The integer value of `node` (`Err` with the text when it does not fit in an `i64`), or
    /// a type error.
    fn integer(
        &mut self,
        node: &Shallow<'_>,
        name: &str,
        at: At<'_>,
    ) -> Option<Result<i64, String>> {
        // A switch or a count is mostly one digit: read without the general parse.
        if let ShallowValue::Number(text) = node.value
            && let [digit @ b'0'..=b'9'] = *text.as_bytes()
        {
            return Some(Ok(i64::from(digit - b'0')));
        }
        if node.json_type() == JsonType::Integer {
            let text = node.number_text()?;
            return Some(text.parse::<i64>().map_err(|_| text.to_owned()));
        }
        let replacement = match node.json_type() {
            JsonType::String => node
                .as_str()
                .and_then(|s| s.trim().parse::<i64>().ok())
                .map(Replacement::Integer),
            JsonType::Number => node
                .number_text()
                .and_then(integral)
                .map(Replacement::Integer),
            _ => None,
        };
        self.wrong_type(node, name, JsonType::Integer, replacement, at);
        None
    }

    fn wrong_type(
        &mut self,
        node: &Shallow<'_>,
        name: &str,
        expected: JsonType,
        replacement: Option<Replacement>,
        at: At<'_>,
    ) {
        let violation = Violation::WrongType {
            name: name.to_owned(),
            expected,
            found: node.json_type(),
            replacement,
        };
        let path = at.pointer();
        self.push(violation, path.clone(), node.span());
        self.nested_duplicates(node, &path);
    }

    /// Reports duplicate keys anywhere inside a value the walk does not otherwise visit.
    /// Only parsed text can hold duplicates; the depth of what is read is bounded by the
    /// parser's limit.
    fn nested_duplicates(&mut self, node: &Shallow<'_>, path: &str) {
        if let Some(duplicates) = node.skipped_duplicates() {
            for duplicate in duplicates {
                let violation = Violation::DuplicateKey {
                    key: duplicate.key.to_owned(),
                };
                let path = format!("{path}{}", duplicate.path);
                self.push(violation, path, Some(duplicate.key_span));
            }
        } else if let Some(object) = Object::of(node) {
            self.report_shadowed(&object, path);
            for member in object.members {
                self.nested_duplicates(&member.value, &pointer(path, member.key));
            }
        } else if let Some(count) = node.item_count() {
            for index in 0..count {
                let Some(item) = node.item_node(index) else {
                    continue;
                };
                if item.item_count().is_some()
                    || item.members().is_some()
                    || item.skipped_duplicates().is_some()
                {
                    self.nested_duplicates(item, &index_pointer(path, index));
                }
            }
        }
    }
}

/// The longest `EventNames` list the walk copies its entries' names out of before the list
/// rules read them (32 names: 512 bytes on the stack).
const FEW_EVENT_NAMES: usize = 32;

/// An array's entries as the list rules read them.
enum Items<'n> {
    /// The names copied out (`None` for an entry of another type).
    Copied(&'n [Option<&'n str>]),
    /// Read where they are.
    InPlace(&'n Shallow<'n>),
}

impl Entries for Items<'_> {
    fn count(&self) -> usize {
        match self {
            Self::Copied(names) => names.count(),
            Self::InPlace(node) => node.item_count().unwrap_or_default(),
        }
    }

    fn name(&self, index: usize) -> Option<&str> {
        match self {
            Self::Copied(names) => names.name(index),
            Self::InPlace(node) => node.item_str(index),
        }
    }
}

/// The findings of the `EventNames` rules, admitted by the walk's budget before they are
/// built; each entry's at the entry (the character a violation is about, when the text
/// allows), the list's at the list.
struct EntryFindings<'w, 'p, 'n> {
    walker: &'w mut Walker<'p>,
    node: &'n Shallow<'n>,
    path: &'n str,
}

impl EntrySink for EntryFindings<'_, '_, '_> {
    fn admit(&mut self, rule: RuleId) -> bool {
        self.walker.budget.admit(self.walker.rank, rule)
    }

    fn push(&mut self, index: Option<usize>, violation: Violation) {
        let node = self.node;
        match index.filter(|&i| i < node.item_count().unwrap_or_default()) {
            Some(i) => {
                let span = violation
                    .character_index()
                    .and_then(|c| node.item_char_span(i, c))
                    .or_else(|| node.item_span(i));
                self.walker
                    .store(violation, index_pointer(self.path, i), span);
            }
            None => self
                .walker
                .store(violation, self.path.to_owned(), node.span()),
        }
    }
}

/// Orders findings under `base` by the position of their parameter in `params` (stable, so
/// each parameter's findings keep the order they were found in; others go last).
fn sort_by_param(findings: &mut [Finding], base: &str, params: &[&[ParamSpec]]) {
    // The object itself (a byte order mark, say) first, then its parameters in order.
    let rank = |finding: &Finding| {
        if finding.path == base {
            return 0;
        }
        let field = finding
            .path
            .strip_prefix(base)
            .and_then(|rest| rest.strip_prefix('/'))
            .map(|rest| {
                let token_end = rest
                    .bytes()
                    .position(|byte| byte == b'/')
                    .unwrap_or(rest.len());
                rest.get(..token_end).unwrap_or(rest)
            })
            .unwrap_or_default();
        rank_in(params, field)
    };
    crate::order::sort_by_key(findings, rank);
}

/// `key`'s rank among `params`: its place counted from 1, the unknown ones last.
fn rank_in(params: &[&[ParamSpec]], key: &str) -> usize {
    // The key's parameter named once, then found by identity, not by comparing names.
    Param::from_name(key)
        .and_then(|param| {
            params
                .iter()
                .flat_map(|group| group.iter())
                .position(|p| p.param == param)
        })
        .map_or(usize::MAX, |position| position + 1)
}

/// The integer a number with a zero fraction stands for (`1.0` → `1`, `1e2` → `100`), if it
/// is within ±2^53. Decimal arithmetic on the text: exact, and no float parsing (whose tables
/// would weigh on the WebAssembly module). Every step is checked and the work is linear in the
/// text, whatever the exponent (`1e9223372036854775807` is simply out of range).
fn integral(text: &str) -> Option<i64> {
    /// The most significant digits an integer within ±2^53 has.
    const MAX_DIGITS: usize = 16;
    const EXACT: i64 = 1 << 53;
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(e) => (unsigned.get(..e)?, unsigned.get(e + 1..)?),
        None => (unsigned, "0"),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some(0);
    }
    // value = significant × 10^shift, with shift = exponent − fraction digits + trailing zeros.
    // An exponent beyond an `i64` puts a number with a non-zero digit far outside ±2^53 (or
    // makes it a fraction): `None` either way.
    let significant = digits.trim_end_matches('0');
    let zeros = digits.len() - significant.len();
    let shift = exponent
        .parse::<i64>()
        .ok()?
        .checked_sub(i64::try_from(fraction.len()).ok()?)?
        .checked_add(i64::try_from(zeros).ok()?)?;
    let shift = u32::try_from(shift).ok()?; // negative: a fraction
    if significant.len() > MAX_DIGITS {
        return None;
    }
    let value = significant
        .parse::<i64>()
        .ok()?
        .checked_mul(10_i64.checked_pow(shift)?)?;
    (value <= EXACT).then_some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rank a walk can give is one the budget counts in place.
    #[test]
    fn every_rank_has_a_counter() {
        for action in TrackAction::ALL {
            let known = facts::COMMON_PARAMS.len() + action.params().len();
            assert!(known + 1 < Budget::RANKS, "{action:?}");
        }
    }

    #[test]
    fn index_pointers_are_decimal() {
        for index in [0, 7, 10, 99_999, usize::MAX] {
            assert_eq!(
                index_pointer("/EventNames", index),
                format!("/EventNames/{index}")
            );
        }
    }

    /// `request` ranks an action's parameters by their index after the common ones, which is
    /// [`Walker::rank_of`]'s rank as long as no name is listed twice.
    #[test]
    fn parameter_names_are_listed_once_per_action() {
        for action in TrackAction::ALL {
            let names: Vec<&str> = facts::COMMON_PARAMS
                .iter()
                .chain(action.params())
                .map(ParamSpec::name)
                .collect();
            for (index, name) in names.iter().enumerate() {
                assert_eq!(names.iter().position(|n| n == name), Some(index), "{name}");
            }
        }
    }

    #[test]
    fn container_pointers_are_the_pointers() {
        for param in Param::ALL {
            let at = At::top(param.name());
            assert_eq!(at.container_pointer(), at.pointer());
        }
        let at = At {
            parent: "/Filters",
            key: "Storage",
        };
        assert_eq!(at.container_pointer(), "/Filters/Storage");
    }

    #[test]
    fn pointers_escape_tilde_and_slash() {
        assert_eq!(pointer("", "Name"), "/Name");
        assert_eq!(pointer("/Storage", "a/b~c"), "/Storage/a~1b~0c");
    }

    #[test]
    fn integral_numbers_have_an_exact_integer() {
        assert_eq!(integral("1.0"), Some(1));
        assert_eq!(integral("1e0"), Some(1));
        assert_eq!(integral("-0.0"), Some(0));
        assert_eq!(integral("1.5"), None);
        assert_eq!(integral("1e400"), None);
        assert_eq!(integral("-12.50e1"), Some(-125));
        assert_eq!(integral("0.000e-400"), Some(0));
        assert_eq!(integral("9007199254740992.0"), Some(1 << 53));
        // Exact: a float would round this to 2^53.
        assert_eq!(integral("9007199254740993.0"), None);
    }

    #[test]
    fn integral_survives_exponents_at_and_past_the_limits_of_an_i64() {
        for text in [
            "1e9223372036854775807",
            "-1e9223372036854775807",
            "12e9223372036854775806",
            "5E+9223372036854775807",
            "1e9223372036854775808",
            "1e-9223372036854775808",
            "1e-9223372036854775809",
            "1.5e-9223372036854775808",
            "1e4294967296",
            "1e4294967295",
            "1e19",
        ] {
            assert_eq!(integral(text), None, "{text}");
        }
        assert_eq!(integral("0e9223372036854775807"), Some(0));
        assert_eq!(integral("-0.0e-9223372036854775808"), Some(0));
        assert_eq!(integral("1E+0"), Some(1));
        assert_eq!(integral("-0"), Some(0));
        assert_eq!(integral(&format!("1{}e-400", "0".repeat(400))), Some(1));
        assert_eq!(integral(&format!("{}.0", "9".repeat(400))), None);
        assert_eq!(integral("9.007199254740992e15"), Some(1 << 53));
        assert_eq!(integral("1e16"), None);
    }
}

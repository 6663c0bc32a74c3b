// The "Create tracking set" console form: every field is checked as it changes with the
// package's field checks, and the whole request with `validate`; a paste mode lists every
// diagnostic of a JSON text with its line and column.
//
// The page only reads the diagnostics the package returns; it never decides what is valid.
// Everything the user types is rendered with textContent and DOM APIs, never parsed as HTML.

import { LOCALES, t, tn } from "./i18n.js";

const $ = (id) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no element #${id}`);
  return element;
};

/** Creates an element with a class and text (textContent: never HTML) and children. */
function el(tag, { className, text, attrs } = {}, ...children) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  for (const [name, value] of Object.entries(attrs ?? {})) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

// --- loading the package ------------------------------------------------------------------------

const PKG_BASE = new URL("./pkg/", document.baseURI);

/**
 * Imports the package's browser entry as a web console would: the file named by pkg/package.json
 * (its `exports` "default" condition, or `module`), then runs its init step if it has one.
 */
async function loadPackage() {
  const manifest = await fetch(new URL("package.json", PKG_BASE)).then((r) => {
    if (!r.ok) throw new Error(`pkg/package.json: HTTP ${r.status}`);
    return r.json();
  });
  const root = manifest.exports?.["."] ?? manifest.exports;
  const entry =
    (typeof root === "string" ? root : root?.browser ?? root?.import ?? root?.default) ??
    manifest.browser ??
    manifest.module ??
    manifest.main;
  if (typeof entry !== "string") throw new Error("pkg/package.json names no browser entry");
  const module = await import(new URL(entry, PKG_BASE).href);
  if (typeof module.default === "function") await module.default();
  return { module, manifest };
}

/**
 * Installs the package's product and API catalogue (advisory warnings for unlisted products and
 * API names) and returns it for the suggestions: product code -> its API names. The package has
 * no accessor for the catalogue's contents, so the page reads the packaged file itself: one
 * product a line, `code<TAB>aliases<TAB>API names separated by spaces`, `#` comments.
 * Without a catalogue (an older package) the page works as before, with fewer suggestions.
 */
async function loadCatalog(manifest) {
  const file = manifest.exports?.["./catalog.tsv"];
  if (typeof file !== "string" || typeof lint.setCatalog !== "function") return new Map();
  try {
    const response = await fetch(new URL(file, PKG_BASE));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    lint.setCatalog(text);
    const products = new Map();
    for (const line of text.split("\n")) {
      if (line === "" || line.startsWith("#")) continue;
      const [code, , events = ""] = line.split("\t");
      products.set(code, events.split(" ").filter(Boolean));
    }
    return products;
  } catch (error) {
    console.warn(`cloudaudit-lint catalogue not loaded: ${error?.message ?? error}`);
    return new Map();
  }
}

// --- state ----------------------------------------------------------------------------------------

let lint; // the package module
let facts; // lint.facts()
let ruleInfo = new Map(); // rule id -> lint.rules() entry, for the descriptions
let catalog = new Map(); // product code -> API names, for suggestions

const state = {
  locale: "en",
  region: "",
  name: "",
  status: 1,
  trackForAllMembers: 0,
  actionType: "*",
  resourceType: "*",
  eventNames: ["*"],
  storage: { StorageType: "cos", StorageRegion: "", StorageName: "", StoragePrefix: "" },
};

/** Fields whose messages are shown: those the user changed, or that a change of another affects. */
const touched = new Set();

let pasteRegionChosen = false;
let tab = "form";

function defaults() {
  state.region = facts.regions[0] ?? "";
  state.name = "";
  state.status = 1;
  state.trackForAllMembers = 0;
  state.actionType = facts.wildcard;
  state.resourceType = facts.wildcard;
  state.eventNames = [facts.wildcard];
  state.storage = {
    StorageType: facts.storageTypes[0] ?? "",
    StorageRegion: facts.regions[0] ?? "",
    StorageName: "",
    StoragePrefix: "",
  };
  touched.clear();
}

/** The request body the form would send, in the API's parameter order. */
function requestBody() {
  return {
    Name: state.name,
    ActionType: state.actionType,
    ResourceType: state.resourceType,
    Status: state.status,
    EventNames: [...state.eventNames],
    Storage: { ...state.storage },
    TrackForAllMembers: state.trackForAllMembers,
  };
}

const options = () => ({ locale: state.locale });

// --- fields -----------------------------------------------------------------------------------------

/**
 * The form's fields: the element that carries aria-invalid, its help and message elements, and
 * which diagnostics paths belong to it.
 */
const FIELDS = {
  region: { control: "f-region", label: "field.region", paths: ["/Region"] },
  name: { control: "f-name", label: "field.name", paths: ["/Name"] },
  status: { control: "f-status", label: "field.status", paths: ["/Status"] },
  trackForAllMembers: { control: "f-members", label: "field.trackForAllMembers", paths: ["/TrackForAllMembers"] },
  actionType: { control: "f-actiontype", label: "field.actionType", paths: ["/ActionType"] },
  resourceType: { control: "f-resourcetype", label: "field.resourceType", paths: ["/ResourceType"] },
  eventNames: { control: "f-eventnames", label: "field.eventNames", paths: ["/EventNames"] },
  storageType: { control: "f-storagetype", label: "field.storageType", paths: ["/Storage/StorageType", "/Storage"] },
  storageRegion: { control: "f-storageregion", label: "field.storageRegion", paths: ["/Storage/StorageRegion"] },
  // The bucket or topic label, as the storage type names it.
  storageName: { control: "f-storagename", label: null, paths: ["/Storage/StorageName"] },
  storagePrefix: { control: "f-storageprefix", label: "field.storagePrefix", paths: ["/Storage/StoragePrefix"] },
};

/** The label of a field, as the page shows it. */
function fieldLabel(key) {
  const label = FIELDS[key].label;
  return label ? t(state.locale, label) : $("f-storagename-text").textContent;
}

/** The last check: diagnostics by field, and the errors that block Create. */
let lastCheck = { byField: {}, errors: 0, requestErrors: [] };

/** The field a diagnostic's JSON Pointer belongs to (the longest matching path), if any. */
function fieldOfPath(path) {
  let best = null;
  let bestLength = -1;
  for (const [key, field] of Object.entries(FIELDS)) {
    for (const p of field.paths) {
      if ((path === p || path.startsWith(p + "/")) && p.length > bestLength) {
        best = key;
        bestLength = p.length;
      }
    }
  }
  return best;
}

/** Runs the package's field checks on the current values: diagnostics by field. */
function checkFields() {
  const found = [
    ...lint.checkRegion(state.region, options()),
    ...lint.checkName(state.name, options()),
    ...lint.checkStatus(state.status, options()),
    ...lint.checkTrackForAllMembers(state.trackForAllMembers, options()),
    ...lint.checkActionType(state.actionType, options()),
    ...lint.checkResourceType(state.resourceType, options()),
    ...lint.checkEventNames(state.resourceType, state.eventNames, options()),
    ...lint.checkStorage(state.storage, options()),
  ];
  const byField = Object.fromEntries(Object.keys(FIELDS).map((key) => [key, []]));
  for (const d of found) byField[fieldOfPath(d.path) ?? "storageType"].push(d);
  return byField;
}

const severityIcon = (severity) =>
  el("span", { className: "msg-icon", text: severity === "error" ? "!" : "i", attrs: { "aria-hidden": "true" } });

/** One diagnostic under its field, with a button for its fix when the package has one. */
function messageElement(d, change) {
  const body = el("span", { className: "msg-body" }, el("span", { className: "msg-text", text: d.message }));
  if (d.help) body.append(el("span", { className: "msg-help", text: d.help }));
  if (change) body.append(fixButton(change));
  return el("p", { className: `msg msg-${d.severity}`, attrs: { "data-rule": d.rule, "data-path": d.path } }, severityIcon(d.severity), body);
}

function fixButton(change) {
  const L = state.locale;
  const label =
    change.after === ""
      ? t(L, "button.fixRemove", { before: change.before })
      : t(L, "button.fixReplace", { before: change.before, after: change.after });
  const button = el("button", {
    className: "msg-fix",
    text: t(L, "button.fix"),
    attrs: { type: "button", "aria-label": label, title: label, "data-rule": change.rule, "data-path": change.path },
  });
  button.addEventListener("click", () => applyFix(change));
  return button;
}

/** The diagnostics by rule, in the order of each rule's first one. */
function groupByRule(diagnostics) {
  const groups = new Map();
  for (const d of diagnostics) groups.set(d.rule, [...(groups.get(d.rule) ?? []), d]);
  return [...groups.values()];
}

/** "The rule's description (count)": how a group of one rule's diagnostics reads. */
function groupText(list) {
  const L = state.locale;
  const description = (ruleInfo.get(list[0].rule)?.description?.[L] ?? list[0].rule).replace(/[.。]$/, "");
  return t(L, "group.count", { description, count: list.length });
}

/** Groups whose list the user opened, by field and rule: they stay open as the form changes. */
const openGroups = new Set();

/** Repeated findings of one rule: one line with the count, which opens to list them. */
function groupElement(key, list, changes) {
  const [first] = list;
  const id = `${key} ${first.rule}`;
  const summary = el("summary", { className: "msg-group-summary" }, severityIcon(first.severity), el("span", { className: "msg-text", text: groupText(list) }));
  const items = el("div", { className: "msg-group-items" }, ...list.map((d) => messageElement(d, changes.get(fixKey(d)))));
  const details = el(
    "details",
    { className: `msg-group msg-${first.severity}`, attrs: { "data-rule": first.rule, "data-count": String(list.length) } },
    summary,
    items,
  );
  details.open = openGroups.has(id);
  details.addEventListener("toggle", () => (details.open ? openGroups.add(id) : openGroups.delete(id)));
  return details;
}

const fixKey = (d) => `${d.rule} ${d.path}`;

/**
 * The package's fixes of the request (`fix()`), by rule and path, when a shown diagnostic is
 * fixable; the field checks use the request's paths, so each finds its own.
 */
function fixesOf(byField) {
  const fixable = Object.entries(byField).some(([key, list]) => touched.has(key) && list.some((d) => d.fixable));
  if (!fixable || typeof lint.fix !== "function") return new Map();
  const { changes } = lint.fix(requestBody(), { region: state.region });
  return new Map(changes.map((c) => [fixKey(c), c]));
}

/** Applies one change of `fix()` to the form, then says what it did. */
function applyFix(change) {
  const body = requestBody();
  const keys = change.path.slice(1).split("/").map((k) => k.replaceAll("~1", "/").replaceAll("~0", "~"));
  const last = keys.pop();
  const parent = keys.reduce((node, k) => node?.[k], body);
  if (parent === null || typeof parent !== "object") return;
  if (change.after === "" && Array.isArray(parent)) parent.splice(Number(last), 1);
  else parent[last] = JSON.parse(change.after);
  loadBody(body);
  syncControls();
  refresh();
  const key = fieldOfPath(change.path);
  if (!key) return;
  focusField(key);
  const L = state.locale;
  announce(
    change.after === ""
      ? t(L, "live.removed", { field: fieldLabel(key), before: change.before })
      : t(L, "live.fixed", { field: fieldLabel(key), after: change.after }),
  );
}

/** Puts a request body (the form's, changed) back into the form's state. */
function loadBody(body) {
  state.name = body.Name;
  state.actionType = body.ActionType;
  state.resourceType = body.ResourceType;
  state.status = body.Status;
  state.eventNames = [...body.EventNames];
  state.storage = { ...body.Storage };
  state.trackForAllMembers = body.TrackForAllMembers;
}

/** What the field's messages say, read out: each message, or a group's line with its count. */
function fieldSpeech(key) {
  const shown = touched.has(key) ? lastCheck.byField[key] ?? [] : [];
  return groupByRule(shown)
    .map((list) => (list.length === 1 ? list[0].message : groupText(list)))
    .join(" ");
}

/** What each field last said through the live summary, so that a blur repeats nothing. */
const announced = new Map();

function announceField(key) {
  const speech = fieldSpeech(key);
  if (speech === (announced.get(key) ?? "")) return;
  announced.set(key, speech);
  const L = state.locale;
  announce(speech ? t(L, "live.field", { field: fieldLabel(key), messages: speech }) : t(L, "live.fieldOk", { field: fieldLabel(key) }));
}

/** The page's one live region: it speaks on blur, on submit and after an action, never per keystroke. */
function announce(text) {
  const live = $("live-summary");
  if (live.textContent !== text) {
    live.textContent = text;
    return;
  }
  // The same words again: empty the region first, so that they are read again.
  live.textContent = "";
  setTimeout(() => (live.textContent = text), 100);
}

function renderField(key, diagnostics, changes) {
  const field = FIELDS[key];
  const control = $(field.control);
  const messages = $(`${field.control}-msg`);
  const helpId = `${field.control}-help`;
  const shown = touched.has(key) ? diagnostics : [];
  const hasError = shown.some((d) => d.severity === "error");

  // Re-rendered only when what it shows changes: a keystroke elsewhere leaves its buttons and
  // open groups (and the focus in them) alone.
  const signature = JSON.stringify([state.locale, shown.map((d) => [d.rule, d.path, d.message, d.help, changes.get(fixKey(d))?.after])]);
  if (messages.dataset.signature !== signature) {
    messages.dataset.signature = signature;
    messages.replaceChildren(
      ...groupByRule(shown).map((list) =>
        list.length === 1 ? messageElement(list[0], changes.get(fixKey(list[0]))) : groupElement(key, list, changes),
      ),
    );
  }
  if (hasError) control.setAttribute("aria-invalid", "true");
  else control.removeAttribute("aria-invalid");
  control.setAttribute("aria-describedby", shown.length ? `${helpId} ${messages.id}` : helpId);
  control.closest(".field").classList.toggle("has-error", hasError);
  control.closest(".field").classList.toggle("has-warning", !hasError && shown.length > 0);

  if (key === "eventNames") {
    // Mark the entries that a diagnostic points at (/EventNames/3).
    const flagged = new Map();
    for (const d of shown) {
      const match = /^\/EventNames\/(\d+)$/.exec(d.path);
      if (match && flagged.get(match[1]) !== "error") flagged.set(match[1], d.severity);
    }
    for (const item of $("f-eventnames-list").children) {
      const severity = flagged.get(item.dataset.index);
      item.classList.toggle("tag-error", severity === "error");
      item.classList.toggle("tag-warning", severity === "warning");
    }
  }
}

// --- rendering the form -------------------------------------------------------------------------

function renderEventNames() {
  const list = $("f-eventnames-list");
  list.replaceChildren(
    ...state.eventNames.map((name, index) => {
      const remove = el("button", {
        className: "tag-remove",
        text: "×",
        attrs: { type: "button", "aria-label": t(state.locale, "button.remove", { name }) },
      });
      remove.addEventListener("click", () => {
        state.eventNames.splice(index, 1);
        touched.add("eventNames");
        renderEventNames();
        refresh();
        $("f-eventname-new").focus();
      });
      return el("li", { className: "tag", attrs: { "data-index": String(index) } }, el("span", { className: "tag-text", text: name }), remove);
    }),
  );
  if (state.eventNames.length === 0) {
    list.append(el("li", { className: "tags-empty", text: t(state.locale, "eventNames.empty") }));
  }
}

function renderEventNamesCount() {
  const L = state.locale;
  const allApis = state.eventNames.length === 1 && state.eventNames[0] === facts.wildcard;
  const count = state.eventNames.filter((n) => n !== facts.wildcard).length;
  const capped = facts.cappedProducts.includes(state.resourceType.trim());
  const counter = $("f-eventnames-count");
  if (allApis) counter.textContent = t(L, "eventNames.all");
  else if (capped) counter.textContent = t(L, "eventNames.countCapped", { count, cap: facts.eventNamesCap });
  else counter.textContent = tn(L, "eventNames.count", count);
  counter.classList.toggle("over", capped && count > facts.eventNamesCap);
  $("f-eventnames-all").hidden = allApis;
}

function renderStorageTexts() {
  const type = state.storage.StorageType === "cls" ? "cls" : "cos";
  const L = state.locale;
  $("f-storagename-text").textContent = t(L, `field.storageName.${type}`);
  $("f-storagename").placeholder = t(L, `placeholder.storageName.${type}`);
  const limits = type === "cls" ? facts.clsTopicLength : { max: facts.cosBucketNameMax };
  $("f-storagename-help").textContent = t(L, `help.storageName.${type}`, limits);
  $("f-storageprefix-help").textContent = t(L, `help.storagePrefix.${type}`, facts.cosPrefixLength);
}

/** Code-coloured JSON, built from text nodes. */
function jsonElements(value) {
  const text = JSON.stringify(value, null, 2);
  const token = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)/g;
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(token)) {
    if (m.index > last) parts.push(document.createTextNode(text.slice(last, m.index)));
    if (m[1] !== undefined) {
      parts.push(el("span", { className: m[2] ? "j-key" : "j-string", text: m[1] }));
      if (m[2]) parts.push(document.createTextNode(m[2]));
    } else {
      parts.push(el("span", { className: m[3] !== undefined ? "j-number" : "j-literal", text: m[0] }));
    }
    last = m.index + m[0].length;
  }
  parts.push(document.createTextNode(text.slice(last)));
  return parts;
}

function diagnosticCounts(diagnostics) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { errors, warnings: diagnostics.length - errors };
}

/** "2 errors, 1 warning", and a class for its colour. */
function renderSummary(element, diagnostics) {
  const L = state.locale;
  const { errors, warnings } = diagnosticCounts(diagnostics);
  element.textContent = t(L, "summary.counts", {
    errors: tn(L, "count.errors", errors),
    warnings: tn(L, "count.warnings", warnings),
  });
  element.className = `summary ${errors ? "summary-error" : warnings ? "summary-warning" : "summary-ok"}`;
}

function renderRequestPanel(requestDiagnostics) {
  const L = state.locale;
  const params = $("request-params");
  params.replaceChildren(
    ...[
      ["Action", facts.action],
      ["Version", facts.apiVersion],
      ["Region", state.region],
    ].flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]),
  );
  $("request-json").replaceChildren(...jsonElements(requestBody()));

  renderSummary($("request-summary"), requestDiagnostics);

  const list = $("request-problems");
  if (requestDiagnostics.length === 0) {
    list.replaceChildren(el("li", { className: "problems-none", text: t(L, "panel.noProblems") }));
    return;
  }
  list.replaceChildren(
    ...requestDiagnostics.map((d) => {
      const button = el(
        "button",
        { className: `problem problem-${d.severity}`, attrs: { type: "button", "data-rule": d.rule } },
        el("span", { className: "sev-dot", attrs: { "aria-hidden": "true" } }),
        el("code", { className: "problem-path", text: d.path || "/" }),
        el("span", { className: "problem-text", text: d.message }),
      );
      button.addEventListener("click", () => {
        const key = fieldOfPath(d.path);
        if (!key) return;
        touched.add(key);
        refresh();
        focusField(key);
      });
      return el("li", {}, button);
    }),
  );
}

function focusField(key) {
  const control = $(FIELDS[key].control);
  const target =
    control.matches("input, select, textarea") ? control : control.querySelector("input:checked, input, button");
  (target ?? control).focus();
  control.closest(".field").scrollIntoView({ block: "center", behavior: "smooth" });
}

/** Re-checks everything and updates messages, the request panel and the Create button. */
function refresh() {
  const byField = checkFields();
  const changes = fixesOf(byField);
  for (const [key, diagnostics] of Object.entries(byField)) renderField(key, diagnostics, changes);
  renderEventNamesCount();
  buildEventNameSuggestions();

  if (banner?.kind === "success" && JSON.stringify([state.region, requestBody()]) !== createdRequest) hideBanner();

  const requestDiagnostics = lint.validate(requestBody(), { ...options(), region: state.region });
  renderRequestPanel(requestDiagnostics);

  const fieldErrors = Object.values(byField).flat().filter((d) => d.severity === "error").length;
  const errors = Math.max(fieldErrors, diagnosticCounts(requestDiagnostics).errors);
  lastCheck = { byField, errors, requestErrors: requestDiagnostics.filter((d) => d.severity === "error") };
  // Not `disabled`: keyboard users can reach it, hear why (aria-describedby), and press it to
  // be taken to the first problem.
  if (errors > 0) $("create").setAttribute("aria-disabled", "true");
  else $("create").removeAttribute("aria-disabled");
  $("create-status").textContent =
    errors > 0
      ? t(state.locale, "footer.blocked", { errors: tn(state.locale, "count.errors", errors) })
      : t(state.locale, "footer.ready");
  $("create-status").classList.toggle("ready", errors === 0);
}

/** Writes the state into the controls (after a reset, or on start). */
function syncControls() {
  $("f-region").value = state.region;
  $("f-name").value = state.name;
  $("f-status").checked = state.status === 1;
  $("f-members").checked = state.trackForAllMembers === 1;
  for (const input of document.querySelectorAll("input[name=actionType]")) input.checked = input.value === state.actionType;
  $("f-resourcetype").value = state.resourceType;
  for (const input of document.querySelectorAll("input[name=storageType]")) {
    input.checked = input.value === state.storage.StorageType;
  }
  $("f-storageregion").value = state.storage.StorageRegion;
  $("f-storagename").value = state.storage.StorageName;
  $("f-storageprefix").value = state.storage.StoragePrefix;
  $("f-eventname-new").value = "";
  renderEventNames();
}

// --- building the widgets from the package's facts ---------------------------------------------

function option(value, label) {
  const o = el("option", { text: label ?? value });
  o.value = value;
  return o;
}

function radioSegment(name, value, labelKey) {
  const id = `f-${name.toLowerCase()}-${value === "*" ? "all" : value.toLowerCase()}`;
  const input = el("input", { attrs: { type: "radio", name, id } });
  input.value = value;
  const label = el("label", { className: "segment", attrs: { for: id, "data-i18n": labelKey } });
  return [input, label];
}

function buildWidgets() {
  $("f-region").replaceChildren(...facts.regions.map((r) => option(r)));
  $("f-actiontype").replaceChildren(...facts.actionTypes.flatMap((v) => radioSegment("actionType", v, `actionType.${v}`)));
  $("f-storagetype").replaceChildren(...facts.storageTypes.flatMap((v) => radioSegment("storageType", v, `storageType.${v}`)));
  $("storage-regions").replaceChildren(...facts.storageRegions.map((r) => option(r)));
  $("f-name").maxLength = facts.nameMax * 4; // room for mistakes to be reported, not silently cut
}

function buildResourceSuggestions() {
  const codes = [...new Set([...facts.cappedProducts, ...[...catalog.keys()].sort()])];
  $("resource-types").replaceChildren(option(facts.wildcard, t(state.locale, "suggestion.all")), ...codes.map((c) => option(c)));
}

/** The API names of the chosen product, as suggestions for a new EventNames entry. */
function buildEventNameSuggestions() {
  const names = catalog.get(state.resourceType.trim()) ?? [];
  const list = $("event-names");
  if (list.dataset.product === state.resourceType.trim()) return;
  list.dataset.product = state.resourceType.trim();
  list.replaceChildren(option(facts.wildcard, t(state.locale, "eventNames.all")), ...names.map((n) => option(n)));
}

function buildPasteRegions() {
  const select = $("paste-region");
  const current = select.value;
  select.replaceChildren(option("", t(state.locale, "paste.regionFromDocument")), ...facts.regions.map((r) => option(r)));
  select.value = pasteRegionChosen ? current : state.region;
}

// --- language -------------------------------------------------------------------------------------

function applyTexts() {
  const L = state.locale;
  document.documentElement.lang = L;
  document.title = t(L, "page.title");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(L, node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(L, node.dataset.i18nPlaceholder);
  for (const button of document.querySelectorAll(".lang-switch button")) {
    button.setAttribute("aria-pressed", String(button.dataset.locale === L));
  }
  $("intro").textContent = facts ? t(L, "intro", { version: facts.apiVersion }) : "";
  if (banner) renderBanner();
  if (!facts) return;
  $("f-region-help").textContent = t(L, "help.region", { count: facts.regions.length });
  $("f-name-help").textContent = t(L, "help.name", { min: facts.nameMin, max: facts.nameMax });
  $("f-eventnames-help").textContent = t(L, "help.eventNames", {
    cap: facts.eventNamesCap,
    capped: facts.cappedProducts.join(", "),
  });
  $("f-status-text").textContent = t(L, state.status === 1 ? "status.on" : "status.off");
  renderStorageTexts();
  buildResourceSuggestions();
  delete $("event-names").dataset.product; // relabel the * suggestion
  buildEventNameSuggestions();
  buildPasteRegions();
  renderEventNames();
}

function setLocale(locale) {
  if (!LOCALES.includes(locale) || locale === state.locale) return;
  state.locale = locale;
  const url = new URL(location.href);
  url.searchParams.set("lang", locale);
  history.replaceState(null, "", url);
  applyTexts();
  refresh();
  renderPaste();
}

// --- paste mode -------------------------------------------------------------------------------------

/** The UTF-16 offset of a 1-based line and column (columns in UTF-16 code units, as the package counts). */
function offsetOf(text, line, column) {
  let start = 0;
  for (let l = 1; l < line; l += 1) {
    const newline = text.indexOf("\n", start);
    if (newline < 0) return text.length;
    start = newline + 1;
  }
  return Math.min(start + column - 1, text.length);
}

function lineColumnOf(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

function selectDiagnostic(d) {
  const textarea = $("paste-input");
  const text = textarea.value;
  const start = offsetOf(text, d.line, d.column);
  const end = Math.max(start, offsetOf(text, d.endLine ?? d.line, d.endColumn ?? d.column));
  textarea.focus();
  textarea.setSelectionRange(start, end);
  // Bring the selection into view: one visual line per text line (wrap=off).
  const style = getComputedStyle(textarea);
  const lineHeight = Number.parseFloat(style.lineHeight) || 20;
  const top = (d.line - 1) * lineHeight;
  if (top < textarea.scrollTop || top > textarea.scrollTop + textarea.clientHeight - 2 * lineHeight) {
    textarea.scrollTop = Math.max(0, top - textarea.clientHeight / 3);
  }
  syncGutter();
  renderCursor();
}

function renderGutter(text, diagnostics) {
  const lines = text.split("\n").length;
  const severityByLine = new Map();
  for (const d of diagnostics) {
    if (d.line === undefined) continue;
    if (severityByLine.get(d.line) !== "error") severityByLine.set(d.line, d.severity);
  }
  const gutter = $("paste-gutter");
  const items = [];
  for (let n = 1; n <= lines; n += 1) {
    const severity = severityByLine.get(n);
    items.push(el("div", { className: severity ? `gutter-line gutter-${severity}` : "gutter-line", text: String(n) }));
  }
  gutter.replaceChildren(...items);
  syncGutter();
}

function syncGutter() {
  $("paste-gutter").scrollTop = $("paste-input").scrollTop;
}

function renderCursor() {
  const textarea = $("paste-input");
  const { line, column } = lineColumnOf(textarea.value, textarea.selectionStart);
  $("paste-cursor").textContent = t(state.locale, "diag.at", { line, column });
}

function diagnosticItem(d) {
  const L = state.locale;
  const where =
    d.line !== undefined ? t(L, "diag.at", { line: d.line, column: d.column }) : t(L, "diag.noPosition");
  const head = el(
    "span",
    { className: "diag-head" },
    el("span", { className: `badge badge-${d.severity}`, text: t(L, `diag.${d.severity}`) }),
    el("span", { className: "diag-where", text: where }),
    el("code", {
      className: "diag-rule",
      text: d.rule,
      attrs: { title: ruleInfo.get(d.rule)?.description?.[L] ?? d.rule },
    }),
  );
  const parts = [head, el("span", { className: "diag-message", text: d.message })];
  if (d.help) parts.push(el("span", { className: "diag-help", text: d.help }));
  const meta = [d.path ? `${d.path}` : "", d.apiErrorCode ? t(L, "diag.apiError", { code: d.apiErrorCode }) : ""].filter(Boolean);
  if (meta.length) parts.push(el("span", { className: "diag-meta", text: meta.join(" · ") }));

  if (d.line === undefined) return el("li", { className: "diag diag-static" }, ...parts);
  const button = el("button", { className: "diag", attrs: { type: "button", "data-rule": d.rule } }, ...parts);
  button.addEventListener("click", () => selectDiagnostic(d));
  return el("li", {}, button);
}

function renderPaste() {
  if (!lint) return;
  const L = state.locale;
  const text = $("paste-input").value;
  const region = $("paste-region").value;
  const list = $("paste-diagnostics");
  const summary = $("paste-summary");
  if (text.trim() === "") {
    list.replaceChildren(el("li", { className: "problems-none", text: t(L, "paste.emptyText") }));
    summary.textContent = "";
    renderGutter(text, []);
    return;
  }
  // In the order of the text, as an editor's problem list reads; those with no place last.
  const diagnostics = lint
    .validate(text, region ? { locale: L, region } : { locale: L })
    .map((d, index) => ({ d, index }))
    .sort((a, b) => (a.d.line ?? Infinity) - (b.d.line ?? Infinity) || (a.d.column ?? 0) - (b.d.column ?? 0) || a.index - b.index)
    .map(({ d }) => d);
  renderSummary(summary, diagnostics);
  list.replaceChildren(
    ...(diagnostics.length
      ? diagnostics.map(diagnosticItem)
      : [el("li", { className: "problems-none", text: t(L, "paste.noDiagnostics") })]),
  );
  renderGutter(text, diagnostics);
}

function showTab(name) {
  tab = name;
  for (const [which, tabId, panelId] of [
    ["form", "tab-form", "panel-form"],
    ["paste", "tab-paste", "panel-paste"],
  ]) {
    const selected = which === name;
    $(tabId).setAttribute("aria-selected", String(selected));
    $(tabId).tabIndex = selected ? 0 : -1;
    $(panelId).hidden = !selected;
  }
  if (name === "paste") {
    // Start from the form's request rather than an empty editor.
    if ($("paste-input").value === "") $("paste-input").value = JSON.stringify(requestBody(), null, 2);
    renderPaste();
  }
}

// --- events -----------------------------------------------------------------------------------------

function onInput(id, key, apply, events = ["input"]) {
  for (const type of events) {
    $(id).addEventListener(type, (event) => {
      apply(event.target);
      touched.add(key);
      refresh();
    });
  }
}

function addEventNames(raw) {
  const names = raw
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (names.length === 0) return;
  state.eventNames.push(...names);
  touched.add("eventNames");
  renderEventNames();
  refresh();
}

function wireEvents() {
  for (const button of document.querySelectorAll(".lang-switch button")) {
    button.addEventListener("click", () => setLocale(button.dataset.locale));
  }
  $("tab-form").addEventListener("click", () => showTab("form"));
  $("tab-paste").addEventListener("click", () => showTab("paste"));
  $("tabs").addEventListener("keydown", (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const next = tab === "form" ? "paste" : "form";
    showTab(next);
    $(`tab-${next}`).focus();
  });

  onInput("f-region", "region", (e) => (state.region = e.value), ["change"]);
  $("f-region").addEventListener("change", () => {
    if (!pasteRegionChosen) buildPasteRegions();
  });
  onInput("f-name", "name", (e) => (state.name = e.value));
  onInput("f-status", "status", (e) => {
    state.status = e.checked ? 1 : 0;
    $("f-status-text").textContent = t(state.locale, e.checked ? "status.on" : "status.off");
  }, ["change"]);
  onInput("f-members", "trackForAllMembers", (e) => (state.trackForAllMembers = e.checked ? 1 : 0), ["change"]);
  onInput("f-actiontype", "actionType", (e) => (state.actionType = e.value), ["change"]);
  onInput("f-resourcetype", "resourceType", (e) => {
    state.resourceType = e.value;
    // The EventNames rules depend on ResourceType: show their verdict at once.
    touched.add("eventNames");
  });
  onInput("f-storagetype", "storageType", (e) => {
    state.storage.StorageType = e.value;
    // Bucket names and prefixes follow other rules for CLS: re-judge what was typed.
    if (state.storage.StorageName !== "") touched.add("storageName");
    if (state.storage.StoragePrefix !== "") touched.add("storagePrefix");
    renderStorageTexts();
  }, ["change"]);
  onInput("f-storageregion", "storageRegion", (e) => (state.storage.StorageRegion = e.value));
  onInput("f-storagename", "storageName", (e) => (state.storage.StorageName = e.value));
  onInput("f-storageprefix", "storagePrefix", (e) => (state.storage.StoragePrefix = e.value));

  const newName = $("f-eventname-new");
  newName.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      addEventNames(newName.value);
      newName.value = "";
    } else if (event.key === "Backspace" && newName.value === "" && state.eventNames.length > 0) {
      state.eventNames.pop();
      touched.add("eventNames");
      renderEventNames();
      refresh();
    }
  });
  newName.addEventListener("paste", (event) => {
    const pasted = event.clipboardData?.getData("text") ?? "";
    if (!/[,\n]/.test(pasted)) return;
    event.preventDefault();
    addEventNames(newName.value + pasted);
    newName.value = "";
  });
  $("f-eventname-add").addEventListener("click", () => {
    addEventNames(newName.value);
    newName.value = "";
    newName.focus();
  });
  $("f-eventnames-all").addEventListener("click", () => {
    state.eventNames = [facts.wildcard];
    touched.add("eventNames");
    renderEventNames();
    refresh();
  });

  for (const key of Object.keys(FIELDS)) {
    $(FIELDS[key].control).closest(".field").addEventListener("focusout", (event) => {
      if (event.currentTarget.contains(event.relatedTarget)) return; // still within the field
      if (!touched.has(key)) {
        touched.add(key); // a field left is judged, an empty Name included
        refresh();
      }
      announceField(key);
    });
  }

  $("track-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (lastCheck.errors > 0) {
      pointAtFirstProblem();
      return;
    }
    createdRequest = JSON.stringify([state.region, requestBody()]);
    showBanner("success", "created", { region: state.region });
  });
  $("reset").addEventListener("click", () => {
    defaults();
    announced.clear();
    syncControls();
    applyTexts();
    refresh();
    hideBanner();
  });
  $("edit-as-json").addEventListener("click", () => {
    $("paste-input").value = JSON.stringify(requestBody(), null, 2);
    showTab("paste");
    $("paste-input").focus();
  });

  const textarea = $("paste-input");
  textarea.addEventListener("input", () => {
    renderPaste();
    renderCursor();
  });
  textarea.addEventListener("scroll", syncGutter);
  for (const type of ["keyup", "click", "select"]) textarea.addEventListener(type, renderCursor);
  $("paste-region").addEventListener("change", () => {
    pasteRegionChosen = true;
    renderPaste();
  });
  $("paste-load").addEventListener("click", () => {
    textarea.value = JSON.stringify(requestBody(), null, 2);
    renderPaste();
    textarea.focus();
  });
  $("paste-format").addEventListener("click", () => {
    try {
      textarea.value = JSON.stringify(JSON.parse(textarea.value), null, 2);
      $("paste-note").textContent = "";
      renderPaste();
    } catch {
      $("paste-note").textContent = t(state.locale, "paste.formatFailed");
      announce($("paste-note").textContent);
    }
  });
}

/** Create pressed with errors: every field judged, the first problem focused and announced. */
function pointAtFirstProblem() {
  for (const key of Object.keys(FIELDS)) touched.add(key);
  refresh();
  const L = state.locale;
  const key = Object.keys(FIELDS).find((k) => lastCheck.byField[k].some((d) => d.severity === "error"));
  const first = key ? lastCheck.byField[key].find((d) => d.severity === "error") : lastCheck.requestErrors[0];
  if (key) announced.set(key, fieldSpeech(key));
  announce(
    t(L, "live.blocked", {
      errors: tn(L, "count.errors", lastCheck.errors),
      field: key ? fieldLabel(key) : first?.path ?? "",
      message: first?.message ?? "",
    }),
  );
  if (key) focusField(key);
  else $("request-problems").querySelector("button")?.focus();
}

/** The banner's text as a key and values, so that a change of language re-renders it. */
let banner = null;
/** The request the success banner speaks of: a change to the form withdraws the banner. */
let createdRequest = null;

function showBanner(kind, key, values = {}) {
  banner = { kind, key, values };
  renderBanner();
  announce(t(state.locale, key, values));
}

function hideBanner() {
  banner = null;
  renderBanner();
}

function renderBanner() {
  const element = $("status-banner");
  element.hidden = banner === null;
  if (banner === null) return;
  element.className = `banner banner-${banner.kind}`;
  element.textContent = t(state.locale, banner.key, banner.values);
}

// --- start ------------------------------------------------------------------------------------------

async function start() {
  const requested = new URL(location.href).searchParams.get("lang");
  if (LOCALES.includes(requested)) state.locale = requested;
  applyTexts();
  try {
    const loaded = await loadPackage();
    lint = loaded.module;
    facts = lint.facts();
    catalog = await loadCatalog(loaded.manifest);
    ruleInfo = new Map(lint.rules().map((rule) => [rule.id, rule]));
  } catch (error) {
    showBanner("error", "loadFailed", { reason: String(error?.message ?? error) });
    document.documentElement.dataset.ready = "error";
    return;
  }
  hideBanner();
  buildWidgets();
  defaults();
  syncControls();
  applyTexts();
  wireEvents();
  refresh();
  renderPaste();
  document.documentElement.dataset.ready = "true";
}

start();

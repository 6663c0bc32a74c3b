// The `config` and `action` options against the command-line program: one configuration,
// written as `cloudaudit-lint.toml` for `check --config` and given as an object to validate(),
// gives the same diagnostics (suppressed ones included) for every fixture, with and without
// `--action`; a configuration the CLI refuses is a TypeError that lists the CLI's messages.
//
// Needs the CLI: CLOUDAUDIT_LINT_BIN, else target/debug/cloudaudit-lint (cargo build).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

import { checkName, checkStatus, fix, loadCatalog, validate } from "../node.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = process.env.CLOUDAUDIT_LINT_BIN ?? `${root}target/debug/cloudaudit-lint`;
const scratch = mkdtempSync(join(tmpdir(), "cloudaudit-config-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const corpus = ["tests/fixtures", "examples"].flatMap((dir) =>
  readdirSync(`${root}${dir}`)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => `${dir}/${name}`),
);

/** A team's configuration touching every section the package applies. */
const config = {
  rules: { "event-names-cap-other": "error", "storage-region-unknown": "off", "name-length": "warning" },
  api: {
    regions: ["ap-guangzhou", "ap-shanghai", "ap-hongkong"],
    "event-names-cap": 2,
    "name-max": 40,
  },
  policy: {
    name: { pattern: "^prod-[a-z0-9-]+$", message: "tracking sets are named prod-<team>" },
    "storage-type": { allowed: ["cos"] },
    "storage-region": { allowed: ["ap-guangzhou"], message: "logs stay in Guangzhou" },
    status: { required: 1 },
    "track-for-all-members": { required: 0 },
    "storage-prefix": { pattern: "^[a-z]+$" },
  },
  suppress: [{ rules: ["event-names-duplicate", "policy-status"], reason: "legacy requests" }],
};

/** `value` as TOML: tables for objects of objects, `[[name]]` for arrays of objects. */
function toml(value) {
  const lines = [];
  const scalar = (v) => JSON.stringify(v); // strings, integers and arrays of them read the same
  const table = (object, name) => {
    const nested = [];
    if (name) lines.push(`[${name}]`);
    for (const [key, v] of Object.entries(object)) {
      const quoted = JSON.stringify(key);
      if (Array.isArray(v) && v.some((e) => typeof e === "object")) nested.push([quoted, v]);
      else if (typeof v === "object" && !Array.isArray(v)) nested.push([quoted, v]);
      else lines.push(`${quoted} = ${scalar(v)}`);
    }
    for (const [key, v] of nested) {
      const full = name ? `${name}.${key}` : key;
      if (Array.isArray(v)) {
        for (const entry of v) {
          lines.push(`[[${full}]]`);
          for (const [k, e] of Object.entries(entry)) lines.push(`${JSON.stringify(k)} = ${scalar(e)}`);
        }
      } else {
        table(v, full);
      }
    }
  };
  table(value, "");
  return `${lines.join("\n")}\n`;
}

/** The CLI's run over the corpus with `config` as its configuration file. */
function cli(configValue, extra = []) {
  assert.ok(existsSync(bin), `no CLI at ${bin}: run cargo build, or set CLOUDAUDIT_LINT_BIN`);
  const file = join(scratch, "cloudaudit-lint.toml");
  writeFileSync(file, toml(configValue));
  return spawnSync(bin, ["check", "--config", file, "--format", "json", ...extra, ...corpus], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
}

function cliDiagnostics(configValue, extra) {
  const run = cli(configValue, extra);
  assert.ok(run.status === 0 || run.status === 1, `CLI exit ${run.status}: ${run.stderr}`);
  return new Map(JSON.parse(run.stdout).map((entry) => [entry.file, entry.diagnostics]));
}

const FIELDS = ["rule", "severity", "path", "message", "apiErrorCode", "help", "fixable", "suppressed", "line", "endLine"];

function compare(file, got, want) {
  assert.deepEqual(
    got.map((d) => FIELDS.map((k) => d[k])),
    want.map((d) => FIELDS.map((k) => d[k])),
    file,
  );
}

test("the TOML written for the CLI has the tables and arrays of tables", () => {
  const text = toml(config);
  assert.match(text, /^\["policy"\."storage-region"\]$/m);
  assert.match(text, /^\[\["suppress"\]\]$/m);
});

test("a config object gives the diagnostics the CLI gives for the same cloudaudit-lint.toml", async () => {
  await loadCatalog(); // the CLI is built with the catalogue
  for (const [extra, options] of [
    [[], {}],
    [["--region", "ap-shanghai"], { region: "ap-shanghai" }],
    [["--action", "ModifyAuditTrack"], { action: "ModifyAuditTrack" }],
    [["--action", "DeleteAuditTrack", "--locale", "zh-CN"], { action: "DeleteAuditTrack", locale: "zh-CN" }],
  ]) {
    const expected = cliDiagnostics(config, extra);
    let policies = 0;
    let suppressed = 0;
    for (const file of corpus) {
      const text = readFileSync(`${root}${file}`, "utf8");
      const got = validate(text, { ...options, config });
      compare(`${file} ${extra.join(" ")}`, got, expected.get(file));
      policies += got.filter((d) => d.rule.startsWith("policy-")).length;
      suppressed += got.filter((d) => d.suppressed).length;
    }
    if (extra.length === 0) {
      assert.ok(policies > 5, `the policies apply (${policies})`);
      assert.ok(suppressed > 0, "a suppression applies");
    }
  }
});

test("the action option is the CLI's --action without a configuration", () => {
  const text = JSON.stringify({ TrackId: 0, Region: "ap-guangzhou" });
  const file = join(scratch, "delete.json");
  writeFileSync(file, text);
  const run = spawnSync(bin, ["check", "--no-config", "--format", "json", "--action", "DeleteAuditTrack", file], {
    encoding: "utf8",
  });
  const [want] = JSON.parse(run.stdout);
  const got = validate(text, { action: "DeleteAuditTrack" });
  assert.ok(got.some((d) => d.rule === "track-id-value"));
  compare("delete.json", got, want.diagnostics);
  // Without it the request is a CreateAuditTrack missing its parameters.
  assert.ok(validate(text).some((d) => d.rule === "missing-parameter"));
});

test("the action option validates multi-product tracking sets as the CLI does", () => {
  const entry = { ResourceType: "cam", ActionType: "*", EventNames: ["AddSubAccount"] };
  const text = JSON.stringify({
    Name: "audit-multi",
    Status: 1,
    Region: "ap-guangzhou",
    Storage: { StorageType: "cos", StorageRegion: "ap-guangzhou", StorageName: "audit-logs", StoragePrefix: "audit" },
    Filters: { ResourceFields: [entry, { ...entry, ResourceType: "*", EventNames: ["GetUser"] }, entry] },
  });
  const file = join(scratch, "events.json");
  writeFileSync(file, text);
  for (const action of ["CreateEventsAuditTrack", "ModifyEventsAuditTrack"]) {
    const run = spawnSync(bin, ["check", "--no-config", "--format", "json", "--action", action, file], { encoding: "utf8" });
    const [want] = JSON.parse(run.stdout);
    const got = validate(text, { action });
    compare(`events.json as ${action}`, got, want.diagnostics);
    const rules = got.map((d) => [d.rule, d.path]);
    for (const expected of [
      ["resource-fields-wildcard-mixed", "/Filters/ResourceFields/1/ResourceType"],
      ["event-names-wildcard", "/Filters/ResourceFields/1/EventNames"],
      ["resource-fields-duplicate-product", "/Filters/ResourceFields/2/ResourceType"],
    ]) {
      assert.ok(rules.some(([r, p]) => r === expected[0] && p === expected[1]), `${action}: ${expected}`);
    }
    assert.equal(rules.some(([r]) => r === "modify-name"), action === "ModifyEventsAuditTrack", action);
  }
  // As CreateAuditTrack, Filters is no parameter at all.
  assert.ok(validate(text).some((d) => d.rule === "unknown-parameter" && d.path === "/Filters"));
});

test("a configuration the CLI refuses is a TypeError listing the CLI's messages", () => {
  const bad = {
    rules: { "nme-length": "off", "event-names-duplicate": "loud" },
    api: { "name-mni": 3, "event-names-cap": -1 },
    policy: { name: { pattern: "(" }, status: {} },
    suppress: [{ rules: ["name-length"] }],
  };
  const run = cli(bad);
  assert.equal(run.status, 2, run.stderr);
  let message = "";
  assert.throws(() => validate("{}", { config: bad }), (error) => {
    message = error.message;
    return error instanceof TypeError;
  });
  const wanted = [
    'unknown key "nme-length"; did you mean "name-length"?',
    'must be "off", "warning" or "error", not "loud"',
    'unknown key "name-mni"; did you mean "name-min"?',
    '"event-names-cap" must be 0 or more, not -1',
    '"policy.status" needs "required"',
    'a [[suppress]] entry needs a "reason"',
  ];
  for (const part of wanted) {
    assert.ok(message.includes(part), `${part} in ${message}`);
    assert.ok(run.stderr.includes(part), `${part} in the CLI's ${run.stderr}`);
  }
  // The pattern is a RegExp here and a regex natively: both refuse it, each in its own words.
  assert.match(message, /"policy\.name": the pattern does not compile/);
  assert.match(run.stderr, /"policy\.name": the pattern does not compile/);
});

test("the field checks apply a config's policies, levels and suppressions", () => {
  const [policy] = checkName("dev-audit", { config });
  assert.equal(policy.rule, "policy-name");
  assert.match(policy.message, /tracking sets are named prod-<team>/);
  assert.deepEqual(checkName("prod-audit", { config }), []);
  assert.deepEqual(checkName("ab").map((d) => d.severity), ["error"]);
  assert.deepEqual(checkName("prod", { config: { rules: { "name-length": "warning" } } }).map((d) => d.severity), []);
  assert.deepEqual(checkName("ab", { config: { rules: { "name-length": "warning" } } }).map((d) => d.severity), ["warning"]);
  assert.deepEqual(checkName("ab", { config: { rules: { "name-length": "off" } } }), []);
  const [status] = checkStatus(0, { config });
  assert.equal(status.rule, "policy-status");
  assert.equal(status.suppressed, "legacy requests");
});

test("fix() takes config and action", () => {
  const request = JSON.stringify({ Action: "ModifyAuditTrack", TrackId: 1, ActionType: "read" });
  const fixed = fix(request, { action: "ModifyAuditTrack", config });
  assert.deepEqual(fixed.changes.map((c) => c.after), ['"Read"']);
});

test("config and action are checked options", () => {
  assert.throws(() => validate("{}", { config: [] }), { name: "TypeError", message: /options\.config must be an object/ });
  assert.throws(() => validate("{}", { config, profile: {} }), { name: "TypeError", message: /not both/ });
  assert.throws(() => validate("{}", { action: 1 }), { name: "TypeError", message: /options\.action must be a string/ });
  assert.throws(() => validate("{}", { action: "DeleteAuditTrak" }), {
    name: "TypeError",
    message: /did you mean `DeleteAuditTrack`/,
  });
  assert.throws(() => validate("{}", { confg: {} }), { name: "TypeError", message: /`confg`; did you mean `config`/ });
  assert.throws(() => checkName("a", { acton: "x" }), { name: "TypeError", message: /did you mean `action`/ });
});

test("hostile configurations are TypeErrors, every problem counted, and the module lives on", () => {
  const cycle = { rules: {} };
  cycle.rules.self = cycle;
  assert.throws(() => validate("{}", { config: cycle }), TypeError);
  let deep = {};
  for (let i = 0; i < 100_000; i++) deep = { policy: deep };
  // JSON.stringify's own stack overflow (a RangeError), as for a deep profile: no trap.
  assert.throws(() => validate("{}", { config: deep }), (e) => e instanceof RangeError || e instanceof TypeError);
  let deepButWritable = {};
  for (let i = 0; i < 200; i++) deepButWritable = { policy: deepButWritable };
  assert.throws(() => validate("{}", { config: deepButWritable }), { name: "TypeError", message: /options\.config: not JSON: / });
  const many = { rules: Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`not-a-rule-${i}`, "off"])) };
  assert.throws(() => validate("{}", { config: many }), { name: "TypeError", message: /; 50 more problems not listed$/ });
  const long = { policy: { name: { pattern: "a".repeat(1025) } } };
  assert.throws(() => validate("{}", { config: long }), { name: "TypeError", message: /1025 bytes long; at most 1024/ });
  assert.ok(validate("{}", { config }).some((d) => d.rule === "missing-parameter"));
});

// The package's JavaScript API in Node, through its Node entry (what `import "cloudaudit-lint"`
// resolves to under the "node" condition). Run after scripts/build-wasm.sh: `node --test`.
import assert from "node:assert/strict";
import { test } from "node:test";
import vm from "node:vm";

import init, {
  checkActionType,
  checkEventNames,
  checkName,
  checkRegion,
  checkResourceType,
  checkStatus,
  checkStorage,
  checkTrackForAllMembers,
  facts,
  fix,
  initSync,
  loadCatalog,
  rules,
  setCatalog,
  validate,
} from "../node.js";

const valid = {
  Name: "audit-trail",
  ActionType: "Read",
  ResourceType: "cos",
  Status: 1,
  EventNames: ["PutBucketACL"],
  Storage: {
    StorageType: "cos",
    StorageRegion: "ap-guangzhou",
    StorageName: "audit-cos",
    StoragePrefix: "logs",
  },
};

test("init() and initSync() are no-ops once the Node entry has loaded the module", async () => {
  const exports = await init();
  assert.ok(exports.memory instanceof WebAssembly.Memory);
  assert.equal(initSync({ module: new Uint8Array(0) }), exports); // already initialized: not even read
});

test("a valid request is an empty array, as an object, as text and as bytes", () => {
  assert.deepEqual(validate(valid, { region: "ap-guangzhou" }), []);
  const text = JSON.stringify(valid, null, 2);
  assert.deepEqual(validate(text, { region: "ap-guangzhou" }), []);
  assert.deepEqual(validate(Buffer.from(text), { region: "ap-guangzhou" }), []);
});

test("bytes are bytes from any realm, and a view of part of a buffer is that part", () => {
  const faulty = JSON.stringify({ ...valid, Name: "a b" });
  const expected = validate(faulty, { region: "ap-guangzhou" });
  assert.equal(expected[0].rule, "name-charset");
  const encoded = new TextEncoder().encode(faulty);
  // A vm context's Uint8Array (as test environments make them) fails `instanceof` here.
  const foreign = vm.runInNewContext("new Uint8Array(bytes)", { bytes: [...encoded] });
  assert.ok(!(foreign instanceof Uint8Array));
  assert.deepEqual(validate(foreign, { region: "ap-guangzhou" }), expected);
  // One whose prototype was changed is still one.
  const plain = Object.setPrototypeOf(Uint8Array.from(encoded), Object.prototype);
  assert.deepEqual(validate(plain, { region: "ap-guangzhou" }), expected);
  // A view is the bytes it views, not its whole buffer.
  const padded = new Uint8Array(encoded.length + 8).fill(0x20);
  padded.set(encoded, 4);
  assert.deepEqual(validate(padded.subarray(4, 4 + encoded.length), { region: "ap-guangzhou" }), expected);
  // Other typed arrays and look-alikes are objects, as before.
  const lookalike = { [Symbol.toStringTag]: "Uint8Array", length: 0 };
  assert.ok(validate(lookalike).some((d) => d.rule === "missing-parameter"));
  assert.throws(() => fix(foreign), /not bytes/);
  // A view of a buffer transferred away is empty bytes, not a throw from inside the module.
  const detached = new TextEncoder().encode(faulty);
  structuredClone(detached.buffer, { transfer: [detached.buffer] });
  assert.deepEqual(validate(detached, { region: "ap-guangzhou" }), validate(new Uint8Array(0), { region: "ap-guangzhou" }));
});

test("diagnostics are plain objects with the documented fields", () => {
  const [first] = validate({ ...valid, Name: "my trail" }, { region: "ap-guangzhou" });
  assert.equal(Object.getPrototypeOf(first), Object.prototype);
  assert.deepEqual(first, {
    rule: "name-charset",
    severity: "error",
    path: "/Name",
    message: first.message,
    apiErrorCode: "InvalidParameterValue",
    help: first.help,
    fixable: false,
  });
  assert.match(first.message, /Name/);
  // From text: line and column, 1-based, columns in UTF-16 code units.
  const text = '{\n  "Name": "😀 trail"\n}';
  const located = validate(text).find((d) => d.rule === "name-charset");
  assert.equal(located.line, 2);
  const lineStart = text.indexOf("\n") + 1;
  const slice = text.slice(lineStart + located.column - 1, lineStart + located.endColumn - 1);
  assert.equal(slice, "😀");
});

test("text is read whole whatever its characters: ASCII, two- and three-byte UTF-8, pairs", () => {
  // A string crosses into the module as UTF-8 written by the engine's encoder into a buffer
  // the module keeps: 4 KiB to start, grown (three bytes a UTF-16 unit) for a text that does
  // not fit, and given back down to 64 KiB after a longer one: fillers on each side of each
  // size, and short ones after long.
  const fillers = ["", "é", "审计", "😀", "a".repeat(5000), "审".repeat(5000), "😀".repeat(12000)];
  for (const filler of [...fillers, "a".repeat(70000), "审".repeat(30000), ...fillers]) {
    const text = JSON.stringify({ ...valid, Name: `${filler}x y`, Colour: filler });
    const diagnostics = validate(text, { region: "ap-guangzhou" });
    const rules = diagnostics.map((d) => d.rule);
    assert.ok(rules.includes("name-charset"), `${filler.slice(0, 4)}: ${rules}`);
    assert.equal(rules.includes("name-length"), filler.length > 40, `${filler.slice(0, 4)}: ${rules}`);
    // Located after the filler: the text arrived whole, character for character.
    const unknown = diagnostics.find((d) => d.rule === "unknown-parameter");
    assert.equal(text.slice(unknown.column - 1, unknown.endColumn - 1), '"Colour"');
    assert.deepEqual(validate(JSON.parse(text), { region: "ap-guangzhou" }).map((d) => d.rule), rules);
  }
});

test("options.region is read on every call: each call's region, whichever came before", () => {
  const request = { ...valid, Region: "ap-guangzhou" };
  const mismatch = (region) => validate(request, { region }).some((d) => d.rule === "region-mismatch");
  const regions = ["ap-guangzhou", "ap-shanghai", "ap-shanghai", ["ap", "guangzhou"].join("-"), "ap-beijing"];
  assert.deepEqual(regions.map(mismatch), [false, true, true, false, true]);
  assert.throws(() => validate(request, { region: 5 }), TypeError);
  assert.equal(mismatch("ap-guangzhou"), false);
});

test("one options object changed between calls: each call reads it as it is then", () => {
  const request = { ...valid, Name: "ab", Region: "ap-guangzhou" };
  const options = { region: "ap-guangzhou" };
  const seen = () => {
    const diagnostics = validate(request, options);
    const mismatch = diagnostics.some((d) => d.rule === "region-mismatch");
    const chinese = /[\u4e00-\u9fff]/.test(diagnostics[0].message);
    return [mismatch, chinese, diagnostics.length];
  };
  assert.deepEqual(seen(), [false, false, 1]);
  assert.deepEqual(seen(), [false, false, 1]);
  options.region = "ap-shanghai"; // also region-unsupported: the API is not offered there
  assert.deepEqual(seen(), [true, false, 3]);
  options.locale = "zh-CN";
  assert.deepEqual(seen(), [true, true, 3]);
  options.maxDiagnostics = 1;
  assert.deepEqual(seen(), [false, true, 1]);
  delete options.maxDiagnostics;
  options.locale = "en";
  assert.deepEqual(seen(), [true, false, 3]);
  // A field check between reads the same object without `region`; then `validate` again.
  assert.equal(checkName("ab", options).length, 1);
  assert.deepEqual(seen(), [true, false, 3]);
  // Bad options throw on every call, also when the same bad ones come again.
  options.locale = "fr";
  assert.throws(() => validate(request, options), RangeError);
  assert.throws(() => validate(request, options), RangeError);
  options.locale = "en";
  assert.deepEqual(seen(), [true, false, 3]);
  // An object option is read afresh each time: a change inside it counts.
  const profile = { nameMin: 2 };
  const withProfile = { profile };
  assert.equal(checkName("ab", withProfile).length, 0);
  profile.nameMin = 3;
  assert.equal(checkName("ab", withProfile).length, 1);
});

test("apiErrorCode is null where the server would accept the request", () => {
  const text = '{"Name": "a", "Name": "audit"}';
  const duplicate = validate(text).find((d) => d.rule === "duplicate-key");
  assert.equal(duplicate.apiErrorCode, null);
});

test("maxDiagnostics: the limit, and the count of what it left out", () => {
  const many = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`Unknown${i}`, i]));
  const all = validate({ ...valid, ...many }, { region: "ap-guangzhou" });
  assert.equal(all.length, 1000); // the default, as the CLI's
  assert.equal(all.omitted, 500);
  const ten = validate({ ...valid, ...many }, { region: "ap-guangzhou", maxDiagnostics: 10 });
  assert.deepEqual([ten.length, ten.omitted], [10, 1490]);
  const every = validate({ ...valid, ...many }, { region: "ap-guangzhou", maxDiagnostics: Infinity });
  assert.deepEqual([every.length, every.omitted], [1500, undefined]);
  assert.equal(checkName("ab", { maxDiagnostics: 0 }).omitted, 1);
  assert.throws(() => validate(valid, { maxDiagnostics: -1 }), RangeError);
  assert.throws(() => validate(valid, { maxDiagnostics: 1.5 }), RangeError);
  assert.throws(() => validate(valid, { maxDiagnostics: "10" }), TypeError);
});

test("messages in Chinese", () => {
  const [en] = checkName("ab");
  const [zh] = checkName("ab", { locale: "zh-CN" });
  assert.equal(en.rule, zh.rule);
  assert.notEqual(en.message, zh.message);
  assert.match(zh.message, /[\u4e00-\u9fff]/);
});

test("field checks: one per rule family, with the request's paths", () => {
  assert.deepEqual(checkName("audit-trail_01"), []);
  assert.deepEqual(checkName("ab").map((d) => [d.rule, d.path]), [["name-length", "/Name"]]);
  assert.deepEqual(checkRegion("ap-tokyo"), []);
  assert.equal(checkRegion("ap-tokio")[0].help, 'did you mean "ap-tokyo"?');
  assert.deepEqual(checkActionType("Write"), []);
  assert.equal(checkActionType("read")[0].rule, "action-type-value");
  assert.deepEqual(checkResourceType("cos"), []);
  assert.equal(checkResourceType("COS")[0].rule, "resource-type-case");
  assert.deepEqual(checkStatus(1), []);
  assert.equal(checkStatus(2)[0].rule, "status-value");
  assert.equal(checkTrackForAllMembers(3)[0].path, "/TrackForAllMembers");
  assert.deepEqual(checkEventNames("cos", ["PutObject"]), []);
  assert.deepEqual(
    checkEventNames("*", ["PutObject"]).map((d) => [d.rule, d.path]),
    [["event-names-wildcard", "/EventNames"]],
  );
  assert.deepEqual(
    checkEventNames("cos", ["PutObject", "PutObject"]).map((d) => d.path),
    ["/EventNames/1"],
  );
  assert.deepEqual(checkStorage(valid.Storage), []);
  const storage = checkStorage({ ...valid.Storage, StorageName: "audit-cos-1250000000" });
  assert.deepEqual(storage.map((d) => [d.rule, d.path]), [["storage-name-appid", "/Storage/StorageName"]]);
  assert.deepEqual(
    checkStorage({ StorageType: "cos" }).map((d) => d.path),
    ["/Storage/StorageRegion", "/Storage/StorageName", "/Storage/StoragePrefix"],
  );
});

test("a value of the wrong type is a diagnostic, as in a whole request", () => {
  assert.deepEqual(
    checkName(42).map((d) => [d.rule, d.help]),
    [["parameter-type", 'write "42"']],
  );
  assert.deepEqual(checkStatus("1").map((d) => [d.rule, d.help]), [["parameter-type", "write 1"]]);
  assert.equal(checkStatus(1.5)[0].rule, "parameter-type");
  assert.equal(checkEventNames("cos", "PutObject")[0].help, 'write ["PutObject"]');
  assert.equal(checkName(undefined)[0].rule, "missing-parameter");
  assert.equal(checkName(null)[0].rule, "parameter-type");
  assert.deepEqual(checkTrackForAllMembers(undefined), []); // optional
});

test("bad arguments throw Error objects with a clear message", () => {
  const cases = [
    [() => validate(undefined), TypeError, /request/],
    [() => validate(() => 1), TypeError, /request/],
    [() => validate(1n), TypeError, /BigInt/],
    [() => validate({}, "en"), TypeError, /options must be an object/],
    [() => validate({}, { locale: "fr" }), RangeError, /locale/],
    [() => validate({}, { region: 5 }), TypeError, /region/],
    [() => validate({}, { profile: { eventNameCap: 1 } }), TypeError, /eventNameCap/],
    [() => checkName(Symbol("x")), TypeError, /symbol/],
  ];
  for (const [call, type, message] of cases) {
    assert.throws(call, (error) => error instanceof type && message.test(error.message));
  }
  const cycle = {};
  cycle.self = cycle;
  // A cycle inside the request is data: a diagnostic where it is (adversarial.test.mjs).
  assert.ok(validate(cycle).some((d) => d.rule === "parameter-type" && d.path === "/self"));
  // The module is still usable after every one of them.
  assert.deepEqual(checkName("audit"), []);
});

test("rules() is the rule table, in both languages", () => {
  const all = rules();
  assert.ok(all.length >= 40);
  const ids = new Set(all.map((r) => r.id));
  assert.equal(ids.size, all.length);
  for (const rule of all) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(rule.severity === "error" || rule.severity === "warning");
    assert.ok(rule.description.en.length > 0 && rule.description["zh-CN"].length > 0);
  }
  assert.ok(ids.has("name-charset"));
});

test("facts() are what a form needs, with a profile's overrides", () => {
  const f = facts();
  assert.ok(f.regions.includes("ap-guangzhou"));
  assert.deepEqual([f.nameMin, f.nameMax], [3, 48]);
  assert.deepEqual(f.actionTypes, ["Read", "Write", "*"]);
  assert.deepEqual(f.storageTypes, ["cos", "cls"]);
  assert.equal(f.eventNamesCap, 10);
  assert.deepEqual(f.switchValues, [0, 1]);
  assert.deepEqual(
    f.parameters.map((p) => p.name).slice(0, 6),
    ["Name", "ActionType", "ResourceType", "Status", "EventNames", "Storage"],
  );
  // The pattern agrees with checkName on length and charset, with any RegExp flags.
  for (const flags of ["", "u", "v"]) {
    const pattern = new RegExp(f.namePattern, flags);
    for (const name of ["audit", "audit-trail_01", "ab", "a".repeat(48), "a".repeat(49), "a b", "审计日志"]) {
      assert.equal(pattern.test(name), checkName(name).length === 0, `${name} /${flags}`);
    }
  }
  const custom = facts({ regions: ["ap-shanghai"], eventNamesCap: 20 });
  assert.deepEqual(custom.regions, ["ap-shanghai"]);
  assert.equal(custom.eventNamesCap, 20);
  assert.deepEqual(checkRegion("ap-shanghai", { profile: { regions: ["ap-shanghai"] } }), []);
});

test("the .d.ts unions are the rule table's (generated from it at compile time)", async () => {
  const { readFile } = await import("node:fs/promises");
  const dts = await readFile(new URL("../wasm/cloudaudit_lint.d.ts", import.meta.url), "utf8");
  const union = (name) => {
    const body = dts.match(new RegExp(`export type ${name} =([^;]*);`))[1];
    return [...body.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  };
  assert.deepEqual(union("RuleId"), rules().map((r) => r.id));
  const codes = new Set(rules().map((r) => r.apiErrorCode).filter((c) => c !== null));
  assert.deepEqual(new Set(union("ApiErrorCode")), codes);
  assert.deepEqual(union("ActionType"), facts().actionTypes);
  assert.doesNotMatch(dts, /\bany\b(?![ -][a-z])/, "no `any` type on the public surface");
  // Every parameter of the API is in the request interface.
  const request = dts.match(/export interface CreateAuditTrackRequest \{([^}]*)\}/)[1];
  for (const p of facts().parameters) {
    assert.match(request, new RegExp(`\\b${p.name}${p.required ? ":" : "\\?:"}`), p.name);
  }
  // The common parameters travel outside the document too: optional in it.
  for (const p of facts().commonParameters) {
    assert.match(request, new RegExp(`\\b${p.name}\\?:`), p.name);
  }
  const storage = dts.match(/export interface StorageParameters \{([^}]*)\}/)[1];
  for (const p of facts().storageParameters) {
    assert.match(storage, new RegExp(`\\b${p.name}${p.required ? ":" : "\\?:"}`), p.name);
  }
});

test("facts(), rules() and fix() hold exactly the fields their declarations name", async () => {
  const { readFile } = await import("node:fs/promises");
  const dts = await readFile(new URL("../wasm/cloudaudit_lint.d.ts", import.meta.url), "utf8");
  const declared = (name) => {
    const body = dts.match(new RegExp(`export interface ${name}(?: extends [^{]*)? \\{([^}]*)\\}`))[1];
    return [...body.matchAll(/^\s+(?:readonly )?"?([\w-]+)"?\??:/gm)].map((m) => m[1]).sort();
  };
  const keys = (object) => Object.keys(object).sort();
  const f = facts();
  assert.deepEqual(keys(f), [...declared("Profile"), ...declared("Facts")].sort());
  assert.deepEqual(keys(f.cosPrefixLength), declared("LengthRange"));
  assert.deepEqual(keys(f.clsTopicLength), declared("LengthRange"));
  assert.ok(f.cosPrefixLength.min <= f.cosPrefixLength.max && f.clsTopicLength.min <= f.clsTopicLength.max);
  assert.deepEqual(f.compressValues, [1, 2]);
  assert.equal(f.wildcard, "*");
  assert.equal(f.apiVersion, "2019-03-19");
  for (const p of [...f.commonParameters, ...f.parameters, ...f.storageParameters]) {
    assert.deepEqual(keys(p), declared("ParameterFact"));
    assert.equal(typeof p.required, "boolean");
  }
  for (const rule of rules()) {
    assert.deepEqual(keys(rule), declared("RuleInfo"));
    assert.deepEqual(keys(rule.description), ["en", "zh-CN"]);
    assert.ok(rule.apiErrorCode === null || typeof rule.apiErrorCode === "string");
  }
  // Text with quotes, escapes and characters past ASCII comes back as it went in.
  const fixed = fix(JSON.stringify({ ...valid, Name: " \"审计\"\\n " }));
  assert.deepEqual(keys(fixed), declared("Fixed"));
  assert.ok(fixed.changes.length > 0);
  for (const change of fixed.changes) assert.deepEqual(keys(change), declared("FixChange"));
  assert.equal(JSON.parse(fixed.text).Name, JSON.parse(fixed.changes.find((c) => c.path === "/Name").after));
});

test("the product catalogue: off until loaded, then advisory warnings with a did-you-mean", async () => {
  assert.deepEqual(checkResourceType("cmv"), []);
  // One options object before and after: the settings it was read into are not kept across.
  const options = { region: "ap-guangzhou" };
  const unknownProduct = () =>
    validate({ ...valid, ResourceType: "cmv", EventNames: ["*"] }, options).some((d) => d.rule === "resource-type-unknown");
  assert.equal(unknownProduct(), false);
  await loadCatalog();
  assert.equal(unknownProduct(), true);
  const [unknown] = checkResourceType("cmv");
  assert.deepEqual([unknown.rule, unknown.severity, unknown.help], [
    "resource-type-unknown",
    "warning",
    'did you mean "cvm"?',
  ]);
  assert.deepEqual(checkResourceType("cvm"), []);
  assert.deepEqual(
    checkEventNames("cloudaudit", ["LookUpEvents", "lookupevent"]).map((d) => [d.rule, d.path]),
    [["event-name-unknown", "/EventNames/1"]],
  );
  assert.equal(validate({ ...valid, ResourceType: "cmv", EventNames: ["*"] })[0].rule, "missing-parameter");
  assert.ok(validate({ ...valid, ResourceType: "cmv", EventNames: ["*"] }).some((d) => d.rule === "resource-type-unknown"));
  assert.throws(() => setCatalog("cvm\tonly two fields"), (e) => e instanceof Error && /catalogue line 1/.test(e.message));
  assert.throws(() => setCatalog(42), TypeError);
  // An empty download is refused, not installed as a catalogue that knows no product.
  assert.throws(() => setCatalog(""), (e) => e instanceof Error && /no product is listed/.test(e.message));
  assert.deepEqual(checkResourceType("cvm"), [], "the catalogue in use stays");
  setCatalog(null);
  assert.deepEqual(checkResourceType("cmv"), []);
  assert.equal(unknownProduct(), false);
});

test("random inputs: diagnostics or a TypeError, never a trap of the module", () => {
  // A small seeded generator (xorshift): the same inputs on every run.
  let seed = 0x9e3779b9;
  const next = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), (seed >>> 0) / 2 ** 32);
  const pick = (items) => items[Math.floor(next() * items.length)];
  const keys = ["Name", "ActionType", "ResourceType", "Status", "EventNames", "Storage", "Region",
    "StorageType", "StorageRegion", "StorageName", "StoragePrefix", "Compress", "TrackForAllMembers", "x~/y"];
  const chars = ["a", "Z", "0", "-", "_", " ", "*", "\u0430", "\uff21", "\u200b", "\u202e", "\ud800", "\udc00",
    "😀", "审", "\n", '"', "\\", "\u0000", "\ufeff"];
  const string = () => Array.from({ length: Math.floor(next() * 12) }, () => pick(chars)).join("");
  const value = (depth) => {
    const kind = Math.floor(next() * (depth > 2 ? 5 : 7));
    if (kind === 0) return string();
    if (kind === 1) return pick([0, 1, 2, -1, 1.5, 1e21, -0, 2 ** 53, Number.MAX_VALUE]);
    if (kind === 2) return pick([null, true, false]);
    if (kind === 3) return pick(["Read", "cos", "*", "ap-guangzhou", "audit"]);
    if (kind === 4) return undefined;
    if (kind === 5) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 6) }, () => [pick(keys), value(depth + 1)]));
  };
  const calls = [
    (v) => validate(v),
    (v) => validate(JSON.stringify(v) ?? "", { locale: "zh-CN" }),
    (v) => validate(typeof v === "string" ? v.slice(0, Math.floor(next() * v.length)) : "{\"Name\": ["),
    (v) => checkName(v),
    (v) => checkRegion(v),
    (v) => checkActionType(v),
    (v) => checkResourceType(v),
    (v) => checkStatus(v),
    (v) => checkTrackForAllMembers(v),
    (v) => checkEventNames(pick(["cos", "*", undefined, "cvm"]), v),
    (v) => checkStorage(v),
  ];
  for (let i = 0; i < 3000; i++) {
    const input = value(0);
    const call = pick(calls);
    try {
      const found = call(input);
      assert.ok(Array.isArray(found));
      for (const d of found) assert.equal(typeof d.message, "string");
    } catch (error) {
      assert.ok(error instanceof TypeError, `${error} for ${JSON.stringify(input)}`);
    }
  }
});

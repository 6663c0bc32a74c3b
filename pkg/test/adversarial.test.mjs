// Hostile input through the npm package: the files of tests/adversarial/ (invalid UTF-8,
// UTF-16, a byte order mark, empty and blank files, NUL and control characters, odd numbers,
// duplicate keys, look-alike and invisible characters) and big inputs made here (100 000-deep
// nesting, a 10 MB string, 100 000 EventNames half of them bad). validate() must never throw
// anything but a clean Error, and every diagnostic must be located and bounded in number.
// Given the bytes of a file, it must say exactly what the CLI says (columns compared on ASCII
// lines only: the CLI counts characters, JavaScript UTF-16 code units).
//
// Needs the CLI: CLOUDAUDIT_LINT_BIN, else target/debug/cloudaudit-lint (cargo build).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { checkEventNames, checkName, checkStatus, checkStorage, facts, fix, validate } from "../node.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = process.env.CLOUDAUDIT_LINT_BIN ?? `${root}target/debug/cloudaudit-lint`;
const dir = "tests/adversarial";
const files = readdirSync(`${root}${dir}`).sort();
const options = { region: "ap-guangzhou" };
const LIMIT = 1000; // the library's default limit on diagnostics

/** validate(request) (or `request()`, a call of it) that may only fail with a clean Error;
 * returns the diagnostics or the error. */
function check(request, what) {
  let diagnostics;
  try {
    diagnostics = typeof request === "function" ? request() : validate(request, options);
  } catch (error) {
    assert.ok(error instanceof Error, `${what}: threw a non-Error ${String(error)}`);
    assert.ok(error.message.length > 0, `${what}: an Error without a message`);
    return { error };
  }
  assert.ok(Array.isArray(diagnostics), `${what}: not an array`);
  assert.ok(diagnostics.length <= LIMIT, `${what}: ${diagnostics.length} diagnostics`);
  for (const d of diagnostics) {
    const where = `${what}: ${d.rule} at ${JSON.stringify(d.path)}`;
    for (const key of ["line", "column", "endLine", "endColumn"]) {
      assert.ok(Number.isInteger(d[key]) && d[key] >= 1, `${where}: ${key} is ${d[key]}`);
    }
    assert.ok(d.message.length > 0, `${where}: empty message`);
  }
  return { diagnostics };
}

/** The CLI's diagnostics for the committed files, by file name. */
function cli() {
  assert.ok(existsSync(bin), `no CLI at ${bin}: run cargo build, or set CLOUDAUDIT_LINT_BIN`);
  const paths = files.map((name) => `${dir}/${name}`);
  const run = spawnSync(bin, ["check", "--no-config", "--region", options.region, "--format", "json", ...paths], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  assert.ok(run.status === 0 || run.status === 1, `CLI exit ${run.status}: ${run.stderr}`);
  return new Map(JSON.parse(run.stdout).map((entry) => [entry.file.slice(dir.length + 1), entry]));
}

test("every committed hostile file, as bytes, gives the CLI's diagnostics", () => {
  assert.ok(files.length >= 20, files.join(", "));
  const expected = cli();
  for (const name of files) {
    const bytes = readFileSync(`${root}${dir}/${name}`);
    const { diagnostics, error } = check(new Uint8Array(bytes), name);
    assert.equal(error, undefined, `${name}: ${error}`);
    const want = expected.get(name);
    assert.equal(want.omitted, 0, name);
    const simple = (d) => [d.rule, d.severity, d.path, d.message, d.line, d.endLine];
    assert.deepEqual(diagnostics.map(simple), want.diagnostics.map(simple), name);
    const ascii = /^[\x00-\x7f]*$/.test(bytes.toString("latin1"));
    if (ascii) {
      assert.deepEqual(
        diagnostics.map((d) => [d.column, d.endColumn]),
        want.diagnostics.map((d) => [d.column, d.endColumn]),
        `${name}: columns`,
      );
    }
  }
});

test("every committed hostile file, as a string, is validated or cleanly refused", () => {
  for (const name of files) {
    // Node decodes invalid UTF-8 to U+FFFD and keeps NULs: a string is whatever a page holds.
    for (const encoding of ["utf8", "latin1", "utf16le"]) {
      const text = readFileSync(`${root}${dir}/${name}`, encoding);
      const { error } = check(text, `${name} (${encoding})`);
      assert.equal(error, undefined, `${name} (${encoding}): ${error}`);
    }
  }
});

test("100 000-deep nesting is a located syntax error, not a stack overflow", () => {
  const depth = 100_000;
  const cases = [
    ["[".repeat(depth) + "]".repeat(depth), 129],
    ['{"a":'.repeat(depth) + "1" + "}".repeat(depth), 1 + 5 * 128],
    [`{"Status": ${"[".repeat(depth)}${"]".repeat(depth)}}`, 12 + 127],
  ];
  for (const [text, column] of cases) {
    const { diagnostics } = check(text, "deep");
    assert.deepEqual(
      diagnostics.map((d) => [d.rule, d.line, d.column]),
      [["json-syntax", 1, column]],
    );
  }
});

function request(overrides) {
  return {
    Name: "audit",
    ActionType: "Read",
    ResourceType: "*",
    Status: 1,
    EventNames: ["*"],
    Storage: { StorageType: "cos", StorageRegion: "ap-guangzhou", StorageName: "audit-cos", StoragePrefix: "logs" },
    ...overrides,
  };
}

test("10 MB strings are reported, located, in time", () => {
  const long = "r".repeat(10 * 1024 * 1024);
  const cases = [
    ["Name", "name-length"],
    ["ActionType", "action-type-value"],
    ["Region", "region-mismatch"],
  ];
  for (const [field, rule] of cases) {
    const { diagnostics } = check(JSON.stringify(request({ [field]: long })), field);
    assert.ok(diagnostics.some((d) => d.rule === rule && d.path === `/${field}`), `${field}: ${rule}`);
  }
  const { diagnostics } = check(JSON.stringify({ [long]: 1 }), "key");
  assert.ok(diagnostics.some((d) => d.rule === "unknown-parameter"));
  // Look-alikes, 5 million of them: one diagnostic, with the count, in text order after the
  // value's own (name-length, at the value's start).
  const lookalikes = check(JSON.stringify(request({ Name: "\u0430".repeat(5_000_000) })), "lookalikes");
  assert.deepEqual(
    lookalikes.diagnostics.map((d) => d.rule),
    ["name-length", "confusable-character"],
  );
});

test("100 000 EventNames, half of them bad: bounded, the first ones in order", () => {
  const count = 100_000;
  const names = Array.from({ length: count }, (_, i) =>
    i % 4 === 1 ? `Bad ${i}` : i % 4 === 3 ? `Api\u200b${i}` : `Api${i}`,
  );
  const text = JSON.stringify(request({ EventNames: names }));
  const { diagnostics } = check(text, "event names");
  assert.equal(diagnostics.length, LIMIT);
  assert.equal(diagnostics[0].rule, "event-names-wildcard");
  diagnostics.slice(1).forEach((d, i) => {
    const index = 2 * i + 1;
    assert.equal(d.path, `/EventNames/${index}`);
    assert.equal(d.rule, index % 4 === 1 ? "event-name-format" : "invisible-character");
  });
});

test("what the limit leaves out is counted", () => {
  const names = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `Bad ${i}` : `Api${i}`));
  const result = validate(JSON.stringify(request({ EventNames: names })), options);
  assert.equal(result.omitted, 49_001);
});

test("100 000-deep objects as the request or an option: diagnostics or a clean error, and the module lives on", () => {
  const text = readFileSync(`${root}tests/fixtures/many-faults.json`, "utf8");
  const before = validate(text, options);
  let deep = ["ap-guangzhou"];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const cycle = {};
  cycle.self = cycle;
  for (let round = 0; round < 20; round++) {
    // Data: located diagnostics, and every other problem still reported.
    const request = validate({ Name: "audit", Status: deep }, options);
    assert.deepEqual(request.slice(0, 2).map((d) => [d.rule, d.path]), [
      ["missing-parameter", "/ActionType"],
      ["missing-parameter", "/ResourceType"],
    ]);
    assert.ok(request.some((d) => d.rule === "parameter-type" && d.path === "/Status"), JSON.stringify(request));
    const self = validate(cycle, options);
    assert.ok(self.some((d) => d.rule === "parameter-type" && d.path === "/self" && /contains itself/.test(d.message)));
    assert.ok(self.some((d) => d.rule === "unknown-parameter" && d.path === "/self"));
    // An option is no data: a clean error.
    const { error } = check(() => validate("{}", { ...options, profile: { regions: deep } }), "profile");
    assert.ok(error instanceof RangeError || error instanceof TypeError, `profile: ${error}`);
  }
  // A stack overflow inside the module must not leave it broken for the next call.
  assert.deepEqual(validate(text, options), before);
});

/** [rule, path] of each diagnostic. */
const where = (diagnostics) => diagnostics.map((d) => [d.rule, d.path]);

/** The parameter-type diagnostic at `path`, which must exist. */
function notJson(diagnostics, path) {
  const found = diagnostics.find((d) => d.rule === "parameter-type" && d.path === path);
  assert.ok(found, `no parameter-type at ${path}: ${JSON.stringify(diagnostics)}`);
  return found;
}

test("a lone surrogate is a located parameter-type diagnostic of its value, and the rest is still reported", () => {
  const status = checkStatus("\ud800");
  assert.deepEqual(where(status), [["parameter-type", "/Status"]]);
  assert.match(status[0].message, /U\+D800 at character 1/);
  assert.equal(status[0].apiErrorCode, "InvalidParameter");

  const storage = checkStorage({ StorageType: "\ud800" });
  assert.match(notJson(storage, "/Storage/StorageType").message, /U\+D800/);
  assert.ok(storage.some((d) => d.rule === "missing-parameter" && d.path === "/Storage/StorageName"));

  assert.deepEqual(where(checkEventNames("cos", ["\udfff", "A", "A"])), [
    ["parameter-type", "/EventNames/0"],
    ["event-names-duplicate", "/EventNames/2"],
  ]);
  assert.match(checkName("ab\ud800")[0].message, /U\+D800 at character 3/);
  assert.deepEqual(where(checkName("ab\ud800")), [["parameter-type", "/Name"]]);
  // In Chinese too; a pair (an emoji) is text, not a surrogate.
  assert.match(checkName("ab\udc00", { locale: "zh-CN" })[0].message, /U\+DC00/);
  assert.ok(!checkName("ab\ud83d\ude00").some((d) => d.rule === "parameter-type"));

  const whole = validate({ Name: "ab\ud800", ActionType: "read" }, options);
  assert.ok(!whole.some((d) => d.rule === "json-syntax"), JSON.stringify(whole));
  notJson(whole, "/Name");
  assert.ok(whole.some((d) => d.rule === "action-type-value" && d.path === "/ActionType"));
  assert.ok(whole.some((d) => d.rule === "missing-parameter" && d.path === "/Storage"));

  // In a key: the member is reported, and its name is shown with U+FFFD.
  const key = validate({ ...request({}), ["Na\udc00me"]: "x" }, options);
  assert.deepEqual(where(key), [
    ["unknown-parameter", "/Na\ufffdme"],
    ["parameter-type", "/Na\ufffdme"],
  ]);
  assert.match(key[1].message, /key/);
});

test("Number, String and Boolean objects and a BigInt's toJSON are read as JSON.stringify reads them, either way", () => {
  const value = { ...request({}), Name: new String("a b"), Status: new Number(7), TrackForAllMembers: new Boolean(true) };
  const plain = validate(value, options);
  assert.deepEqual(where(plain), where(validate({ ...value, Name: "a b", Status: 7, TrackForAllMembers: true }, options)));
  // With a BigInt beside them, the module's own reader reads them, alike.
  const alongside = validate({ ...value, ActionType: 1n }, options).filter((d) => d.path !== "/ActionType");
  assert.deepEqual(alongside, plain);
  assert.deepEqual(checkName(new String("a b")), checkName("a b"));
  assert.deepEqual(where(checkName(new String("au\ud800dit"))), [["parameter-type", "/Name"]]);
  // A BigInt with a toJSON is what the toJSON gives, as JSON.stringify has it.
  BigInt.prototype.toJSON = function () {
    return Number(this);
  };
  try {
    assert.deepEqual(checkStatus(1n), []);
    assert.deepEqual(validate({ ...request({}), Status: 1n, Name: new String("audit") }, options), []);
  } finally {
    delete BigInt.prototype.toJSON;
  }
  assert.match(checkStatus(1n)[0].message, /BigInt/);
});

test("text with a lone surrogate is one located json-syntax error, never a U+FFFD read into it", () => {
  const text = `{\n  "Name": "au\ud800dit",\n  "ActionType": "read"\n}`;
  const diagnostics = validate(text, options);
  assert.deepEqual(where(diagnostics), [["json-syntax", ""]]);
  const [d] = diagnostics;
  assert.deepEqual([d.line, d.column], [2, 14]);
  assert.match(d.message, /lone surrogate U\+D800/);
  assert.equal(text.indexOf("\ud800"), "{\n".length + d.column - 1, "the column is the surrogate's");
  assert.match(validate(text, { ...options, locale: "zh-CN" })[0].message, /U\+D800/);
  // A low half alone, after a pair (an emoji), in a key.
  const key = `{"\ud83d\ude00": 1, "K\udc00": 2}`;
  const [k] = validate(key, options);
  assert.deepEqual([k.rule, k.line, k.column], ["json-syntax", 1, 13]);
  assert.match(k.message, /U\+DC00/);
  // A pair is text: an ordinary request with an emoji in it.
  assert.ok(!validate(`{"Name": "\ud83d\ude00"}`, options).some((d) => d.rule === "json-syntax"));
  // fix() says so rather than writing U+FFFD in its place, or giving the text back unfixed.
  assert.throws(() => fix(text), (error) => error instanceof TypeError && /lone surrogate/.test(error.message));
  assert.throws(
    () => fix({ Name: " audit ", Status: "1", Storage: { StoragePrefix: "a\ud800" } }),
    (error) => error instanceof TypeError && /lone surrogate/.test(error.message),
  );
  assert.equal(fix({ Name: " audit " }).changes.length, 1);
  // In a profile, said as such; a schema given such a string says it is no request.
  assert.throws(() => facts({ regions: ["ap-\ud800"] }), /options.profile holds a string with a lone surrogate/);
});

test("nesting past the parser's limit is a located diagnostic, never []", () => {
  let deep = {};
  for (let i = 0; i < 200; i++) deep = { a: deep };
  const name = checkName(deep);
  assert.deepEqual(name[0].rule, "parameter-type");
  assert.deepEqual(name[0].path, "/Name");
  assert.match(name[0].message, /object/);
  const whole = validate({ ...request({ ActionType: "read" }), Name: deep }, options);
  // 128 levels counted from the request, the parser's limit for text too: the request, Name's
  // object and 126 objects below it are read, the next is not.
  assert.deepEqual(where(whole).slice(0, 2), [
    ["parameter-type", "/Name"],
    ["parameter-type", `/Name${"/a".repeat(127)}`],
  ]);
  assert.match(whole[1].message, /deeper than 128/);
  assert.ok(whole.some((d) => d.rule === "action-type-value"));
});

test("a value is read alike whether or not another part of it has no JSON form", () => {
  // JSON.stringify reads the value when it can; the module's own reader when another part is
  // a BigInt. Depth and array length are bounded the same way on both.
  const both = (value) => [
    validate({ ...request({}), ...value }, options),
    validate({ ...request({}), ...value, TrackForAllMembers: 1n }, options).filter((d) => d.path !== "/TrackForAllMembers"),
  ];
  const nested = (levels) => {
    let value = 1;
    for (let i = 0; i < levels; i++) value = [value];
    return value;
  };
  for (const levels of [100, 126, 127, 128, 200]) {
    const [plain, alongside] = both({ Name: nested(levels) });
    assert.deepEqual(alongside, plain, `${levels} levels`);
    assert.equal(plain.some((d) => /deeper than 128/.test(d.message)), levels > 127, `${levels} levels`);
  }
  const long = new Array(2 ** 20 + 1).fill("A");
  const [plain, alongside] = both({ EventNames: long });
  assert.deepEqual(alongside, plain);
  assert.match(notJson(plain, "/EventNames").message, /more than 1048576 entries/);
  const sparse = [];
  sparse.length = 3_000_000;
  assert.match(notJson(checkEventNames("cos", sparse), "/EventNames").message, /more than 1048576 entries/);
});

test("every way a JavaScript value fails to convert is a located diagnostic, and the rest is still reported", () => {
  const throwing = {
    StorageType: "cos",
    get StorageName() {
      throw new Error("no access");
    },
  };
  const cyclic = { StorageType: "cos" };
  cyclic.Self = cyclic;
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const trap = new Proxy({}, { ownKeys() { throw new TypeError("ownKeys trap"); } });
  const huge = [];
  huge.length = 2 ** 32 - 1;
  const cases = [
    ["getter", () => checkStorage(throwing), "/Storage/StorageName", /no access/],
    ["cycle", () => checkStorage(cyclic), "/Storage/Self", /contains itself/],
    ["revoked proxy", () => checkStorage(revoked), "/Storage", /revoked/],
    ["ownKeys trap", () => checkStorage(trap), "/Storage", /ownKeys trap/],
    ["toJSON", () => checkStorage({ toJSON() { throw new Error("toJSON says no"); } }), "/Storage", /toJSON says no/],
    ["BigInt", () => checkStatus(1n), "/Status", /BigInt/],
    ["BigInt in an object", () => validate({ ...request({ ActionType: "read" }), Status: 1n }, options), "/Status", /BigInt/],
    ["huge sparse array", () => checkEventNames("cos", huge), "/EventNames", /more than 1048576 entries/],
    // As JSON.stringify writes them: holes and symbols in an array are null.
    ["sparse array", () => checkEventNames("cos", [, "A", "A"]), "/EventNames/0", /null/],
    ["symbol in an array", () => checkEventNames("cos", [Symbol("s"), "A"]), "/EventNames/0", /null/],
  ];
  for (const [what, call, path, message] of cases) {
    const started = performance.now();
    const diagnostics = call();
    assert.ok(performance.now() - started < 2000, `${what}: took ${performance.now() - started} ms`);
    assert.ok(diagnostics.length > 0, `${what}: []`);
    assert.match(notJson(diagnostics, path).message, message, what);
  }
  // The rest of the value is still read.
  assert.ok(checkStorage(throwing).some((d) => d.rule === "missing-parameter" && d.path === "/Storage/StorageRegion"));
  assert.ok(checkEventNames("cos", [, "A", "A"]).some((d) => d.rule === "event-names-duplicate"));
  assert.ok(
    validate({ ...request({ ActionType: "read" }), Status: 1n }, options).some((d) => d.rule === "action-type-value"),
  );
});

test("unknown option keys are a TypeError naming the key and the closest option", () => {
  for (const [call, key, closest] of [
    [() => validate("{}", { maxDiagnostic: 5 }), "maxDiagnostic", "maxDiagnostics"],
    [() => checkName("audit", { lcoale: "zh-CN" }), "lcoale", "locale"],
    [() => validate("{}", { regoin: "ap-guangzhou" }), "regoin", "region"],
    [() => facts({ nameMn: 5 }), "nameMn", "nameMin"],
  ]) {
    assert.throws(call, (error) => {
      assert.ok(error instanceof TypeError, String(error));
      assert.match(error.message, new RegExp(`\`${key}\`.*\`${closest}\``));
      return true;
    });
  }
  // Every option by its right name is accepted, on the field checks too.
  const all = { region: "ap-guangzhou", locale: "en", profile: {}, maxDiagnostics: 5 };
  assert.deepEqual(validate(request({}), all), []);
  assert.deepEqual(checkName("audit", all), []);
});

test("what an option's getter or proxy trap throws is thrown on, and only the options a call uses are read", () => {
  const thrown = new Error("no locale today");
  assert.throws(() => validate("{}", { get locale() { throw thrown; } }), (error) => error === thrown);
  const trap = new Proxy({}, { ownKeys() { throw thrown; } });
  assert.throws(() => checkName("audit", trap), (error) => error === thrown);
  // The field checks check values, not where a request goes: `region` and `action` are not read.
  const read = [];
  const spy = new Proxy(
    { region: "ap-guangzhou", action: "CreateAuditTrack", locale: "zh-CN" },
    { get: (target, key) => (read.push(key), target[key]) },
  );
  assert.equal(checkName("a b", spy)[0].message, checkName("a b", { locale: "zh-CN" })[0].message);
  assert.deepEqual(read.filter((key) => key === "region" || key === "action"), []);
  read.length = 0;
  validate(request({}), spy);
  assert.deepEqual(read.filter((key) => key === "region" || key === "action").sort(), ["action", "region"]);
});

test("an option's getter or toJSON that calls the module again leaves each call its own options", () => {
  const faulty = request({ Name: "a b", Status: 7 });
  const english = validate(faulty, { locale: "en" });
  const chinese = validate(faulty, { locale: "zh-CN" });
  assert.notDeepEqual(english, chinese);
  // A nested call while the options are read: the outer call keeps its locale.
  const getter = { locale: "en", get action() { validate("{}", { locale: "zh-CN" }); return "CreateAuditTrack"; } };
  assert.deepEqual(validate(faulty, getter), english);
  assert.deepEqual(validate(faulty, getter), english, "and again, with the same options");
  // A nested call while a profile is read (its toJSON): the outer call keeps its limit.
  const profile = { toJSON() { validate("{}", { maxDiagnostics: 0 }); return {}; } };
  const listed = validate(faulty, { maxDiagnostics: 50, profile });
  assert.equal(listed.length, english.length);
  assert.equal(listed.omitted, undefined);
  // Whichever read was kept, each set of options still gives its own answer afterwards.
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(validate(faulty, { locale: "zh-CN" }), chinese);
    assert.deepEqual(validate(faulty, { locale: "en", action: "CreateAuditTrack" }), english);
    assert.equal(validate(faulty, { maxDiagnostics: 0 }).length, 0);
    assert.deepEqual(validate(faulty, { locale: "en" }), english);
  }
});

/** What `call()` returns while `owner[name]` is patched to run `during()` before each call of
 * the built-in (with the patch off, so that `during` may use it without recursing). */
function whilePatched(owner, name, during, call) {
  const original = owner[name];
  const patched = function (...args) {
    owner[name] = original;
    try {
      during();
    } finally {
      owner[name] = patched;
    }
    return original.apply(this, args);
  };
  owner[name] = patched;
  try {
    return call();
  } finally {
    owner[name] = original;
  }
}

/** A fresh instance of the Node module behind its own copy of the glue (another URL), whose
 * memory is small to begin with: a call with some 24 MB of text must grow it. */
async function freshInstance(label) {
  const fresh = await import(`${import.meta.resolve("../wasm/cloudaudit_lint.js")}?${label}`);
  fresh.initSync({ module: readFileSync(new URL(import.meta.resolve("../wasm/cloudaudit_lint_node.wasm"))) });
  return fresh;
}

test("a call made while the diagnostics are built (a patched Array.prototype.push) gets its own", () => {
  const outer = request({ Name: "a b", Status: 7 });
  const inner = request({ Name: "x", ActionType: "read" });
  const expected = { outer: validate(outer, options), inner: validate(inner, options) };
  assert.ok(expected.outer.length > 1 && expected.inner.length > 1);
  // Every push of the outer call's objects validates another request first.
  const nested = [];
  const got = whilePatched(Array.prototype, "push", () => nested.push(validate(inner, options)), () => validate(outer, options));
  assert.deepEqual(got, expected.outer);
  assert.ok(nested.length >= expected.outer.length);
  for (const each of nested) assert.deepEqual(each, expected.inner);
  // And the buffers the calls shared are whole for the calls after.
  assert.deepEqual(validate(outer, options), expected.outer);
  assert.deepEqual(validate(inner, options), expected.inner);
});

test("a call made while the diagnostics are built that grows the module's memory leaves them whole", async () => {
  const fresh = await freshInstance("grown-while-read");
  const outer = request({ Name: "a b", Status: 7, ActionType: "read" });
  const expected = fresh.validate(outer, options);
  assert.ok(expected.length > 2);
  const big = request({ Name: "n".repeat(24 * 1024 * 1024) });
  let grown = 0;
  const grow = () => {
    if (grown++ === 0) assert.equal(fresh.validate(big, options)[0].rule, "name-length");
  };
  const got = whilePatched(Array.prototype, "push", grow, () => fresh.validate(outer, options));
  assert.ok(grown > 0, "the patch ran");
  assert.deepEqual(got, expected);
  assert.deepEqual(fresh.validate(outer, options), expected);
});

test("a call made from a patched built-in while a text is read leaves the module whole", async () => {
  // The text crosses through isWellFormed and TextEncoder#encodeInto, which a page can patch.
  const fresh = await freshInstance("patched-encoder");
  const outer = JSON.stringify(request({ Name: "a b", Status: 7 }));
  const big = JSON.stringify(request({ Name: "n".repeat(24 * 1024 * 1024) }));
  const expected = fresh.validate(outer, options);
  for (const [owner, name] of [
    [String.prototype, "isWellFormed"],
    [TextEncoder.prototype, "encodeInto"],
  ]) {
    let nested;
    const got = whilePatched(owner, name, () => (nested = fresh.validate(big, options)), () => fresh.validate(outer, options));
    assert.deepEqual(got, expected, name);
    assert.equal(nested?.[0]?.rule, "name-length", name);
    assert.deepEqual(fresh.validate(outer, options), expected, `${name}, and after`);
  }
});

test("every built-in the bindings call may be patched to call the package again", async () => {
  // Each entry point, with each built-in the bindings use (or could) patched to validate
  // another request first: the call answers as it does unpatched, and so do the calls after.
  const fresh = await freshInstance("every-built-in");
  const body = request({ Name: "a b", ActionType: "read", EventNames: ["PutObject", "PutObject"] });
  const text = JSON.stringify(body);
  const calls = {
    "validate(text)": () => fresh.validate(text, options),
    "validate(object)": () => fresh.validate(body, options),
    "validate(bytes)": () => fresh.validate(new TextEncoder().encode(text), options),
    "validate(text, config)": () =>
      fresh.validate(text, { ...options, config: { policy: { name: { pattern: "^[a-z]+$", message: "lowercase" } } } }),
    checkName: () => fresh.checkName("a b", options),
    checkEventNames: () => fresh.checkEventNames("cos", ["PutObject", "x y"], options),
    checkStorage: () => fresh.checkStorage(body.Storage, options),
    fix: () => fresh.fix(text, options),
    facts: () => fresh.facts({ nameMax: 60 }),
    rules: () => fresh.rules(),
  };
  const builtIns = [
    [String.prototype, "isWellFormed"],
    [String.prototype, "slice"],
    [String.prototype, "charCodeAt"],
    [TextEncoder.prototype, "encodeInto"],
    [TextDecoder.prototype, "decode"],
    [Buffer.prototype, "toString"],
    [Array.prototype, "push"],
    [Array.prototype, "map"],
    [Array, "isArray"],
    [Object, "keys"],
    [Object, "getOwnPropertyDescriptor"],
    [JSON, "stringify"],
    [RegExp.prototype, "exec"],
    [RegExp.prototype, "test"],
    [Function.prototype, "call"],
  ];
  const again = () => fresh.validate('{"Name": "x"}', options);
  for (const [label, call] of Object.entries(calls)) {
    const expected = call();
    for (const [owner, name] of builtIns) {
      const where = `${label} with ${owner[Symbol.toStringTag] ?? owner.constructor.name}.${name} patched`;
      assert.deepEqual(whilePatched(owner, name, again, call), expected, where);
      assert.deepEqual(call(), expected, `${where}, and after`);
    }
  }
});

test("a profile the configuration file's reader refuses is refused here too", () => {
  for (const call of [
    () => validate("{}", { profile: { nameMin: 50, nameMax: 3 } }),
    () => checkName("audit", { profile: { nameMin: 50, nameMax: 3 } }),
    () => facts({ nameMin: 50, nameMax: 3 }),
    () => facts({ nameMax: 2 }), // below the default nameMin, 3
  ]) {
    assert.throws(call, (error) => {
      assert.ok(error instanceof TypeError, String(error));
      assert.match(error.message, /nameMin \(\d+\) is larger than nameMax \(\d+\)/);
      return true;
    });
  }
  // A count past the module's 32-bit range says what the range is.
  assert.throws(
    () => facts({ nameMax: 2 ** 40 }),
    (error) => error instanceof TypeError && /nameMax must be a non-negative integer, at most 4294967295/.test(error.message),
  );
  assert.equal(facts({ nameMin: 5, nameMax: 5 }).nameMax, 5);
});

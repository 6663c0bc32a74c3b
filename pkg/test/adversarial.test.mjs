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

import { validate } from "../node.js";

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
  // Look-alikes, 5 million of them: one diagnostic, with the count.
  const lookalikes = check(JSON.stringify(request({ Name: "\u0430".repeat(5_000_000) })), "lookalikes");
  assert.deepEqual(
    lookalikes.diagnostics.map((d) => d.rule),
    ["confusable-character", "name-length"],
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

test("100 000-deep objects as the request or an option are a clean error, and the module lives on", () => {
  const text = readFileSync(`${root}tests/fixtures/many-faults.json`, "utf8");
  const before = validate(text, options);
  let deep = ["ap-guangzhou"];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const cycle = {};
  cycle.self = cycle;
  for (const [what, call] of [
    ["request", () => validate({ Name: "audit", Status: deep }, options)],
    ["profile", () => validate("{}", { ...options, profile: { regions: deep } })],
    ["cycle", () => validate(cycle, options)],
  ]) {
    for (let round = 0; round < 20; round++) {
      const { error } = check(call, what);
      if (error) assert.ok(error instanceof RangeError || error instanceof TypeError, `${what}: ${error}`);
    }
  }
  // A stack overflow inside the module must not leave it broken for the next call.
  assert.deepEqual(validate(text, options), before);
});

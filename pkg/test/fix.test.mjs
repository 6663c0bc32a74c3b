// fix(): the safe fixes of `cloudaudit-lint check --fix`, from the package. For every fixture of
// the project it gives exactly the CLI's fixed text and its list of changes; and objects, bad
// arguments and options behave as documented.
//
// Needs the CLI: CLOUDAUDIT_LINT_BIN, else target/debug/cloudaudit-lint (cargo build).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { fix, validate } from "../node.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = process.env.CLOUDAUDIT_LINT_BIN ?? `${root}target/debug/cloudaudit-lint`;
const region = "ap-guangzhou";

const corpus = ["tests/fixtures", "examples"].flatMap((dir) =>
  readdirSync(`${root}${dir}`)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => `${dir}/${name}`),
);

test("fix() gives the CLI's check --fix text and changes for every fixture", (t) => {
  assert.ok(existsSync(bin), `no CLI at ${bin}: run cargo build, or set CLOUDAUDIT_LINT_BIN`);
  const work = mkdtempSync(join(tmpdir(), "cloudaudit-lint-fix-"));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const copies = corpus.map((file, i) => {
    const copy = join(work, `${i}.json`);
    cpSync(join(root, file), copy);
    return copy;
  });
  const run = spawnSync(bin, ["check", "--fix", "--no-config", "--format", "json", "--region", region, ...copies], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  assert.ok(run.status === 0 || run.status === 1, `CLI exit ${run.status}: ${run.stderr}`);
  const byFile = new Map(JSON.parse(run.stdout).map((entry) => [entry.file, entry]));
  let fixedFiles = 0;
  corpus.forEach((file, i) => {
    const text = readFileSync(join(root, file), "utf8");
    const got = fix(text, { region });
    assert.equal(got.text, readFileSync(copies[i], "utf8"), `${file}: fixed text`);
    assert.deepEqual(got.changes, byFile.get(copies[i]).fixed ?? [], `${file}: changes`);
    if (got.changes.length) fixedFiles += 1;
  });
  assert.ok(fixedFiles >= 2, `only ${fixedFiles} fixtures had something to fix`);
});

test("an object is fixed as JSON.stringify writes it, and the result validates clean of fixable problems", () => {
  const request = { Name: " audit ", ActionType: "write", ResourceType: "cvm", Status: "1", EventNames: ["RunInstances", "RunInstances"] };
  const { text, changes } = fix(request, { region });
  assert.deepEqual(JSON.parse(text), { Name: "audit", ActionType: "Write", ResourceType: "cvm", Status: 1, EventNames: ["RunInstances"] });
  assert.deepEqual(
    changes.map((c) => [c.rule, c.path, c.before, c.after]),
    [
      ["surrounding-whitespace", "/Name", '" audit "', '"audit"'],
      ["action-type-value", "/ActionType", '"write"', '"Write"'],
      ["parameter-type", "/Status", '"1"', "1"],
      ["event-names-duplicate", "/EventNames/1", '"RunInstances"', ""],
    ],
  );
  assert.deepEqual(validate(text, { region }).filter((d) => d.fixable), []);
});

test("nothing fixable: the text itself and no change; guesses are left alone", () => {
  const text = '{ "Name": "Raed", "ActionType": "Raed" }';
  assert.deepEqual(fix(text), { text, changes: [] });
  assert.deepEqual(fix("not json"), { text: "not json", changes: [] });
});

test("bad arguments and options are TypeErrors", () => {
  assert.throws(() => fix(undefined), TypeError);
  assert.throws(() => fix(() => 1), TypeError);
  assert.throws(() => fix(new Uint8Array([123, 125])), /decode them first/);
  assert.throws(() => fix("{}", { profile: { nameMn: 2 } }), TypeError);
  const cycle = {};
  cycle.self = cycle;
  assert.throws(() => fix(cycle), TypeError);
  // What JSON.stringify throws is said in the package's own TypeError.
  const noJson = (message) => (error) => error instanceof TypeError && error.message.startsWith("cloudaudit-lint: fix: the request has no JSON form") && message.test(error.message);
  assert.throws(() => fix({ Status: 1n }), noJson(/BigInt/));
  assert.throws(() => fix({ get Name() { throw new Error("boom"); } }), noJson(/boom/));
});

test("options reach the fixes: a profile's storage types decide what is fixable", () => {
  const request = '{"Storage": {"StorageType": "CKAFKA"}}';
  assert.deepEqual(fix(request).changes, []);
  const { changes } = fix(request, { profile: { storageTypes: ["cos", "cls", "ckafka"] } });
  assert.deepEqual(changes.map((c) => c.after), ['"ckafka"']);
});

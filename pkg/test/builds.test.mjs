// The two builds of the module answer alike. The Node entry runs the speed-first module
// (wasm/cloudaudit_lint_node.wasm, opt-level 3); browsers load the size-first one
// (wasm/cloudaudit_lint_bg.wasm, opt-level "z"). They are the same code behind the same glue,
// so every call must give the same answer: this holds them to it on every fixture of the
// project, as text, bytes and objects, in both languages, with fixes, field checks, options
// and the tables. The glue is imported a second time under another URL, which makes a second
// instance of it for the size-first module.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import * as speed from "../node.js";

// Resolved, not joined: under the tarball run's hooks these are the installed copy's files.
const wasm = (file) => readFileSync(new URL(import.meta.resolve(`../wasm/${file}`)));
const size = await import(`${import.meta.resolve("../wasm/cloudaudit_lint.js")}?size-first`);
size.initSync({ module: wasm("cloudaudit_lint_bg.wasm") });

const root = fileURLToPath(new URL("../../", import.meta.url));
const texts = ["tests/fixtures", "examples", "pkg/test/fixtures"].flatMap((dir) =>
  readdirSync(`${root}${dir}`)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => readFileSync(`${root}${dir}/${name}`, "utf8")),
);

/** What `f` answers, or the error it throws (its class and message), for comparing. */
function outcome(f) {
  try {
    return { value: f() };
  } catch (error) {
    return { threw: `${error?.constructor?.name}: ${error?.message}` };
  }
}

/** Asserts that `call(module)` gives the same outcome with either module. */
function same(label, call) {
  assert.deepEqual(outcome(() => call(size)), outcome(() => call(speed)), label);
}

test("the builds are two different modules", () => {
  assert.notDeepEqual(wasm("cloudaudit_lint_bg.wasm"), wasm("cloudaudit_lint_node.wasm"));
});

test("validate and fix answer alike for every fixture, its bytes, its object and its edits", () => {
  const variants = texts.flatMap((text) => [
    text,
    text.slice(0, Math.floor(text.length / 2)), // cut short: a syntax error
    text.replaceAll('"', "'"), // not JSON
    text.replace(/"Name":\s*"[^"]*"/, '"Name": " naмe\u200b "'), // look-alikes and stray characters
    text.replace(/"EventNames":\s*\[[^\]]*\]/, '"EventNames": ["*", "a", "a", ""]'),
  ]);
  assert.ok(variants.length >= 50, `${variants.length} variants`);
  for (const text of variants) {
    for (const locale of ["en", "zh-CN"]) {
      const options = { locale, region: "ap-guangzhou" };
      same(`validate(text, ${locale}): ${text}`, (m) => m.validate(text, options));
      same(`validate(bytes, ${locale}): ${text}`, (m) => m.validate(new TextEncoder().encode(text), options));
      same(`validate(text, maxDiagnostics 1): ${text}`, (m) => {
        const found = m.validate(text, { locale, maxDiagnostics: 1 });
        return { found, omitted: found.omitted };
      });
      let object;
      try {
        object = JSON.parse(text);
      } catch {
        continue;
      }
      same(`validate(object, ${locale}): ${text}`, (m) => m.validate(object, options));
    }
    same(`fix: ${text}`, (m) => m.fix(text));
  }
});

test("the field checks, the options' errors and the tables answer alike", () => {
  const values = ["", "ab", "audit-trail", " audit ", "аudit", "a".repeat(100), 1, null, ["x"], { a: 1 }];
  for (const value of values) {
    for (const locale of ["en", "zh-CN"]) {
      const options = { locale };
      same(`checkName(${JSON.stringify(value)})`, (m) => m.checkName(value, options));
      same(`checkRegion(${JSON.stringify(value)})`, (m) => m.checkRegion(value, options));
      same(`checkActionType(${JSON.stringify(value)})`, (m) => m.checkActionType(value, options));
      same(`checkResourceType(${JSON.stringify(value)})`, (m) => m.checkResourceType(value, options));
      same(`checkStatus(${JSON.stringify(value)})`, (m) => m.checkStatus(value, options));
      same(`checkEventNames(cos, ${JSON.stringify(value)})`, (m) => m.checkEventNames("cos", [value], options));
      same(`checkStorage(${JSON.stringify(value)})`, (m) => m.checkStorage({ StorageType: value }, options));
    }
  }
  same("an unknown option", (m) => m.validate("{}", { lcoale: "en" }));
  same("a bad locale", (m) => m.validate("{}", { locale: "fr" }));
  same("a profile", (m) => m.validate('{"Name": "ab"}', { profile: { nameMin: 2, nameMax: 4 } }));
  same("rules()", (m) => m.rules());
  same("rules(profile)", (m) => m.rules({ nameMax: 64 }));
  same("facts()", (m) => m.facts());
});

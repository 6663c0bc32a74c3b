// The browser entry (index.js) before and after init(): every function throws an Error that
// says to call init() until the module is loaded, and works once it is. Run in Node without
// the Node entry, which would load the module on import.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as entry from "../index.js";
import * as glue from "../wasm/cloudaudit_lint.js";

const functions = Object.keys(entry).filter((name) => name !== "default" && name !== "initSync");

test("the browser entry exports the module's functions, loadCatalog and schema", () => {
  const expected = [...Object.keys(glue), "loadCatalog", "schema"].sort();
  assert.deepEqual(Object.keys(entry).sort(), expected);
});

test("before init(), every function throws an Error that says to call init()", async () => {
  assert.ok(functions.length >= 15, functions.join(", "));
  for (const name of functions) {
    const call = async () => entry[name]("{}");
    await assert.rejects(call, (error) => {
      assert.equal(error.constructor, Error, `${name}: ${error}`);
      assert.match(error.message, new RegExp(`^cloudaudit-lint: ${name}\\(\\) was called before .*call \`await init\\(\\)\``));
      return true;
    });
  }
});

test("after initSync(), the functions work", () => {
  entry.initSync({ module: readFileSync(new URL("../wasm/cloudaudit_lint_bg.wasm", import.meta.url)) });
  assert.ok(entry.validate("{}").some((d) => d.rule === "missing-parameter"));
  assert.deepEqual(entry.checkName("audit"), []);
  assert.equal(typeof entry.schema()["~standard"].validate, "function");
  assert.equal(entry.validate.name, "validate");
});

// The package in headless Chromium: a page with a strict Content-Security-Policy imports the
// browser entry from a plain <script type="module"> (no bundler), calls init() and the API,
// and writes its findings into the page. Run after scripts/build-wasm.sh.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { runPage } from "./chromium.mjs";

const pkg = fileURLToPath(new URL("../", import.meta.url));

test("a <script type=module> page uses the package in Chromium, under a strict CSP", async () => {
  const text = await runPage(pkg, "/test/browser/index.html");
  assert.ok(text.startsWith("{"), `the page says: ${text}`);
  const result = JSON.parse(text);
  assert.ok(result.rules >= 40);
  assert.ok(result.regions.includes("ap-guangzhou"));
  assert.deepEqual(result.checkName, ["name-length"]);
  assert.deepEqual(result.located.find((d) => d[0] === "parameter-type"), ["parameter-type", "/Status", 3]);
  assert.equal(result.nameSlice, "😀");
  assert.equal(result.catalogue, 1);
  assert.equal(result.typeError, "TypeError");
  assert.match(result.beforeInit, /^Error: cloudaudit-lint: checkName\(\) was called before .*call `await init\(\)`/);
});

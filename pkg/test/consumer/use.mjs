// A user's Node program: imports the installed package by name.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import init, { checkName, loadCatalog, validate } from "cloudaudit-lint";

await init(); // a no-op in Node, kept by code shared with browsers
const request = JSON.parse(readFileSync(new URL("./request.json", import.meta.url), "utf8"));
assert.deepEqual(validate(request, { region: "ap-guangzhou" }), []);
const found = validate('{"Name": "my trail"}', { locale: "zh-CN" });
assert.ok(found.some((d) => d.rule === "name-charset" && d.line === 1 && /[\u4e00-\u9fff]/.test(d.message)));
assert.deepEqual(checkName("audit"), []);
assert.equal(checkName("a b")[0].rule, "name-charset");
await loadCatalog();
assert.equal(validate({ ...request, ResourceType: "cmv", EventNames: ["*"] }, { region: "ap-guangzhou" })[0].rule, "resource-type-unknown");
// The SDK guard's subpath, whose module imports the package by its own name.
const { guard } = await import("cloudaudit-lint/sdk");
assert.throws(() => guard({}), /cloudaudit\.v20190319\.Client/);
const { schema } = await import("cloudaudit-lint");
assert.deepEqual(schema("CreateAuditTrack", { region: "ap-guangzhou" })["~standard"].validate(request), { value: request, warnings: [] });
console.log("esm ok");

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
console.log("esm ok");

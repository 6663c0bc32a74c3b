// The entry point for Node.js (the "node" condition of package.json's exports): the browser's
// code and glue, instantiated synchronously from the .wasm file beside it, so that
// `import { validate } from "cloudaudit-lint"` is ready to use with no `await init()`.
// (Node's fetch cannot read file: URLs, which is what the browser entry would do.) The file is
// the same code compiled for speed rather than size (cloudaudit_lint_node.wasm, about 1.6×
// faster): read from disk, its size costs nothing here. test/builds.test.mjs holds the two
// modules to the same answers.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { initSync, setCatalog } from "./wasm/cloudaudit_lint.js";

initSync({ module: readFileSync(new URL("./wasm/cloudaudit_lint_node.wasm", import.meta.url)) });

export * from "./wasm/cloudaudit_lint.js";
// init() resolves at once here: code shared with the browser may keep its `await init()`.
export { default } from "./wasm/cloudaudit_lint.js";
export { schema } from "./schema.js";

export async function loadCatalog(url = new URL("./wasm/catalog.tsv", import.meta.url)) {
  setCatalog(await readFile(url, "utf8"));
}

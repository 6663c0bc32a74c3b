// The Node.js entry point (the "node" condition of package.json's exports): the same module as
// the browser's, instantiated synchronously from the .wasm file beside it, so that
// `import { validate } from "cloudaudit-lint"` is ready to use with no `await init()`.
// (Node's fetch cannot read file: URLs, which is what the browser entry's init() would do.)
import { readFileSync } from "node:fs";
import { initSync } from "./wasm/cloudaudit_lint.js";

initSync({ module: readFileSync(new URL("./wasm/cloudaudit_lint_bg.wasm", import.meta.url)) });

export * from "./wasm/cloudaudit_lint.js";
// init() resolves at once here: code shared with the browser may keep its `await init()`.
export { default } from "./wasm/cloudaudit_lint.js";

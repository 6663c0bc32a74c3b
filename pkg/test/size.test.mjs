// A ceiling on what init() loads (module, glue and its snippet, entry and the schema.js it
// imports), gzip -9: it catches a heavy crate slipping into the WebAssembly build (regex alone
// would add some 90 KB). The build prints the figures (scripts/build-wasm.sh); the package's
// target is stated in README.md. Raised from 104 KB when the reader's arena (bumpalo) added
// 3.0 KB for a read that allocates and drops nothing (benches/README.md, seventh round), and
// from 106 KB when the ninth round added 1.9 KB (104.8 → 106.7 KB), nearly all of it
// hostile-input fixes: a string with a lone surrogate told and located, bytes from any realm,
// fixes that never write a hidden character, options read safely when a getter calls the
// module again, the payload read through views kept per instance. Lowered to 100 KB when the
// module came to be built by the pinned nightly with the standard library rebuilt for size and
// panics as bare traps (106.8 → 98.1 KB), to 98 KB when serde-wasm-bindgen and std's hash
// set left the module (95.5 KB), and to 96 KB at 94.7 KB (fifteenth round): a margin of
// about 1 KB, so that growth is a decision made in a commit of its own.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { gzipSync } from "node:zlib";

const CEILING_KB = 96;

test(`the module, its glue and the entry are under ${CEILING_KB} KB gzip`, () => {
  const snippets = readdirSync(new URL("../wasm/snippets/", import.meta.url), { recursive: true })
    .filter((file) => file.endsWith(".js"))
    .map((file) => `wasm/snippets/${file}`);
  const files = ["wasm/cloudaudit_lint_bg.wasm", "wasm/cloudaudit_lint.js", "index.js", "schema.js", ...snippets];
  const sizes = files.map((file) => gzipSync(readFileSync(new URL(`../${file}`, import.meta.url)), { level: 9 }).length);
  const total = sizes.reduce((a, b) => a + b, 0) / 1024;
  console.log(`gzip: ${files.map((f, i) => `${f} ${(sizes[i] / 1024).toFixed(1)} KB`).join(", ")}; total ${total.toFixed(1)} KB`);
  assert.ok(total <= CEILING_KB, `${total.toFixed(1)} KB`);
});

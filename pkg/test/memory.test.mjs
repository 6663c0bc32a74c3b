// The package keeps its memory flat: repeated calls, failing ones included, do not grow the
// WebAssembly memory or the JavaScript heap. Each case runs in its own Node process with
// --expose-gc, measures `WebAssembly.Memory.buffer.byteLength` and
// `process.memoryUsage().heapUsed` after a warm-up and again after a bounded loop of calls,
// and must stay below a bound that the leaks these tests guard against clearly exceed.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const entry = new URL("../node.js", import.meta.url).href;
const catalog = new URL("../wasm/catalog.tsv", import.meta.url);
const MB = 1024 * 1024;

/**
 * Runs `call(i)` `count` times in a fresh process (after `warmUp` rounds) and returns the growth
 * of the WebAssembly memory and of the JavaScript heap, in bytes.
 */
function growth(setUp, call, { count, warmUp = 1000 }) {
  const script = `
    import init, * as lint from ${JSON.stringify(entry)};
    const { memory } = await init();
    ${setUp}
    const call = ${call};
    const settle = () => { for (let i = 0; i < 4; i++) globalThis.gc(); };
    for (let i = 0; i < ${warmUp}; i++) call(i);
    settle();
    const wasm = memory.buffer.byteLength, heap = process.memoryUsage().heapUsed;
    for (let i = 0; i < ${count}; i++) call(i);
    settle();
    console.log(JSON.stringify({
      wasm: memory.buffer.byteLength - wasm,
      heap: process.memoryUsage().heapUsed - heap,
    }));
  `;
  const run = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 120_000,
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

test("setCatalog() with the same catalogue again and again keeps the memory flat", () => {
  // 2 000 calls grew the module's memory from 2.7 to 174 MB when each call kept its catalogue.
  const text = readFileSync(catalog, "utf8");
  const { wasm, heap } = growth(
    `const text = ${JSON.stringify(text)};`,
    "(i) => { lint.setCatalog(text); if (i % 2) lint.setCatalog(null); }",
    { count: 2000, warmUp: 10 },
  );
  assert.ok(wasm < 4 * MB, `the WebAssembly memory grew by ${(wasm / MB).toFixed(1)} MB`);
  assert.ok(heap < 4 * MB, `the JavaScript heap grew by ${(heap / MB).toFixed(1)} MB`);
});

test("calls whose argument or options throw keep the memory flat", () => {
  // 1.2 M such calls grew each of them by 17 MB; 200 000 are enough to see 2.8 MB.
  const cases = {
    "a throwing getter in the request": `(i) => lint.validate({ Name: "audit", get Status() { throw new Error("no " + i); } })`,
    "a throwing getter in the options": `(i) => { try { lint.checkName("audit", { get locale() { throw new Error("no " + i); } }); } catch {} }`,
    "a throwing proxy as the request": `(i) => lint.validate(new Proxy({}, { ownKeys() { throw new Error("no " + i); }, getPrototypeOf() { throw new Error("proto " + i); } }))`,
    "an unknown option": `(i) => { try { lint.validate("{}", { maxDiagnostic: i }); } catch {} }`,
    "a refused profile": `(i) => { try { lint.facts({ nameMin: 50 + (i % 7), nameMax: 3 }); } catch {} }`,
    "a config whose policy pattern does not compile": `(i) => { try { lint.checkName("audit", { config: { policy: { name: { pattern: "(" + (i % 7) } } } }); } catch {} }`,
  };
  for (const [what, call] of Object.entries(cases)) {
    const { wasm, heap } = growth("", call, { count: 200_000 });
    assert.ok(wasm < 1 * MB, `${what}: the WebAssembly memory grew by ${(wasm / MB).toFixed(2)} MB`);
    assert.ok(heap < 1.5 * MB, `${what}: the JavaScript heap grew by ${(heap / MB).toFixed(2)} MB`);
  }
});

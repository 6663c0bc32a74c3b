// The npm package against ajv, on the corpus the native benchmark wrote (target/bench-corpus),
// in one run. ajv compiles the same JSON Schema the Rust peer uses
// (benches/create-audit-track.schema.json), once, with allErrors.
//
//   node bench.mjs [--dir DIR]        (scripts/bench.sh runs it after the native benchmark)
//
// First checks that the package and ajv agree on which requests are invalid (exit 1 if not),
// then prints ns per request for each path and the ratios. Times are medians of repeated
// batches, as in the native harness.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const args = process.argv.slice(2);
const dirFlag = args.indexOf("--dir");
const dir = dirFlag >= 0 ? resolve(args[dirFlag + 1]) : join(root, "target/bench-corpus");

const packageEntry = join(root, "pkg/node.js");
if (!existsSync(join(root, "pkg/wasm"))) {
  console.error("node bench: pkg/wasm/ is missing: build the package first (scripts/build-wasm.sh)");
  process.exit(2);
}
if (!existsSync(join(dir, "corpus.jsonl"))) {
  console.error(`node bench: ${dir}/corpus.jsonl is missing: run the native \`corpus\` command first`);
  process.exit(2);
}
const lint = await import(packageEntry);

const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
const options = { region: manifest.callerRegion };
const cases = readFileSync(join(dir, "corpus.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.length > 0)
  .map((line) => JSON.parse(line));
for (const c of cases) {
  try {
    c.object = JSON.parse(c.text);
  } catch {
    c.object = undefined; // not JSON (a syntax or byte-order-mark fault): text paths only
  }
}

const schema = JSON.parse(readFileSync(join(here, "../create-audit-track.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const ajvValidate = ajv.compile(schema);

const hasErrors = (diagnostics) => diagnostics.some((d) => d.severity === "error");
const ajvTextHasErrors = (text) => {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return true;
  }
  return !ajvValidate(value);
};

// --- agreement -------------------------------------------------------------------------------
// Requests with a fault no schema can see (duplicate keys, integers written as 1.0) are left
// out, as in the native check. Plain objects are compared too: JSON.parse has already dropped
// what only text can show, so an object is judged like the text it came from.
let checked = 0;
const disagreements = [];
for (const [index, c] of cases.entries()) {
  if (c.schemaBlind) continue;
  checked += 1;
  const ours = hasErrors(lint.validate(c.text, options));
  const theirs = ajvTextHasErrors(c.text);
  if (ours !== theirs) disagreements.push({ index, path: "text", ours, theirs, c });
  if (c.object !== undefined) {
    const oursObject = hasErrors(lint.validate(c.object, options));
    const theirsObject = !ajvValidate(c.object);
    if (oursObject !== theirsObject) {
      disagreements.push({ index, path: "object", ours: oursObject, theirs: theirsObject, c });
    }
  }
}
const verdict = (invalid) => (invalid ? "invalid" : "valid");
console.log(
  `agreement: the npm package and ajv agree on all ${checked} requests a schema can judge ` +
    `(text and plain object); ${cases.length - checked} left out (a fault no schema can see)`,
);
if (disagreements.length > 0) {
  for (const d of disagreements) {
    console.error(
      `  request ${d.index} (${d.path}, faults: ${d.c.faults.join(", ")}): cloudaudit-lint says ` +
        `${verdict(d.ours)}, ajv says ${verdict(d.theirs)}\n    ${d.c.text.replaceAll("\n", "\n    ")}`,
    );
  }
  console.error(`node bench: ${disagreements.length} disagreement(s) between cloudaudit-lint and ajv`);
  process.exit(1);
}

// --- timing ----------------------------------------------------------------------------------
let sink = 0; // consumed results, so that no call is optimized away

function perItemNs(items, batch, { samples = 21, sampleMs = 40, warmUpMs = 300 } = {}) {
  const now = () => Number(process.hrtime.bigint());
  let start = now();
  let runs = 0;
  while (runs === 0 || now() - start < warmUpMs * 1e6) {
    batch();
    runs += 1;
  }
  const one = (now() - start) / runs;
  const repeats = Math.max(1, Math.round((sampleMs * 1e6) / Math.max(one, 1)));
  const results = [];
  for (let s = 0; s < samples; s += 1) {
    start = now();
    for (let r = 0; r < repeats; r += 1) batch();
    results.push((now() - start) / (repeats * items));
  }
  results.sort((a, b) => a - b);
  return results[results.length >> 1];
}

const texts = cases.map((c) => c.text);
const objects = cases.filter((c) => c.object !== undefined).map((c) => c.object);
const overTexts = (f) => () => {
  for (const t of texts) sink += f(t);
};
const overObjects = (f) => () => {
  for (const o of objects) sink += f(o);
};

const oursObject = perItemNs(objects.length, overObjects((o) => lint.validate(o, options).length));
const ajvObject = perItemNs(
  objects.length,
  overObjects((o) => (ajvValidate(o) ? 0 : ajvValidate.errors.length)),
);
const oursText = perItemNs(texts.length, overTexts((t) => lint.validate(t, options).length));
const ajvText = perItemNs(
  texts.length,
  overTexts((t) => {
    let value;
    try {
      value = JSON.parse(t);
    } catch {
      return 1;
    }
    return ajvValidate(value) ? 0 : ajvValidate.errors.length;
  }),
);
const parseOnly = perItemNs(
  texts.length,
  overTexts((t) => {
    try {
      return JSON.parse(t) === null ? 0 : 1;
    } catch {
      return 1;
    }
  }),
);

const names = objects.map((o) => o.Name).filter((n) => typeof n === "string");
const checkName = perItemNs(names.length, () => {
  for (const n of names) sink += lint.checkName(n).length;
});
const ajvName = ajv.compile({ ...schema.properties.Name, $defs: schema.$defs });
const ajvNameNs = perItemNs(names.length, () => {
  for (const n of names) sink += ajvName(n) ? 0 : 1;
});

const ns = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const valid = cases.filter((c) => c.faults.length === 0).length;
console.log();
console.log(
  `### Node ${process.version}: the npm package against ajv (${cases.length} requests: ${valid} valid, ${cases.length - valid} faulty)`,
);
console.log();
console.log("| path | ns/request | ratio |");
console.log("| --- | ---: | --- |");
console.log(
  `| cloudaudit-lint \`validate(object)\` (plain object → diagnostics) | ${ns(oursObject)} | ` +
    `**${(ajvObject / oursObject).toFixed(2)}×** ajv's speed (target ≥ 1.00×) |`,
);
console.log(`| ajv \`validate(object)\` (allErrors, compiled once) | ${ns(ajvObject)} | |`);
console.log(
  `| cloudaudit-lint \`validate(text)\` (JSON text → located diagnostics) | ${ns(oursText)} | ` +
    `**${(ajvText / oursText).toFixed(2)}×** ajv's speed |`,
);
console.log(`| ajv on text (\`JSON.parse\` + validate) | ${ns(ajvText)} | |`);
console.log(`| \`JSON.parse\` alone (the floor for text) | ${ns(parseOnly)} | |`);
console.log(
  `| cloudaudit-lint \`checkName(value)\` per call | ${ns(checkName)} | ` +
    `target < 1000 ns: **${checkName < 1000 ? "met" : "not met"}** |`,
);
console.log(`| ajv on the \`Name\` subschema per call (for reference) | ${ns(ajvNameNs)} | |`);
if (sink === 0.5) console.log(sink); // never true; keeps `sink` alive

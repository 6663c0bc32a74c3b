// The npm package against ajv, on the corpus the native benchmark wrote (target/bench-corpus),
// in one run. ajv compiles the same JSON Schema the Rust peer uses
// (benches/create-audit-track.schema.json), once, with allErrors.
//
//   node bench.mjs [--dir DIR] [--also LABEL=PKGDIR]...   (scripts/bench.sh runs it after the
//                                                          native benchmark)
//
// First checks that the package and ajv agree on which requests are invalid (exit 1 if not),
// then prints ns per request for each path and the ratios. Every path is timed in the same
// rounds, one batch of each in turn, and the median batch is kept: a load that comes and goes
// on a shared machine slows all of them alike, so the ratios hold. `--also` times another
// build of the package (an earlier commit's `pkg/`, say) beside this one, in the same rounds.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const args = process.argv.slice(2);
const flag = (name) => args.flatMap((a, i) => (a === name && i + 1 < args.length ? [args[i + 1]] : []));
const dir = resolve(flag("--dir")[0] ?? join(root, "target/bench-corpus"));

const packages = [{ label: "", dir: join(root, "pkg") }];
for (const also of flag("--also")) {
  const at = also.indexOf("=");
  if (at <= 0) {
    console.error(`node bench: --also takes LABEL=PKGDIR, not ${also}`);
    process.exit(2);
  }
  packages.push({ label: also.slice(0, at), dir: resolve(also.slice(at + 1)) });
}
for (const p of packages) {
  if (!existsSync(join(p.dir, "wasm"))) {
    console.error(`node bench: ${p.dir}/wasm/ is missing: build the package first (scripts/build-wasm.sh)`);
    process.exit(2);
  }
  p.lint = await import(pathToFileURL(join(p.dir, "node.js")).href);
}
// The Node entry runs the speed-first module (cloudaudit_lint_node.wasm); browsers load the
// size-first one (cloudaudit_lint_bg.wasm). Both are timed: the glue, imported a second time
// under another URL, is a second instance for the browser's module.
{
  const main = packages[0].dir;
  const glue = await import(`${pathToFileURL(join(main, "wasm/cloudaudit_lint.js")).href}?browser`);
  glue.initSync({ module: readFileSync(join(main, "wasm/cloudaudit_lint_bg.wasm")) });
  packages.splice(1, 0, { label: "browser module", dir: main, lint: glue });
}
if (!existsSync(join(dir, "corpus.jsonl"))) {
  console.error(`node bench: ${dir}/corpus.jsonl is missing: run the native \`corpus\` command first`);
  process.exit(2);
}
const lint = packages[0].lint;

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
const now = () => Number(process.hrtime.bigint());

/**
 * Median ns per item of each path, timed in the same rounds: each round runs one sample of
 * every path in turn (a sample repeats the path's batch for about `sampleMs`).
 */
function timeTogether(paths, { samples = 21, sampleMs = 30, warmUpMs = 200 } = {}) {
  for (const path of paths) {
    const start = now();
    let runs = 0;
    while (runs === 0 || now() - start < warmUpMs * 1e6) {
      path.batch();
      runs += 1;
    }
    path.repeats = Math.max(1, Math.round((sampleMs * 1e6 * runs) / Math.max(now() - start, 1)));
    path.results = [];
  }
  for (let s = 0; s < samples; s += 1) {
    for (const path of paths) {
      const start = now();
      for (let r = 0; r < path.repeats; r += 1) path.batch();
      path.results.push((now() - start) / (path.repeats * path.items));
    }
  }
  const medians = {};
  for (const path of paths) {
    path.results.sort((a, b) => a - b);
    medians[path.key] = path.results[path.results.length >> 1];
  }
  return medians;
}

const over = (list, f) => ({
  items: list.length,
  batch: () => {
    for (const item of list) sink += f(item);
  },
});
const texts = cases.map((c) => c.text);
const objects = cases.filter((c) => c.object !== undefined).map((c) => c.object);
const validTexts = cases.filter((c) => c.faults.length === 0).map((c) => c.text);
const faultyTexts = cases.filter((c) => c.faults.length > 0).map((c) => c.text);
const names = objects.map((o) => o.Name).filter((n) => typeof n === "string");
const ajvName = ajv.compile({ ...schema.properties.Name, $defs: schema.$defs });
const ajvOnText = (t) => {
  let value;
  try {
    value = JSON.parse(t);
  } catch {
    return 1;
  }
  return ajvValidate(value) ? 0 : ajvValidate.errors.length;
};

const paths = [
  { key: "ajvObject", ...over(objects, (o) => (ajvValidate(o) ? 0 : ajvValidate.errors.length)) },
  { key: "ajvText", ...over(texts, ajvOnText) },
  { key: "parseOnly", ...over(texts, (t) => {
    try {
      return JSON.parse(t) === null ? 0 : 1;
    } catch {
      return 1;
    }
  }) },
  { key: "ajvName", ...over(names, (n) => (ajvName(n) ? 0 : 1)) },
];
for (const [i, p] of packages.entries()) {
  const v = p.lint.validate;
  paths.push(
    { key: `object${i}`, ...over(objects, (o) => v(o, options).length) },
    { key: `text${i}`, ...over(texts, (t) => v(t, options).length) },
    { key: `valid${i}`, ...over(validTexts, (t) => v(t, options).length) },
    { key: `faulty${i}`, ...over(faultyTexts, (t) => v(t, options).length) },
    { key: `name${i}`, ...over(names, (n) => p.lint.checkName(n).length) },
  );
}
const t = timeTogether(paths);

// Diagnostics per faulty request, for the cost of each one beyond a valid request's.
const diagnosticsPerFaulty =
  faultyTexts.reduce((sum, text) => sum + lint.validate(text, options).length, 0) / faultyTexts.length;
let native;
try {
  native = JSON.parse(readFileSync(join(dir, "native.json"), "utf8")).validate_str;
} catch {
  native = undefined; // the native benchmark has not run on this corpus
}

const ns = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const valid = validTexts.length;
const met = (ok) => `**${ok ? "met" : "not met"}**`;
console.log();
console.log(
  `### Node ${process.version}: the npm package against ajv (${cases.length} requests: ${valid} valid, ${cases.length - valid} faulty)`,
);
console.log();
console.log("| path | ns/request | ratio |");
console.log("| --- | ---: | --- |");
for (const [i, p] of packages.entries()) {
  const name = p.label ? `cloudaudit-lint (${p.label})` : "cloudaudit-lint";
  const perDiagnostic = (t[`faulty${i}`] - t[`valid${i}`]) / diagnosticsPerFaulty;
  console.log(
    `| ${name} \`validate(object)\` (plain object → diagnostics) | ${ns(t[`object${i}`])} | ` +
      `**${(t.ajvObject / t[`object${i}`]).toFixed(2)}×** ajv's speed (target ≥ 0.50×, goal 1.00×) |`,
  );
  console.log(
    `| ${name} \`validate(text)\` (JSON text → located diagnostics) | ${ns(t[`text${i}`])} | ` +
      `**${(t.ajvText / t[`text${i}`]).toFixed(2)}×** ajv's speed on text (target ≥ 1.00×) |`,
  );
  const nativeRatio = native
    ? `${(t[`valid${i}`] / native.valid).toFixed(2)}× the native \`validate_str\` (${ns(native.valid)} ns; target ≤ 2×)`
    : "(native figure not measured on this corpus)";
  console.log(`| ${name} \`validate(text)\`, valid requests only | ${ns(t[`valid${i}`])} | ${nativeRatio} |`);
  console.log(
    `| ${name} \`validate(text)\`, faulty requests only | ${ns(t[`faulty${i}`])} | ` +
      `${ns(perDiagnostic)} ns per diagnostic beyond a valid request (${diagnosticsPerFaulty.toFixed(2)} per request; target ≤ 1000 ns) |`,
  );
  console.log(
    `| ${name} \`checkName(value)\` per call | ${ns(t[`name${i}`])} | target < 1000 ns: ${met(t[`name${i}`] < 1000)} |`,
  );
}
console.log(`| ajv \`validate(object)\` (allErrors, compiled once) | ${ns(t.ajvObject)} | |`);
console.log(`| ajv on text (\`JSON.parse\` + validate) | ${ns(t.ajvText)} | |`);
console.log(`| \`JSON.parse\` alone (the floor for text) | ${ns(t.parseOnly)} | |`);
console.log(`| ajv on the \`Name\` subschema per call (for reference) | ${ns(t.ajvName)} | |`);
if (sink === 0.5) console.log(sink); // never true; keeps `sink` alive

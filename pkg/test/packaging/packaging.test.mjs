// The packed tarball judged by the tools that judge packages, and built into an app by each
// bundler pkg/README.md gives a recipe for:
//
// - @arethetypeswrong/cli with the profile the package claims, `esm-only` (an ES module package;
//   CommonJS reaches it through Node's require(esm), 20.19 and later, which consumer.test.mjs
//   runs), and publint;
// - esbuild and webpack 5, each building a tiny app that imports the installed package by name,
//   run in headless Chromium: the module and the catalogue must both be found.
//
// Run after scripts/build-wasm.sh, with this folder's dependencies installed (scripts/setup.sh node).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";
import webpack from "webpack";

import { runPage } from "../chromium.mjs";

const here = fileURLToPath(new URL("./", import.meta.url));
const pkg = fileURLToPath(new URL("../../", import.meta.url));
const bin = (name, path) => join(here, "node_modules", name, path);
let project;
let tarball;

function run(command, args, cwd = project) {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

before(() => {
  project = mkdtempSync(join(tmpdir(), "cloudaudit-lint-packaging-"));
  const [{ filename }] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", project], pkg));
  tarball = join(project, filename);
  cpSync(join(here, "apps"), project, { recursive: true });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "apps", private: true, type: "module" }));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", `./${filename}`]);
});

after(() => rmSync(project, { recursive: true, force: true }));

test("@arethetypeswrong/cli: no problem under the esm-only profile", () => {
  let report;
  try {
    report = run(process.execPath, [bin("@arethetypeswrong/cli", "dist/index.js"), tarball, "--profile", "esm-only",
      "--exclude-entrypoints", "./cloudaudit_lint_bg.wasm", "./catalog.tsv", "--format", "json"]);
  } catch (error) {
    assert.fail(`attw found problems:\n${error.stdout}${error.stderr}`);
  }
  const { analysis, problems } = JSON.parse(report);
  assert.deepEqual(Object.keys(analysis.entrypoints), [".", "./sdk", "./package.json"]);
  // What the profile leaves out, and all there is: TypeScript's node16 model of a require() of
  // an ES module, which Node 20.19 and later (the package's engines) load.
  const kinds = Object.values(problems).flat().map((p) => `${p.kind} ${p.entrypoint} ${p.resolutionKind}`);
  assert.deepEqual(kinds, ["CJSResolvesToESM . node16-cjs", "CJSResolvesToESM ./sdk node16-cjs"]);
});

test("publint: nothing to report, suggestions included", () => {
  const out = run(process.execPath, [bin("publint", "src/cli.js"), tarball, "--level", "suggestion", "--strict"]);
  assert.match(out, /All good!/, out);
});

test("the manifest's engines and main say what works", () => {
  const manifest = JSON.parse(readFileSync(join(project, "node_modules/cloudaudit-lint/package.json"), "utf8"));
  assert.equal(manifest.engines.node, "^20.19.0 || >=22.12.0");
  assert.equal(manifest.main, "./node.js");
  assert.equal(manifest.exports["."].node, manifest.main);
  for (const key of ["repository", "homepage", "bugs"]) assert.ok(manifest[key], key);
});

test("an esbuild app finds the module and the catalogue (the README's recipe), in Chromium", async () => {
  const app = join(project, "esbuild");
  await build({
    absWorkingDir: app,
    entryPoints: ["main.js"],
    bundle: true,
    format: "esm",
    outdir: "dist",
    loader: { ".wasm": "file", ".tsv": "file" },
    logLevel: "warning",
  });
  cpSync(join(app, "index.html"), join(app, "dist/index.html"));
  const assets = readdirSync(join(app, "dist"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), assets.join(", "));
  assert.ok(assets.some((f) => f.endsWith(".tsv")), assets.join(", "));
  assert.deepEqual(await result(join(app, "dist")), { checkName: ["name-length"], catalogue: true });
});

test("a webpack 5 app with no configuration for the package finds the module and the catalogue, in Chromium", async () => {
  const app = join(project, "webpack");
  const stats = await new Promise((resolve, reject) => {
    webpack({ mode: "production", context: app, entry: "./main.js", output: { path: join(app, "dist") } }, (error, s) =>
      error ? reject(error) : resolve(s),
    );
  });
  assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true }));
  cpSync(join(app, "index.html"), join(app, "dist/index.html"));
  const assets = readdirSync(join(app, "dist"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), assets.join(", "));
  assert.ok(assets.some((f) => f.endsWith(".tsv")), assets.join(", "));
  assert.deepEqual(await result(join(app, "dist")), { checkName: ["name-length"], catalogue: true });
});

async function result(dist) {
  const text = await runPage(dist, "/index.html");
  return JSON.parse(text.startsWith("{") ? text : JSON.stringify(text));
}

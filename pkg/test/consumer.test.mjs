// The package as a user gets it: `npm pack`, install the tarball into a throw-away project,
// then import it by name from ESM and from CommonJS, and type-check a file that uses every
// export with `tsc --noEmit --strict` (node16 and bundler resolution), and a Node-only project
// without the DOM library; and bundle an app with Vite and run it in Chromium. Run after
// scripts/build-wasm.sh.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { runPage } from "./chromium.mjs";

const pkg = fileURLToPath(new URL("../", import.meta.url));
const fixtures = fileURLToPath(new URL("./consumer/", import.meta.url));
const tsc = join(pkg, "node_modules/typescript/bin/tsc");
const vite = join(pkg, "node_modules/vite/bin/vite.js");
let project;

function run(command, args, cwd = project) {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

before(() => {
  project = mkdtempSync(join(tmpdir(), "cloudaudit-lint-consumer-"));
  const [{ filename }] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", project], pkg));
  cpSync(fixtures, project, { recursive: true });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", `./${filename}`]);
});

after(() => rmSync(project, { recursive: true, force: true }));

test("the tarball holds the entry points, the module, its declarations and the catalogue", () => {
  const installed = join(project, "node_modules/cloudaudit-lint");
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  const found = run("find", [".", "-type", "f"], installed).split("\n").filter(Boolean).sort();
  // The bindings' JavaScript module (src/wasm/bindings.js), under a directory named by a hash.
  const snippets = found.filter((f) => /^\.\/wasm\/snippets\/cloudaudit-lint-[0-9a-f]+\/src\/wasm\/bindings\.js$/.test(f));
  assert.equal(snippets.length, 1, found.join(", "));
  const files = found.filter((f) => !snippets.includes(f));
  assert.deepEqual(files, [
    "./LICENSE-APACHE",
    "./LICENSE-MIT",
    "./README.md",
    "./index.js",
    "./node.js",
    "./package.json",
    "./schema.js",
    "./sdk.d.ts",
    "./sdk.js",
    "./wasm/catalog.tsv",
    "./wasm/cloudaudit_lint.d.ts",
    "./wasm/cloudaudit_lint.js",
    "./wasm/cloudaudit_lint_bg.wasm",
    "./wasm/cloudaudit_lint_node.wasm",
  ]);
  assert.deepEqual(Object.keys(manifest.exports["."]), ["types", "node", "default"]);
  assert.deepEqual(Object.keys(manifest.exports["./sdk"]), ["types", "default"]);
  assert.deepEqual(Object.values(manifest.peerDependenciesMeta).map((m) => m.optional), [true, true], "the SDKs are optional peers");
  assert.equal(manifest.dependencies, undefined, "no runtime dependencies");
});

test("Node ESM: import by name, validate and a field check", () => {
  assert.equal(run("node", ["use.mjs"]).trim(), "esm ok");
});

test("CommonJS: require() and import() of the package", () => {
  assert.equal(run("node", ["--no-warnings", "use.cjs"]).trim(), "cjs ok");
});

test("TypeScript --strict accepts every export, and refuses what the types rule out", () => {
  const types = join(pkg, "node_modules/@types");
  writeFileSync(
    join(project, "tsconfig.node-only.json"),
    JSON.stringify({
      extends: "./tsconfig.json",
      compilerOptions: { lib: ["es2022"], types: ["node"], typeRoots: [types], skipLibCheck: true },
      files: ["types-node.ts"],
    }),
  );
  for (const config of ["tsconfig.json", "tsconfig.bundler.json", "tsconfig.node-only.json"]) {
    try {
      run("node", [tsc, "--project", config]);
    } catch (error) {
      assert.fail(`tsc --project ${config}:\n${error.stdout}${error.stderr}`);
    }
  }
});

test("the type-checked file uses every runtime export", async () => {
  const lint = await import(join(project, "node_modules/cloudaudit-lint/node.js"));
  const source = readFileSync(join(project, "types.ts"), "utf8");
  for (const name of Object.keys(lint)) {
    const used = name === "default" ? /import init,/ : new RegExp(`\\b${name}\\(`);
    assert.match(source, used, `types.ts does not use ${name}`);
  }
});

test("a Vite build of an app using the package runs in Chromium", async () => {
  const app = join(project, "vite");
  run("node", [vite, "build", "--logLevel", "warn"], app);
  const assets = run("ls", [join(app, "dist/assets")]);
  assert.match(assets, /\.wasm$/m, "the module is emitted as an asset");
  assert.match(assets, /\.tsv$/m, "the catalogue is emitted as an asset");
  const text = await runPage(join(app, "dist"), "/index.html");
  assert.deepEqual(JSON.parse(text.startsWith("{") ? text : "null"), {
    checkName: ["name-length"],
    catalogue: true,
  }, `the page says: ${text}`);
});

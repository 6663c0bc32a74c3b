// The whole package test suite against the packed tarball: `npm pack`, install the tarball by
// name into a throw-away project, then run `node --test` on the package's tests with the
// package's own modules loaded from the installed copy (hooks.mjs). Run after
// scripts/build-wasm.sh, from pkg/: `node test/tarball/run.mjs` (CLOUDAUDIT_LINT_BIN as for the
// parity test). Exits with the test run's status.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const pkg = fileURLToPath(new URL("../../", import.meta.url));
const project = mkdtempSync(join(tmpdir(), "cloudaudit-lint-tarball-"));
const run = (command, args, cwd, env = process.env) =>
  execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
/** The test files of `dir` (relative to pkg/), as the shell would expand `dir/*.test.mjs`. */
const testsIn = (dir) => readdirSync(join(pkg, dir)).filter((f) => f.endsWith(".test.mjs")).sort().map((f) => `${dir}/${f}`);

let status = 1;
try {
  const [{ filename }] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", project], pkg));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "tarball-tests", private: true, type: "module" }));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", `./${filename}`], project);
  const installed = realpathSync(join(project, "node_modules/cloudaudit-lint"));
  const env = {
    ...process.env,
    CLOUDAUDIT_LINT_INSTALLED: installed,
    // Every process the tests start (the test runner runs each file in its own) gets the hooks.
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${pathToFileURL(join(pkg, "test/tarball/register.mjs")).href}`.trim(),
  };
  // The hooks are in place: the package's entry resolves into the installed copy, by name too.
  const probe = `console.log(import.meta.resolve(${JSON.stringify(pathToFileURL(join(pkg, "node.js")).href)}))`;
  const where = run(process.execPath, ["--input-type=module", "-e", probe], pkg, env).trim();
  assert.equal(where, pathToFileURL(join(installed, "node.js")).href);
  const byName = run(process.execPath, ["--input-type=module", "-e", 'console.log(import.meta.resolve("cloudaudit-lint"))'], join(pkg, "test/interop"), env);
  assert.equal(byName.trim(), pathToFileURL(join(installed, "node.js")).href);
  const tests = spawnSync(
    process.execPath,
    ["--test", ...["test", "test/interop", "test/packaging"].flatMap(testsIn)],
    { cwd: pkg, env, stdio: "inherit" },
  );
  status = tests.status ?? 1;
} finally {
  rmSync(project, { recursive: true, force: true });
}
process.exit(status);

// The types under `tsc --strict` (types/): this package's request types and the official SDK's
// are interchangeable where the SDK's types allow, the guarded client keeps the SDK's method
// types, and schema() is a Standard Schema by @standard-schema/spec's own types and by
// react-hook-form's resolver types. Each `@ts-expect-error` there must be an error too.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
const project = fileURLToPath(new URL("./types/tsconfig.json", import.meta.url));

test("tsc --strict accepts the SDK's and the Standard Schema's use of the package's types", () => {
  try {
    execFileSync(process.execPath, [tsc, "--project", project], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    assert.fail(`tsc --project types/tsconfig.json:\n${error.stdout}${error.stderr}`);
  }
});

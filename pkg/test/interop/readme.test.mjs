// The examples of pkg/README.md that use the official SDK and form libraries run as they are
// written, here where those packages are installed, and print what the README says they print
// (the ```text block after "prints").
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const examples = [...readme.matchAll(/```js\n((?:(?!```)[\s\S])*)```\n\nprints[^\n]*\n\n```text\n([\s\S]*?)```/g)].map(([, code, output]) => ({ code, output }));

test("pkg/README.md has the guard's and the schema's examples", () => {
  const imports = examples.map(({ code }) => code.match(/from "(cloudaudit-lint[^"]*)"/)[1]);
  assert.deepEqual(imports.sort(), ["cloudaudit-lint", "cloudaudit-lint/sdk"]);
});

for (const [i, { code, output }] of examples.entries()) {
  test(`README example ${i + 1} prints what the README says`, (t) => {
    const file = fileURLToPath(new URL(`./.readme-example-${i + 1}.mjs`, import.meta.url));
    writeFileSync(file, code);
    t.after(() => rmSync(file, { force: true }));
    // No credentials and no network: an invalid request is refused before anything is sent.
    const env = { ...process.env, TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "" };
    const stdout = execFileSync(process.execPath, [file], { encoding: "utf8", env, timeout: 60_000 });
    assert.equal(stdout, output);
  });
}

// Parity with the command-line program: for every fixture of the project (tests/fixtures/*.json,
// examples/*.json, and pkg/test/fixtures/*.json with characters outside the BMP), validate()
// gives exactly the diagnostics `cloudaudit-lint check --format json` gives, in the same order,
// in both languages, for the text and for its bytes. Columns differ by design (the CLI counts
// characters, JavaScript UTF-16 code units), so they are compared through the line's text.
//
// Needs the CLI: CLOUDAUDIT_LINT_BIN, else target/debug/cloudaudit-lint (cargo build).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { loadCatalog, validate } from "../node.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = process.env.CLOUDAUDIT_LINT_BIN ?? `${root}target/debug/cloudaudit-lint`;

const corpus = ["tests/fixtures", "examples", "pkg/test/fixtures"].flatMap((dir) =>
  readdirSync(`${root}${dir}`)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => `${dir}/${name}`),
);

/** The CLI's diagnostics for every file of the corpus, by file. */
function cli(locale) {
  assert.ok(existsSync(bin), `no CLI at ${bin}: run cargo build, or set CLOUDAUDIT_LINT_BIN`);
  const run = spawnSync(bin, ["check", "--no-config", "--format", "json", "--locale", locale, ...corpus], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  assert.ok(run.status === 0 || run.status === 1, `CLI exit ${run.status}: ${run.stderr}`);
  return new Map(JSON.parse(run.stdout).map((entry) => [entry.file, entry]));
}

/** Characters (code points) of `line` before UTF-16 column `column`, plus one: the CLI's column. */
function charColumn(line, column) {
  return [...line.slice(0, column - 1)].length + 1;
}

function compare(file, text, got, want, locale) {
  assert.equal(got.length, want.length, `${file} (${locale}): number of diagnostics`);
  const lines = text.split(/\r\n|\n|\r/);
  got.forEach((g, i) => {
    const w = want[i];
    const where = `${file} (${locale}) #${i} ${w.rule} ${w.path}`;
    for (const key of ["rule", "severity", "path", "message", "apiErrorCode", "help", "fixable", "line", "endLine"]) {
      assert.deepEqual(g[key], w[key], `${where}: ${key}`);
    }
    assert.equal("column" in g, "column" in w, `${where}: located in both or neither`);
    if (!("column" in w)) return;
    const [start, end] = [lines[g.line - 1], lines[g.endLine - 1]];
    assert.equal(charColumn(start, g.column), w.column, `${where}: column`);
    assert.equal(charColumn(end, g.endColumn), w.endColumn, `${where}: endColumn`);
    if (/^[\x00-\x7f]*$/.test(start)) assert.equal(g.column, w.column, `${where}: ASCII column`);
    if (g.line === g.endLine) {
      // What the JavaScript columns select is what the CLI's character columns select.
      const js = start.slice(g.column - 1, g.endColumn - 1);
      const chars = [...start].slice(w.column - 1, w.endColumn - 1).join("");
      assert.equal(js, chars, `${where}: text.slice`);
    }
  });
}

test("the corpus is there, and has text outside ASCII and outside the BMP", () => {
  assert.ok(corpus.length >= 10, corpus.join(", "));
  const texts = corpus.map((file) => readFileSync(`${root}${file}`, "utf8"));
  assert.ok(texts.some((t) => /[^\x00-\x7f]/.test(t)));
  assert.ok(texts.some((t) => /[\u{10000}-\u{10ffff}]/u.test(t)));
});

test("validate() gives the CLI's JSON diagnostics for every fixture, text and bytes", async () => {
  await loadCatalog(); // the CLI is built with the catalogue
  let astralColumnsSeen = 0;
  for (const locale of ["en", "zh-CN"]) {
    const expected = cli(locale);
    for (const file of corpus) {
      const bytes = readFileSync(`${root}${file}`);
      const text = bytes.toString("utf8");
      const want = expected.get(file).diagnostics;
      const fromText = validate(text, { locale });
      compare(file, text, fromText, want, locale);
      compare(`${file} as bytes`, text, validate(bytes, { locale }), want, locale);
      astralColumnsSeen += fromText.filter((d, i) => "column" in d && d.endColumn !== want[i].endColumn).length;
    }
  }
  assert.ok(astralColumnsSeen > 0, "some columns differ between UTF-16 and characters");
});

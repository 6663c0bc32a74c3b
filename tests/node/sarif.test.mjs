// The CLI's SARIF output is valid against the official SARIF 2.1.0 JSON schema, as shipped by
// @microsoft/jest-sarif, for every fixture, several files at once, standard input, an
// unreadable file, a region given on the command line and Chinese messages.
//
// Run with `npm ci --no-audit --no-fund && node --test` in this folder. The program is
// CLOUDAUDIT_LINT_BIN, by default the debug build (`cargo build` first).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const bin = process.env.CLOUDAUDIT_LINT_BIN
  ? path.resolve(process.env.CLOUDAUDIT_LINT_BIN)
  : path.resolve(root, 'target/debug/cloudaudit-lint');

const example = 'examples/create-audit-track.json';
const fixtures = readdirSync(path.join(root, 'tests/fixtures'))
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => `tests/fixtures/${name}`);

/**
 * The schema file is written for draft-04 (`$schema` draft-04, top-level `id`) but uses no
 * keyword whose meaning changed since; Ajv 8 reads it as draft-07 once the id is `$id`.
 */
function sarifSchema() {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema, id, ...rest } = JSON.parse(readFileSync(file, 'utf8'));
  assert.match($schema, /draft-04/, 'the shipped schema changed its draft: revisit this test');
  return { $schema: 'http://json-schema.org/draft-07/schema#', $id: id, ...rest };
}

// Two settings are for the schema file, not for the log: it lists `required` names in anyOf
// branches without declaring them there (strict mode refuses that), and its `language` pattern
// has a stray `]` that only a non-Unicode regular expression accepts.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(sarifSchema());

/** Runs the program from the repository root; returns its exit status and parsed stdout. */
function sarif(args, input) {
  assert.ok(existsSync(bin), `no program at ${bin}: run \`cargo build\` or set CLOUDAUDIT_LINT_BIN`);
  const run = spawnSync(bin, ['check', '--format', 'sarif', ...args], {
    cwd: root,
    input: input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.error, undefined, `cannot run ${bin}: ${run.error}`);
  let log;
  try {
    log = JSON.parse(run.stdout);
  } catch (error) {
    assert.fail(`cloudaudit-lint ${args.join(' ')} printed no JSON (${error}):\n${run.stdout}\n${run.stderr}`);
  }
  return { status: run.status, log };
}

/** Fails with every schema error, each with the place in the log it is about. */
function assertValid(log, what) {
  if (!validate(log)) {
    const errors = validate.errors
      .slice(0, 20)
      .map((e) => `  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
      .join('\n');
    assert.fail(`${what}: the SARIF log is not valid against SARIF 2.1.0:\n${errors}`);
  }
}

test('the fixtures are there', () => {
  assert.ok(fixtures.length >= 5, `fixtures: ${fixtures}`);
});

for (const file of [example, ...fixtures]) {
  test(`SARIF for ${file} is valid`, () => {
    const { status, log } = sarif(['--region', 'ap-guangzhou', file]);
    assert.ok([0, 1].includes(status), `exit status ${status}`);
    assertValid(log, file);
    assert.equal(log.version, '2.1.0');
    for (const result of log.runs[0].results) {
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, file);
      assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
    }
  });
}

test('SARIF for every fixture at once is valid and has results', () => {
  const { status, log } = sarif(['--region', 'ap-guangzhou', example, ...fixtures]);
  assert.equal(status, 1);
  assertValid(log, 'all fixtures');
  assert.ok(log.runs[0].results.length > 10);
  const ids = log.runs[0].tool.driver.rules.map((rule) => rule.id);
  for (const result of log.runs[0].results) {
    assert.equal(ids[result.ruleIndex], result.ruleId);
  }
});

test('SARIF in Chinese is valid', () => {
  const { log } = sarif(['--locale', 'zh-CN', '--region', 'ap-guangzhou', ...fixtures]);
  assertValid(log, 'zh-CN');
  assert.match(log.runs[0].results[0].message.text, /[\u4e00-\u9fff]/);
});

test('SARIF with an unreadable file is valid and says so', () => {
  const { status, log } = sarif(['--region', 'ap-guangzhou', example, 'tests/fixtures/no-such-file.json']);
  assert.equal(status, 2);
  assertValid(log, 'unreadable file');
  const invocation = log.runs[0].invocations[0];
  assert.equal(invocation.executionSuccessful, false);
  assert.equal(invocation.toolExecutionNotifications.length, 1);
});

test('SARIF for standard input and a region without a place in the text is valid', () => {
  const input = readFileSync(path.join(root, 'tests/fixtures/many-faults.json'), 'utf8');
  const { status, log } = sarif(['--region', 'ap-shanghai', '-'], input);
  assert.equal(status, 1);
  assertValid(log, 'stdin');
  const unlocated = log.runs[0].results.filter((r) => r.locations[0].physicalLocation.region === undefined);
  assert.deepEqual(unlocated.map((r) => r.ruleId), ['region-unsupported']);
});

test('SARIF for text that is not JSON, or not UTF-8, is valid', () => {
  for (const input of ['{"Name": ', '[]', '\u00ff\u00fe{']) {
    const { log } = sarif(['-'], input);
    assertValid(log, JSON.stringify(input));
  }
});

test('the schema is in force: a broken log is refused', () => {
  const { log } = sarif(['--region', 'ap-guangzhou', 'tests/fixtures/many-faults.json']);
  assert.equal(validate({ ...log, version: '2.0.0' }), false);
  const result = { ...log.runs[0].results[0] };
  delete result.message;
  const broken = { ...log, runs: [{ ...log.runs[0], results: [result] }] };
  assert.equal(validate(broken), false);
});

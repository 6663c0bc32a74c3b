// The CLI's SARIF passes Microsoft's SARIF Multitool (`validate`: the SARIF 2.1.0 schema and
// Microsoft's SARIF rules) with no error and no warning, run from the repository root, from a
// subfolder and with absolute paths, and code scanning can resolve it: file URIs relative to
// %SRCROOT%, absolute file: URIs outside it, fingerprints that do not move with lines, fixes.
//
// The Multitool comes from npm (@microsoft/sarif-multitool and its per-platform package, which
// ships a self-contained .NET program: no .NET runtime needed). It is run with invariant
// globalization, so it needs no ICU library either. Run with `npm ci --no-audit --no-fund &&
// node --test` in this folder; the program is CLOUDAUDIT_LINT_BIN, by default the debug build.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const bin = process.env.CLOUDAUDIT_LINT_BIN
  ? path.resolve(process.env.CLOUDAUDIT_LINT_BIN)
  : path.resolve(root, 'target/debug/cloudaudit-lint');
const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool');

const work = mkdtempSync(path.join(os.tmpdir(), 'cloudaudit-lint-multitool-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs `check --format sarif` in `cwd`; returns the log's text and the parsed log. */
function sarif(cwd, args, input = '') {
  assert.ok(existsSync(bin), `no program at ${bin}: run \`cargo build\` or set CLOUDAUDIT_LINT_BIN`);
  const run = spawnSync(bin, ['check', '--format', 'sarif', ...args], {
    cwd,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.error, undefined, `cannot run ${bin}: ${run.error}`);
  assert.ok([0, 1, 2].includes(run.status), `exit status ${run.status}: ${run.stderr}`);
  return { text: run.stdout, log: JSON.parse(run.stdout) };
}

/**
 * Validates the logs (name → text) in one Multitool run; returns its findings per log, each as
 * `level rule: message`, errors and warnings only (a result without a level is a warning).
 */
function validate(logs) {
  const files = Object.entries(logs).map(([name, text]) => {
    const file = path.join(work, `${name}.sarif`);
    writeFileSync(file, text);
    return file;
  });
  const out = path.join(work, 'validation.sarif');
  const run = spawnSync(multitool, ['validate', ...files, '--output', out, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    timeout: 300_000,
  });
  assert.equal(run.error, undefined, `cannot run the Multitool ${multitool}: ${run.error}`);
  assert.equal(run.status, 0, `the Multitool failed:\n${run.stdout}\n${run.stderr}`);
  const validation = JSON.parse(readFileSync(out, 'utf8')).runs[0];
  assert.equal(validation.invocations[0].executionSuccessful, true, run.stdout);
  const found = Object.fromEntries(Object.keys(logs).map((name) => [name, []]));
  for (const result of validation.results ?? []) {
    const level = result.level ?? 'warning';
    if (level !== 'error' && level !== 'warning') continue;
    const uri = result.locations[0].physicalLocation.artifactLocation.uri;
    const name = path.basename(fileURLToPath(uri), '.sarif');
    const message = result.message.text ?? `${result.message.id} ${JSON.stringify(result.message.arguments)}`;
    found[name].push(`${level} ${result.ruleId}: ${message}`);
  }
  return found;
}

const manyFaults = 'tests/fixtures/many-faults.json';
const outside = path.join(work, 'out side #1.json');
copyFileSync(path.join(root, manyFaults), outside);
const region = ['--region', 'ap-guangzhou'];

const runs = {
  fromRoot: sarif(root, [...region, manyFaults, 'tests/fixtures/fixable.json', 'examples/create-audit-track.json']),
  fromSubfolder: sarif(path.join(root, 'tests'), [...region, 'fixtures/many-faults.json', '../examples/create-audit-track.json']),
  absolute: sarif(root, [...region, path.join(root, manyFaults), outside]),
  stdinNamed: sarif(root, [...region, '--stdin-filename', 'tests/fixtures/fixable.json', '-'], readFileSync(path.join(root, 'tests/fixtures/fixable.json'), 'utf8')),
  stdinUnnamed: sarif(root, ['-'], '{"Name": "a"}'),
  unreadable: sarif(root, [...region, 'tests/fixtures/no-such-file.json', manyFaults]),
  sarifRoot: sarif(root, [...region, '--sarif-root', 'tests', manyFaults]),
};

/** The artifact location of every result in a run, for one file name ending. */
function locations(log, ending) {
  return log.runs[0].results
    .map((r) => r.locations[0].physicalLocation.artifactLocation)
    .filter((l) => l.uri.endsWith(ending));
}

test('every log passes the Multitool with no error and no warning', () => {
  const found = validate(Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, run.text])));
  for (const [name, findings] of Object.entries(found)) {
    assert.deepEqual(findings, [], `${name}: the Multitool found:\n${findings.join('\n')}`);
  }
});

test('the Multitool is in force: the file URIs of before, an absolute path as a relative URI, are refused', () => {
  const broken = structuredClone(runs.absolute.log);
  for (const result of broken.runs[0].results) {
    const location = result.locations[0].physicalLocation.artifactLocation;
    if (location.uri.startsWith('file:')) location.uri = fileURLToPath(location.uri);
  }
  const found = validate({ broken: JSON.stringify(broken) });
  assert.ok(found.broken.some((f) => f.startsWith('error SARIF1004')), found.broken.join('\n'));
});

test('the root, a subfolder and an absolute path give the same URI, base and fingerprints', () => {
  const base = runs.fromRoot.log.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
  assert.equal(base, pathToFileURL(root).href + '/');
  const fingerprints = (log) =>
    log.runs[0].results
      .filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === manyFaults)
      .map((r) => r.partialFingerprints['cloudauditLint/v1']);
  const expected = fingerprints(runs.fromRoot.log);
  assert.ok(expected.length >= 5);
  assert.equal(new Set(expected).size, expected.length, 'one fingerprint per result');
  for (const name of ['fromSubfolder', 'absolute']) {
    const { log } = runs[name];
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, base, name);
    for (const location of locations(log, 'many-faults.json').filter((l) => !l.uri.startsWith('file:'))) {
      assert.deepEqual(location, { uri: manyFaults, uriBaseId: '%SRCROOT%' }, name);
    }
    assert.deepEqual(fingerprints(log), expected, name);
  }
  // `../examples/…` from tests/ is the root's examples/…, with no `..` left.
  const example = locations(runs.fromSubfolder.log, 'create-audit-track.json');
  assert.ok(example.length >= 1);
  for (const location of example) {
    assert.deepEqual(location, { uri: 'examples/create-audit-track.json', uriBaseId: '%SRCROOT%' });
  }
});

test('a file outside the root gets an absolute, percent-encoded file: URI', () => {
  const outer = locations(runs.absolute.log, '1.json');
  assert.ok(outer.length >= 5);
  for (const location of outer) {
    assert.deepEqual(location, { uri: pathToFileURL(outside).href });
    assert.match(location.uri, /^file:\/\/\/.*out%20side%20%231\.json$/);
  }
});

test('--sarif-root moves the base', () => {
  const { log } = runs.sarifRoot;
  assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(path.join(root, 'tests')).href + '/');
  assert.deepEqual(locations(log, 'many-faults.json')[0], { uri: 'fixtures/many-faults.json', uriBaseId: '%SRCROOT%' });
});

test('standard input is reported under --stdin-filename, and as - without it', () => {
  assert.deepEqual(locations(runs.stdinNamed.log, '.json')[0], {
    uri: 'tests/fixtures/fixable.json',
    uriBaseId: '%SRCROOT%',
  });
  assert.deepEqual(locations(runs.stdinUnnamed.log, '-')[0], { uri: '-' });
});

test('fingerprints stay when lines move and change with the pointer', () => {
  const request = { Name: 'my audit trail!', ActionType: 'read', Status: 1 };
  const file = path.join(work, 'moving.json');
  const run = (text) => {
    writeFileSync(file, text);
    return sarif(work, ['--region', 'ap-guangzhou', 'moving.json']).log.runs[0].results;
  };
  const before = run(JSON.stringify(request, null, 2));
  const moved = run('\n\n\n' + JSON.stringify({ Status: 1, ActionType: 'read', Name: 'my audit trail!' }, null, 4));
  const byRule = (results) =>
    Object.fromEntries(results.map((r) => [r.ruleId, [r.partialFingerprints['cloudauditLint/v1'], r.locations[0].physicalLocation.region?.startLine]]));
  const [a, b] = [byRule(before), byRule(moved)];
  assert.ok(a['name-charset'] && a['action-type-value']);
  for (const rule of ['name-charset', 'action-type-value']) {
    assert.equal(a[rule][0], b[rule][0], `${rule}: the fingerprint moved with the line`);
    assert.notEqual(a[rule][1], b[rule][1], `${rule}: the line should have moved`);
  }
  assert.notEqual(a['name-charset'][0], a['action-type-value'][0]);
});

test('fixable results carry the fix that --fix makes, as text replacements', () => {
  const text = readFileSync(path.join(root, 'tests/fixtures/fixable.json'), 'utf8');
  const { results } = runs.fromRoot.log.runs[0];
  const fixable = results.filter((r) => r.properties.fixable);
  assert.ok(fixable.length >= 3);
  for (const result of results) {
    assert.equal(result.fixes !== undefined, result.properties.fixable, result.ruleId);
  }
  const lines = text.split('\n');
  const offset = ({ startLine, startColumn }) =>
    lines.slice(0, startLine - 1).reduce((sum, line) => sum + [...line].length + 1, 0) + startColumn - 1;
  // Every replacement, applied to the text back to front, gives what --fix writes.
  const replacements = fixable
    .filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'tests/fixtures/fixable.json')
    .flatMap((r) => r.fixes[0].artifactChanges[0].replacements)
    .sort((x, y) => offset(y.deletedRegion) - offset(x.deletedRegion));
  const chars = [...text];
  for (const { deletedRegion, insertedContent } of replacements) {
    const start = offset(deletedRegion);
    const end = offset({ startLine: deletedRegion.endLine, startColumn: deletedRegion.endColumn });
    chars.splice(start, end - start, ...insertedContent.text);
  }
  const copy = path.join(work, 'fixable.json');
  writeFileSync(copy, text);
  const fix = spawnSync(bin, ['check', '--fix', '--region', 'ap-guangzhou', copy], { encoding: 'utf8' });
  assert.equal(fix.status, 0, fix.stdout + fix.stderr);
  assert.equal(chars.join(''), readFileSync(copy, 'utf8'));
});

test('an unreadable input is a notification at its URI', () => {
  const [notification] = runs.unreadable.log.runs[0].invocations[0].toolExecutionNotifications;
  assert.deepEqual(notification.locations[0].physicalLocation.artifactLocation, {
    uri: 'tests/fixtures/no-such-file.json',
    uriBaseId: '%SRCROOT%',
  });
});

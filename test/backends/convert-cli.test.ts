// `sightline convert`: output files per target, exit 2 with the named error when a rule cannot be
// expressed (and no file written), exit 2 on usage errors, --check passing on a translatable rule, and
// --input pointing the SQL at other log files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { convertRequest, runConvert } from '../../src/cli/commands/convert.ts';
import { DEFAULT_SQL_INPUT } from '../../src/backends/sql/index.ts';
import { runSqlScript } from '../../src/backends/sql/run-duckdb.ts';
import { loadRuleFile } from '../../src/rules/load.ts';
import { planRule } from '../../src/rules/run.ts';
import { nativeRows, normRows } from './differential-helpers.ts';

const RULE = 'rules/aws-ec2-serial-console-ssh-key-t1021-008.yml';
/** A rule ES|QL refuses: the sign-in integration stores no session id (esql/mapping.yml `absent:`). */
const REFUSED_RULE = 'rules/entra-token-reuse-multiple-countries-t1550-001.yml';

function captureStderr<T>(fn: () => Promise<T>): Promise<{ value: T; stderr: string }> {
  const original = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  return fn().then(
    (value) => ((process.stderr.write = original), { value, stderr }),
    (err) => {
      process.stderr.write = original;
      throw err;
    },
  );
}

test('convert writes <rule-id>.<ext> for every target and --check passes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'convert-'));
  try {
    for (const [to, ext] of [['sigma', 'yml'], ['kql', 'kql'], ['esql', 'esql'], ['sql', 'sql'], ['spl', 'spl']] as const) {
      const { value } = await captureStderr(() => runConvert({ files: [RULE], to, out: dir, check: true }));
      assert.equal(value, 0, to);
      const text = readFileSync(join(dir, `aws-ec2-serial-console-ssh-key-t1021-008.${ext}`), 'utf8');
      assert.ok(text.length > 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a successful translation still prints its warnings (limits of the target) on stderr, exit 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'convert-'));
  try {
    // The serial-console rule reads request parameters from Elastic's map-text keyword (ignore_above 8191).
    const { value, stderr } = await captureStderr(() => runConvert({ files: [RULE], to: 'esql', out: dir }));
    assert.equal(value, 0);
    assert.match(stderr, /warning: XLATE-ESQL-MAP-TEXT-LIMITS/);
    assert.ok(existsSync(join(dir, 'aws-ec2-serial-console-ssh-key-t1021-008.esql')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a construct the target cannot express: exit 2, named error with file position, no output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'convert-'));
  try {
    const { value, stderr } = await captureStderr(() => runConvert({ files: [REFUSED_RULE], to: 'esql', out: dir }));
    assert.equal(value, 2);
    assert.match(stderr, /XLATE-UNMAPPED-FIELD/);
    assert.match(stderr, /entra-token-reuse-multiple-countries-t1550-001\.yml:\d+:\d+:/);
    assert.equal(existsSync(join(dir, 'entra-token-reuse-multiple-countries-t1550-001.esql')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('usage errors exit 2: unknown target, no files, unreadable rule', async () => {
  assert.equal((await captureStderr(() => runConvert({ files: [RULE], to: 'splunk' }))).value, 2);
  assert.equal((await captureStderr(() => runConvert({ files: [], to: 'kql' }))).value, 2);
  const dir = mkdtempSync(join(tmpdir(), 'convert-'));
  try {
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'id: Not A Slug\n');
    const { value, stderr } = await captureStderr(() => runConvert({ files: [bad], to: 'kql' }));
    assert.equal(value, 2);
    assert.ok(stderr.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--input sets the files the SQL reads (comma-separated); --sql-input is its older name; logs/*.json stays the default', () => {
  const args = { _: [RULE], to: 'sql' };
  assert.deepEqual(convertRequest({ ...args, input: 'a/x.ndjson,b/*.json' }).sqlInput, ['a/x.ndjson', 'b/*.json']);
  assert.deepEqual(convertRequest({ ...args, 'sql-input': 'old.json' }).sqlInput, ['old.json']);
  assert.deepEqual(convertRequest({ ...args, input: 'new.json', 'sql-input': 'old.json' }).sqlInput, ['new.json']);
  assert.equal(convertRequest(args).sqlInput, undefined);
  assert.deepEqual(DEFAULT_SQL_INPUT, ['logs/*.json']);
});

test('convert --to sql --input: the printed query reads those files and returns the native rows', async () => {
  const files = ['test/fixtures/translate/*.ndjson'];
  const rule = 'rules/direct-cloud-vm-connection-t1021-008.yml';
  let text = '';
  const { value } = await captureStderr(() => runConvert({ files: [rule], to: 'sql', sqlInput: files }, (s) => void (text += s)));
  assert.equal(value, 0);
  assert.match(text, /read_json\(\['test\/fixtures\/translate\/\*\.ndjson'\]/);
  assert.doesNotMatch(text, /logs\/\*\.json/);
  const statements = text.split(/;\n(?:\n|$)/).map((s) => s.trim()).filter((s) => s.replace(/^--.*$/gm, '').trim());
  const rows = normRows(await runSqlScript({ statements }));
  const native = await nativeRows(planRule(await loadRuleFile(rule), true), files);
  assert.ok(native.length > 0, 'the fixture set holds events the rule alerts on');
  assert.deepEqual(rows, native);

  let byDefault = '';
  await captureStderr(() => runConvert({ files: [RULE], to: 'sql' }, (s) => void (byDefault += s)));
  assert.match(byDefault, /read_json\(\['logs\/\*\.json'\]/);
});

test('convert --input with another target than sql is a usage error (exit 2)', async () => {
  const { value, stderr } = await captureStderr(() => runConvert({ files: [RULE], to: 'kql', sqlInput: ['x.json'] }, () => {}));
  assert.equal(value, 2);
  assert.match(stderr, /CLI-BAD-OPTION: --input/);
});

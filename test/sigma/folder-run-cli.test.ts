// A folder of Sigma rules degrades gracefully (issue #13): `detect --sigma DIR` and `convert DIR --to spl` run
// every rule that can run, list each refused one with file:line:col, code and reason on stderr, print one
// summary line, and exit 0; --strict turns any refusal into exit 2 with nothing run or written. The SPL rules
// always run. End to end through bin/sightline.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'sightline');
const dir = mkdtempSync(join(tmpdir(), 'sigma-folder-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sigma = join(dir, 'sigma');
mkdirSync(join(sigma, 'pim'), { recursive: true });
writeFileSync(
  join(sigma, 'serial.yml'),
  `title: Serial console key pushed
id: 5d1c0f59-0000-4000-8000-000000000001
level: critical
tags: [attack.lateral-movement, attack.t1021.008]
logsource: {product: aws, service: cloudtrail}
detection:
  sel:
    eventName: SendSerialConsoleSSHPublicKey
  condition: sel
`,
);
writeFileSync(join(sigma, 'broken.yml'), 'title: [unclosed\n');
writeFileSync(join(sigma, 'pim', 'pim_alert.yml'), 'title: PIM alert\nid: pim-1\nlogsource: {product: azure, service: pim}\ndetection: {sel: {riskEventType: x}, condition: sel}\n');
writeFileSync(join(sigma, 'pim_burst.yml'), 'title: PIM burst\ncorrelation: {type: event_count, rules: [pim-1], timespan: 1h, condition: {gte: 2}}\n');
writeFileSync(join(sigma, 'hour.yml'), 'title: By hour\nid: hour-1\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  sel:\n    eventName|hour: 3\n  condition: sel\n');

const logs = join(dir, 'logs.json');
writeFileSync(
  logs,
  [
    { eventVersion: '1.08', eventTime: '2026-11-20T16:00:00Z', eventSource: 'ec2-instance-connect.amazonaws.com', eventName: 'SendSerialConsoleSSHPublicKey', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/intruder' }, sourceIPAddress: '198.51.100.66', requestParameters: { instanceId: 'i-0abc', serialPort: 0 } },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n') + '\n',
);

const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });

const REFUSALS: readonly [string, string][] = [
  [`${join(sigma, 'broken.yml')}:2:1: refused SIGMA-BAD-YAML`, 'bad YAML'],
  [`${join(sigma, 'pim', 'pim_alert.yml')}:1:1: refused SIGMA-UNSUPPORTED-LOGSOURCE: logsource azure/pim is in the Sigma taxonomy, but sightline ingests no such log`, 'a log source sightline does not read'],
  [`${join(sigma, 'pim_burst.yml')}:1:1: refused SIGMA-REFUSED-RULE: correlation 'PIM burst' names rule 'pim-1', which was refused (SIGMA-UNSUPPORTED-LOGSOURCE)`, 'a correlation over a refused rule'],
  [`${join(sigma, 'hour.yml')}:1:1: refused SIGMA-UNSUPPORTED-MODIFIER`, 'a time modifier'],
];
const SUMMARY = 'Sigma: 1 loaded, 4 refused: 1 SIGMA-BAD-YAML, 1 SIGMA-REFUSED-RULE, 1 SIGMA-UNSUPPORTED-LOGSOURCE, 1 SIGMA-UNSUPPORTED-MODIFIER';

test('detect --sigma runs what loads beside the SPL rules, lists every refusal and exits 0', () => {
  const r = run('detect', logs, '--sigma', sigma, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const ids = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { rule_id: string }).rule_id);
  assert.ok(ids.includes('5d1c0f59-0000-4000-8000-000000000001'), 'the Sigma rule that loads alerts');
  assert.ok(ids.includes('aws-ec2-serial-console-ssh-key-t1021-008'), 'the SPL rules still run and alert');
  for (const [line, why] of REFUSALS) assert.ok(r.stderr.includes(line), `${why}: ${line}\n${r.stderr}`);
  const summaries = r.stderr.split('\n').filter((l) => l.includes('Sigma: '));
  assert.equal(summaries.length, 1, 'one summary line');
  assert.ok(summaries[0]!.includes(`${SUMMARY}; 1 run, 0 skipped`), summaries[0]);
});

test('detect --sigma --strict exits 2 on a refusal, runs nothing and still names every refusal', () => {
  const r = run('detect', logs, '--sigma', sigma, '--format', 'json', '--strict');
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '', 'no alerts: nothing was run');
  for (const [line, why] of REFUSALS) assert.ok(r.stderr.includes(line), why);
  assert.match(r.stderr, /--strict: nothing was run/);
});

test('detect --sigma --strict over rules that all load exits 0', () => {
  const r = run('detect', logs, '--sigma', join(sigma, 'serial.yml'), '--format', 'json', '--strict');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /Sigma: 1 loaded, 0 refused; 1 run/);
});

test('detect --sigma with a path that does not exist is a usage error (exit 2)', () => {
  const r = run('detect', logs, '--sigma', join(dir, 'nowhere'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /SIGMA-NO-INPUT/);
});

test('convert of a Sigma folder writes what loads, lists the refusals and exits 0', () => {
  const out = join(dir, 'spl');
  const r = run('convert', sigma, '--to', 'spl', '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(readFileSync(join(out, 'serial.spl'), 'utf8'), /search sourcetype="aws:cloudtrail" eventName="SendSerialConsoleSSHPublicKey"/);
  assert.equal(existsSync(join(out, 'pim', 'pim_alert.spl')), false, 'a refused rule writes no file');
  for (const [line, why] of REFUSALS) assert.ok(r.stderr.includes(line), why);
  assert.ok(r.stderr.includes(`sightline convert: ${SUMMARY}`), r.stderr);
});

test('convert of a Sigma folder with --strict exits 2 and writes nothing', () => {
  const out = join(dir, 'spl-strict');
  const r = run('convert', sigma, '--to', 'spl', '--out', out, '--strict');
  assert.equal(r.status, 2);
  assert.equal(existsSync(join(out, 'serial.spl')), false);
  assert.match(r.stderr, /--strict: nothing was written/);
});

test('a single Sigma file that cannot be converted still exits 2 with its named error', () => {
  const r = run('convert', join(sigma, 'hour.yml'), '--to', 'spl');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /SIGMA-UNSUPPORTED-MODIFIER/);
});

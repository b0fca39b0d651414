// `search` and `detect` run through the fast scan path (src/scan: byte prefilter, NDJSON ranges, gzip
// streams); `--no-fast` keeps the plain ingest reader they used before. Both paths must print the same
// results and alerts, in the same order, and report malformed input at the same file:line, on the real
// fixtures, the demo data and generated NDJSON (plain, gzip, with malformed lines the prefilter would skip).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'sightline');
const REAL = join(ROOT, 'test', 'fixtures', 'real');
const DEMO = join(ROOT, 'demo');
const GCP = join(ROOT, 'test', 'fixtures', 'gcp');

function sightline(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The malformed-input reports of a run's stderr (the summary line itself carries timings and counts). */
function malformedReports(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trimStart().startsWith('malformed:'));
}

/** Runs the command on the fast path and on the reader path; both must agree on stdout and malformed input. */
function assertSameAsReader(args: string[]): string {
  const fast = sightline(args);
  const reader = sightline([...args, '--no-fast']);
  assert.equal(fast.code, reader.code, `${fast.stderr}\n${reader.stderr}`);
  assert.equal(fast.stdout, reader.stdout);
  assert.deepEqual(malformedReports(fast.stderr), malformedReports(reader.stderr));
  return fast.stdout;
}

let dir = '';
let ndjson = '';
let gz = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sightline-fast-'));
  // CloudTrail lines (an SSM session burst and noise), a cut line, plain text and a blank line.
  const ct = (i: number, name: string) =>
    JSON.stringify({ eventVersion: '1.08', eventTime: `2026-11-20T16:${String(i).padStart(2, '0')}:00Z`, eventSource: 'ssm.amazonaws.com', eventName: name, sourceIPAddress: '198.51.100.66', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/intruder' }, requestParameters: { target: 'i-0abc' } });
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) lines.push(ct(i, i % 10 === 0 ? 'StartSession' : 'DescribeInstanceInformation'));
  lines.splice(7, 0, '{"eventVersion": "1.08", "eventName": ');
  lines.splice(20, 0, 'not json at all', '');
  ndjson = join(dir, 'cloudtrail.ndjson');
  writeFileSync(ndjson, lines.join('\n') + '\n');
  // A gzip NDJSON (the scan path streams it) made from a real NDJSON fixture.
  gz = join(dir, 'azure-activity.jsonl.gz');
  writeFileSync(gz, gzipSync(readFileSync(join(REAL, 'panther-analysis', 'panther_Azure_MonitorActivity_tests.subset.jsonl'))));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const SEARCHES: readonly { spl: string; format: string; inputs: () => string[] }[] = [
  { spl: 'sourcetype="aws:cloudtrail" eventName=StartSession | table _time, eventName, sourceIPAddress', format: 'json', inputs: () => [REAL, DEMO, ndjson] },
  { spl: 'index=* | stats count by sourcetype', format: 'csv', inputs: () => [REAL, gz] },
  { spl: 'ConsoleLogin | head 3 | table _time, eventName', format: 'table', inputs: () => [REAL] },
  { spl: 'eventName=NoSuchCall | stats count', format: 'json', inputs: () => [ndjson, gz] },
  // Google: the exported LogEntry and the add-on's envelope (the key nested under `data`), Workspace activities.
  { spl: 'sourcetype="google:gcp:pubsub:message" protoPayload.methodName="v1.compute.instances.setMetadata" | table _time, user, src_ip, action, protoPayload.resourceName', format: 'json', inputs: () => [GCP, DEMO] },
  { spl: 'sourcetype="google:gcp:pubsub:message" | stats count by protoPayload.methodName, action', format: 'csv', inputs: () => [GCP, REAL] },
  { spl: 'sourcetype="gws:reports:login" event.name=login_success | table _time, user, src_ip, events{}.name', format: 'json', inputs: () => [GCP, DEMO] },
];

for (const s of SEARCHES) {
  test(`search gives the reader's output: ${s.spl} (${s.format})`, () => {
    const out = assertSameAsReader(['search', s.spl, ...s.inputs(), '--format', s.format]);
    assert.ok(out.length > 0, 'the query has output to compare');
  });
}

test('search reports malformed lines the prefilter skips at the reader\'s file:line', () => {
  const r = sightline(['search', 'eventName=NoSuchCall | stats count', ndjson, '--format', 'json']);
  assert.deepEqual(
    malformedReports(r.stderr).map((l) => l.trim().replace(/ \(byte \d+\).*/, '').replace(`${ndjson}:`, 'L')),
    ['malformed: L8', 'malformed: L21'],
  );
});

test('detect gives the reader\'s alerts on the demo data and the real fixtures (json, csv, --suppress)', () => {
  const json = assertSameAsReader(['detect', DEMO, REAL, ndjson, gz, '--format', 'json']);
  assert.ok(json.trim().split('\n').length >= 10, 'the demo data raises alerts');
  assertSameAsReader(['detect', DEMO, ndjson, '--format', 'csv', '--suppress', '1h']);
});

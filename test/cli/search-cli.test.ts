// `sightline search` end to end: spawns bin/sightline on the real fixture copies and on generated bad input.
// Expected results are computed independently of the engine (plain JSON.parse of the files, and jq when it
// is installed), never by the code under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'sightline');
const STRATUS = join(ROOT, 'test', 'fixtures', 'real', 'stratus-red-team');
const STRATUS_FILES = readdirSync(STRATUS)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => join(STRATUS, f));

function sightline(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, TZ: 'UTC' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sightline-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** eventName -> count over the Stratus files, by plain JSON.parse (the files are JSON arrays). */
function expectedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of STRATUS_FILES) {
    for (const r of JSON.parse(readFileSync(f, 'utf8')) as { eventName: string }[]) counts.set(r.eventName, (counts.get(r.eventName) ?? 0) + 1);
  }
  return counts;
}

test('stats count by eventName over the Stratus files equals a plain JSON.parse count (and jq)', () => {
  const r = sightline(['search', 'sourcetype="aws:cloudtrail" | stats count by eventName', ...STRATUS_FILES, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const got = new Map(jsonLines(r.stdout).map((o) => [o.eventName as string, o.count as number]));
  assert.deepEqual(got, expectedCounts());
  const jq = spawnSync('jq', ['-n', '-c', '[inputs[] | .eventName] | group_by(.) | map({key: .[0], value: length}) | from_entries', ...STRATUS_FILES], { encoding: 'utf8' });
  if (jq.status === 0) assert.deepEqual(Object.fromEntries(got), JSON.parse(jq.stdout));
  // stats by splits sort the groups by their values (lexicographic for strings).
  assert.deepEqual([...got.keys()], [...got.keys()].sort());
  const total = [...got.values()].reduce((a, b) => a + b, 0);
  assert.match(r.stderr, new RegExp(`sightline: ${total} events read from ${STRATUS_FILES.length} inputs .*; 0 malformed; ${got.size} results`));
});

test('csv and table formats carry the same results; multivalue cells are newline-joined', () => {
  const spl = 'index=aws eventName=GetPasswordData | stats count, values(eventSource) as sources by eventName';
  const csv = sightline(['search', spl, STRATUS, '--format', 'csv']);
  assert.equal(csv.code, 0, csv.stderr);
  const n = expectedCounts().get('GetPasswordData');
  assert.equal(csv.stdout, `eventName,count,sources\r\nGetPasswordData,${n},ec2.amazonaws.com\r\n`);
  const table = sightline(['search', spl, STRATUS]);
  assert.deepEqual(
    table.stdout.split('\n').map((l) => l.split(/\s+/).filter(Boolean)),
    [['eventName', 'count', 'sources'], ['---------------', '-----', '-----------------'], ['GetPasswordData', String(n), 'ec2.amazonaws.com'], []],
  );
  const mv = sightline(['search', 'index=aws user=christophe | stats values(eventName) as names by user', STRATUS, '--format', 'csv']);
  const names = new Set<string>();
  for (const f of STRATUS_FILES) {
    for (const r of JSON.parse(readFileSync(f, 'utf8')) as { eventName: string; userIdentity: { userName?: string } }[]) {
      if (r.userIdentity.userName === 'christophe') names.add(r.eventName);
    }
  }
  assert.equal(mv.stdout, `user,names\r\nchristophe,"${[...names].sort().join('\n')}"\r\n`);
});

test('--macros expands ESCU-style source macros and filter macros from a macros.conf', () => {
  const conf = join(dir, 'macros.conf');
  writeFileSync(conf, '[cloudtrail]\ndefinition = sourcetype=aws:cloudtrail\n\n[password_data_filter]\ndefinition = search *\n');
  const r = sightline(['search', '`cloudtrail` eventName=GetPasswordData | stats count | `password_data_filter`', STRATUS, '--macros', conf, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(jsonLines(r.stdout), [{ count: expectedCounts().get('GetPasswordData') }]);
});

test('--lookups gives lookup its table directory; the CIM user alias feeds stats by user', () => {
  const lookups = join(dir, 'lookups');
  mkdirSync(lookups, { recursive: true });
  writeFileSync(join(lookups, 'owners.csv'), 'user,team\nchristophe,red\n');
  let expected = 0;
  for (const f of STRATUS_FILES) {
    for (const r of JSON.parse(readFileSync(f, 'utf8')) as { userIdentity: { userName?: string } }[]) if (r.userIdentity.userName === 'christophe') expected++;
  }
  const r = sightline(['search', 'index=aws | stats count by user | lookup owners.csv user OUTPUT team | where isnotnull(team)', STRATUS, '--lookups', lookups, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(jsonLines(r.stdout), [{ user: 'christophe', count: expected, team: 'red' }]);
});

test('invalid SPL exits 2 with line:col: CODE: message and a caret under the problem', () => {
  const r = sightline(['search', 'index=aws | stats count(', STRATUS]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  const lines = r.stderr.split('\n');
  assert.match(lines[0]!, /^1:\d+: SPL-[A-Z-]+: /);
  assert.equal(lines[1], '  index=aws | stats count(');
  assert.match(lines[2]!, /^ +\^/);
});

test('a pipe inside parentheses of a search is rejected as Splunk rejects it', () => {
  const r = sightline(['search', 'index=aws (eventName=A | head 1)', STRATUS]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /SPL-PIPE-IN-PARENS/);
});

test('malformed lines are counted with file:line; the other events are searched', () => {
  const good = (name: string) => JSON.stringify({ eventVersion: '1.08', eventSource: 'iam.amazonaws.com', eventName: name, eventTime: '2024-01-01T00:00:00Z' });
  const p = join(dir, 'mixed.json');
  writeFileSync(p, [good('A'), '{"broken": ', good('B'), 'plain text', good('A'), ''].join('\n'));
  const r = sightline(['search', 'index=aws | stats count by eventName', p, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(jsonLines(r.stdout), [
    { eventName: 'A', count: 2 },
    { eventName: 'B', count: 1 },
  ]);
  assert.match(r.stderr, /3 events read .*; 2 malformed; 2 results/);
  assert.match(r.stderr, new RegExp(`malformed: ${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2 \\(byte \\d+\\): invalid JSON`));
  assert.match(r.stderr, /mixed\.json:4 \(byte \d+\): not a JSON record/);
});

test('a truncated gzip reports the compressed byte offset and still searches the events before it', () => {
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) lines.push(JSON.stringify({ eventVersion: '1.08', eventSource: 's', eventName: 'E', eventTime: '2024-01-01T00:00:00Z', n: i }));
  const gz = gzipSync(lines.join('\n'));
  const p = join(dir, 'cut.gz');
  writeFileSync(p, gz.subarray(0, Math.floor(gz.length / 2)));
  const r = sightline(['search', 'index=aws | stats count', p, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const count = jsonLines(r.stdout)[0]!.count as number;
  assert.ok(count > 0 && count < 4000, `count ${count}`);
  assert.match(r.stderr, new RegExp(`truncated gzip.*compressed byte ${Math.floor(gz.length / 2)}`));
});

test('reads stdin with "-" and stops reading once head is satisfied', () => {
  const lines: string[] = [];
  for (let i = 0; i < 20000; i++) lines.push(JSON.stringify({ eventVersion: '1.08', eventSource: 's', eventName: `E${i}`, eventTime: '2024-01-01T00:00:00Z' }));
  const p = join(dir, 'many.json');
  writeFileSync(p, lines.join('\n'));
  const r = sightline(['search', 'index=aws | head 2 | table eventName', p, '--format', 'json']);
  assert.deepEqual(jsonLines(r.stdout), [{ eventName: 'E0' }, { eventName: 'E1' }]);
  const read = Number(/sightline: (\d+) events? read/.exec(r.stderr)?.[1]);
  assert.ok(read < 20000, `read ${read} events after head was satisfied`);
  const s = sightline(['search', 'index=aws | stats count', '-', '--format', 'json'], lines.slice(0, 10).join('\n'));
  assert.deepEqual(jsonLines(s.stdout), [{ count: 10 }]);
  assert.match(s.stderr, /10 events read from 1 input/);
});

test('Azure Activity: the seed query fields resolve on both the REST and the Event Hub layout', () => {
  const p = join(dir, 'activity.json');
  writeFileSync(
    p,
    [
      {
        eventTimestamp: '2024-12-24T15:45:00Z',
        operationName: { value: 'Microsoft.Compute/virtualMachines/runCommand/action' },
        caller: 'rest@example.com',
        httpRequest: { clientIpAddress: '198.51.100.20' },
        resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1',
      },
      {
        time: '2024-12-24T15:46:00Z',
        operationName: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION',
        category: 'Administrative',
        callerIpAddress: '203.0.113.7',
        identity: { claims: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': 'hub@example.com' } },
        resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm2',
      },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const spl =
    'sourcetype="azure:activity" operationName.value IN ("MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION") ' +
    "| eval CallerUPN='caller', SourceIP='httpRequest.clientIpAddress' | table CallerUPN SourceIP";
  const r = sightline(['search', spl, p, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(jsonLines(r.stdout), [
    { CallerUPN: 'rest@example.com', SourceIP: '198.51.100.20' },
    { CallerUPN: 'hub@example.com', SourceIP: '203.0.113.7' },
  ]);
});

test('the T1021.007 seed AWS branch, run alone, finds the console logins without MFA in the AWS docs examples', () => {
  const items = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'real', 'awsdocs-cloudtrail-user-guide', 'awsdocs_cloudtrail_examples.json'), 'utf8')) as {
    record: { eventName: string; responseElements?: { ConsoleLogin?: string } | null; additionalEventData?: { MFAUsed?: string }; userIdentity: { arn: string } };
  }[];
  const p = join(dir, 'awsdocs.ndjson');
  writeFileSync(p, items.map((i) => JSON.stringify(i.record)).join('\n'));
  // Search terms match values case-insensitively; `where MFA="No"` is case-sensitive, so "YES"/"Yes" and "NO" differ.
  const expected = items
    .map((i) => i.record)
    .filter((r) => r.eventName === 'ConsoleLogin' && r.responseElements?.ConsoleLogin?.toLowerCase() === 'success' && r.additionalEventData?.MFAUsed === 'No')
    .map((r) => ({ UserArn: r.userIdentity.arn, MFA: 'No', AlertType: 'AWSConsoleLoginNoMFA' }));
  assert.ok(expected.length > 0);
  const spl =
    'index=aws sourcetype="aws:cloudtrail" eventName="ConsoleLogin" responseElements.ConsoleLogin="Success" ' +
    "| eval UserArn='userIdentity.arn' | eval MFA='additionalEventData.MFAUsed' | where MFA=\"No\" " +
    '| eval AlertType="AWSConsoleLoginNoMFA" | table UserArn, MFA, AlertType';
  const r = sightline(['search', spl, p, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(jsonLines(r.stdout), expected);
});

test('--earliest/--latest keep [earliest, latest); ISO, epoch and relative modifiers against --now', () => {
  const p = join(dir, 'days.json');
  const day = (d: number) => JSON.stringify({ eventVersion: '1.08', eventSource: 's', eventName: `D${d}`, eventTime: `2024-01-0${d}T00:00:00Z` });
  writeFileSync(p, [1, 2, 3, 4].map(day).join('\n'));
  const names = (args: string[]) => jsonLines(sightline(['search', 'index=aws | table eventName', p, '--format', 'json', ...args]).stdout).map((o) => o.eventName);
  assert.deepEqual(names(['--earliest', '2024-01-02T00:00:00Z', '--latest', '2024-01-04T00:00:00Z']), ['D2', 'D3']);
  // now = 2024-01-04T00:00:00Z; -2d = 2024-01-02; latest defaults to now and is exclusive.
  assert.deepEqual(names(['--now', String(Date.UTC(2024, 0, 4) / 1000), '--earliest=-2d']), ['D2', 'D3']);
  const bad = sightline(['search', 'index=aws', p, '--earliest=yesterday-ish']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /SPL-TIME-MODIFIER-INVALID/);
});

test('missing input and bad flags exit 2 with a coded message', () => {
  const missing = sightline(['search', 'index=aws', join(dir, 'does-not-exist-*.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /INGEST-NOT-FOUND/);
  const format = sightline(['search', 'index=aws', STRATUS, '--format', 'xml']);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /CLI-BAD-FORMAT/);
});

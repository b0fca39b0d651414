// Sourcetype detection on the real fixture files, and _time / index per sourcetype. Expected sourcetypes
// come from what each file is documented to hold (test/fixtures/real/SOURCES.md), never from our detector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectSourcetype, makeEvent } from '../../src/ingest/make-event.ts';
import { readEvents } from '../../src/ingest/read.ts';
import { expandPaths } from '../../src/ingest/glob.ts';

const REAL = join(import.meta.dirname, '..', 'fixtures', 'real');
const STRATUS = join(REAL, 'stratus-red-team');

async function sourcetypesOf(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of readEvents([path])) out.push(e.sourcetype);
  return out;
}

const wholeFiles: { file: string; sourcetype: string; index: string; count: number }[] = [
  ...['aws.credential-access.ec2-get-password-data.json', 'aws.defense-evasion.cloudtrail-delete.json', 'aws.persistence.iam-create-admin-user.json'].map(
    (f) => ({ file: join(STRATUS, f), sourcetype: 'aws:cloudtrail', index: 'aws', count: (JSON.parse(readFileSync(join(STRATUS, f), 'utf8')) as unknown[]).length }),
  ),
  // Logstash-shipped CloudTrail NDJSON (103 lines, SOURCES.md).
  { file: join(REAL, 'otrf-security-datasets', 'ec2_proxy_s3_exfiltration_2020-09-14011940.json'), sourcetype: 'aws:cloudtrail', index: 'aws', count: 103 },
  // Sentinel table exports are none of our four sourcetypes: generic _json in index main.
  { file: join(REAL, 'otrf-security-datasets', 'AADAuditEvents.json'), sourcetype: '_json', index: 'main', count: 4 },
  { file: join(REAL, 'otrf-security-datasets', 'OfficeActivityEvents.json'), sourcetype: '_json', index: 'main', count: 1 },
];

for (const w of wholeFiles) {
  test(`every record of ${w.file.split('/').pop()} is ${w.sourcetype}`, async () => {
    const events = [];
    for await (const e of readEvents([w.file])) events.push(e);
    assert.equal(events.length, w.count);
    for (const e of events) {
      assert.equal(e.sourcetype, w.sourcetype);
      assert.equal(e.index, w.index);
      assert.equal(e.source, w.file);
    }
  });
}

test('AWS user guide examples (console sign-in, API calls, service events) are all CloudTrail', () => {
  const items = JSON.parse(readFileSync(join(REAL, 'awsdocs-cloudtrail-user-guide', 'awsdocs_cloudtrail_examples.json'), 'utf8')) as { record: unknown }[];
  assert.equal(items.length, 17);
  for (const item of items) assert.equal(detectSourcetype(item.record), 'aws:cloudtrail');
});

/** Panther test events, unwrapped from their {"log": ...} container. */
function pantherLogs(file: string): Record<string, unknown>[] {
  return readFileSync(join(REAL, 'panther-analysis', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { log: Record<string, unknown> }).log);
}

test('Entra ID diagnostic records: sign-in categories are sign-ins, audit categories are not', () => {
  // The category names the diagnostic-settings log a record came from (Entra ID "sign-in log schema").
  const expected: Record<string, string> = {
    ServicePrincipalSignInLogs: 'azure:monitor:aad:signin',
    NonInteractiveUserSignInLogs: 'azure:monitor:aad:signin',
    AuditLogs: '_json',
    Policy: '_json',
    DirectoryManagement: '_json',
    ApplicationManagement: '_json',
  };
  const logs = pantherLogs('panther_Azure_Audit_tests.jsonl');
  assert.equal(logs.length, 27);
  for (const log of logs) {
    const category = String(log.category);
    assert.ok(category in expected, `unexpected category ${category}`);
    assert.equal(detectSourcetype(log), expected[category], JSON.stringify(log).slice(0, 120));
  }
});

test('Azure Activity in both layouts; AKS, Kubernetes and GCP records are not Azure Activity', () => {
  const logs = pantherLogs('panther_Azure_MonitorActivity_tests.subset.jsonl');
  let eventHub = 0;
  let rest = 0;
  for (const log of logs) {
    const op = log.operationName;
    const isActivity = (typeof op === 'string' && log.category === 'Administrative') || (typeof op === 'object' && op !== null && 'value' in op);
    if (typeof op === 'string' && log.category === 'Administrative') eventHub++;
    if (typeof op === 'object' && op !== null) rest++;
    if (log.category === 'kube-audit' || 'protoPayload' in log || 'objectRef' in log) assert.equal(detectSourcetype(log), '_json');
    else if (isActivity) assert.equal(detectSourcetype(log), 'azure:activity', JSON.stringify(log).slice(0, 160));
  }
  assert.ok(eventHub > 0 && rest > 0, `both layouts present (${eventHub} Event Hub, ${rest} REST)`);
});

test('O365 Management Activity records are o365:management:activity; Panther lower-cased copies are not', () => {
  for (const log of pantherLogs('panther_Microsoft365_Audit_SharePoint_tests.jsonl')) assert.equal(detectSourcetype(log), 'o365:management:activity');
  // The Exchange file holds Panther-normalised lower-case keys (creationtime, operation): not the API's schema.
  for (const log of pantherLogs('panther_Microsoft365_Audit_Exchange_tests.jsonl')) assert.equal(detectSourcetype(log), '_json');
});

// _time per sourcetype: expected values are computed with Date.UTC from the literal timestamps.
const utc = (y: number, mo: number, d: number, h: number, mi: number, s: number) => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

const timeCases: { name: string; record: Record<string, unknown>; sourcetype: string; index: string; time: number | null }[] = [
  {
    name: 'CloudTrail eventTime',
    record: { eventVersion: '1.08', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', eventTime: '2022-11-10T16:24:34Z' },
    sourcetype: 'aws:cloudtrail',
    index: 'aws',
    time: utc(2022, 11, 10, 16, 24, 34),
  },
  {
    name: 'Logstash CloudTrail without eventTime uses @timestamp',
    record: { eventVersion: '1.05', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', '@timestamp': '2020-09-14T00:44:23.000Z' },
    sourcetype: 'aws:cloudtrail',
    index: 'aws',
    time: utc(2020, 9, 14, 0, 44, 23),
  },
  {
    name: 'Entra sign-in: properties.createdDateTime (7 fractional digits), not the later envelope time',
    record: { time: '2023-10-24T20:13:31.4449614Z', category: 'SignInLogs', operationName: 'Sign-in activity', properties: { createdDateTime: '2023-10-24T20:01:11.9490387+00:00' } },
    sourcetype: 'azure:monitor:aad:signin',
    index: 'azure',
    time: utc(2023, 10, 24, 20, 1, 11) + 0.949039,
  },
  {
    name: 'Entra sign-in createdDateTime with an offset',
    record: { category: 'NonInteractiveUserSignInLogs', properties: { createdDateTime: '2023-10-24T22:01:11+02:00' } },
    sourcetype: 'azure:monitor:aad:signin',
    index: 'azure',
    time: utc(2023, 10, 24, 20, 1, 11),
  },
  {
    name: 'Entra sign-in without createdDateTime falls back to the envelope time',
    record: { time: '2023-10-24T20:13:31.4449614Z', category: 'SignInLogs', properties: {} },
    sourcetype: 'azure:monitor:aad:signin',
    index: 'azure',
    time: utc(2023, 10, 24, 20, 13, 31) + 0.444961,
  },
  {
    name: 'O365 CreationTime is UTC without a Z',
    record: { CreationTime: '2023-12-04T20:42:05', Operation: 'UserLoggedIn', RecordType: 15, Workload: 'AzureActiveDirectory', UserId: 'u@x' },
    sourcetype: 'o365:management:activity',
    index: 'o365',
    time: utc(2023, 12, 4, 20, 42, 5),
  },
  {
    name: 'Azure Activity (Event Hub) time',
    record: { time: '2024-12-17T10:30:00.0000000Z', operationName: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION', category: 'Administrative', resourceId: '/subscriptions/s/x' },
    sourcetype: 'azure:activity',
    index: 'azure',
    time: utc(2024, 12, 17, 10, 30, 0),
  },
  {
    name: 'Azure Activity (REST) eventTimestamp',
    record: { eventTimestamp: '2024-12-24T15:45:00.5Z', operationName: { value: 'Microsoft.Compute/virtualMachines/runCommand/action' }, caller: 'a@b' },
    sourcetype: 'azure:activity',
    index: 'azure',
    time: utc(2024, 12, 24, 15, 45, 0) + 0.5,
  },
  {
    name: 'Sentinel export TimeGenerated',
    record: { TimeGenerated: '2021-08-02T13:29:25.983Z', Type: 'AuditLogs' },
    sourcetype: '_json',
    index: 'main',
    time: utc(2021, 8, 2, 13, 29, 25) + 0.983,
  },
  { name: 'a record with no time field', record: { hello: 'world' }, sourcetype: '_json', index: 'main', time: null },
];

for (const c of timeCases) {
  test(`_time, sourcetype and index: ${c.name}`, () => {
    const e = makeEvent(c.record, c.time === null ? { time: 1234 } : {});
    assert.equal(e.sourcetype, c.sourcetype);
    assert.equal(e.index, c.index);
    const expected = c.time ?? 1234;
    assert.ok(Math.abs(e._time - expected) < 1e-6, `${e._time} vs ${expected}`);
  });
}

// Splunk "How timestamp assignment works", precedence rules: "3. If an event doesn't have a time or date,
// use the timestamp from the most recent previous event of the same source." ... "5. For file sources, if
// no time or date can be identified in the file name, use the modification time on the file."
test("a timeless record takes the previous event's time, or the file mtime when none came before", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-time-'));
  try {
    const p = join(dir, 'mixed-times.json');
    const timed = { eventVersion: '1', eventSource: 's', eventName: 'T', eventTime: '2024-03-01T10:00:00Z' };
    writeFileSync(p, [{ n: 1 }, timed, { n: 3 }, { n: 4 }].map((r) => JSON.stringify(r)).join('\n'));
    const mtime = Math.floor(statSync(p).mtimeMs / 1000);
    const times: number[] = [];
    for await (const e of readEvents([p])) times.push(e._time);
    const t = utc(2024, 3, 1, 10, 0, 0);
    assert.deepEqual(times, [mtime, t, t, t]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The awsdocs wrapper objects carry no time field at all: every one gets the file's mtime.
  const wrapped = join(REAL, 'awsdocs-cloudtrail-user-guide', 'awsdocs_cloudtrail_examples.json');
  const mtime = Math.floor(statSync(wrapped).mtimeMs / 1000);
  for await (const e of readEvents([wrapped])) assert.equal(e._time, mtime);
});

test('every fixture file reads without malformed-input reports, one event per record', async () => {
  const malformed: unknown[] = [];
  let n = 0;
  const pattern = join(REAL, '**', '*.json*');
  for await (const _ of readEvents([pattern], { onMalformed: (m) => malformed.push(m) })) n++;
  assert.deepEqual(malformed, []);
  // Records counted independently: a JSON array's length, or the non-empty lines of NDJSON.
  let expected = 0;
  for (const f of expandPaths([pattern]).files) {
    const text = readFileSync(f, 'utf8');
    expected += text.trimStart().startsWith('[') ? (JSON.parse(text) as unknown[]).length : text.split('\n').filter((l) => l.trim()).length;
  }
  assert.equal(n, expected);
  assert.deepEqual(await sourcetypesOf(join(STRATUS, 'aws.defense-evasion.cloudtrail-stop.json')), ['aws:cloudtrail']);
});

// Google Cloud audit logs (google:gcp:pubsub:message, both layouts) and Google Workspace Reports activities
// (gws:reports:admin, gws:reports:login): detection, index, _time from each record's own time, the layout
// bridges and the CIM names. Expected values come from the fixture files read as plain JSON (what a `jq`
// over them gives) and from the documentation the fixtures cite (test/fixtures/gcp/SOURCES.md), never from
// sightline's own reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEvents } from '../../src/ingest/read.ts';
import { detectSourcetype, makeEvent } from '../../src/ingest/make-event.ts';
import { sourcetypeByName } from '../../src/ingest/sourcetypes/index.ts';
import { planQuery } from '../../src/plan/index.ts';
import { runQuery } from '../../src/exec/run.ts';
import { firstOf, valuesOf } from '../../src/core/value.ts';
import type { Event } from '../../src/core/event.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'gcp');
type Json = Record<string, unknown>;

function lines(file: string): Json[] {
  return readFileSync(join(DIR, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Json);
}

function at(r: unknown, ...path: string[]): unknown {
  let n = r;
  for (const k of path) n = n !== null && typeof n === 'object' ? (n as Json)[k] : undefined;
  return n;
}

/** RFC 3339 text to epoch seconds, keeping the fraction Date.parse drops below milliseconds. */
function epoch(text: string): number {
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(text)!;
  return Date.parse(`${m[1]}Z`) / 1000 + Number(`0.${m[2] ?? '0'}`);
}

function assertTime(e: Event, text: string): void {
  const t = Number(firstOf(e.get('_time')));
  assert.ok(Math.abs(t - epoch(text)) < 1e-6, `${t} is ${text}`);
}

async function events(file: string): Promise<Event[]> {
  const out: Event[] = [];
  for await (const e of readEvents([join(DIR, file)])) out.push(e);
  return out;
}

async function search(spl: string, evs: Event[]): Promise<Record<string, string>[]> {
  const rows = await runQuery(planQuery(spl), evs, { now: 1_800_000_000 });
  return rows.map((r) => Object.fromEntries(r.fieldNames().map((f) => [f, String(firstOf(r.get(f)))])));
}

test('every LogEntry is google:gcp:pubsub:message in index gcp, in both layouts', async () => {
  for (const file of ['documented-shapes.jsonl', 'addon-envelope.jsonl', 'googledocs-audit-examples.jsonl']) {
    const evs = await events(file);
    assert.equal(evs.length, lines(file).length, file);
    for (const e of evs) {
      assert.equal(e.sourcetype, 'google:gcp:pubsub:message', `${file}: ${e._raw.slice(0, 60)}`);
      assert.equal(e.index, 'gcp');
    }
  }
});

test('_time is the entry\'s own timestamp ("The time the event described by the log entry occurred")', async () => {
  const recs = lines('documented-shapes.jsonl');
  const evs = await events('documented-shapes.jsonl');
  evs.forEach((e, i) => assertTime(e, recs[i]!.timestamp as string));
  // The add-on's envelope: the LogEntry's timestamp, not the later Pub/Sub publish_time.
  const env = lines('addon-envelope.jsonl');
  (await events('addon-envelope.jsonl')).forEach((e, i) => {
    assertTime(e, at(env[i], 'data', 'timestamp') as string);
    assert.notEqual(firstOf(e.get('_time')), env[i]!.publish_time);
  });
  // Google's own example (cloud.google.com/bigtable/docs/audit-log-example): timestamp "2019-05-27T16:24:56.135Z".
  const [bigtable] = await events('googledocs-audit-examples.jsonl');
  assertTime(bigtable!, '2019-05-27T16:24:56.135Z');
});

test('stats count by protoPayload.methodName equals a count of the JSON (both layouts)', async () => {
  const files = ['documented-shapes.jsonl', 'addon-envelope.jsonl', 'googledocs-audit-examples.jsonl'];
  const expected = new Map<string, number>();
  for (const f of files) {
    for (const r of lines(f)) {
      const m = at(r, 'protoPayload', 'methodName') ?? at(r, 'data', 'protoPayload', 'methodName');
      if (typeof m === 'string') expected.set(m, (expected.get(m) ?? 0) + 1);
    }
  }
  const evs = (await Promise.all(files.map(events))).flat();
  const rows = await search('sourcetype="google:gcp:pubsub:message" | stats count by protoPayload.methodName', evs);
  assert.deepEqual(new Map(rows.map((r) => [r['protoPayload.methodName']!, Number(r.count)])), expected);
  assert.ok(expected.size >= 8);
});

test('the add-on envelope answers the exported names and the exported entry the envelope names', async () => {
  const env = await events('addon-envelope.jsonl');
  assert.equal(firstOf(env[0]!.get('protoPayload.methodName')), 'v1.compute.instances.setMetadata');
  assert.deepEqual(valuesOf(env[0]!.get('protoPayload.metadata.instanceMetadataDelta.addedMetadataKeys{}')), ['ssh-keys']);
  const raw = await events('documented-shapes.jsonl');
  assert.equal(firstOf(raw[0]!.get('data.protoPayload.methodName')), 'v1.compute.instances.setMetadata');
  // A field the record has itself is never replaced by a bridge.
  const both = makeEvent({ logName: 'projects/p/logs/x', resource: { type: 'global' }, protoPayload: { methodName: 'own' }, data: { protoPayload: { methodName: 'other' } } });
  assert.equal(firstOf(both.get('protoPayload.methodName')), 'own');
});

test('CIM names: user, src_ip, action from status.code (google.rpc.Status: 0 is OK), vendor_account', async () => {
  const evs = await events('documented-shapes.jsonl');
  const recs = lines('documented-shapes.jsonl');
  evs.forEach((e, i) => {
    const r = recs[i]!;
    assert.equal(firstOf(e.get('user')), at(r, 'protoPayload', 'authenticationInfo', 'principalEmail') ?? null);
    assert.equal(firstOf(e.get('src_ip')), at(r, 'protoPayload', 'requestMetadata', 'callerIp') ?? null);
    const code = at(r, 'protoPayload', 'status', 'code');
    if (at(r, 'protoPayload') !== undefined) assert.equal(firstOf(e.get('action')), code === undefined || code === 0 ? 'success' : 'failure');
    assert.equal(firstOf(e.get('vendor_account')), at(r, 'resource', 'labels', 'project_id'));
  });
  // The denied setMetadata (status.code 7, PERMISSION_DENIED) is a failure; the system event has no principal.
  assert.equal(firstOf(evs[1]!.get('action')), 'failure');
  assert.equal(firstOf(evs[8]!.get('user')), null);
  // A service-account record names its user-managed key.
  assert.match(String(firstOf(evs[7]!.get('protoPayload.authenticationInfo.serviceAccountKeyName'))), /^\/\/iam\.googleapis\.com\/projects\/.+\/keys\//);
});

test('Workspace Reports activities: admin and login by id.applicationName, _time is id.time', async () => {
  const recs = lines('gws-reports.jsonl');
  const evs = await events('gws-reports.jsonl');
  assert.equal(evs.length, recs.length);
  evs.forEach((e, i) => {
    assert.equal(e.sourcetype, `gws:reports:${at(recs[i], 'id', 'applicationName') as string}`);
    assert.equal(e.index, 'gws');
    assertTime(e, at(recs[i], 'id', 'time') as string);
  });
});

test('Workspace: events{} and the add-on\'s one event answer each other; user, src_ip, action', async () => {
  const evs = await events('gws-reports.jsonl');
  const [success, failure, admin, addon] = evs;
  assert.equal(firstOf(success!.get('event.name')), 'login_success');
  assert.equal(firstOf(addon!.get('events{}.name')), 'login_success');
  assert.deepEqual(valuesOf(addon!.get('events{}.parameters{}.name')), ['login_type', 'login_challenge_method', 'is_suspicious']);
  assert.equal(firstOf(success!.get('action')), 'success');
  assert.equal(firstOf(failure!.get('action')), 'failure');
  assert.equal(firstOf(success!.get('user')), 'mallory@example.com');
  assert.equal(firstOf(success!.get('src_ip')), '198.51.100.23');
  assert.equal(firstOf(admin!.get('signature')), 'CHANGE_PASSWORD');
});

test('near misses are not Google records; the add-on\'s audit sourcetype names are accepted', () => {
  assert.equal(detectSourcetype({ logName: 'x', protoPayload: {} }), '_json', 'no resource.type: not a LogEntry');
  assert.equal(detectSourcetype({ data: { logName: 'x' } }), '_json');
  assert.equal(detectSourcetype({ id: { applicationName: 'drive', time: '2026-01-01T00:00:00Z' }, events: [] }), '_json', 'other Reports applications are not read as admin or login');
  assert.equal(detectSourcetype({ id: { applicationName: 'login' }, events: [] }), '_json', 'no id.time');
  for (const n of ['google:gcp:pubsub:audit:admin_activity', 'google:gcp:pubsub:audit:data_access', 'google:gcp:pubsub:audit:system_event', 'google:gcp:pubsub:audit:policy_denied']) {
    assert.equal(sourcetypeByName(n).name, 'google:gcp:pubsub:message');
  }
});

// `simulate` output: the services' delivery layouts, readable by the ingest reader, and byte-identical
// when regenerated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { deliver } from '../../src/scenarios/deliver.ts';
import { readEvents } from '../../src/ingest/read.ts';
import { libraryRecords } from './helpers.ts';

const files = () => deliver(libraryRecords());

test('CloudTrail files: AWSLogs/<acct>/CloudTrail/<region>/Y/M/D/<acct>_CloudTrail_<region>_<ts>_<id>.json.gz with {"Records":[...]}', () => {
  const ct = files().filter((f) => f.path.startsWith('AWSLogs/'));
  assert.ok(ct.length > 0);
  for (const f of ct) {
    const m = /^AWSLogs\/(\d{12})\/CloudTrail\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{12})_CloudTrail_([a-z0-9-]+)_(\d{4})(\d{2})(\d{2})T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/.exec(f.path);
    assert.ok(m, f.path);
    assert.equal(m[1], m[6]);
    assert.equal(m[2], m[7]);
    assert.deepEqual([m[3], m[4], m[5]], [m[8], m[9], m[10]]);
    const body = JSON.parse(gunzipSync(f.bytes).toString('utf8'));
    assert.deepEqual(Object.keys(body), ['Records']);
    assert.equal(body.Records.length, f.records);
    for (const r of body.Records) {
      assert.equal(r.recipientAccountId, m[1]);
      assert.equal(r.awsRegion, m[2]);
    }
  }
});

test('Event Hub batches hold {"records":[...]}; REST and O365 files are JSON arrays', () => {
  for (const f of files()) {
    if (f.path.startsWith('AWSLogs/')) continue;
    // Cloud Logging sink files and Reports activities: one JSON object per line.
    if (f.path.startsWith('gcp-logging/') || f.path.startsWith('gws-reports/')) {
      const lines = f.bytes.toString('utf8').trimEnd().split('\n');
      assert.equal(lines.length, f.records, f.path);
      for (const l of lines) assert.equal(typeof JSON.parse(l), 'object', f.path);
      if (f.path.startsWith('gcp-logging/')) assert.match(f.path, /^gcp-logging\/cloudaudit\.googleapis\.com\/(activity|data_access|system_event|policy)\/\d{4}\/\d{2}\/\d{2}\/\d{2}-00-00_\d{2}-59-59_S0\.json$/);
      continue;
    }
    const body = JSON.parse(f.bytes.toString('utf8'));
    if (f.path.startsWith('eventhub/')) {
      assert.deepEqual(Object.keys(body), ['records'], f.path);
      assert.equal(body.records.length, f.records);
    } else {
      assert.ok(Array.isArray(body), f.path);
      assert.equal(body.length, f.records);
    }
  }
});

test('delivery keeps every record exactly once and is byte-for-byte deterministic', () => {
  const a = files();
  const b = deliver(libraryRecords());
  assert.equal(a.reduce((n, f) => n + f.records, 0), libraryRecords().length);
  assert.deepEqual(a.map((f) => f.path), b.map((f) => f.path));
  a.forEach((f, i) => assert.ok(f.bytes.equals(b[i]!.bytes), f.path));
  assert.notDeepEqual(deliver(libraryRecords(), 'other-seed').map((f) => f.path), a.map((f) => f.path));
});

async function readBack(filter: (path: string) => boolean): Promise<Map<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-deliver-'));
  try {
    for (const f of files().filter((f) => filter(f.path))) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.bytes);
    }
    const counts = new Map<string, number>();
    for await (const e of readEvents([dir])) counts.set(e.sourcetype, (counts.get(e.sourcetype) ?? 0) + 1);
    return counts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const expected = (sourcetype: string, stream?: string) => libraryRecords().filter((r) => r.sourcetype === sourcetype && (!stream || r.stream === stream)).length;

test('ingest reads CloudTrail .json.gz, Activity Log REST arrays and O365 blobs back as the right sourcetypes', async () => {
  const counts = await readBack((p) => !p.startsWith('eventhub/'));
  assert.equal(counts.get('aws:cloudtrail'), expected('aws:cloudtrail'));
  assert.equal(counts.get('o365:management:activity'), expected('o365:management:activity'));
  assert.equal(counts.get('azure:activity'), expected('azure:activity', 'rest-activity'));
  assert.equal(counts.get('_json'), undefined);
});

test('ingest reads Event Hub {"records":[...]} batches back as sign-ins and activity records', async () => {
  const counts = await readBack((p) => p.startsWith('eventhub/'));
  assert.equal(counts.get('azure:monitor:aad:signin'), expected('azure:monitor:aad:signin'));
  assert.equal(counts.get('azure:activity'), expected('azure:activity', 'eventhub-activity'));
});

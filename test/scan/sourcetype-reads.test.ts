// Each sourcetype definition declares what its matches() and timeOf() read (SourcetypeDef.reads) and the key
// every record it matches has (requiredKey); the scan
// path detects sourcetypes and times on projections built from those declarations. On every bundled record
// (demo data and test fixtures: real, Stratus, ESCU samples) and on crafted near-misses, detection and time
// on the projection must equal detection and time on the whole record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readEvents } from '../../src/ingest/read.ts';
import { detectSourcetypeDef, KNOWN_SOURCETYPES } from '../../src/ingest/sourcetypes/index.ts';
import { scanProjection } from '../../src/scan/scan-projection.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const projection = scanProjection([]);

function hasKey(node: unknown, key: string): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (!Array.isArray(node) && Object.hasOwn(node, key)) return true;
  return Object.values(node).some((v) => hasKey(v, key));
}

function check(record: Record<string, unknown>, label: string): void {
  const line = Buffer.from(JSON.stringify(record), 'utf8');
  const partial = projection.projector.project(line, 0, line.length);
  assert.ok(partial !== null, label);
  const full = detectSourcetypeDef(record);
  const seen = detectSourcetypeDef(partial);
  assert.equal(seen.name, full.name, label);
  assert.equal(seen.timeOf(partial), full.timeOf(record), label);
  for (const def of KNOWN_SOURCETYPES) {
    assert.equal(def.matches(partial), def.matches(record), `${def.name} on ${label}`);
    // The prefilter requires the quoted key of a routed sourcetype in the line: every record it matches must
    // have that key, at the top or nested (Google's envelope and Reports ids nest theirs).
    if (def.matches(record) && def.requiredKey) assert.ok(hasKey(record, def.requiredKey), `${def.name} record without ${def.requiredKey}: ${label}`);
  }
}

test('bundled records: sourcetype and time on the projection equal the whole record', async () => {
  let n = 0;
  const counts = new Map<string, number>();
  for await (const e of readEvents([join(ROOT, 'demo'), join(ROOT, 'test', 'fixtures', 'real'), join(ROOT, 'test', 'fixtures', 'stratus'), join(ROOT, 'test', 'fixtures', 'gcp')])) {
    const record = JSON.parse(e._raw) as Record<string, unknown>;
    check(record, `${e.source}: ${e._raw.slice(0, 80)}`);
    counts.set(e.sourcetype, (counts.get(e.sourcetype) ?? 0) + 1);
    n++;
  }
  assert.ok(n > 1000, `records checked: ${n}`);
  for (const def of KNOWN_SOURCETYPES) assert.ok((counts.get(def.name) ?? 0) > 0, `some ${def.name} records among them`);
});

test('near-miss shapes decide the same on the projection', () => {
  const cases: Record<string, unknown>[] = [
    { eventSource: 'x', eventName: 'y' },
    { eventSource: 'x', eventName: 'y', eventTime: 5 },
    { eventSource: 'x', eventName: 'y', '@timestamp': '2026-01-01T00:00:00Z', eventVersion: '1' },
    { properties: 'not an object', category: 'SignInLogs', time: '2026-01-01T00:00:00Z' },
    { properties: [], operationName: 'Sign-in activity' },
    { properties: { createdDateTime: 1767225600 }, operationName: 'Sign-in activity', time: '2026-01-02T00:00:00Z' },
    { operationName: { value: 'Microsoft.Compute/virtualMachines/start/action' }, caller: null },
    { operationName: 'Microsoft.Compute/x', resourceId: '/subscriptions/1/r', identity: { claims: {} } },
    { operationName: 'Microsoft.Compute/x', resourceId: '/SUBSCRIPTIONS/1/r', identity: null },
    { operationName: 'Microsoft.Compute/x', resourceId: '/tenants/1/providers/Microsoft.aadiam', category: 'Administrative' },
    { operationName: 'x', resourceId: '/subscriptions/1', category: 'AuditLogs', resultType: 'Success' },
    { CreationTime: '2026-01-01T00:00:00', Operation: 'FileAccessed', RecordType: 6 },
    { CreationTime: '2026-01-01T00:00:00', Operation: 'FileAccessed' },
    { TimeGenerated: '2026-01-01T00:00:00Z', eventTimestamp: '2026-01-02T00:00:00Z' },
    { logName: 'projects/p/logs/x', resource: { type: 7 }, timestamp: '2026-01-01T00:00:00Z' },
    { logName: 'projects/p/logs/x', resource: 'gce_instance', timestamp: '2026-01-01T00:00:00Z' },
    { data: { logName: 'projects/p/logs/x', resource: { type: 'global' } }, publish_time: 1767225600 },
    { data: 'not an entry', logName: 'projects/p/logs/x' },
    { logName: 'projects/p/logs/x', resource: { type: 'global' }, receiveTimestamp: '2026-01-01T00:00:01Z' },
    { id: { applicationName: 'LOGIN', time: '2026-01-01T00:00:00Z' }, event: { name: 'login_success' } },
    { id: { applicationName: 'admin', time: 5 }, events: [] },
    { id: 'admin', events: [] },
  ];
  cases.forEach((c, i) => check(c, `case ${i}: ${JSON.stringify(c)}`));
});

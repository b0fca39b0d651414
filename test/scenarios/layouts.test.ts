// Generated events must have the field layout the services document (src/scenarios/layouts.ts), one test
// per sourcetype; the same layouts accept the real samples (test/scenarios/fixtures/real), which shows the
// layouts describe the services and not just our generator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateRecord, layoutFor, LAYOUTS } from '../../src/scenarios/layouts.ts';
import { toEvents } from '../../src/scenarios/to-events.ts';
import { detectSourcetype } from '../../src/ingest/make-event.ts';
import { libraryRecords } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'real');
const real = (name: string) => (JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>[]).filter(comparable);

/**
 * Real samples that describe today's services: CloudTrail examples older than eventVersion 1.05 predate
 * eventID/eventType; Panther lower-cases the keys of some hand-written samples (not how Azure writes them);
 * service principal sign-ins have no user principal name by design.
 */
function comparable(r: Record<string, unknown>): boolean {
  if (typeof r.eventVersion === 'string') return Number(r.eventVersion) >= 1.05;
  if ('operationname' in r || 'creationtime' in r) return false;
  if (r.category === 'ServicePrincipalSignInLogs') return false;
  return true;
}

const SOURCETYPES = [
  { sourcetype: 'aws:cloudtrail', realFiles: ['stratus-cloudtrail.json', 'awsdocs-cloudtrail.json'], minReal: 3 },
  { sourcetype: 'azure:monitor:aad:signin', realFiles: ['panther-entra-signin.json'], minReal: 3 },
  { sourcetype: 'o365:management:activity', realFiles: ['panther-o365.json'], minReal: 3 },
  { sourcetype: 'azure:activity', realFiles: ['panther-azure-activity.json'], minReal: 3 },
  // Google's documentation prints two complete audit entries (Bigtable Data Access, IAM SetIamPolicy).
  { sourcetype: 'google:gcp:pubsub:message', realFiles: ['googledocs-gcp-audit.json'], minReal: 2 },
  // No public Workspace Reports sample is among our sources: generated records only.
  { sourcetype: 'gws:reports:login', realFiles: [], minReal: 0 },
] as const;

for (const { sourcetype, realFiles, minReal } of SOURCETYPES) {
  test(`${sourcetype}: every generated record has the documented layout (strict)`, () => {
    const recs = libraryRecords().filter((r) => r.sourcetype === sourcetype);
    assert.ok(recs.length > 0, `the scenario library generates ${sourcetype} records`);
    for (const r of recs) {
      assert.deepEqual(validateRecord(sourcetype, r.record, { strict: true }), [], `${r.scenario}: ${JSON.stringify(r.record).slice(0, 200)}`);
      // The ingest layer recognises the record as this sourcetype without being told.
      assert.equal(detectSourcetype(r.record), sourcetype, `${r.scenario} record is detected as ${sourcetype}`);
    }
  });

  test(`${sourcetype}: the real samples fit the same layout (required fields and types)`, () => {
    let checked = 0;
    for (const file of realFiles) {
      for (const rec of real(file)) {
        assert.deepEqual(validateRecord(sourcetype, rec, { strict: false }), [], `${file}: ${JSON.stringify(rec).slice(0, 200)}`);
        checked++;
      }
    }
    assert.ok(checked >= minReal, `checked ${checked} real records`);
  });
}

// log-sources.md section 1: the Splunk field names the seed rules read must resolve on generated events.
test('every field the seed rules read resolves on some generated event of its layout', () => {
  const recs = libraryRecords();
  const events = toEvents(recs);
  for (const layout of LAYOUTS) {
    for (const field of layout.ruleFields) {
      const hit = events.some((e, i) => layoutFor(recs[i]!.sourcetype, recs[i]!.record) === layout && e.get(field) !== null);
      assert.ok(hit, `${layout.name}: no generated event has ${field}`);
    }
  }
});

// Table-driven negative cases: the validator must catch each kind of drift, including null and
// multivalue-shaped (array) values where a scalar belongs.
const good = () => libraryRecords().find((r) => r.sourcetype === 'aws:cloudtrail')!.record;
const BROKEN: { name: string; mutate: (r: Record<string, any>) => void; problem: RegExp }[] = [
  { name: 'missing eventName', mutate: (r) => delete r.eventName, problem: /^eventName: missing/ },
  { name: 'null eventTime', mutate: (r) => (r.eventTime = null), problem: /^eventTime: is null/ },
  { name: 'array where a string belongs', mutate: (r) => (r.sourceIPAddress = ['1.2.3.4', '5.6.7.8']), problem: /^sourceIPAddress: is array/ },
  { name: 'eventTime with milliseconds', mutate: (r) => (r.eventTime = '2026-03-02T14:05:00.000Z'), problem: /^eventTime: .* does not match/ },
  { name: 'unknown identity type', mutate: (r) => (r.userIdentity.type = 'Robot'), problem: /^userIdentity\.type: "Robot" is not one of/ },
  { name: 'source address that is not an IP', mutate: (r) => (r.sourceIPAddress = '300.1.1.1'), problem: /^sourceIPAddress: .* is not an IP address/ },
];
for (const c of BROKEN) {
  test(`layout validation catches: ${c.name}`, () => {
    const rec = structuredClone(good());
    c.mutate(rec);
    const problems = validateRecord('aws:cloudtrail', rec, { strict: true });
    assert.ok(problems.some((p) => c.problem.test(p)), `got ${JSON.stringify(problems)}`);
  });
}

test('O365 CreationTime carries no zone suffix, Azure times carry 7 fractional digits', () => {
  const recs = libraryRecords();
  const o365 = recs.find((r) => r.sourcetype === 'o365:management:activity')!.record;
  assert.match(String(o365.CreationTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  const signin = recs.find((r) => r.sourcetype === 'azure:monitor:aad:signin')!.record;
  assert.match(String(signin.time), /\.\d{7}Z$/);
});

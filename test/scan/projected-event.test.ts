// Events rebuilt from worker messages answer every field exactly like the JsonEvent they came from:
// projected fields from the values the worker resolved, others (and fieldNames) by parsing the raw text.
// planFieldNames collects the names a plan reads (eval/where references, stats args and by, table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeEvent } from '../../src/ingest/make-event.ts';
import { JsonEvent } from '../../src/ingest/json-event.ts';
import { planQuery } from '../../src/plan/index.ts';
import { ProjectedEvent, planFieldNames } from '../../src/scan/projected-event.ts';

const record = {
  eventVersion: '1.08',
  eventTime: '2026-01-05T10:00:00Z',
  eventSource: 'ssm.amazonaws.com',
  eventName: 'StartSession',
  userIdentity: { arn: 'arn:aws:iam::1:user/a', type: 'IAMUser' },
  resources: [{ ARN: 'r1' }, { ARN: 'r2' }],
  errorCode: null,
};

test('a projected event answers like the JsonEvent, projected or not, null and multivalue included', () => {
  const original = makeEvent(record) as JsonEvent;
  const fields = ['userIdentity.arn', 'resources{}.ARN', 'errorCode', 'missing', 'user'];
  const positions = new Map(fields.map((f, i) => [f, i]));
  const projected = new ProjectedEvent(original._raw, { sourcetype: original.sourcetype, index: original.index, source: original.source, host: original.host, time: original._time }, positions, fields.map((f) => original.get(f)));
  for (const f of [...fields, 'eventName', 'userIdentity.type', '_time', 'sourcetype', '_raw']) assert.deepEqual(projected.get(f), original.get(f), f);
  assert.deepEqual(projected.fieldNames(), original.fieldNames());
  assert.ok(projected instanceof JsonEvent);
});

test('planFieldNames lists the fields a plan reads', () => {
  const names = planFieldNames([
    planQuery('sourcetype="aws:cloudtrail" eventName=X | eval P=\'userIdentity.arn\' | where isnotnull(errorCode) | stats dc(sourceIPAddress) as n by P, awsRegion | table n, P'),
  ]);
  for (const f of ['eventName', 'userIdentity.arn', 'errorCode', 'sourceIPAddress', 'P', 'awsRegion']) assert.ok(names.includes(f), `${f} in ${names.join(',')}`);
  assert.ok(!names.includes('sourcetype'), 'default fields are answered by the event itself');
});

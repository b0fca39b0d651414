// The SQL reader parses each record once into a map of its top-level keys (src/backends/sql/reader.ts) and
// computes each field once per record. These records are the cases where a faster reader could go wrong;
// every query must return the native engine's rows over them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planQuery } from '../../src/plan/index.ts';
import { translateSqlScript } from '../../src/backends/sql/index.ts';
import { runSqlScript } from '../../src/backends/sql/run-duckdb.ts';
import { duckdbRows, nativeRows } from './differential-helpers.ts';

const ct = (eventName: string, extra: Record<string, unknown> = {}) => ({
  eventVersion: '1.09', eventTime: '2026-11-20T10:00:00Z', eventSource: 'ssm.amazonaws.com', eventName, ...extra,
});

/**
 * One NDJSON file mixing sourcetypes, wrappers of both spellings and the awkward values. Not here: a key that
 * appears twice in one object, where DuckDB reads the first and JSON.parse the last (the SQL did so before
 * the single-read reader too).
 */
const LINES = [
  JSON.stringify(ct('StartSession', { userAgent: 'null-agent', errorCode: null })), // errorCode present but null
  JSON.stringify(ct('StartSession', { userAgent: '{"looks":"like an object"}' })), // a string, not an object
  JSON.stringify(ct('StartSession', { userAgent: { not: 'a value' } })), // an object is no value
  JSON.stringify(ct('SendCommand', { userAgent: ['a', 'b'] })), // an array is no scalar value
  JSON.stringify(ct('SendCommand', { UserAgent: 'other case', userAgent: 'lower case' })), // keys differing in case
  JSON.stringify(ct('SendCommand', { requestParameters: { instanceIds: ['i-1', null, 'i-2'], InstanceIds: ['I-X'] } })),
  JSON.stringify(ct('ResumeSession', { sourceIPAddress: 1234, awsRegion: 1.5 })), // numbers
  '{"eventVersion":"1.09","eventTime":"2026-11-20T10:00:00Z","eventSource":"ssm.amazonaws.com","eventName":"StartSession","userAgent":"caf\\u00e9 \\"quoted\\""}',
  JSON.stringify({ Records: [ct('StartSession', { userAgent: 'in Records' }), 'not an object'] }),
  JSON.stringify({ records: [{ time: '2026-11-20T10:02:00Z', operationName: 'Microsoft.Compute/virtualMachines/runCommand/action', caller: 'a@example.com', category: 'Administrative', resourceId: '/subscriptions/x' }] }),
  JSON.stringify({ time: '2026-11-20T10:03:00Z', operationName: { value: 'Microsoft.Compute/virtualMachines/runCommand/action' }, caller: null }),
  JSON.stringify({ CreationTime: '2026-11-20T10:04:00', Operation: 'FileAccessed', Workload: 'SharePoint', UserId: 'u@example.com' }),
  'this line is not JSON',
  '[1, 2]',
  '{}',
];

const QUERIES = [
  'sourcetype="aws:cloudtrail" | table eventName, userAgent, errorCode, sourceIPAddress, awsRegion, requestParameters.instanceIds{}',
  'sourcetype="aws:cloudtrail" | eval present=if(isnull(errorCode), "no", "yes"), n=mvcount(\'requestParameters.instanceIds{}\') | table eventName, present, n',
  'sourcetype="aws:cloudtrail" eventName IN ("StartSession", "sendcommand") | stats count by eventName, userAgent',
  'sourcetype="aws:cloudtrail" NOT userAgent=* | stats count by eventName',
  'sourcetype="azure:activity" | eval c=coalesce(caller, "none") | table _time, operationName.value, c',
  'sourcetype="o365:management:activity" | table _time, Operation, user',
  '| multisearch [search sourcetype="aws:cloudtrail" eventName=StartSession | eval k="aws" | fields k, userAgent] [search sourcetype="azure:activity" | eval k="az" | fields k, caller] | stats count by k',
];

const dir = mkdtempSync(join(tmpdir(), 'sightline-sql-reader-'));
const file = join(dir, 'mixed.ndjson');
writeFileSync(file, `${LINES.join('\n')}\n`);
test.after(() => rmSync(dir, { recursive: true, force: true }));

for (const spl of QUERIES) {
  test(`SQL = native over awkward records: ${spl}`, async () => {
    const plan = planQuery(spl);
    const native = await nativeRows(plan, [file]);
    assert.ok(native.length > 0, 'the query finds rows');
    assert.deepEqual(await duckdbRows(plan, [file]), native);
  });
}

test('a query without table/fields/stats returns its computed columns, not the reader\'s', async () => {
  const { script, problems } = translateSqlScript(planQuery('sourcetype="aws:cloudtrail" eventName=SendCommand | eval k=upper(eventName)'), { id: 't', title: 't' }, { sqlInput: [file] });
  assert.equal(problems.failed, false);
  const rows = await runSqlScript(script);
  assert.ok(rows.length > 0);
  for (const r of rows) assert.deepEqual(Object.keys(r), ['k']);
});

test('_raw is refused: the query keeps parsed fields, not the record text', () => {
  const { problems } = translateSqlScript(planQuery('sourcetype="aws:cloudtrail" | table _raw'), { id: 't', title: 't' });
  assert.ok(problems.list.some((d) => d.code === 'XLATE-UNMAPPED-FIELD' && /_raw/.test(d.message)));
});

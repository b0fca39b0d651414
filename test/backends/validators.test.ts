// Each target's validator must reject what it exists to catch; a validator that accepts anything would make
// the "every rule validates" tests meaningless.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkKql, kqlErrors } from '../../src/backends/kql/validate.ts';
import { checkEsql } from '../../src/backends/esql/validate.ts';
import { checkSigmaDocument, checkSigmaDocuments } from '../../src/backends/sigma/validate.ts';
import { explainSqlScript } from '../../src/backends/sql/run-duckdb.ts';
import { SQL_PRELUDE } from '../../src/backends/sql/index.ts';
import type { SigmaDocument } from '../../src/backends/sigma/model.ts';

test('KQL: OfficeActivity has no ApplicationName column (log-sources.md: KS142)', () => {
  const errors = kqlErrors('OfficeActivity | where ApplicationName == "x"');
  assert.deepEqual(errors.map((e) => e.code), ['KS142']);
});

test('KQL: SPL commands and functions are errors; a valid query reports its columns', () => {
  assert.ok(kqlErrors('SigninLogs | stats count by UserPrincipalName').length > 0);
  assert.ok(kqlErrors('SigninLogs | summarize values(IPAddress) by UserPrincipalName').some((e) => e.code === 'KS211'));
  const ok = checkKql('SigninLogs | where ResultType == "0" | summarize n = count_distinct(IPAddress) by UserPrincipalName');
  assert.deepEqual(ok.issues.filter((i) => i.severity === 'Error'), []);
  assert.deepEqual(ok.columns, ['UserPrincipalName:string', 'n:long']);
});

const ESQL_CASES: [string, string, RegExp | null][] = [
  ['valid query', 'FROM logs-aws.cloudtrail-* | WHERE TO_LOWER(event.action) == "consolelogin" | EVAL u = aws.cloudtrail.user_identity.arn | STATS n = COUNT(*) BY u | KEEP u, n | SORT n DESC | LIMIT 10', null],
  ['flattened field', 'FROM logs-aws.cloudtrail-* | WHERE aws.cloudtrail.flattened.request_parameters == "x"', /flattened/],
  ['unknown function', 'FROM logs-aws.cloudtrail-* | EVAL x = MD5(event.action)', /unknown function 'MD5'/],
  ['wrong arity', 'FROM logs-aws.cloudtrail-* | EVAL x = TO_LOWER(event.action, 1)', /TO_LOWER takes 1\.\.1 arguments, got 2/],
  ['unknown field', 'FROM logs-aws.cloudtrail-* | WHERE eventName == "x"', /unknown field 'eventName'/],
  ['field dropped by STATS', 'FROM logs-aws.cloudtrail-* | STATS n = COUNT(*) BY event.action | WHERE event.provider == "x"', /unknown field 'event.provider'/],
  ['unknown command', 'FROM logs-aws.cloudtrail-* | SEARCH x', /unknown command/],
  ['unknown data stream', 'FROM logs-nothing-* | LIMIT 1', /unknown data stream/],
];
for (const [name, query, expected] of ESQL_CASES) {
  test(`ES|QL validator: ${name}`, () => {
    const issues = checkEsql(query).map((i) => i.message);
    if (expected === null) assert.deepEqual(issues, []);
    else assert.ok(issues.some((m) => expected.test(m)), issues.join('; '));
  });
}

const sigmaRule = (patch: Record<string, unknown>): SigmaDocument => ({
  kind: 'rule',
  doc: { title: 't', id: '0b6f2d8e-1c3a-4f5e-9a7b-2c4d6e8f0a1b', logsource: { product: 'aws', service: 'cloudtrail' }, detection: { sel: { eventName: 'x' }, condition: 'sel' }, ...patch } as never,
});
const SIGMA_CASES: [string, SigmaDocument, RegExp | null][] = [
  ['valid rule', sigmaRule({}), null],
  ['id not a uuid', sigmaRule({ id: 'nope' }), /uuid/],
  ['level outside the enum', sigmaRule({ level: 'severe' }), /level/],
  ['condition names a missing selection', sigmaRule({ detection: { sel: { a: 1 }, condition: 'sel and other' } }), /'other'/],
  ['unknown modifier', sigmaRule({ detection: { sel: { 'a|sometimes': 1 }, condition: 'sel' } }), /modifier/],
  ['o365 is not a Sigma product (m365 is)', sigmaRule({ logsource: { product: 'o365', service: 'audit' } }), /taxonomy/],
  ['correlation without timespan', { kind: 'correlation', doc: { title: 't', correlation: { type: 'event_count', rules: ['r1'], 'group-by': ['u'], condition: { gte: 1 } } } as never }, /timespan/],
];
for (const [name, doc, expected] of SIGMA_CASES) {
  test(`Sigma check: ${name}`, () => {
    const issues = checkSigmaDocument(doc);
    if (expected === null) assert.deepEqual(issues, []);
    else assert.ok(issues.some((m) => expected.test(m)), issues.join('; '));
  });
}

test('SQL: DuckDB binder errors are reported, a valid query binds', async () => {
  const q = (body: string) => ({ statements: [...SQL_PRELUDE, `WITH files AS (SELECT json FROM read_json_objects(['x.json'], format = 'auto')) ${body}`] });
  assert.deepEqual(await explainSqlScript(q(`SELECT sl_val(json) FROM files`)), []);
  const errors = await explainSqlScript(q('SELECT no_such_function(json) FROM files'));
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /no_such_function/);
});

test('Sigma check: one id for two documents is reported (ids are globally unique)', () => {
  const twins = [sigmaRule({ title: 'a' }), sigmaRule({ title: 'b' })];
  assert.ok(checkSigmaDocuments(twins).some((m) => /names two documents: 'a' and 'b'/.test(m)));
  assert.deepEqual(checkSigmaDocuments([sigmaRule({ title: 'a' })]), []);
});


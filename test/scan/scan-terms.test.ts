// Required byte terms derived from search predicates (table-driven): AND keeps every clause, OR keeps
// the cross product of its branches, NOT and numbers require nothing, alias and default fields never
// count (their values are not the record's own text), and `/` is allowed in field values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planQuery } from '../../src/plan/index.ts';
import { planTermClauses, fieldValueInRaw } from '../../src/scan/plan-terms.ts';

const show = (spl: string) => planTermClauses([planQuery(spl)]).map((clauses) => clauses.map((c) => c.map((t) => (t.caseSensitive ? `=${t.text}` : t.text)).join('|')));

const CASES: readonly [string, string[][]][] = [
  ['eventName=OpenTunnel', [['OpenTunnel']]],
  ['eventName=Open*', [['Open']]],
  ['OpenTunnel eventSource=ssm.amazonaws.com', [['OpenTunnel', 'ssm.amazonaws.com']]],
  ['eventName=A OR eventName=BB', [['A|BB']]],
  ['(a b) OR (c d)', [['a|c', 'a|d', 'b|c', 'b|d']]],
  ['NOT eventName=OpenTunnel', [[]]],
  ['eventName!=OpenTunnel', [[]]],
  ['errorCode=0', [[]]],
  ['errorCode=1.5', [[]]],
  // `src` is an alias, but every sourcetype's src copies a record address unchanged, so the text is in _raw.
  ['src=203.0.113.9', [['203.0.113.9']]],
  ['user=alice', [[]]], // computed alias (the AWS user is cut from the ARN): nothing required
  ['sourcetype="aws:cloudtrail"', [['="eventSource"']]],
  ['sourcetype="aws:cloudtrail" OR sourcetype="o365:management:activity"', [['="eventSource"|="CreationTime"']]],
  ['sourcetype=_json', [[]]],
  ['operationName="Microsoft.Compute/virtualMachines/runCommand/action"', [['Microsoft.Compute/virtualMachines/runCommand/action']]],
  ['msg="say \\"hi\\""', [[]]],
  ['CASE(OpenTunnel)', [['=OpenTunnel']]],
  ['| multisearch [search eventName=A] [search eventName=B]', [['A'], ['B']]],
];

for (const [spl, expected] of CASES) {
  test(`required terms: ${spl}`, () => {
    assert.deepEqual(show(spl), expected);
  });
}

test('fieldValueInRaw: record keys and copying aliases yes; default fields, internal fields and computed aliases no', () => {
  const table: [string, boolean][] = [
    ['eventName', true],
    ['userIdentity.arn', true],
    ['sourcetype', false],
    ['_raw', false],
    ['index', false],
    // src copies a record address in every sourcetype (coalesce of keys, the Activity bridges included).
    ['src', true],
    ['operationName.value', true],
    ['httpRequest.clientIpAddress', true],
    // Computed: the AWS user is cut from the ARN, Activity's caller may come from a claim, actions are mapped.
    ['user', false],
    ['caller', false],
    ['action', false],
    ['vendor_product', false],
  ];
  for (const [field, expected] of table) assert.equal(fieldValueInRaw(field), expected, field);
});

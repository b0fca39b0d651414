// requiredSourcetypes and requiredTerms: what routing and byte prefilters may rely on. Table-driven over
// SPL text; the expectations follow from search semantics (AND intersects, OR unions, NOT constrains nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planQuery } from '../../src/plan/index.ts';
import { requiredSourcetypes } from '../../src/plan/required-sourcetypes.ts';
import { printableJsonText, requiredTerms } from '../../src/plan/required-terms.ts';
import type { PlanNode } from '../../src/plan/nodes.ts';

const predicate = (spl: string) => (planQuery(spl).root as Extract<PlanNode, { kind: 'scan' }>).predicate;

const SOURCETYPES: [string, string[] | null][] = [
  ['*', null],
  ['sourcetype=aws:cloudtrail', ['aws:cloudtrail']],
  ['sourcetype="AWS:CloudTrail" x=1', ['aws:cloudtrail']],
  ['sourcetype=aws:cloudtrail OR sourcetype=azure:activity', ['aws:cloudtrail', 'azure:activity']],
  ['sourcetype=aws:cloudtrail OR x=1', null],
  ['sourcetype=aws:* x=1', null],
  ['NOT sourcetype=aws:cloudtrail', null],
  ['sourcetype IN (a, b) sourcetype=b', ['b']],
  ['sourcetype=a sourcetype=b', []],
];

for (const [spl, want] of SOURCETYPES) {
  test(`requiredSourcetypes: ${spl}`, () => assert.deepEqual(requiredSourcetypes(predicate(spl)), want));
}

/** A bare term (it must occur in _raw itself); v() is a field value's text. */
const t = (text: string, caseSensitive = false): { text: string; caseSensitive: boolean; bare?: boolean } => ({ text, caseSensitive, bare: true });
const v = (text: string) => ({ text, caseSensitive: false });
const inRaw = { fieldValueInRaw: (f: string) => f === 'eventName' };

const TERMS: [string, ReturnType<typeof t>[][], typeof inRaw | undefined][] = [
  ['*', [], undefined],
  ['error', [[t('error')]], undefined],
  ['error* "access denied"', [[t('error')], [t('access denied')]], undefined],
  ['*admin*', [[t('admin')]], undefined],
  ['CASE(Admin)', [[t('Admin', true)]], undefined],
  ['error OR warn', [[t('error'), t('warn')]], undefined],
  ['error OR x=1', [], undefined],
  // (a AND b) OR (c AND d) implies (a OR c) AND (a OR d) AND (b OR c) AND (b OR d).
  ['(alpha beta) OR (gamma delta)', [[t('alpha'), t('gamma')], [t('alpha'), t('delta')], [t('beta'), t('gamma')], [t('beta'), t('delta')]], undefined],
  ['NOT error', [], undefined],
  // Field values are not required unless the caller says they appear verbatim in _raw.
  ['eventName=ConsoleLogin', [], undefined],
  ['eventName=ConsoleLogin', [[v('ConsoleLogin')]], inRaw],
  ['eventName=Get* user=bob', [[v('Get')]], inRaw],
  ['error eventName=Get*', [[t('error')], [v('Get')]], inRaw],
  // Numbers may be written differently in the raw text (1 vs 1.0), and "/" may be escaped in JSON.
  ['eventName=10', [], inRaw],
  ['eventName="a/b"', [], inRaw],
  ['eventName!=x', [], inRaw],
  ['eventName=Get*10 OR eventName=12*', [], inRaw],
];

for (const [spl, want, opts] of TERMS) {
  test(`requiredTerms: ${spl}${opts ? ' (eventName in raw)' : ''}`, () => assert.deepEqual(requiredTerms(predicate(spl), opts), want));
}

test('a numeric sourcetype pattern is not turned into a name set (1 matches 1.0 numerically)', () => {
  assert.equal(requiredSourcetypes(predicate('sourcetype=1')), null);
});

test('an OR of many conjunctions keeps at most 16 clauses (dropping clauses of a conjunction stays sound)', () => {
  const branches = Array.from({ length: 5 }, (_, i) => `(a${i} b${i})`).join(' OR ');
  const clauses = requiredTerms(predicate(branches));
  assert.equal(clauses.length, 16);
  for (const c of clauses) assert.equal(c.length, 5);
});

test('the scan profile may rely on "/" (its prefilter keeps lines with a \\/ escape), the default may not', () => {
  const p = predicate('eventName="a/b"');
  assert.deepEqual(requiredTerms(p, inRaw), []);
  assert.deepEqual(requiredTerms(p, { ...inRaw, valueText: printableJsonText }), [[v('a/b')]]);
  assert.deepEqual(requiredTerms(predicate('eventName="say \\"hi\\""'), { ...inRaw, valueText: printableJsonText }), [], 'a quote is escaped in JSON');
});

test('maxOrClauses: 1 keeps one clause per OR, the first term of each branch (exec per-event check)', () => {
  assert.deepEqual(requiredTerms(predicate('(alpha beta) OR (gamma delta)'), { maxOrClauses: 1 }), [[t('alpha'), t('gamma')]]);
});

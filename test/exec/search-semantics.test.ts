// Search-command semantics of the scan predicate, through hand-built plans (the parser is tested elsewhere).
// Each case cites the rule it checks from /work/shared/reference/spl-semantics.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompareOp, PlanExpr } from '../../src/plan/nodes.ts';
import { ev, rows, scan } from './helpers.ts';

const m = (fieldName: string, op: CompareOp, text: string): PlanExpr => ({
  kind: 'searchMatch',
  field: fieldName,
  op,
  pattern: { text, wildcard: text.includes('*'), caseSensitive: false },
});
const term = (text: string, termMode = false, caseSensitive = false): PlanExpr => ({
  kind: 'searchTerm',
  pattern: { text, wildcard: text.includes('*'), caseSensitive },
  termMode,
});

const EVENTS = [
  ev({ id: 1, user: 'Alice', tags: ['admin', 'ops'], status: 200, msg: 'login error for bob' }),
  ev({ id: 2, user: 'bob', tags: ['dev'], status: 500, msg: 'xerrorx detail' }),
  ev({ id: 3, status: '1000', msg: 'ip 10.0.0.1 denied' }),
  ev({ id: 4, user: null, status: 'abc', msg: 'ERROR-CODE:42' }),
];

const cases: { name: string; pred: PlanExpr; ids: number[] }[] = [
  // "By default, searches are case-insensitive" for terms and field values.
  { name: 'field value is case-insensitive', pred: m('user', '=', 'alice'), ids: [1] },
  // `field=value` with `*` wildcard in value.
  { name: 'wildcard value', pred: m('user', '=', 'A*e'), ids: [1] },
  // JSON arrays are the multivalue field `tags{}`. "Multivalue fields in search: field=value matches if any value matches".
  { name: 'multivalue: any value matches', pred: m('tags{}', '=', 'ops'), ids: [1] },
  // "`field!=value` only matches events where the field exists".
  { name: '!= requires the field', pred: m('user', '!=', 'alice'), ids: [2] },
  // "`NOT field=value` also returns events without the field".
  { name: 'NOT = includes missing field', pred: { kind: 'not', operand: m('user', '=', 'alice') }, ids: [2, 3, 4] },
  // "`field=*` = field present and non-null" (JSON null is not a value).
  { name: 'field=* means exists', pred: m('user', '=', '*'), ids: [1, 2] },
  // "Numeric comparisons in search compare numerically when both sides are numeric, else lexicographically".
  // ...and "abc" > "300" compares as strings (letters sort after digits).
  { name: 'numeric >', pred: m('status', '>', '300'), ids: [2, 3, 4] },
  { name: 'lexicographic > for strings', pred: m('status', '>', 'a'), ids: [4] },
  // Bare keywords match `_raw` as tokens: `error` does not match `xerrorx`.
  { name: 'term on token boundary', pred: term('error'), ids: [1, 4] },
  { name: 'term with wildcard', pred: term('xerr*'), ids: [2] },
  { name: 'term with minor breakers', pred: term('10.0.0.1'), ids: [3] },
  { name: 'term inside minor-broken token', pred: term('code'), ids: [4] },
  // TERM(x) needs major breakers around it: `code` is inside ERROR-CODE:42.
  { name: 'TERM needs major breakers', pred: term('code', true), ids: [] },
  // CASE(term) forces case-sensitive matching.
  { name: 'CASE() is case-sensitive', pred: term('ERROR', false, true), ids: [4] },
  { name: 'OR of matches', pred: { kind: 'or', items: [m('user', '=', 'bob'), m('id', '=', '3')] }, ids: [2, 3] },
];

for (const c of cases) {
  test(`search: ${c.name}`, async () => {
    const out = await rows(scan(c.pred), EVENTS, ['id']);
    assert.deepEqual(out.map((r) => r['id']), c.ids);
  });
}

test('scan time bounds: earliest inclusive, latest exclusive', async () => {
  // "finds every event with a timestamp greater than or equal to earliest and less than latest"
  const events = [100, 200, 300].map((t) => ev({ t }, { _time: t }));
  const out = await rows({ kind: 'scan', predicate: null, earliest: { spec: '200' }, latest: { spec: '300' } }, events, ['t']);
  assert.deepEqual(out, [{ t: 200 }]);
});

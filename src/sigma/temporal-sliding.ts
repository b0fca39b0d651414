// Sliding windows for Sigma `temporal` and `temporal_ordered` correlations. The spec (Temporal Proximity):
// "The time frame should not be restricted to boundaries if this is not required by the given backend." sightline
// needs no boundaries: matched events are sorted by time (then by rule position, so one event matching rules 1 and 2
// counts as 1 then 2), and a running max per group keeps each rule's latest event time. A row closes a match when
// every referenced rule (or as many as the condition asks) has an event at most `timespan` seconds before it, so
// all events of the match fall within timespan of each other (inclusive). temporal_ordered alerts only on rows of
// its second rule, with the latest first-rule event at or before them. One alert per closing event; its _time is
// that event's. The sort holds the matched events (not all events) until the end of the input.

import type { CompareOp, PlanExpr, PlanNode } from '../plan/nodes.ts';

const field = (name: string): PlanExpr => ({ kind: 'field', name });
const num = (value: number): PlanExpr => ({ kind: 'literal', value });
const NULL: PlanExpr = { kind: 'call', fn: 'null', args: [] };
const call = (fn: string, ...args: PlanExpr[]): PlanExpr => ({ kind: 'call', fn, args });
const cmp = (op: CompareOp, left: PlanExpr, right: PlanExpr): PlanExpr => ({ kind: 'compare', op, left, right });

/** `a` or `b`, whichever is smaller, ignoring nulls. */
function least(a: PlanExpr, b: PlanExpr): PlanExpr {
  return call('if', call('isnull', a), b, call('if', call('isnull', b), a, call('if', cmp('<', a, b), a, b)));
}

export interface SlidingInput {
  readonly type: 'temporal' | 'temporal_ordered';
  /** The merged branches; each row has `sigma_rule`, `sigma_rule_index` (1-based) and `sigma_t<i>` on rule i's rows. */
  readonly merged: PlanNode;
  readonly ruleNames: readonly string[];
  readonly groupBy: readonly string[];
  readonly seconds: number;
  /** The correlation's own conditions on `rule_count` (none = every rule). */
  readonly conditions: readonly { op: CompareOp; value: number }[];
}

/** Field names the sliding plan reads from each branch row. */
export const RULE_INDEX = 'sigma_rule_index';
export const ruleTime = (i: number): string => `sigma_t${i}`;

export function lowerSliding(input: SlidingInput): PlanNode {
  const { merged, ruleNames, groupBy, seconds } = input;
  const n = ruleNames.length;
  const idx = ruleNames.map((_, i) => i + 1);
  // stats BY semantics for the group: no group without a value; one group per value of a multivalue field.
  let rows: PlanNode = groupBy.length
    ? { kind: 'filter', input: merged, predicate: { kind: 'and', items: groupBy.map((g) => call('isnotnull', field(g))) } }
    : merged;
  for (const g of groupBy) rows = { kind: 'mvexpand', input: rows, field: g, limit: null };
  const sorted: PlanNode = {
    kind: 'sort',
    input: rows,
    keys: [{ field: '_time', descending: false, type: 'num' }, { field: RULE_INDEX, descending: false, type: 'num' }],
    limit: 0,
  };
  const running: PlanNode = {
    kind: 'aggregate',
    input: sorted,
    mode: 'streamstats',
    aggregations: idx.map((i) => ({ fn: 'max', arg: field(ruleTime(i)), as: `sigma_last${i}` })),
    by: [...groupBy],
    options: {},
  };
  // Rule i is in the window when its latest event is at most `seconds` before this row (never after: sorted).
  const inWindow = (i: number): PlanExpr => ({
    kind: 'and',
    items: [call('isnotnull', field(`sigma_last${i}`)), cmp('<=', { kind: 'arith', op: '-', left: field('_time'), right: field(`sigma_last${i}`) }, num(seconds))],
  });
  const flags: PlanNode = {
    kind: 'eval',
    input: running,
    assignments: idx.map((i) => ({ field: `sigma_in${i}`, expr: call('if', inWindow(i), num(1), num(0)) })),
  };
  const counted: PlanNode = {
    kind: 'eval',
    input: flags,
    assignments: [
      { field: 'rule_count', expr: idx.slice(1).reduce<PlanExpr>((acc, i) => ({ kind: 'arith', op: '+', left: acc, right: field(`sigma_in${i}`) }), field('sigma_in1')) },
      {
        field: 'sigma_rules',
        expr: call('mvappend', ...idx.map((i) => call('if', cmp('=', field(`sigma_in${i}`), num(1)), { kind: 'literal', value: ruleNames[i - 1]! }, NULL))),
      },
      {
        field: 'sigma_first',
        expr: idx.map((i) => call('if', cmp('=', field(`sigma_in${i}`), num(1)), field(`sigma_last${i}`), NULL)).reduce((a, b) => least(a, b)),
      },
    ],
  };
  // The closing row's own rule is always in its window; the conditions (default: all rules) count rules.
  const counts = input.conditions.length ? input.conditions.map((c) => cmp(c.op, field('rule_count'), num(c.value))) : [cmp('=', field('rule_count'), num(n))];
  const checks: PlanExpr[] = input.type === 'temporal_ordered' ? [cmp('=', field(RULE_INDEX), num(2)), cmp('=', field('sigma_in1'), num(1)), ...counts] : counts;
  const matched: PlanNode = { kind: 'filter', input: counted, predicate: checks.length === 1 ? checks[0]! : { kind: 'and', items: checks } };
  return {
    kind: 'table',
    input: matched,
    fields: ['_time', ...groupBy, 'rule_count', 'sigma_rules', 'sigma_first', ...idx.map((i) => `sigma_last${i}`)],
  };
}

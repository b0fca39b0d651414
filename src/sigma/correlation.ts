// Sigma correlation rules -> plans (sigma-correlation-rules-specification.md). Each referenced rule becomes a
// branch (scan + its detection), tagged with the rule name; branches are merged (multisearch).
// event_count, value_count, value_sum, value_avg: `_time` is put into fixed windows of `timespan` aligned to the
// epoch (bin span=Ns: an event at t falls in [floor(t/N)*N, floor(t/N)*N + N), kept as `sigma_window`), then
// grouped by window and group-by fields; an alert's `_time` is its first matching event, as the SPL rules report
// it: event_count = count, value_count = dc(field). Fixed windows are our documented choice for these (the spec
// does not say how their time frame is placed).
// temporal, temporal_ordered: sliding windows (temporal-sliding.ts), as the spec asks for them: "The time frame
// should not be restricted to boundaries if this is not required by the given backend."

import { fail } from '../core/diagnostics.ts';
import type { CompareOp, PlanAggregation, PlanExpr, PlanNode } from '../plan/nodes.ts';
import type { SigmaCorrelationRule } from '../backends/sigma/model.ts';
import { parseTimespan } from '../backends/sigma/timespan.ts';
import type { SourceMapping } from './mapping.ts';
import { lowerSliding, RULE_INDEX, ruleTime } from './temporal-sliding.ts';

/** A referenced detection rule, already lowered: its scan predicate and field mapping. */
export interface CorrelatedRule {
  readonly name: string;
  readonly predicate: PlanExpr;
  readonly mapping: SourceMapping;
}

const COND_OP: Record<string, CompareOp> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=', neq: '!=' };

const field = (name: string): PlanExpr => ({ kind: 'field', name });

export function lowerCorrelation(c: SigmaCorrelationRule, rules: readonly CorrelatedRule[]): PlanNode {
  const { type } = c.correlation;
  const groupBy = [...(c.correlation['group-by'] ?? [])];
  const aliases = ((c.correlation as { aliases?: Record<string, Record<string, string>> }).aliases ?? {}) as Record<string, Record<string, string>>;
  const span = parseTimespan(c.correlation.timespan);
  const cond = { ...(c.correlation.condition ?? {}) } as Record<string, unknown>;
  const valueField = typeof cond.field === 'string' ? cond.field : null;
  delete cond.field;
  if (type === 'value_percentile') fail('SIGMA-UNSUPPORTED-CORRELATION', 'value_percentile correlations are not supported');
  if (type === 'temporal_ordered' && rules.length !== 2) {
    fail('SIGMA-UNSUPPORTED-CORRELATION', `temporal_ordered over ${rules.length} rules: sightline checks the order of exactly two`, { hint: 'chain two-rule correlations' });
  }
  const needsField = type === 'value_count' || type === 'value_sum' || type === 'value_avg';
  if (needsField && !valueField) fail('SIGMA-BAD-CORRELATION', `${type} needs condition.field`);
  if ((type === 'event_count' || needsField) && Object.keys(cond).length === 0) fail('SIGMA-BAD-CORRELATION', `${type} needs a condition (gt, gte, lt, lte, eq)`);
  for (const k of Object.keys(cond)) {
    if (!(k in COND_OP) || typeof cond[k] !== 'number') fail('SIGMA-BAD-CORRELATION', `condition '${k}: ${String(cond[k])}' is not a comparison with a number`);
  }

  const branches: PlanNode[] = rules.map((r, i) => {
    const assignments: { field: string; expr: PlanExpr }[] = [{ field: 'sigma_rule', expr: { kind: 'literal', value: r.name } }];
    const resolve = (name: string): string => aliases[name]?.[r.name] !== undefined ? r.mapping.field(aliases[name]![r.name]!) : r.mapping.field(name);
    for (const g of groupBy) {
      const src = resolve(g);
      if (src !== g) assignments.push({ field: g, expr: field(src) });
    }
    if (valueField) assignments.push({ field: 'sigma_value', expr: field(resolve(valueField)) });
    if (type === 'temporal' || type === 'temporal_ordered') {
      assignments.push({ field: RULE_INDEX, expr: { kind: 'literal', value: i + 1 } }, { field: ruleTime(i + 1), expr: field('_time') });
    }
    return { kind: 'eval', input: { kind: 'scan', predicate: r.predicate, earliest: null, latest: null }, assignments };
  });
  const merged: PlanNode = branches.length === 1 ? branches[0]! : { kind: 'union', mode: 'multisearch', inputs: branches, maxout: null };
  if (type === 'temporal' || type === 'temporal_ordered') {
    const conditions = Object.entries(cond).map(([k, v]) => ({ op: COND_OP[k]!, value: v as number }));
    return lowerSliding({ type, merged, ruleNames: rules.map((r) => r.name), groupBy, seconds: span, conditions });
  }
  const binned: PlanNode = { kind: 'bin', input: merged, field: '_time', as: 'sigma_window', options: { span: `${span}s` } };

  const AGG: Record<string, PlanAggregation> = {
    event_count: { fn: 'count', arg: null, as: 'event_count' },
    value_count: { fn: 'dc', arg: field('sigma_value'), as: 'value_count' },
    value_sum: { fn: 'sum', arg: field('sigma_value'), as: 'value_sum' },
    value_avg: { fn: 'avg', arg: field('sigma_value'), as: 'value_avg' },
  };
  const main = AGG[type];
  if (!main) fail('SIGMA-UNSUPPORTED-CORRELATION', `correlation type '${type}' is not supported`);
  const aggregations: PlanAggregation[] = [main, { fn: 'values', arg: field('sigma_rule'), as: 'sigma_rules' }, { fn: 'min', arg: field('_time'), as: '_time' }];
  const grouped: PlanNode = { kind: 'aggregate', input: binned, mode: 'stats', aggregations, by: ['sigma_window', ...groupBy], options: {} };

  const checks: PlanExpr[] = Object.entries(cond).map(([k, v]) => ({ kind: 'compare', op: COND_OP[k]!, left: field(main.as), right: { kind: 'literal', value: v as number } }));
  return { kind: 'filter', input: grouped, predicate: checks.length === 1 ? checks[0]! : { kind: 'and', items: checks } };
}

// Sigma correlation rules -> `aggregate` plans (sigma-correlation-rules-specification.md). Each referenced
// rule becomes a branch (scan + its detection), tagged with the rule name; branches are merged
// (multisearch), `_time` is put into fixed windows of `timespan` aligned to the epoch (bin span=Ns: an event
// at t falls in [floor(t/N)*N, floor(t/N)*N + N), kept as `sigma_window`), then grouped by window and group-by
// fields; an alert's `_time` is its first matching event, as the SPL rules report it, not the window start:
// event_count = count, value_count = dc(field), temporal = dc(rule) (default: all rules), temporal_ordered
// additionally needs the first event of rule 1 at or before the last event of rule 2 in the window.
// Fixed windows are our documented choice (the spec allows boundaries "if required by the backend").

import { fail } from '../core/diagnostics.ts';
import type { CompareOp, PlanAggregation, PlanExpr, PlanNode } from '../plan/nodes.ts';
import type { SigmaCorrelationRule } from '../backends/sigma/model.ts';
import type { SourceMapping } from './mapping.ts';

/** A referenced detection rule, already lowered: its scan predicate and field mapping. */
export interface CorrelatedRule {
  readonly name: string;
  readonly predicate: PlanExpr;
  readonly mapping: SourceMapping;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
const COND_OP: Record<string, CompareOp> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=', neq: '!=' };

/** `timespan: 90m` -> seconds; the spec allows s, m, h, d ("number + letter (in lowercase)"). */
export function parseTimespan(text: string): number {
  const m = /^(\d+)([smhd])$/.exec(String(text).trim());
  if (!m || Number(m[1]) <= 0) fail('SIGMA-BAD-TIMESPAN', `timespan '${text}' is not <number><s|m|h|d>`, { hint: 'e.g. 5m, 1h, 90m, 1d' });
  return Number(m[1]) * UNITS[m[2]!]!;
}

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
    if (type === 'temporal_ordered') assignments.push({ field: `sigma_t${i + 1}`, expr: field('_time') });
    return { kind: 'eval', input: { kind: 'scan', predicate: r.predicate, earliest: null, latest: null }, assignments };
  });
  const merged: PlanNode = branches.length === 1 ? branches[0]! : { kind: 'union', mode: 'multisearch', inputs: branches, maxout: null };
  const binned: PlanNode = { kind: 'bin', input: merged, field: '_time', as: 'sigma_window', options: { span: `${span}s` } };

  const AGG: Record<string, PlanAggregation> = {
    event_count: { fn: 'count', arg: null, as: 'event_count' },
    value_count: { fn: 'dc', arg: field('sigma_value'), as: 'value_count' },
    value_sum: { fn: 'sum', arg: field('sigma_value'), as: 'value_sum' },
    value_avg: { fn: 'avg', arg: field('sigma_value'), as: 'value_avg' },
    temporal: { fn: 'dc', arg: field('sigma_rule'), as: 'rule_count' },
    temporal_ordered: { fn: 'dc', arg: field('sigma_rule'), as: 'rule_count' },
  };
  const main = AGG[type];
  if (!main) fail('SIGMA-UNSUPPORTED-CORRELATION', `correlation type '${type}' is not supported`);
  const aggregations: PlanAggregation[] = [main, { fn: 'values', arg: field('sigma_rule'), as: 'sigma_rules' }, { fn: 'min', arg: field('_time'), as: '_time' }];
  if (type === 'temporal_ordered') {
    aggregations.push({ fn: 'min', arg: field('sigma_t1'), as: 'sigma_first1' }, { fn: 'max', arg: field('sigma_t2'), as: 'sigma_last2' });
  }
  const grouped: PlanNode = { kind: 'aggregate', input: binned, mode: 'stats', aggregations, by: ['sigma_window', ...groupBy], options: {} };

  const checks: PlanExpr[] = Object.entries(cond).map(([k, v]) => ({ kind: 'compare', op: COND_OP[k]!, left: field(main.as), right: { kind: 'literal', value: v as number } }));
  if ((type === 'temporal' || type === 'temporal_ordered') && checks.length === 0) {
    // Default: every referenced rule matched in the window (spec: "All events defined by the rules ... must occur").
    checks.push({ kind: 'compare', op: '=', left: field('rule_count'), right: { kind: 'literal', value: rules.length } });
  }
  if (type === 'temporal_ordered') checks.push({ kind: 'compare', op: '<=', left: field('sigma_first1'), right: field('sigma_last2') });
  return { kind: 'filter', input: grouped, predicate: checks.length === 1 ? checks[0]! : { kind: 'and', items: checks } };
}

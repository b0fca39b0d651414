// `stats` in KQL: `summarize` with Splunk's aggregate semantics (missing BY values drop the event rather
// than forming a "" group; values() sorted; count(x) counts present values only, KQL having no null string).

import type { PlanAggregation, PlanNode } from '../../plan/nodes.ts';
import { statsSupported } from '../branch-common.ts';
import type { ColType } from '../scope.ts';
import type { KqlBranch } from './branch.ts';
import { kqlIdent } from './quoting.ts';

export function kqlAggregate(b: KqlBranch, n: Extract<PlanNode, { kind: 'aggregate' }>): void {
  if (!statsSupported(b.problems, n, 'KQL')) return;
  const by = n.by.map((f) => ({ name: f, code: b.field(f, n), column: b.scope.resolve(f).kind === 'column' }));
  // Splunk groups an event under each value of a multivalue BY field; a dynamic group key would be one group.
  for (const k of by) if (k.code.type === 'mv') b.problems.unsupported('XLATE-MULTIVALUE-FIELD', `stats BY the multivalue field '${k.name}'`, n);
  // Splunk drops events whose BY fields are missing; KQL would make a "" group.
  if (by.length) b.lines.push(`| where ${by.map((k) => b.present(k.code)).join(' and ')}`);
  const aggs = n.aggregations.map((a) => aggregation(b, a, n));
  const byText = by.map((k) => (k.column ? kqlIdent(k.name) : `${kqlIdent(k.name)} = ${k.code.text}`)).join(', ');
  b.lines.push(`| summarize ${aggs.map((a) => a.text).join(', ')}${by.length ? ` by ${byText}` : ''}`);
  const post = aggs.filter((a) => a.post).map((a) => a.post!);
  if (post.length) b.lines.push(`| extend ${post.join(', ')}`);
  b.scope.project([...by.map((k) => [k.name, k.code.type === 'null' ? 'string' : k.code.type] as [string, ColType]), ...aggs.map((a) => [a.name, a.type] as [string, ColType])]);
}

function aggregation(b: KqlBranch, a: PlanAggregation, n: PlanNode): { name: string; text: string; type: ColType; post?: string } {
  const name = kqlIdent(a.as);
  const arg = a.arg ? b.expr(a.arg) : null;
  if (arg?.type === 'mv') return multivalueAggregation(b, a, arg.text, n);
  switch (a.fn) {
    case 'count':
      return { name: a.as, text: arg ? `${name} = countif(${b.present(arg)})` : `${name} = count()`, type: 'number' };
    case 'dc':
    case 'distinct_count':
      if (!arg) break;
      return { name: a.as, text: `${name} = count_distinct(${arg.text})`, type: 'number' };
    case 'values':
      if (!arg) break;
      // Splunk sorts values() lexicographically; make_set does not. No values is null (the multivalue form).
      return { name: a.as, text: `${name} = make_set_if(${b.str(arg)}, ${b.present(arg)})`, type: 'mv', post: `${name} = iif(array_length(${name}) == 0, dynamic(null), array_sort_asc(${name}))` };
    case 'list':
      if (!arg) break;
      return { name: a.as, text: `${name} = make_list_if(${b.str(arg)}, ${b.present(arg)})`, type: 'mv' };
    case 'min':
    case 'max':
      // The earliest/latest time stays a datetime.
      if (arg?.type === 'time') return { name: a.as, text: `${name} = ${a.fn}(${arg.text})`, type: 'time' };
    // falls through
    case 'sum':
    case 'avg':
      if (!arg) break;
      return { name: a.as, text: `${name} = ${a.fn}(${b.num(arg)})`, type: 'number' };
  }
  b.problems.unsupported('XLATE-UNSUPPORTED-FUNCTION', `aggregate ${a.fn}() has no KQL translation`, n);
  return { name: a.as, text: `${name} = count()`, type: 'number' };
}

/**
 * An aggregate over a multivalue (a dynamic array of strings, null when empty): Splunk feeds every value to
 * it (src/functions/aggregate/count.ts: "each value of a multivalue counted"). make_set flattens an array
 * argument into its elements (Kusto make_set docs, "Set from array column") and ignores nulls.
 */
function multivalueAggregation(b: KqlBranch, a: PlanAggregation, mv: string, n: PlanNode): { name: string; text: string; type: ColType; post?: string } {
  const name = kqlIdent(a.as);
  switch (a.fn) {
    case 'count':
      return { name: a.as, text: `${name} = sum(coalesce(array_length(${mv}), 0))`, type: 'number' };
    case 'dc':
    case 'distinct_count':
      return { name: a.as, text: `${name} = array_length(make_set(${mv}))`, type: 'number' };
    case 'values':
      return { name: a.as, text: `${name} = make_set(${mv})`, type: 'mv', post: `${name} = iif(array_length(${name}) == 0, dynamic(null), array_sort_asc(${name}))` };
  }
  b.problems.unsupported('XLATE-MULTIVALUE-FIELD', `aggregate ${a.fn}() of a multivalue has no exact KQL translation`, n);
  return { name: a.as, text: `${name} = count()`, type: 'number' };
}

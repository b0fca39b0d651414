// `lookup` in a Sigma rule, for the one shape Sigma can say exactly: a single-key lookup whose outputs are
// only tested with isnull()/isnotnull() (the "not in the baseline" idiom). The output is non-null exactly when
// the key equals (case-sensitively, as the native lookup) a CSV key whose row has that output cell, so the
// test becomes a `|cased` list of those keys, snapshotted from the CSV like the KQL datatable.

import type { PlanExpr, PlanNode } from '../../plan/nodes.ts';
import type { Problems } from '../backend.ts';
import { csvRows } from '../lookup-files.ts';
import { resolveLookup } from '../lookup-table.ts';

/** Output field -> the log field the key reads and the keys for which the output is present. */
export type LookupOutputs = Map<string, { readonly keyField: string; readonly found: readonly string[] }>;

/** A value no later step may read: any use other than isnull/isnotnull reaches the builder and fails closed. */
export const LOOKUP_OUTPUT_MARK = 'lookup_output';

export function addLookup(op: Extract<PlanNode, { kind: 'lookup' }>, keyExpr: PlanExpr, dirs: readonly string[], outputs: LookupOutputs, problems: Problems): string[] {
  if (op.keys.length !== 1) {
    problems.unsupported('XLATE-UNSUPPORTED-COMMAND', "'lookup' with several keys has no Sigma form", op);
    return [];
  }
  if (keyExpr.kind !== 'field' || keyExpr.name.includes('{')) {
    problems.unsupported('XLATE-SIGMA-EXPRESSION', `lookup key '${op.keys[0]!.eventField}' is computed or multivalue; Sigma tests log fields`, op);
    return [];
  }
  const table = resolveLookup(op, dirs, problems);
  if (!table) return [];
  const outs = table.outputs;
  const rows = csvRows(table.text);
  const k = table.col(op.keys[0]!.lookupField);
  for (const o of outs) {
    const c = table.col(o.lookupField);
    const found = [...new Set(rows.filter((r) => r[k] !== null && r[c] !== null).map((r) => r[k]!))];
    outputs.set(o.eventField, { keyField: keyExpr.name, found });
  }
  return outs.map((o) => o.eventField);
}

/** Rewrites isnull(out)/isnotnull(out) of lookup outputs into conditions on the key field. */
export function rewriteLookupTests(e: PlanExpr, outputs: LookupOutputs): PlanExpr {
  const r = (x: PlanExpr) => rewriteLookupTests(x, outputs);
  switch (e.kind) {
    case 'and':
    case 'or':
      return { ...e, items: e.items.map(r) };
    case 'not':
      return { ...e, operand: r(e.operand) };
    case 'call': {
      const arg = e.args[0];
      const out = arg && arg.kind === 'field' ? outputs.get(arg.name) : undefined;
      if (!out || (e.fn !== 'isnull' && e.fn !== 'isnotnull') || e.args.length !== 1) return e;
      const key: PlanExpr = { kind: 'field', name: out.keyField };
      const inBaseline: PlanExpr = out.found.length
        ? { kind: 'inList', expr: key, list: out.found.map((v) => ({ kind: 'literal', value: v })) }
        : { kind: 'call', fn: 'false', args: [] };
      if (e.fn === 'isnotnull') return inBaseline;
      // A missing key finds nothing: the output is null then too.
      return { kind: 'or', items: [{ kind: 'call', fn: 'isnull', args: [key] }, { kind: 'not', operand: inBaseline }] };
    }
    default:
      return e;
  }
}

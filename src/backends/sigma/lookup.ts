// `lookup` in a Sigma rule, for the one shape Sigma can say exactly: a single-key lookup whose outputs are
// only tested with isnull()/isnotnull() (the "not in the baseline" idiom). The output is non-null exactly when
// the key equals (case-sensitively, as the native lookup) a CSV key whose row has that output cell, so the
// test becomes a `|cased` list of those keys, snapshotted from the CSV like the KQL datatable. A key computed
// as coalesce() of fields, or lower()/upper() of a field or coalesce, is tested the same way (the builder
// splits coalesce by presence); a folded key needs every CSV key already in that case (see caseProblem).

import type { PlanExpr, PlanNode } from '../../plan/nodes.ts';
import type { Problems } from '../backend.ts';
import { csvRows } from '../lookup-files.ts';
import { resolveLookup } from '../lookup-table.ts';

/** Output field -> the key expression (over log fields), the log fields it reads, and the keys for which the output is present. */
export type LookupOutputs = Map<string, { readonly key: PlanExpr; readonly keyFields: readonly string[]; readonly found: readonly string[] }>;

const FOLDS: Record<string, (s: string) => string> = { lower: (s) => s.toLowerCase(), upper: (s) => s.toUpperCase() };

const plainField = (e: PlanExpr): e is Extract<PlanExpr, { kind: 'field' }> => e.kind === 'field' && !e.name.includes('{');

/** The log fields of a key Sigma can test: a field, coalesce() of fields, lower()/upper() of either; else null. */
function keyFieldsOf(e: PlanExpr): { fields: string[]; fold: string | null } | null {
  const fold = e.kind === 'call' && e.fn in FOLDS && e.args.length === 1 ? e.fn : null;
  const inner = fold && e.kind === 'call' ? e.args[0]! : e;
  if (plainField(inner)) return { fields: [inner.name], fold };
  if (inner.kind === 'call' && inner.fn === 'coalesce' && inner.args.length > 0 && inner.args.every(plainField)) {
    return { fields: inner.args.map((a) => (a as { name: string }).name), fold };
  }
  return null;
}

/**
 * Sigma matches strings case-insensitively; a lookup compares keys case-sensitively (Splunk lookup:
 * case_sensitive_match defaults to true). With the key lower(x) the lookup finds exactly the CSV keys equal
 * to lower(x), which a case-insensitive match of x says exactly only if every such CSV key is lower case (a
 * mixed-case key can never be found by Splunk but would be by Sigma). Refused otherwise (upper() likewise).
 */
function caseProblem(fold: string, keys: readonly string[]): string | null {
  const bad = keys.filter((k) => k !== FOLDS[fold]!(k));
  return bad.length ? `lookup key is ${fold}() but the CSV key${bad.length > 1 ? 's' : ''} ${bad.map((k) => `'${k}'`).join(', ')} ${bad.length > 1 ? 'are' : 'is'} not ${fold} case: Splunk's case-sensitive lookup never finds ${bad.length > 1 ? 'them' : 'it'}, Sigma's case-insensitive match would` : null;
}

/** A value no later step may read: any use other than isnull/isnotnull reaches the builder and fails closed. */
export const LOOKUP_OUTPUT_MARK = 'lookup_output';

export function addLookup(op: Extract<PlanNode, { kind: 'lookup' }>, keyExpr: PlanExpr, dirs: readonly string[], outputs: LookupOutputs, problems: Problems): string[] {
  if (op.keys.length !== 1) {
    problems.unsupported('XLATE-UNSUPPORTED-COMMAND', "'lookup' with several keys has no Sigma form", op);
    return [];
  }
  const keyOf = keyFieldsOf(keyExpr);
  if (!keyOf) {
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
    const caseIssue = keyOf.fold ? caseProblem(keyOf.fold, found) : null;
    if (caseIssue) {
      problems.unsupported('XLATE-SIGMA-EXPRESSION', caseIssue, op, `write the keys of ${op.table} in ${keyOf.fold} case`);
      return [];
    }
    outputs.set(o.eventField, { key: keyExpr, keyFields: keyOf.fields, found });
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
      const key = out.key;
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

// A filter pushed into a union branch often tests fields that branch cannot hold: the allowlist filter after
// `multisearch [... | fields A, B] [... | fields C]` names A, B and C in every branch. After `fields`/`table`
// (and stats), a field not kept, evaluated or renamed in since is missing, so `isnotnull(F)` is false there
// and the clause it guards is dead: translated as is, it reads `isnotnull(dynamic(null))` in KQL and a
// `TO_STRING(null)` column test in ES|QL (issue #16). This folds those clauses away before any target prints
// the branch, with the three-valued logic of `where`: false AND x is false, true OR x is true.

import type { PlanExpr, PlanNode } from '../plan/nodes.ts';

const TRUE: PlanExpr = { kind: 'literal', value: true };
const FALSE: PlanExpr = { kind: 'literal', value: false };
const isConst = (e: PlanExpr, v: boolean) => e.kind === 'literal' && e.value === v;

/** The branch's operators with dead clauses of its filters removed, and filters left always true dropped. */
export function foldMissingFields(ops: readonly PlanNode[]): PlanNode[] {
  // The fields a row can hold at this point; null while any field of the log may be there.
  let kept: Set<string> | null = null;
  const out: PlanNode[] = [];
  for (const op of ops) {
    if (op.kind === 'filter' && kept !== null) {
      const have = kept;
      const folded = fold(op.predicate, (name) => !name.startsWith('_') && !have.has(name));
      if (isConst(folded, true)) continue;
      // A filter that folds to false would drop every row; it is left as written, for the targets to print.
      out.push(isConst(folded, false) ? op : { ...op, predicate: folded });
      continue;
    }
    out.push(op);
    kept = keptAfter(op, kept);
  }
  return out;
}

function keptAfter(op: PlanNode, kept: Set<string> | null): Set<string> | null {
  switch (op.kind) {
    case 'table':
    case 'fields': {
      if (op.kind === 'fields' && op.remove) return kept && new Set([...kept].filter((f) => !op.fields.includes(f)));
      // Listing a field keeps it only if the row has it: the list narrows what was there, it adds nothing.
      if (op.fields.some((f) => f.includes('*'))) return kept;
      return new Set(op.fields.filter((f) => kept === null || kept.has(f) || f.startsWith('_')));
    }
    case 'eval':
      return kept && new Set([...kept, ...op.assignments.map((a) => a.field)]);
    case 'rename':
      return kept && new Set([...[...kept].filter((f) => !op.pairs.some((p) => p.from === f)), ...op.pairs.map((p) => p.to)]);
    case 'aggregate':
      // stats outputs only its groups and results; eventstats and streamstats add them to the rows.
      if (op.mode !== 'stats') return kept && new Set([...kept, ...op.aggregations.map((a) => a.as)]);
      return new Set([...op.by, ...op.aggregations.map((a) => a.as)]);
    case 'filter':
      return kept;
    default:
      return null;
  }
}

/** Folds isnotnull/isnull of missing fields and the and/or/not above them; everything else is kept as is. */
function fold(e: PlanExpr, missing: (field: string) => boolean): PlanExpr {
  switch (e.kind) {
    case 'call': {
      const arg = e.args[0];
      if (e.args.length === 1 && arg?.kind === 'field' && missing(arg.name)) {
        if (e.fn === 'isnotnull') return FALSE;
        if (e.fn === 'isnull') return TRUE;
      }
      return e;
    }
    case 'not': {
      const operand = fold(e.operand, missing);
      if (isConst(operand, true)) return FALSE;
      if (isConst(operand, false)) return TRUE;
      return operand === e.operand ? e : { kind: 'not', operand };
    }
    case 'and':
    case 'or': {
      const absorbing = e.kind === 'and' ? false : true;
      const items = e.items.map((i) => fold(i, missing));
      if (items.some((i) => isConst(i, absorbing))) return absorbing ? TRUE : FALSE;
      const left = items.filter((i) => !isConst(i, !absorbing));
      if (left.length === 0) return absorbing ? FALSE : TRUE;
      if (left.length === 1) return left[0]!;
      return items.every((i, k) => i === e.items[k]) ? e : { kind: e.kind, items: left };
    }
    default:
      return e;
  }
}

// The literal byte terms a search predicate requires, in conjunctive form (every clause needs one of its
// alternatives in the line). Like plan/required-terms.ts, but tuned for the scan's prefilter: OR keeps
// the cross product of its branches' clauses (bounded), and field values may contain `/` because the
// prefilter keeps every line holding a `\/` escape. Never required: negations, numbers (1 vs 1.0),
// values with quotes, backslashes or control characters, non-ASCII text, alias and default fields.

import { scalarToNumber } from '../core/value.ts';
import type { Pattern, PlanExpr } from '../plan/nodes.ts';
import type { ByteTerm } from './prefilter.ts';

export type Clauses = ByteTerm[][];

const MAX_CLAUSES = 16;

export function predicateClauses(e: PlanExpr | null, fieldValueInRaw: (field: string) => boolean): Clauses {
  if (e === null) return [];
  switch (e.kind) {
    case 'searchTerm': {
      const t = longestLiteral(e.pattern);
      return t && /^[\x20-\x7e]+$/.test(t.text) ? [[t]] : [];
    }
    case 'searchMatch': {
      if (e.op !== '=' || !fieldValueInRaw(e.field)) return [];
      if (scalarToNumber(e.pattern.text) !== null) return [];
      const t = longestLiteral(e.pattern);
      return t && isVerbatimInJson(t.text) ? [[t]] : [];
    }
    case 'and':
      return e.items.flatMap((i) => predicateClauses(i, fieldValueInRaw));
    case 'or': {
      // (a AND b) OR (c AND d) implies (a OR c), (a OR d), (b OR c), (b OR d).
      let product: Clauses = [[]];
      for (const item of e.items) {
        const sub = predicateClauses(item, fieldValueInRaw);
        if (sub.length === 0) return [];
        const next: Clauses = [];
        for (const acc of product) for (const clause of sub) if (next.length < MAX_CLAUSES) next.push([...acc, ...clause]);
        product = next;
      }
      return product;
    }
    default:
      return [];
  }
}

function longestLiteral(p: Pattern): ByteTerm | null {
  const parts = p.wildcard ? p.text.split('*') : [p.text];
  let best = '';
  for (const s of parts) if (s.length > best.length) best = s;
  return best.length === 0 ? null : { text: best, caseSensitive: p.caseSensitive };
}

/** Printable ASCII that JSON writes as itself (a `/` may be written `\/`, which the prefilter guards). */
function isVerbatimInJson(text: string): boolean {
  return /^[\x20-\x7e]+$/.test(text) && !/["\\]/.test(text);
}

// Which sourcetypes can an event have and still match a scan predicate? Derived from `sourcetype=...`
// search matches (case-insensitive, so names are lower-cased): AND intersects, OR unions (only when every
// branch is constrained). null means unconstrained (any sourcetype may match). Used for routing events.

import { scalarToNumber } from '../core/value.ts';
import type { PlanExpr } from './nodes.ts';

export function requiredSourcetypes(predicate: PlanExpr | null): string[] | null {
  const set = derive(predicate);
  return set === null ? null : [...set].sort();
}

function derive(e: PlanExpr | null): Set<string> | null {
  if (e === null) return null;
  if (e.kind === 'searchMatch') {
    if (e.field !== 'sourcetype' || e.op !== '=' || (e.pattern.wildcard && e.pattern.text.includes('*'))) return null;
    // A numeric pattern also matches numerically equal text ("1" = "1.0"), which a name set cannot express.
    if (scalarToNumber(e.pattern.text) !== null) return null;
    return new Set([e.pattern.text.toLowerCase()]);
  }
  if (e.kind === 'and') {
    let acc: Set<string> | null = null;
    for (const item of e.items) {
      const s = derive(item);
      if (s === null) continue;
      acc = acc === null ? s : intersect(acc, s);
    }
    return acc;
  }
  if (e.kind === 'or') {
    const acc = new Set<string>();
    for (const item of e.items) {
      const s = derive(item);
      if (s === null) return null;
      for (const x of s) acc.add(x);
    }
    return acc;
  }
  if (e.kind === 'literal' && e.value === false) return new Set();
  return null;
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const x of a) if (b.has(x)) out.add(x);
  return out;
}

// A Sigma `detection` section -> one plan predicate. Search identifiers are maps (fields AND-linked), lists
// of maps (OR-linked) or keyword lists (OR-linked substrings of the whole event), as
// sigma-rules-specification.md "Detection" defines them; the condition combines them by name.

import { fail } from '../core/diagnostics.ts';
import type { PlanExpr } from '../plan/nodes.ts';
import type { SigmaSelection, SigmaValue } from '../backends/sigma/model.ts';
import { parseCondition, quantifierTargets, type Condition } from './condition.ts';
import { fieldCondition, keywordCondition, type ModifierContext } from './modifiers.ts';

const and = (items: PlanExpr[]): PlanExpr => (items.length === 1 ? items[0]! : { kind: 'and', items });
const or = (items: PlanExpr[]): PlanExpr => (items.length === 1 ? items[0]! : { kind: 'or', items });

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mapExpr(name: string, sel: SigmaSelection, ctx: ModifierContext): PlanExpr {
  const keys = Object.keys(sel);
  if (keys.length === 0) fail('SIGMA-BAD-DETECTION', `search identifier '${name}' is an empty map`);
  return and(keys.map((k) => fieldCondition(k, sel[k] as SigmaValue | readonly SigmaValue[], ctx)));
}

/** One search identifier's expression. */
export function identifierExpr(name: string, def: unknown, ctx: ModifierContext): PlanExpr {
  if (isPlainObject(def)) return mapExpr(name, def as SigmaSelection, ctx);
  if (Array.isArray(def)) {
    if (def.length === 0) fail('SIGMA-BAD-DETECTION', `search identifier '${name}' is an empty list`);
    if (def.every(isPlainObject)) return or(def.map((m) => mapExpr(name, m as SigmaSelection, ctx)));
    if (def.every((v) => !isPlainObject(v) && !Array.isArray(v))) return keywordCondition(def as SigmaValue[], []);
    fail('SIGMA-BAD-DETECTION', `search identifier '${name}' mixes maps and plain values`);
  }
  if (typeof def === 'string' || typeof def === 'number') return keywordCondition([def], []);
  return fail('SIGMA-BAD-DETECTION', `search identifier '${name}' must be a map, a list of maps or a list of keywords`);
}

/** The detection's condition over its identifiers; `condition` may be a list (OR-linked, as in Sigma v1). */
export function detectionExpr(detection: Readonly<Record<string, unknown>>, ctx: ModifierContext): PlanExpr {
  const cond = detection.condition;
  const names = Object.keys(detection).filter((k) => k !== 'condition' && k !== 'timeframe');
  if (detection.timeframe !== undefined) fail('SIGMA-UNSUPPORTED-AGGREGATION', "'timeframe' belongs to the v1 aggregation syntax", { hint: 'use a correlation rule with timespan' });
  const texts = typeof cond === 'string' ? [cond] : Array.isArray(cond) && cond.every((c) => typeof c === 'string') ? (cond as string[]) : null;
  if (!texts || texts.length === 0) fail('SIGMA-BAD-DETECTION', 'detection.condition must be a string');
  const cache = new Map<string, PlanExpr>();
  const ident = (n: string): PlanExpr => {
    if (!names.includes(n)) fail('SIGMA-BAD-CONDITION', `condition names '${n}', which the detection does not define`, { hint: `defined: ${names.join(', ')}` });
    if (!cache.has(n)) cache.set(n, identifierExpr(n, detection[n], ctx));
    return cache.get(n)!;
  };
  const lower = (c: Condition): PlanExpr => {
    switch (c.kind) {
      case 'id':
        return ident(c.name);
      case 'and':
        return and(c.items.map(lower));
      case 'or':
        return or(c.items.map(lower));
      case 'not':
        return { kind: 'not', operand: lower(c.operand) };
      case 'of': {
        const targets = quantifierTargets(c.target, names);
        if (targets.length === 0) fail('SIGMA-BAD-CONDITION', `'${c.quantifier === 'all' ? 'all' : '1'} of ${c.target}' matches no search identifier`);
        const items = targets.map(ident);
        return c.quantifier === 'all' ? and(items) : or(items);
      }
    }
  };
  return or(texts.map((t) => lower(parseCondition(t))));
}

// Small read-only walkers over the SPL AST shared by the lint checks: every field reference of an eval/where
// expression or a search expression, with its span, and the sourcetypes a search expression restricts to.

import type { Expr, SearchExpr } from '../../spl/ast/nodes.ts';
import type { Span } from '../../core/diagnostics.ts';

export interface FieldRef {
  readonly name: string;
  readonly span: Span;
}

/** Field references of an eval/where expression, in source order. */
export function exprFieldRefs(e: Expr, out: FieldRef[] = []): FieldRef[] {
  const visit: { [K in Expr['kind']]: (n: Extract<Expr, { kind: K }>) => void } = {
    field: (n) => void out.push({ name: n.name, span: n.span }),
    string: () => {},
    number: () => {},
    bool: () => {},
    call: (n) => n.args.forEach((a) => exprFieldRefs(a, out)),
    binary: (n) => {
      exprFieldRefs(n.left, out);
      exprFieldRefs(n.right, out);
    },
    unary: (n) => void exprFieldRefs(n.operand, out),
    in: (n) => {
      exprFieldRefs(n.expr, out);
      n.list.forEach((a) => exprFieldRefs(a, out));
    },
  };
  (visit[e.kind] as (n: Expr) => void)(e);
  return out;
}

/** Every node of an eval/where expression (pre-order). */
export function exprNodes(e: Expr, out: Expr[] = []): Expr[] {
  out.push(e);
  if (e.kind === 'call') e.args.forEach((a) => exprNodes(a, out));
  else if (e.kind === 'binary') {
    exprNodes(e.left, out);
    exprNodes(e.right, out);
  } else if (e.kind === 'unary') exprNodes(e.operand, out);
  else if (e.kind === 'in') {
    exprNodes(e.expr, out);
    e.list.forEach((a) => exprNodes(a, out));
  }
  return out;
}

/** Field references of a search expression (`field=value`, `field IN (...)`); the span covers the field name. */
export function searchFieldRefs(e: SearchExpr | null, out: FieldRef[] = []): FieldRef[] {
  if (!e) return out;
  switch (e.kind) {
    case 'compare':
    case 'in':
      out.push({ name: e.field, span: { start: e.span.start, end: e.span.start + e.field.length } });
      break;
    case 'and':
    case 'or':
      e.items.forEach((i) => searchFieldRefs(i, out));
      break;
    case 'not':
      searchFieldRefs(e.expr, out);
      break;
    default:
      break;
  }
  return out;
}

/** Every node of a search expression (pre-order), not entering subsearches. */
export function searchNodes(e: SearchExpr | null, out: SearchExpr[] = []): SearchExpr[] {
  if (!e) return out;
  out.push(e);
  if (e.kind === 'and' || e.kind === 'or') e.items.forEach((i) => searchNodes(i, out));
  else if (e.kind === 'not') searchNodes(e.expr, out);
  return out;
}

/**
 * The sourcetypes a search expression restricts events to, or null when it does not restrict them:
 * AND intersects, OR unites (unrestricted if any side is), `sourcetype=x` names one.
 */
export function sourcetypeConstraint(e: SearchExpr | null): string[] | null {
  if (!e) return null;
  switch (e.kind) {
    case 'compare':
      return e.field === 'sourcetype' && e.op === '=' && !e.value.text.includes('*') ? [e.value.text] : null;
    case 'in':
      return e.field === 'sourcetype' && e.values.every((v) => !v.text.includes('*')) ? e.values.map((v) => v.text) : null;
    case 'and': {
      let acc: string[] | null = null;
      for (const i of e.items) {
        const c = sourcetypeConstraint(i);
        if (c === null) continue;
        acc = acc === null ? c : acc.filter((s) => c.includes(s));
      }
      return acc;
    }
    case 'or': {
      const all: string[] = [];
      for (const i of e.items) {
        const c = sourcetypeConstraint(i);
        if (c === null) return null;
        for (const s of c) if (!all.includes(s)) all.push(s);
      }
      return all;
    }
    default:
      return null;
  }
}

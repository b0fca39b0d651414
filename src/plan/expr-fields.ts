// The field names a plan expression reads, in first-use order. Used to check mvfilter(), whose predicate
// Splunk lets reference only one field, and to find the field mvmap() iterates over.

import type { PlanExpr, PlanExprKind } from './nodes.ts';

type Children = { [K in PlanExprKind]: (e: Extract<PlanExpr, { kind: K }>) => readonly PlanExpr[] };

const CHILDREN: Children = {
  field: () => [],
  literal: () => [],
  call: (e) => e.args,
  arith: (e) => [e.left, e.right],
  concat: (e) => [e.left, e.right],
  neg: (e) => [e.operand],
  compare: (e) => [e.left, e.right],
  like: (e) => [e.expr, e.pattern],
  inList: (e) => [e.expr, ...e.list],
  and: (e) => e.items,
  or: (e) => e.items,
  xor: (e) => [e.left, e.right],
  not: (e) => [e.operand],
  searchMatch: () => [],
  searchTerm: () => [],
};

export function exprFields(e: PlanExpr, out: string[] = []): string[] {
  if (e.kind === 'field' && !out.includes(e.name)) out.push(e.name);
  if (e.kind === 'searchMatch' && !out.includes(e.field)) out.push(e.field);
  for (const c of (CHILDREN[e.kind] as (x: PlanExpr) => readonly PlanExpr[])(e)) exprFields(c, out);
  return out;
}

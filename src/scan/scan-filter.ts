// The scan leaves of a plan (its leading searches), for what the scan path derives from them: the literal
// terms of the prefilter (plan-terms.ts). Which leaves take an event is exec's to say (QueryRun.verdict).

import type { PlanNode, QueryPlan } from '../plan/nodes.ts';

export function scanNodes(plan: QueryPlan): PlanNode[] {
  const out: PlanNode[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    const n = node as PlanNode;
    if (n.kind === 'scan') {
      out.push(n);
      return;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'span') visit(value);
  };
  visit(plan.root);
  return out;
}

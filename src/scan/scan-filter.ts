// The scan leaves of a set of plans as one event test: does any scan leaf (sourcetype routing, time
// bounds, leading search predicate) accept this event? Workers use it to send back only events some plan
// can use; it reuses exec's own scan operators through startQueries, so the semantics are the executor's.

import type { Event } from '../core/event.ts';
import type { PlanNode, QueryPlan } from '../plan/nodes.ts';
import { startQueries, type ExecOptions } from '../exec/run.ts';

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

export function makeScanFilter(plans: readonly QueryPlan[], opts: ExecOptions = {}): (event: Event) => boolean {
  const leaves = plans.flatMap(scanNodes).map((root): QueryPlan => ({ root }));
  let accepted = false;
  const run = startQueries(leaves, () => {
    accepted = true;
  }, opts);
  return (event) => {
    accepted = false;
    run.push(event);
    return accepted;
  };
}

// Splits a plan into linear branches: one scan followed by single-input operators. A `union` (multisearch,
// union, append) becomes several branches plus the operators applied after it (`post`). Every target
// consumes this shape; query languages with a union re-join the branches, Sigma and ES|QL emit one query each.

import type { PlanExpr, PlanNode, QueryPlan } from '../plan/nodes.ts';
import type { Problems } from './backend.ts';
import { foldMissingFields } from './fold-missing.ts';
import { resolveSourcetype } from './sourcetype.ts';

export type ScanNode = Extract<PlanNode, { kind: 'scan' }>;
export type UnionNode = Extract<PlanNode, { kind: 'union' }>;

export interface Branch {
  readonly index: number;
  readonly scan: ScanNode;
  /** The sourcetype the scan reads, resolved from its `sourcetype=` conditions. */
  readonly sourcetype: string;
  /** The scan predicate without its sourcetype and index conditions (null: every event of the sourcetype). */
  readonly predicate: PlanExpr | null;
  /** Operators after the scan, in execution order (bottom-up). */
  readonly ops: readonly PlanNode[];
}

export interface BranchedPlan {
  readonly branches: readonly Branch[];
  /** The union node, when the plan has one. */
  readonly union: UnionNode | null;
  /** Operators applied after the union, in execution order (the per-row ones are pushed into the branches). */
  readonly post: readonly PlanNode[];
  /**
   * Fields some branch creates (eval, rename). A pushed-down `table` naming one of them in a branch that
   * does not create it reads a missing field there, not an unmapped log field.
   */
  readonly branchColumns: ReadonlySet<string>;
}

/** Per-row operators: applying them to each branch equals applying them after the union. */
const PER_ROW = new Set<PlanNode['kind']>(['eval', 'filter', 'table', 'fields', 'rename']);

/** Walks down single-input operators; returns them bottom-up with the node that ended the walk. */
function linearise(top: PlanNode): { bottom: PlanNode; ops: PlanNode[] } {
  const ops: PlanNode[] = [];
  let node = top;
  while ('input' in node) {
    ops.push(node);
    node = node.input;
  }
  return { bottom: node, ops: ops.reverse() };
}

export function splitBranches(plan: QueryPlan, problems: Problems): BranchedPlan | null {
  const { bottom, ops } = linearise(plan.root);
  if (bottom.kind === 'scan') {
    const b = makeBranch(0, bottom, ops, problems);
    return b ? { branches: [b], union: null, post: [], branchColumns: new Set() } : null;
  }
  if (bottom.kind !== 'union') {
    problems.unsupported('XLATE-UNSUPPORTED-COMMAND', `a rule must start with a search; '${bottom.kind}' cannot be translated`, bottom);
    return null;
  }
  const after = commuteFilters(ops);
  let pushable = 0;
  while (pushable < after.length && PER_ROW.has(after[pushable]!.kind)) pushable++;
  const pushed = after.slice(0, pushable);
  const flat: { scan: ScanNode; ops: PlanNode[] }[] = [];
  if (!flatten(bottom, [], flat, problems)) return null;
  const branches: Branch[] = [];
  const branchColumns = new Set<string>();
  for (const [i, f] of flat.entries()) {
    for (const op of f.ops) {
      if (op.kind === 'eval') for (const a of op.assignments) branchColumns.add(a.field);
      if (op.kind === 'rename') for (const p of op.pairs) branchColumns.add(p.to);
      if (op.kind === 'aggregate') for (const a of op.aggregations) branchColumns.add(a.as);
    }
    // The pushed operators meet the branch's own fields list: clauses on fields it dropped are folded away.
    const b = makeBranch(i, f.scan, foldMissingFields([...f.ops, ...pushed]), problems);
    if (b) branches.push(b);
  }
  if (branches.length !== flat.length) return null;
  return { branches, union: bottom, post: after.slice(pushable), branchColumns };
}

/**
 * Collects the linear branches under a union. A union nested as a branch (multisearch inside append) is
 * flattened when the operators above it are per-row, since they then apply to each of its branches.
 */
function flatten(u: UnionNode, above: readonly PlanNode[], out: { scan: ScanNode; ops: PlanNode[] }[], problems: Problems): boolean {
  let ok = true;
  u.inputs.forEach((input, i) => {
    const inner = linearise(input);
    const ops = [...inner.ops, ...above];
    if (inner.bottom.kind === 'scan') out.push({ scan: inner.bottom, ops });
    else if (inner.bottom.kind === 'union' && ops.every((o) => PER_ROW.has(o.kind))) ok = flatten(inner.bottom, ops, out, problems) && ok;
    else {
      problems.unsupported('XLATE-NESTED-UNION', `branch ${i + 1} of ${u.mode} does not start with a search`, inner.bottom);
      ok = false;
    }
  });
  return ok;
}

/** A filter right after an unlimited sort commutes with it; moving it first lets it reach the branches. */
function commuteFilters(ops: readonly PlanNode[]): PlanNode[] {
  const out = [...ops];
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const cur = out[i]!;
    if (cur.kind === 'filter' && prev.kind === 'sort' && prev.limit === 0) {
      out[i - 1] = { ...cur, input: prev.input };
      out[i] = { ...prev, input: out[i - 1]! };
      i = Math.max(0, i - 2);
    }
  }
  return out;
}

function makeBranch(index: number, scan: ScanNode, ops: PlanNode[], problems: Problems): Branch | null {
  if (scan.earliest || scan.latest) {
    problems.unsupported('XLATE-UNSUPPORTED-TIMEBOUND', 'earliest/latest in the search: the schedule of the target sets the time range', scan,
      'remove earliest/latest from the rule; the rule window is declared in the rule metadata');
  }
  const resolved = resolveSourcetype(scan, problems);
  if (!resolved) return null;
  return { index, scan, sourcetype: resolved.sourcetype, predicate: resolved.predicate, ops };
}

/** A field read after a union that a branch without `fields`/`table` may still hold from its log. */
export function unionFieldUnknown(problems: Problems, name: string, at: UnionNode): void {
  problems.unsupported('XLATE-UNION-OPEN-BRANCH', `'${name}' is read after the union, but a branch that does not end with fields/table may carry it from its log events; the translation cannot read it there`, at,
    'end every branch with `fields` (or `table`) listing the fields used after the union');
}

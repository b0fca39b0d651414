// Branches of a multisearch that read one data stream and differ only in evals become one ES|QL query: each
// row is repeated once per branch (MV_EXPAND of a branch tag), kept where that branch's search matches, and
// each branch's evals apply to its rows only. The operators after the union (stats...) then run once over all
// rows, as in Splunk; ES|QL's one-query-per-branch form cannot express them.

import type { PlanNode } from '../../plan/nodes.ts';
import type { BranchedPlan } from '../branches.ts';
import type { EsqlBranch } from './branch.ts';

type EvalNode = Extract<PlanNode, { kind: 'eval' }>;

/** The column that tags each repeated row with its branch number. */
export const BRANCH_TAG = 'sl_branch';

export interface SameSource {
  /** Each branch's own operators (evals), in order. */
  readonly prefixes: readonly (readonly EvalNode[])[];
  /** The operators every branch shares (the per-row operators pushed below the union), in order. */
  readonly common: readonly PlanNode[];
}

/** The merge applies when every branch reads the same sourcetype, operators follow the union, and each
 * branch's own operators (before the shared ones, which are the same plan nodes) are evals. */
export function sameSourceBranches(split: BranchedPlan): SameSource | null {
  const ops = split.branches.map((b) => b.ops);
  if (ops.length < 2 || split.post.length === 0) return null;
  if (split.branches.some((b) => b.sourcetype !== split.branches[0]!.sourcetype)) return null;
  const first = ops[0]!;
  let shared = 0;
  while (shared < first.length && ops.every((o) => o.length > shared && o[o.length - 1 - shared] === first[first.length - 1 - shared])) shared++;
  const prefixes = ops.map((o) => o.slice(0, o.length - shared));
  if (prefixes.some((p) => p.some((op) => op.kind !== 'eval'))) return null;
  return { prefixes: prefixes as EvalNode[][], common: first.slice(first.length - shared) };
}

/** Emits the tag, the repeat, the per-branch searches and the per-branch evals into `b`. */
export function emitSameSource(b: EsqlBranch, split: BranchedPlan, merged: SameSource): void {
  const tags = split.branches.map((_, i) => String(i));
  const list = tags.slice(1).reduce((acc, t) => `MV_APPEND(${acc}, ${t})`, tags[0]!);
  b.lines.push(`| EVAL ${BRANCH_TAG} = ${list}`, `| MV_EXPAND ${BRANCH_TAG}`);
  const conds = split.branches.map((br, i) => `(${BRANCH_TAG} == ${i}${br.predicate ? ` AND ${b.bool(br.predicate)}` : ''})`);
  b.lines.push(...b.takeExtractions(), `| WHERE ${conds.join(' OR ')}`);
  merged.prefixes.forEach((evals, i) => {
    for (const n of evals) b.branchEval(n, BRANCH_TAG, i);
  });
}

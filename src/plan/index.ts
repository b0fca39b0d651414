// planQuery: SPL text -> QueryPlan (parse, then lower). Throws SightlineError with a span on the first
// parse or planning error, so callers can print it with formatDiagnostic(err.diagnostic, spl).

import { parseSplStrict } from '../spl/index.ts';
import { lowerPipeline } from './lower.ts';
import type { QueryPlan } from './nodes.ts';

export type PlanQueryOptions = Parameters<typeof parseSplStrict>[1];

export function planQuery(spl: string, opts?: PlanQueryOptions): QueryPlan {
  return lowerPipeline(parseSplStrict(spl, opts), spl);
}

export { lowerPipeline } from './lower.ts';
export { displayPlan, displayExpr } from './display.ts';
export { requiredSourcetypes } from './required-sourcetypes.ts';
export { requiredTerms } from './required-terms.ts';

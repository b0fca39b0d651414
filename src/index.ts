// The public library API of sightline: parse SPL, plan it, run plans over events, and the shared value and
// diagnostic types. The CLI and web UI import from here; everything else under src/ is internal.

export type { Value, Scalar } from './core/value.ts';
export { mv, valuesOf, firstOf, valueToString } from './core/value.ts';
export type { Diagnostic, Span, Severity } from './core/diagnostics.ts';
export { SightlineError, formatDiagnostic, lineColAt } from './core/diagnostics.ts';
export type { Event } from './core/event.ts';

export { parseSpl, parseSplStrict, tokenize, loadMacros, MacroTable, printSpl, toSexpr } from './spl/index.ts';
export type { ParseOptions, ParseResult } from './spl/index.ts';
export type { Pipeline } from './spl/ast/nodes.ts';

export { planQuery, lowerPipeline, displayPlan, displayExpr, requiredSourcetypes, requiredTerms } from './plan/index.ts';
export type { QueryPlan, PlanNode, PlanExpr } from './plan/nodes.ts';
export type { RequiredTerm, RequiredTerms } from './plan/required-terms.ts';

export { startQueries, runQuery } from './exec/run.ts';
export type { QueryRun, ExecOptions } from './exec/run.ts';
export { Row } from './exec/row.ts';

export { readEvents } from './ingest/read.ts';
export { makeEvent, detectSourcetype } from './ingest/make-event.ts';
export { JsonEvent } from './ingest/json-event.ts';

export { loadRules, loadRuleFile, runRules, type Rule, type Alert } from './rules/index.ts';

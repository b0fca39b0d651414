// What the text translators (KQL, ES|QL, SQL) share in their branch classes: the handler-table entries that
// are the same for every target, and the fail-closed checks whose rule and wording do not depend on the
// target. Target syntax stays in each target's branch.ts.

import type { Span } from '../core/diagnostics.ts';
import type { PlanExpr, PlanNode } from '../plan/nodes.ts';
import type { ExprHandlers, NodeHandlers, Problems } from './backend.ts';

/** Target names as they appear in messages (`'tail' has no KQL translation`). */
export type TargetLabel = 'KQL' | 'ES|QL' | 'SQL';

type ConditionKind = 'compare' | 'like' | 'inList' | 'and' | 'or' | 'xor' | 'not' | 'searchMatch' | 'searchTerm';

/** Value-handler entries for expressions that are conditions: the target's condition text, typed bool. */
export function conditionHandlers(bool: (e: PlanExpr) => string): ExprHandlers<ConditionKind, { text: string; type: 'bool' }> {
  const asValue = (e: PlanExpr) => ({ text: bool(e), type: 'bool' as const });
  return { compare: asValue, like: asValue, inList: asValue, and: asValue, or: asValue, xor: asValue, not: asValue, searchMatch: asValue, searchTerm: asValue };
}

type UnsupportedKind = 'scan' | 'tail' | 'dedup' | 'bin' | 'fillnull' | 'rex' | 'spath' | 'mvexpand' | 'iplocation' | 'convert' | 'union' | 'makeresults' | 'inputlookup';

/** Reports a command the target does not translate. */
export function reportUnsupportedNode(problems: Problems, target: TargetLabel, n: PlanNode): void {
  problems.unsupported('XLATE-UNSUPPORTED-COMMAND', `'${n.kind}' has no ${target} translation`, n);
}

/** Node-handler entries for the commands no text target translates (a nested scan is the branch's job). */
export function unsupportedNodes(report: (n: PlanNode) => void): Pick<NodeHandlers<void>, UnsupportedKind> {
  return {
    scan: report, tail: report, dedup: report, bin: report, fillnull: report, rex: report, spath: report,
    mvexpand: report, iplocation: report, convert: report, union: report, makeresults: report, inputlookup: report,
  };
}

/** Reports a problem at `at` (a plan node or expression with a span) and gives a null-typed marker value. */
export function unsupportedValue(problems: Problems, code: string, message: string, at?: unknown, hint?: string): { text: string; type: 'null' } {
  const span = (at as { span?: Span } | null | undefined)?.span;
  return { text: problems.unsupported(code, message, span ?? null, hint), type: 'null' };
}

/** Search `field<value` (and <=, >, >=): only a plain number is translated; else the unsupported marker. */
export function searchNumber(problems: Problems, e: Extract<PlanExpr, { kind: 'searchMatch' }>): number | string {
  const n = Number(e.pattern.text);
  if ((e.pattern.wildcard && e.pattern.text.includes('*')) || !Number.isFinite(n) || e.pattern.text.trim() === '') {
    return problems.unsupported('XLATE-UNSUPPORTED-OPERATOR', `search ${e.field}${e.op}${e.pattern.text}: only numeric values are translated`);
  }
  return n;
}

/** Only plain `stats` without options is translated; reports and returns false otherwise. */
export function statsSupported(problems: Problems, n: Extract<PlanNode, { kind: 'aggregate' }>, target: TargetLabel): boolean {
  if (n.mode !== 'stats') {
    problems.unsupported('XLATE-UNSUPPORTED-COMMAND', `${n.mode} has no ${target} translation`, n);
    return false;
  }
  if (Object.keys(n.options).length) {
    problems.unsupported('XLATE-UNSUPPORTED-OPTION', `stats options ${Object.keys(n.options).join(', ')}`, n);
    return false;
  }
  return true;
}

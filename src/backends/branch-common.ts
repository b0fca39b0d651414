// What the text translators (KQL, ES|QL, SQL) share in their branch classes wherever the rule is the same
// for every target: handler-table entries, fail-closed checks with one wording, and small pieces of
// translation (sort keys, case() arms, pushing NOT to the leaves). Target syntax stays in each branch.ts.

import type { Span } from '../core/diagnostics.ts';
import type { PlanExpr, PlanNode, PlanSortKey } from '../plan/nodes.ts';
import type { ExprHandlers, NodeHandlers, Problems } from './backend.ts';

/** Target names as they appear in messages (`'tail' has no KQL translation`). */
export type TargetLabel = 'KQL' | 'ES|QL' | 'SQL';

type ConditionKind = 'compare' | 'like' | 'inList' | 'and' | 'or' | 'xor' | 'not' | 'searchMatch' | 'searchTerm';

/** Value-handler entries for expressions that are conditions: the target's condition text, typed bool. */
export function conditionHandlers(bool: (e: PlanExpr) => string): ExprHandlers<ConditionKind, { text: string; type: 'bool' }> {
  const asValue = (e: PlanExpr) => ({ text: bool(e), type: 'bool' as const });
  return { compare: asValue, like: asValue, inList: asValue, and: asValue, or: asValue, xor: asValue, not: asValue, searchMatch: asValue, searchTerm: asValue };
}

type UnsupportedKind = 'scan' | 'tail' | 'dedup' | 'bin' | 'fillnull' | 'rex' | 'spath' | 'mvexpand' | 'makemv' | 'join' | 'iplocation' | 'convert' | 'union' | 'makeresults' | 'inputlookup';

/** Reports a command the target does not translate. */
export function reportUnsupportedNode(problems: Problems, target: TargetLabel, n: PlanNode): void {
  problems.unsupported('XLATE-UNSUPPORTED-COMMAND', `'${n.kind}' has no ${target} translation`, n);
}

/** Node-handler entries for the commands no text target translates (a nested scan is the branch's job). */
export function unsupportedNodes(report: (n: PlanNode) => void): Pick<NodeHandlers<void>, UnsupportedKind> {
  return {
    scan: report, tail: report, dedup: report, bin: report, fillnull: report, rex: report, spath: report,
    mvexpand: report, makemv: report, join: report, iplocation: report, convert: report, union: report, makeresults: report, inputlookup: report,
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

/** The value vocabulary of a text branch, as the shared helpers below use it. */
export interface ValueBranch<C> {
  readonly problems: Problems;
  field(name: string, at?: unknown): C;
  expr(e: PlanExpr): C;
  bool(e: PlanExpr): string;
  num(c: C): string;
  str(c: C): string;
}

/** A sort key's value: `sort num(x)` as a number, `str(x)` as a string, otherwise as it is. */
export function sortKeyValue<C extends { text: string }>(b: ValueBranch<C>, k: PlanSortKey, at: PlanNode): string {
  const c = b.field(k.field, at);
  return k.type === 'num' ? b.num(c) : k.type === 'str' ? b.str(c) : c.text;
}

/** A wildcard in a table/fields list is not translated: reports it; true when `f` is one (skip it). */
export function wildcardField(problems: Problems, f: string, at: PlanNode): boolean {
  if (!f.includes('*')) return false;
  problems.unsupported('XLATE-WILDCARD-FIELDS', `'${f}': wildcard field lists are not translated`, at);
  return true;
}

/**
 * SPL case(c1, v1, c2, v2, ...): the condition/value arms in order (each value translated before its
 * condition; an odd last argument is ignored) and the result type, that of the first value not null.
 */
export function caseArms<C extends { type: string }>(b: ValueBranch<C>, args: readonly PlanExpr[]): { arms: { cond: string; value: C }[]; type: C['type'] | 'null' } {
  const arms: { cond: string; value: C }[] = [];
  let type: C['type'] | 'null' = 'null';
  for (let i = 0; i + 1 < args.length; i += 2) {
    const value = b.expr(args[i + 1]!);
    if (type === 'null') type = value.type;
    arms.push({ cond: b.bool(args[i]!), value });
  }
  return { arms, type };
}

type Connective = Extract<PlanExpr, { kind: 'and' | 'or' | 'not' | 'literal' }>;

/**
 * and/or/not/boolean literals for targets that push negation to the leaves (KQL, ES|QL): De Morgan swaps
 * the joiner under NOT, so every leaf is translated knowing whether it is negated.
 */
export function pushNegation(
  b: { readonly problems: Problems; bool(e: PlanExpr, negated: boolean): string },
  e: Connective,
  negated: boolean,
  joiners: { readonly and: string; readonly or: string },
): string {
  switch (e.kind) {
    case 'and':
    case 'or': {
      const joiner = (e.kind === 'and') !== negated ? joiners.and : joiners.or;
      return `(${e.items.map((i) => b.bool(i, negated)).join(joiner)})`;
    }
    case 'not':
      return b.bool(e.operand, !negated);
    case 'literal':
      if (typeof e.value === 'boolean') return String(e.value !== negated);
      return b.problems.unsupported('XLATE-NOT-BOOLEAN', 'a literal used as a condition');
  }
}

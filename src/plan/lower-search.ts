// Lowers the search-command grammar to search-semantics plan expressions: field comparisons become
// `searchMatch`, bare terms `searchTerm`, `field IN (..)` an `or` of searchMatch. A pattern is a wildcard
// pattern when it contains `*` (quoted or not, as Splunk treats them). `*` alone matches everything and
// lowers to null ("no predicate"). Time modifiers are collected by the caller, never lowered here.

import { fail } from '../core/diagnostics.ts';
import type { SearchCompareOp, SearchExpr, SearchValue } from '../spl/ast/nodes.ts';
import { isCidrNotation } from '../functions/scalar/network.ts';
import type { Pattern, PlanExpr } from './nodes.ts';

/** null means "matches every event". */
export type Lowered = PlanExpr | null;

export function searchPattern(v: SearchValue, caseSensitive = false): Pattern {
  return { text: v.text, wildcard: v.text.includes('*'), caseSensitive };
}

const isAllStars = (text: string): boolean => /^\*+$/.test(text);

type Handlers = { [K in SearchExpr['kind']]: (e: Extract<SearchExpr, { kind: K }>) => Lowered };

const HANDLERS: Handlers = {
  term: (e) => (isAllStars(e.value.text) ? null : { kind: 'searchTerm', pattern: searchPattern(e.value, e.caseSensitive), termMode: e.termMode }),
  compare: (e) => fieldMatch(e.field, e.op, e.value, e.caseSensitive === true),
  in: (e) => orOf(e.values.map((v) => fieldMatch(e.field, '=', v))),
  and: (e) => andOf(e.items.map(lowerSearch)),
  or: (e) => {
    const items = e.items.map(lowerSearch);
    return items.some((i) => i === null) ? null : orOf(items as PlanExpr[]);
  },
  not: (e) => {
    const inner = lowerSearch(e.expr);
    return inner === null ? { kind: 'literal', value: false } : { kind: 'not', operand: inner };
  },
  time: (e) =>
    fail('SPL-TIME-MODIFIER-PLACEMENT', `${e.bound}= is only supported as a top-level term of the leading search`, {
      span: e.span,
      hint: 'move it to the first search, outside OR/NOT and parentheses',
    }),
  subsearch: (e) =>
    fail('SPL-UNSUPPORTED-SUBSEARCH', 'subsearches inside a search expression are not supported', {
      span: e.span,
      hint: 'use a lookup, or multisearch/append to combine searches',
    }),
};

/**
 * `field=value`. A value in CIDR notation compares by subnet (search docs: "The search command supports IPv4
 * and IPv6 addresses and subnets that use CIDR notation"), decided here once: it lowers to the eval function
 * cidrmatch, true when any value of the field is in the network; both `=` and `!=` need the field to exist.
 */
function fieldMatch(field: string, op: SearchCompareOp, value: SearchValue, caseSensitive = false): PlanExpr {
  if ((op === '=' || op === '!=') && !value.text.includes('*') && isCidrNotation(value.text)) {
    // cidrmatch of a missing field is null; a search test is false there, so NOT src=<net> keeps the event.
    const present: PlanExpr = { kind: 'call', fn: 'isnotnull', args: [{ kind: 'field', name: field }] };
    const inNet: PlanExpr = { kind: 'call', fn: 'cidrmatch', args: [{ kind: 'literal', value: value.text }, { kind: 'field', name: field }] };
    return { kind: 'and', items: [present, op === '=' ? inNet : { kind: 'not', operand: inNet }] };
  }
  return { kind: 'searchMatch', field, op, pattern: searchPattern(value, caseSensitive) };
}

export function lowerSearch(e: SearchExpr): Lowered {
  return (HANDLERS[e.kind] as (e: SearchExpr) => Lowered)(e);
}

export function andOf(items: readonly Lowered[]): Lowered {
  const flat: PlanExpr[] = [];
  for (const i of items) {
    if (i === null) continue;
    if (i.kind === 'and') flat.push(...i.items);
    else flat.push(i);
  }
  if (flat.length === 0) return null;
  return flat.length === 1 ? (flat[0] as PlanExpr) : { kind: 'and', items: flat };
}

function orOf(items: readonly PlanExpr[]): PlanExpr {
  const flat: PlanExpr[] = [];
  for (const i of items) {
    if (i.kind === 'or') flat.push(...i.items);
    else flat.push(i);
  }
  return flat.length === 1 ? (flat[0] as PlanExpr) : { kind: 'or', items: flat };
}

export interface TimeBounds {
  earliest: string | null;
  latest: string | null;
}

/**
 * Splits the leading search into its predicate and its time modifiers. Modifiers are allowed only as
 * top-level AND terms (elsewhere they fail with SPL-TIME-MODIFIER-PLACEMENT via the handler above).
 */
export function splitLeadingSearch(e: SearchExpr | null): { predicate: Lowered; time: TimeBounds } {
  const time: TimeBounds = { earliest: null, latest: null };
  if (e === null) return { predicate: null, time };
  const items = e.kind === 'and' ? e.items : [e];
  const rest: SearchExpr[] = [];
  for (const item of items) {
    if (item.kind === 'time') time[item.bound] = item.value;
    else rest.push(item);
  }
  return { predicate: andOf(rest.map(lowerSearch)), time };
}

// Value comparison rules, one place for each of Splunk's three flavours:
// search (case-insensitive, wildcards, numeric when both sides are numbers), eval/where (exact,
// case-sensitive, numeric when both are numbers) and sort order (missing smallest, numbers before strings).

import { scalarToNumber, scalarToString, valuesOf, type Scalar, type Value } from '../core/value.ts';
import type { CompareOp, Pattern, PlanSortKey } from '../plan/nodes.ts';
import { compileGlob } from './glob.ts';

export type ValueTest = (value: Value) => boolean;

/**
 * search-command `field <op> pattern`. True when ANY value of the field satisfies it; `!=` requires the
 * field to exist and no value to equal the pattern; `field=*` means the field exists.
 */
export function compileSearchMatch(op: CompareOp, pattern: Pattern): ValueTest {
  const glob = compileGlob(pattern);
  const patNum = pattern.wildcard && pattern.text.includes('*') ? null : scalarToNumber(pattern.text);
  const equals = (s: Scalar): boolean => {
    if (patNum !== null) {
      const n = scalarToNumber(s);
      if (n !== null) return n === patNum;
    }
    return glob(scalarToString(s));
  };
  if (op === '=') return (v) => valuesOf(v).some(equals);
  if (op === '!=') return (v) => v !== null && !valuesOf(v).some(equals);
  const test = ORDER_TESTS[op];
  return (v) =>
    valuesOf(v).some((s) => {
      const n = scalarToNumber(s);
      if (n !== null && patNum !== null) return test(n < patNum ? -1 : n > patNum ? 1 : 0);
      return test(compareStrings(scalarToString(s), pattern.text));
    });
}

const ORDER_TESTS: Record<'<' | '<=' | '>' | '>=', (c: number) => boolean> = {
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};

const OP_TESTS: Record<CompareOp, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '!=': (c) => c !== 0,
  ...ORDER_TESTS,
};

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** eval/where scalar comparison: numeric when both are numbers, else exact case-sensitive strings. */
export function compareScalars(a: Scalar, b: Scalar): number {
  const x = scalarToNumber(a);
  const y = scalarToNumber(b);
  if (x !== null && y !== null) return x < y ? -1 : x > y ? 1 : 0;
  return compareStrings(scalarToString(a), scalarToString(b));
}

/**
 * eval/where `a <op> b`: null when either side is missing (comparison with null is never true); for
 * multivalue operands, true when any pair of values satisfies the operator.
 */
export function evalCompare(op: CompareOp, a: Value, b: Value): boolean | null {
  if (a === null || b === null) return null;
  const test = OP_TESTS[op];
  for (const x of valuesOf(a)) for (const y of valuesOf(b)) if (test(compareScalars(x, y))) return true;
  return false;
}

/**
 * Sort order for one key, direction applied. Missing values go last in both directions: the sort docs
 * say they are "treated as having the smallest or largest possible value of that field if the order is
 * descending or ascending, respectively". With `auto`, two numbers compare numerically, numbers sort
 * before strings, strings compare lexicographically (code units: uppercase before lowercase).
 */
export function sortCompare(a: Value, b: Value, type: PlanSortKey['type'], descending: boolean): number {
  const x = valuesOf(a)[0];
  const y = valuesOf(b)[0];
  if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : 1) : -1;
  const c = comparePresent(x, y, type);
  return descending ? -c : c;
}

function comparePresent(x: Scalar, y: Scalar, type: PlanSortKey['type']): number {
  if (type === 'str') return compareStrings(scalarToString(x), scalarToString(y));
  if (type === 'ip') return compareIps(scalarToString(x), scalarToString(y));
  const nx = scalarToNumber(x);
  const ny = scalarToNumber(y);
  if (nx !== null && ny !== null) return nx < ny ? -1 : nx > ny ? 1 : 0;
  if (nx !== null) return -1;
  if (ny !== null) return 1;
  return compareStrings(scalarToString(x), scalarToString(y));
}

function compareIps(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if (pa.length === 4 && pb.length === 4 && pa.every(Number.isInteger) && pb.every(Number.isInteger)) {
    for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] as number) - (pb[i] as number);
    return 0;
  }
  return compareStrings(a, b);
}

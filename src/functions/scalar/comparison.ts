// Comparison and information eval functions: match, like, in, isnull/isnotnull, isnum/isint/isstr/isbool/ismv
// and typeof. Pattern arguments go through the safe regex module, so a pattern RE2 cannot run throws
// SPL-REGEX-UNSUPPORTED and an invalid one SPL-REGEX-INVALID (the planner also checks literal patterns).

import { compileRegex } from '../../core/regex.ts';
import { scalarToNumber, scalarToString, valuesOf, type Scalar, type Value } from '../../core/value.ts';
import { argString, fn } from '../args.ts';
import type { ScalarFunction } from '../types.ts';

/** Equality as eval's `=` sees it: numerically when both sides are numbers, else as strings. */
export function scalarsEqual(a: Scalar, b: Scalar): boolean {
  const x = scalarToNumber(a);
  const y = scalarToNumber(b);
  if (x !== null && y !== null) return x === y;
  return scalarToString(a) === scalarToString(b);
}

/** True when any value of `a` equals any value of `b`. */
export function valuesEqual(a: Value, b: Value): boolean {
  const bs = valuesOf(b);
  return valuesOf(a).some((x) => bs.some((y) => scalarsEqual(x, y)));
}

/** SQL LIKE pattern (% any run, _ one character) as an anchored RE2 pattern. */
export function likeToRegex(pattern: string): string {
  let out = '(?s)^';
  for (const ch of pattern) {
    if (ch === '%') out += '.*';
    else if (ch === '_') out += '.';
    else out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\x{${(ch.codePointAt(0) as number).toString(16)}}`;
  }
  return out + '$';
}

/** Applies a predicate to each value; a multivalue is true when any value satisfies it. */
function anyValue(v: Value | undefined, test: (s: string) => boolean): boolean | null {
  if (v === null || v === undefined) return null;
  return valuesOf(v).some((s) => test(scalarToString(s)));
}

/** True when every value satisfies `test` (null is never numeric, string, ...). */
function allValues(v: Value | undefined, test: (s: Scalar) => boolean): boolean {
  const vs = valuesOf(v);
  return vs.length > 0 && vs.every(test);
}

const isNumber = (s: Scalar): boolean => scalarToNumber(s) !== null;

export const comparisonFunctions: readonly ScalarFunction[] = [
  fn('match', 2, 2, ([subject, regex]) => {
    const pattern = argString(regex);
    if (pattern === null) return null;
    const re = compileRegex(pattern);
    return anyValue(subject, (s) => re.test(s));
  }),
  fn('like', 2, 2, ([subject, pattern]) => {
    const p = argString(pattern);
    if (p === null) return null;
    // like() runs the pattern through the safe regex module after translating % and _.
    const re = compileRegex(likeToRegex(p));
    return anyValue(subject, (s) => re.test(s));
  }),
  fn('in', 2, Infinity, ([value, ...list]) => {
    if (value === null || value === undefined) return null;
    return list.some((item) => item !== null && item !== undefined && valuesEqual(value, item));
  }),
  fn('isnull', 1, 1, ([v]) => v === null || v === undefined),
  fn('isnotnull', 1, 1, ([v]) => v !== null && v !== undefined),
  fn('isnum', 1, 1, ([v]) => allValues(v, isNumber)),
  fn('isint', 1, 1, ([v]) => allValues(v, (s) => Number.isInteger(scalarToNumber(s)))),
  fn('isstr', 1, 1, ([v]) => allValues(v, (s) => typeof s === 'string' && !isNumber(s))),
  // A multivalue is two or more values (core/value.ts); a missing field is not one.
  fn('ismv', 1, 1, ([v]) => Array.isArray(v)),
  fn('isbool', 1, 1, ([v]) => allValues(v, (s) => typeof s === 'boolean')),
  fn('typeof', 1, 1, ([v]) => {
    if (v === null || v === undefined) return 'Invalid';
    if (Array.isArray(v)) return 'Multivalue';
    const s = v as Scalar;
    if (typeof s === 'boolean') return 'Boolean';
    return isNumber(s) ? 'Number' : 'String';
  }),
];

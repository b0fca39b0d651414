// Multivalue eval functions: mvcount, mvindex, mvfind, mvjoin, mvappend, mvdedup, mvsort, mvreverse, mvzip, mvrange.
// A multivalue is an array of two or more scalars; results are normalised with mv() so that one value is
// a plain scalar and no values is null.

import { compileRegex } from '../../core/regex.ts';
import { mv, scalarToString, valuesOf, type Scalar } from '../../core/value.ts';
import { argInt, argNumber, argString, compareLexical, fn } from '../args.ts';
import type { ScalarFunction } from '../types.ts';

/** Maximum number of values mvrange() produces, so a huge range cannot exhaust memory. */
export const MVRANGE_LIMIT = 10_000;

export const multivalueFunctions: readonly ScalarFunction[] = [
  fn('mvcount', 1, 1, ([v]) => (v === null || v === undefined ? null : valuesOf(v).length)),
  fn('mvindex', 2, 3, ([v, startArg, endArg]) => {
    const values = valuesOf(v);
    const start = argInt(startArg);
    if (values.length === 0 || start === null) return null;
    const n = values.length;
    const from = start < 0 ? n + start : start;
    if (from < 0 || from >= n) return null;
    if (endArg === undefined) return values[from] as Scalar;
    const end = argInt(endArg);
    if (end === null) return null;
    // The end index is inclusive; an end past the last value stops at the last value.
    const to = Math.min(end < 0 ? n + end : end, n - 1);
    if (to < from) return null;
    return mv(values.slice(from, to + 1));
  }),
  fn('mvfind', 2, 2, ([v, regex]) => {
    const pattern = argString(regex);
    if (pattern === null || v === null || v === undefined) return null;
    const re = compileRegex(pattern);
    const i = valuesOf(v).findIndex((s) => re.test(scalarToString(s)));
    return i < 0 ? null : i;
  }),
  fn('mvjoin', 2, 2, ([v, delim]) => {
    const d = argString(delim);
    if (v === null || v === undefined || d === null) return null;
    return valuesOf(v).map(scalarToString).join(d);
  }),
  // Nulls are skipped, so mvappend(null(), x) is x.
  fn('mvappend', 1, Infinity, (args) => mv(args.flatMap((a) => valuesOf(a)))),
  fn('mvdedup', 1, 1, ([v]) => {
    const seen = new Set<string>();
    const out: Scalar[] = [];
    for (const s of valuesOf(v)) {
      const key = scalarToString(s);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(s);
      }
    }
    return mv(out);
  }),
  // Lexicographic order, so "10" sorts before "9".
  fn('mvsort', 1, 1, ([v]) => mv([...valuesOf(v)].sort((a, b) => compareLexical(scalarToString(a), scalarToString(b))))),
  fn('mvreverse', 1, 1, ([v]) => (v === null || v === undefined ? null : mv([...valuesOf(v)].reverse()))),
  fn('mvzip', 2, 3, ([x, y, delim]) => {
    const d = delim === undefined ? ',' : argString(delim);
    if (x === null || x === undefined || y === null || y === undefined || d === null) return null;
    const xs = valuesOf(x);
    const ys = valuesOf(y);
    const out: Scalar[] = [];
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) out.push(`${scalarToString(xs[i] as Scalar)}${d}${scalarToString(ys[i] as Scalar)}`);
    return mv(out);
  }),
  fn('mvrange', 2, 3, ([startArg, endArg, stepArg]) => {
    const start = argNumber(startArg);
    const end = argNumber(endArg);
    const step = stepArg === undefined ? 1 : argNumber(stepArg);
    if (start === null || end === null || step === null || step <= 0) return null;
    const out: Scalar[] = [];
    // The end value is excluded.
    for (let x = start; x < end && out.length < MVRANGE_LIMIT; x += step) out.push(x);
    return mv(out);
  }),
];

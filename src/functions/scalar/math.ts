// Mathematical and statistical eval functions: abs, ceiling/ceil, floor, round, exp, ln, log, pow, sqrt,
// pi, exact, min, max, sum, avg, random. sigfig is not offered: it depends on the precision of the operands of the
// expression, which values do not carry. Non-numeric arguments give null; results that are not finite
// numbers (sqrt(-1), ln(0)) give null rather than NaN or Infinity.

import { scalarToNumber, scalarToString, valuesOf, type Value } from '../../core/value.ts';
import { argInt, argNumber, compareLexical, finite, fn } from '../args.ts';
import type { ScalarFunction } from '../types.ts';

const unary = (name: string, op: (x: number) => number): ScalarFunction =>
  fn(name, 1, 1, ([v]) => {
    const x = argNumber(v);
    return x === null ? null : finite(op(x));
  });

/** Rounds half away from zero at `digits` decimals, without binary noise (round(1.005, 2) = 1.01). */
export function roundHalfAway(x: number, digits: number): number {
  const sign = x < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(x)}e${digits}`));
  return sign * Number(`${shifted}e${-digits}`);
}

/** Splunk eval min/max: numbers compare numerically, strings lexicographically, strings > numbers. */
function extreme(args: readonly Value[], wantMax: boolean): Value {
  let bestNum: number | null = null;
  let bestStr: string | null = null;
  for (const a of args) {
    for (const s of valuesOf(a)) {
      const n = scalarToNumber(s);
      if (n !== null) {
        if (bestNum === null || (wantMax ? n > bestNum : n < bestNum)) bestNum = n;
      } else {
        const t = scalarToString(s);
        if (bestStr === null || (wantMax ? compareLexical(t, bestStr) > 0 : compareLexical(t, bestStr) < 0)) bestStr = t;
      }
    }
  }
  if (wantMax) return bestStr ?? bestNum;
  return bestNum ?? bestStr;
}

/**
 * The numeric values of every argument (multivalues contribute each value); statistical eval functions docs:
 * "The eval command ignores arguments that don't exist in an event or can't be converted to a number."
 */
function numericValues(args: readonly Value[]): number[] {
  const out: number[] = [];
  for (const a of args) {
    for (const s of valuesOf(a)) {
      const n = scalarToNumber(s);
      if (n !== null) out.push(n);
    }
  }
  return out;
}

export const mathFunctions: readonly ScalarFunction[] = [
  unary('abs', Math.abs),
  unary('ceiling', Math.ceil),
  unary('ceil', Math.ceil),
  unary('floor', Math.floor),
  unary('exp', Math.exp),
  unary('ln', (x) => (x > 0 ? Math.log(x) : NaN)),
  unary('sqrt', (x) => (x >= 0 ? Math.sqrt(x) : NaN)),
  unary('exact', (x) => x),
  fn('round', 1, 2, ([v, d]) => {
    const x = argNumber(v);
    const digits = d === undefined ? 0 : argInt(d);
    if (x === null || digits === null) return null;
    return finite(roundHalfAway(x, digits));
  }),
  fn('log', 1, 2, ([v, b]) => {
    const x = argNumber(v);
    const base = b === undefined ? 10 : argNumber(b);
    if (x === null || base === null || x <= 0 || base <= 0 || base === 1) return null;
    return finite(Math.log(x) / Math.log(base));
  }),
  fn('pow', 2, 2, ([v, e]) => {
    const x = argNumber(v);
    const y = argNumber(e);
    return x === null || y === null ? null : finite(x ** y);
  }),
  fn('pi', 0, 0, () => Math.PI),
  fn('min', 1, Infinity, (args) => extreme(args, false)),
  fn('max', 1, Infinity, (args) => extreme(args, true)),
  fn('sum', 1, Infinity, (args) => {
    const ns = numericValues(args);
    return ns.length === 0 ? null : finite(ns.reduce((a, b) => a + b, 0));
  }),
  // "avg(x,y) is equivalent to sum(x,y)/(mvcount(x) + mvcount(y))" over the numeric values.
  fn('avg', 1, Infinity, (args) => {
    const ns = numericValues(args);
    return ns.length === 0 ? null : finite(ns.reduce((a, b) => a + b, 0) / ns.length);
  }),
  // A pseudo-random integer from 0 to 2^31-1.
  fn('random', 0, 0, (_args, ctx) => Math.floor((ctx.random ?? Math.random)() * 2 ** 31)),
];

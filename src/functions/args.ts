// Argument helpers shared by the eval functions: reading a value as a string or number the way Splunk
// does (first value of a multivalue), mapping per-value functions over multivalues, and building
// function definitions with their arity.

import { firstOf, mv, scalarToNumber, scalarToString, type Scalar, type Value } from '../core/value.ts';
import type { FunctionContext, ScalarFunction } from './types.ts';

/** String form of the first value, or null. */
export function argString(v: Value | undefined): string | null {
  const s = firstOf(v);
  return s === null ? null : scalarToString(s);
}

/** Number form of the first value when it is numeric, else null. */
export function argNumber(v: Value | undefined): number | null {
  return scalarToNumber(firstOf(v));
}

/** Integer form of the first value (numbers are truncated toward zero), else null. */
export function argInt(v: Value | undefined): number | null {
  const n = argNumber(v);
  return n === null || !Number.isFinite(n) ? null : Math.trunc(n);
}

/** eval's truth test: only a boolean true is true (a null condition is not). */
export function isTrue(v: Value | undefined): boolean {
  return v === true;
}

/**
 * Applies `fn` to each value: a scalar gives a scalar, a multivalue gives a multivalue of the results
 * (values for which `fn` returns null are dropped), null gives null.
 */
export function mapValues(v: Value | undefined, fn: (s: Scalar) => Scalar | null): Value {
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v)) return fn(v as Scalar);
  const out: Scalar[] = [];
  for (const s of v as readonly Scalar[]) {
    const r = fn(s);
    if (r !== null) out.push(r);
  }
  return mv(out);
}

/** A finite number as a value, anything else (NaN, Infinity) as null. */
export function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

export function fn(
  name: string,
  minArgs: number,
  maxArgs: number,
  call: (args: readonly Value[], ctx: FunctionContext) => Value | boolean,
  checkArgCount?: (count: number) => string | undefined,
): ScalarFunction {
  return checkArgCount ? { name, minArgs, maxArgs, call, checkArgCount } : { name, minArgs, maxArgs, call };
}

/** Code-unit string order: digits before uppercase before lowercase, as Splunk's lexicographic order. */
export function compareLexical(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

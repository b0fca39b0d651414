// Trigonometric and hyperbolic eval functions (acos ... tanh, atan2, hypot) and the bitwise functions
// (bit_and, bit_or, bit_xor, bit_not, bit_shift_left, bit_shift_right). Angles are radians. A non-numeric
// argument or a result that is not a finite number (acos(2)) gives null; bitwise functions take whole
// numbers only.

import { argNumber, finite, fn } from '../args.ts';
import type { ScalarFunction } from '../types.ts';
import type { Value } from '../../core/value.ts';

const unary = (name: string, op: (x: number) => number): ScalarFunction =>
  fn(name, 1, 1, ([v]) => {
    const x = argNumber(v);
    return x === null ? null : finite(op(x));
  });

const binary = (name: string, op: (x: number, y: number) => number): ScalarFunction =>
  fn(name, 2, 2, ([a, b]) => {
    const x = argNumber(a);
    const y = argNumber(b);
    return x === null || y === null ? null : finite(op(x, y));
  });

/** Whole numbers as BigInt, so 64-bit values keep every bit; null when any argument is not one. */
function wholes(args: readonly Value[]): bigint[] | null {
  const out: bigint[] = [];
  for (const a of args) {
    const n = argNumber(a);
    if (n === null || !Number.isSafeInteger(n)) return null;
    out.push(BigInt(n));
  }
  return out;
}

const bitwise = (name: string, min: number, max: number, op: (xs: bigint[]) => bigint): ScalarFunction =>
  fn(name, min, max, (args) => {
    const xs = wholes(args);
    return xs === null ? null : Number(BigInt.asIntN(64, op(xs)));
  });

function clampShift(n: bigint): bigint {
  return n < 0n ? 0n : n > 64n ? 64n : n;
}

export const trigFunctions: readonly ScalarFunction[] = [
  unary('acos', Math.acos),
  unary('acosh', Math.acosh),
  unary('asin', Math.asin),
  unary('asinh', Math.asinh),
  unary('atan', Math.atan),
  unary('atanh', Math.atanh),
  unary('cos', Math.cos),
  unary('cosh', Math.cosh),
  unary('sin', Math.sin),
  unary('sinh', Math.sinh),
  unary('tan', Math.tan),
  unary('tanh', Math.tanh),
  binary('atan2', Math.atan2),
  binary('hypot', Math.hypot),
  bitwise('bit_and', 2, Infinity, (xs) => xs.reduce((a, b) => a & b)),
  bitwise('bit_or', 2, Infinity, (xs) => xs.reduce((a, b) => a | b)),
  bitwise('bit_xor', 2, Infinity, (xs) => xs.reduce((a, b) => a ^ b)),
  bitwise('bit_not', 1, 1, ([x]) => ~(x as bigint)),
  // Shifts past 64 bits are clamped so a huge count cannot build a huge number.
  bitwise('bit_shift_left', 2, 2, ([x, n]) => (x as bigint) << clampShift(n as bigint)),
  bitwise('bit_shift_right', 2, 2, ([x, n]) => (x as bigint) >> clampShift(n as bigint)),
];

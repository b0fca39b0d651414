// Conditional eval functions: if, case, coalesce, nullif, validate, null, true, false.
// These are the null-rule exceptions: they look at which arguments are null instead of propagating null.

import { fn, isTrue } from '../args.ts';
import type { ScalarFunction } from '../types.ts';
import { valuesEqual } from './comparison.ts';

const pairs = (what: string) => (n: number): string | undefined =>
  n % 2 === 0 ? undefined : `${what} takes pairs of arguments, got ${n}`;

export const conditionalFunctions: readonly ScalarFunction[] = [
  // The branch not taken is ignored, so a null there does not matter; a null condition takes the else branch.
  fn('if', 3, 3, ([cond, then, other]) => (isTrue(cond) ? (then ?? null) : (other ?? null))),
  fn('case', 2, Infinity, (args) => {
    for (let i = 0; i + 1 < args.length; i += 2) if (isTrue(args[i])) return args[i + 1] ?? null;
    return null;
  }, pairs('case()')),
  fn('coalesce', 1, Infinity, (args) => {
    for (const a of args) if (a !== null && a !== undefined) return a;
    return null;
  }),
  fn('nullif', 2, 2, ([a, b]) => (a !== null && a !== undefined && b !== null && b !== undefined && valuesEqual(a, b) ? null : (a ?? null))),
  // validate(cond, message, ...) returns the message of the first condition that is not true.
  fn('validate', 2, Infinity, (args) => {
    for (let i = 0; i + 1 < args.length; i += 2) if (!isTrue(args[i])) return args[i + 1] ?? null;
    return null;
  }, pairs('validate()')),
  fn('null', 0, 0, () => null),
  fn('true', 0, 0, () => true),
  fn('false', 0, 0, () => false),
];

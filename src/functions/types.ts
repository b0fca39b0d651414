// Contracts for eval functions and stats aggregates. The executor evaluates every argument first and
// passes the values in; functions never see SPL text or rows. A function returns null for "no value":
// eval then leaves the field unset, and where treats it as not true.

import type { Value } from '../core/value.ts';

export interface FunctionContext {
  /** Search time (epoch seconds) for now(); fixed per search so results are reproducible. */
  readonly now: number;
  /** Source of random() numbers in [0, 1); tests pass a seeded generator. Defaults to Math.random. */
  readonly random?: () => number;
  /** Time zone for strftime/strptime/relative_time; defaults to UTC. */
  readonly tz?: string;
}

export interface ScalarFunction {
  readonly name: string;
  readonly minArgs: number;
  /** Infinity for variadic functions. */
  readonly maxArgs: number;
  /** Extra arity rule beyond min/max (e.g. case() takes pairs): returns a message when `count` is wrong. */
  readonly checkArgCount?: (count: number) => string | undefined;
  call(args: readonly Value[], ctx: FunctionContext): Value | boolean;
}

export interface Accumulator {
  /** One event's value of the argument field (null when missing) and the event's _time. */
  add(value: Value, time: number): void;
  result(): Value;
}

export interface AggregateOptions {
  /**
   * Whether the call had a field argument. Only count() cares: bare `count` counts events,
   * `count(x)` counts the values of x. Defaults to `needsArg`.
   */
  readonly hasArg?: boolean;
}

export interface AggregateFunction {
  readonly name: string;
  /** True when the aggregate requires a field argument (everything except count). */
  readonly needsArg: boolean;
  create(opts?: AggregateOptions): Accumulator;
}

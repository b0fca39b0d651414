// Binds the plan's aggregations to accumulators from the function registry and compiles their arguments.
// Bare `count` has no argument: its accumulator is created with hasArg=false and counts every row.

import { fail } from '../core/diagnostics.ts';
import type { Value } from '../core/value.ts';
import { getAggregate } from '../functions/registry.ts';
import type { PlanAggregation } from '../plan/nodes.ts';
import { compileExpr } from './compile-expr.ts';
import type { ExecContext } from './context.ts';
import type { Row } from './row.ts';

export interface RowAccumulator {
  add(value: Value, row: Row): void;
  result(): Value;
}

export interface BoundAggregation {
  readonly as: string;
  readonly arg: (row: Row) => Value;
  create(): RowAccumulator;
}

const NO_ARG = (): Value => null;

/**
 * `count(eval(action="failure"))` counts only events where the expression is true: a false comparison
 * is treated as no value, as the Splunk idiom relies on.
 */
function argValue(compiled: (row: Row) => Value): (row: Row) => Value {
  return (row) => {
    const v = compiled(row);
    return v === false ? null : v;
  };
}

export function bindAggregations(aggs: readonly PlanAggregation[], ctx: ExecContext): BoundAggregation[] {
  return aggs.map((a) => {
    const fn = getAggregate(a.fn);
    if (!fn) fail('SPL-UNKNOWN-FUNCTION', `unknown stats function ${a.fn}()`, { hint: 'see docs/functions.md for the stats functions sightline supports' });
    const hasArg = a.arg !== null;
    return {
      as: a.as,
      arg: a.arg ? argValue(compileExpr(a.arg, ctx)) : NO_ARG,
      create: () => {
        const acc = fn.create({ hasArg });
        return { add: (value, row) => acc.add(value, row.time ?? 0), result: () => acc.result() };
      },
    };
  });
}

// Counting aggregates: count (bare: events; count(x): values of x, each value of a multivalue counted),
// dc/distinct_count and estdc (distinct string forms; estdc is computed exactly, which is within any
// estimate's error bound).

import { scalarToString, valuesOf, type Value } from '../../core/value.ts';
import type { Accumulator, AggregateFunction, AggregateOptions } from '../types.ts';

export const count: AggregateFunction = {
  name: 'count',
  needsArg: false,
  create(opts: AggregateOptions = {}): Accumulator {
    const bare = !(opts.hasArg ?? false);
    let n = 0;
    return {
      add(value: Value) {
        n += bare ? 1 : valuesOf(value).length;
      },
      result: () => n,
    };
  },
};

const distinct = (name: string): AggregateFunction => ({
  name,
  needsArg: true,
  create(): Accumulator {
    // Values are compared as strings: "1", "1.0" and "01" are three distinct values.
    const seen = new Set<string>();
    return {
      add(value: Value) {
        for (const s of valuesOf(value)) seen.add(scalarToString(s));
      },
      result: () => seen.size,
    };
  },
});

export const countAggregates: readonly AggregateFunction[] = [count, distinct('dc'), distinct('distinct_count'), distinct('estdc')];

// Sum and moment aggregates over numeric values: sum, sumsq, avg/mean, var, varp, stdev, stdevp.
// Non-numeric values are ignored; with no numeric value the result is null. Variance uses Welford's
// update so large values do not lose precision.

import type { Value } from '../../core/value.ts';
import type { Accumulator, AggregateFunction } from '../types.ts';
import { numericValues } from './numeric.ts';

interface Moments {
  n: number;
  sum: number;
  sumsq: number;
  mean: number;
  m2: number;
}

const momentAggregate = (name: string, finish: (m: Moments) => number | null): AggregateFunction => ({
  name,
  needsArg: true,
  create(): Accumulator {
    const m: Moments = { n: 0, sum: 0, sumsq: 0, mean: 0, m2: 0 };
    return {
      add(value: Value) {
        for (const x of numericValues(value)) {
          m.n++;
          m.sum += x;
          m.sumsq += x * x;
          const delta = x - m.mean;
          m.mean += delta / m.n;
          m.m2 += delta * (x - m.mean);
        }
      },
      result: () => (m.n === 0 ? null : finish(m)),
    };
  },
});

// A single value has no spread: sample variance and stdev report 0 rather than dividing by zero.
const sampleVar = (m: Moments): number => (m.n < 2 ? 0 : m.m2 / (m.n - 1));

export const momentAggregates: readonly AggregateFunction[] = [
  momentAggregate('sum', (m) => m.sum),
  momentAggregate('sumsq', (m) => m.sumsq),
  momentAggregate('avg', (m) => m.sum / m.n),
  momentAggregate('mean', (m) => m.sum / m.n),
  momentAggregate('var', sampleVar),
  momentAggregate('varp', (m) => m.m2 / m.n),
  momentAggregate('stdev', (m) => Math.sqrt(sampleVar(m))),
  momentAggregate('stdevp', (m) => Math.sqrt(m.m2 / m.n)),
];

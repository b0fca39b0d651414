// min, max and range. min and max process values as numbers when possible and otherwise as strings
// (strings are greater than numbers); range is max - min over the numeric values only.

import type { Value } from '../../core/value.ts';
import type { Accumulator, AggregateFunction } from '../types.ts';
import { Extremes } from './numeric.ts';

const extremeAggregate = (name: string, pick: (e: Extremes) => Value): AggregateFunction => ({
  name,
  needsArg: true,
  create(): Accumulator {
    const e = new Extremes();
    return { add: (value) => e.add(value), result: () => pick(e) };
  },
});

export const extremeAggregates: readonly AggregateFunction[] = [
  extremeAggregate('min', (e) => e.min()),
  extremeAggregate('max', (e) => e.max()),
  extremeAggregate('range', (e) => (e.minNum === null || e.maxNum === null ? null : e.maxNum - e.minNum)),
];

// Order statistics: median, mode and the percentile family perc<N>/p<N>/exactperc<N>/upperperc<N>.
// Percentiles use the nearest-rank method, which Splunk uses below 1000 distinct values; sightline keeps
// every value, so all three percentile spellings return the exact nearest-rank value.

import { scalarToString, valuesOf, type Scalar, type Value } from '../../core/value.ts';
import type { Accumulator, AggregateFunction } from '../types.ts';
import { numericValues } from './numeric.ts';

/** Nearest rank: the smallest value with at least p% of the values at or below it. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

const collectNumbers = (name: string, finish: (sorted: number[]) => number | null): AggregateFunction => ({
  name,
  needsArg: true,
  create(): Accumulator {
    const xs: number[] = [];
    return {
      add: (value: Value) => {
        for (const x of numericValues(value)) xs.push(x);
      },
      result: () => finish([...xs].sort((a, b) => a - b)),
    };
  },
});

// With an even number of values the higher of the two middle values is returned.
export const median = collectNumbers('median', (s) => (s.length === 0 ? null : (s[Math.floor(s.length / 2)] as number)));

export const mode: AggregateFunction = {
  name: 'mode',
  needsArg: true,
  create(): Accumulator {
    const counts = new Map<string, { value: Scalar; n: number }>();
    return {
      add(value: Value) {
        for (const s of valuesOf(value)) {
          const key = scalarToString(s);
          const entry = counts.get(key);
          if (entry) entry.n++;
          else counts.set(key, { value: s, n: 1 });
        }
      },
      result() {
        // Ties go to the value seen first (Map keeps insertion order).
        let best: { value: Scalar; n: number } | null = null;
        for (const e of counts.values()) if (!best || e.n > best.n) best = e;
        return best ? best.value : null;
      },
    };
  },
};

const PERCENTILE_NAME = /^(perc|p|exactperc|upperperc)(\d+(?:\.\d+)?)$/;

/** perc95, p99.9, exactperc50, upperperc75 -> an aggregate; undefined when the name is not one. */
export function percentileAggregate(name: string): AggregateFunction | undefined {
  const m = PERCENTILE_NAME.exec(name);
  if (!m) return undefined;
  const p = Number(m[2]);
  if (!(p > 0 && p <= 100)) return undefined;
  return collectNumbers(name, (s) => nearestRank(s, p));
}

export const orderAggregates: readonly AggregateFunction[] = [median, mode];

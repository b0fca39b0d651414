// Aggregates that pick one value by time or by arrival: earliest/latest (by _time), earliest_time/
// latest_time (the _time of those values), first/last (arrival order). Null values are skipped.
// Ties on _time keep the first-arriving value for earliest and the last-arriving one for latest.

import type { Value } from '../../core/value.ts';
import type { Accumulator, AggregateFunction } from '../types.ts';

type Picker = (candidateTime: number, bestTime: number) => boolean;

const byTime = (name: string, better: Picker, report: 'value' | 'time'): AggregateFunction => ({
  name,
  needsArg: true,
  create(): Accumulator {
    let best: Value = null;
    let bestTime = 0;
    let seen = false;
    return {
      add(value: Value, time: number) {
        if (value === null) return;
        if (!seen || better(time, bestTime)) {
          best = value;
          bestTime = time;
          seen = true;
        }
      },
      result: () => (!seen ? null : report === 'value' ? best : bestTime),
    };
  },
});

const earlier: Picker = (t, best) => t < best;
const laterOrSame: Picker = (t, best) => t >= best;
const never: Picker = () => false;
const always: Picker = () => true;

export const timeOrderAggregates: readonly AggregateFunction[] = [
  byTime('earliest', earlier, 'value'),
  byTime('latest', laterOrSame, 'value'),
  byTime('earliest_time', earlier, 'time'),
  byTime('latest_time', laterOrSame, 'time'),
  byTime('first', never, 'value'),
  byTime('last', always, 'value'),
];

// Collecting aggregates: values (distinct, lexicographically sorted, capped at VALUES_LIMIT) and list
// (every value in arrival order, capped at LIST_LIMIT as Splunk's list() is).

import { mv, scalarToString, valuesOf, type Scalar, type Value } from '../../core/value.ts';
import { compareLexical } from '../args.ts';
import type { Accumulator, AggregateFunction } from '../types.ts';

/** values() keeps at most this many distinct values (sightline's bound; the excess is dropped). */
export const VALUES_LIMIT = 10_000;
/** list() keeps the first 100 values, as Splunk's list() does. */
export const LIST_LIMIT = 100;

export const values: AggregateFunction = {
  name: 'values',
  needsArg: true,
  create(): Accumulator {
    const seen = new Set<string>();
    return {
      add(value: Value) {
        for (const s of valuesOf(value)) {
          if (seen.size >= VALUES_LIMIT) return;
          seen.add(scalarToString(s));
        }
      },
      result: () => mv([...seen].sort(compareLexical)),
    };
  },
};

export const list: AggregateFunction = {
  name: 'list',
  needsArg: true,
  create(): Accumulator {
    const items: Scalar[] = [];
    return {
      add(value: Value) {
        for (const s of valuesOf(value)) {
          if (items.length >= LIST_LIMIT) return;
          items.push(s);
        }
      },
      result: () => mv(items),
    };
  },
};

export const collectAggregates: readonly AggregateFunction[] = [values, list];
